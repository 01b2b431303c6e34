import Foundation

/// A setting Foothold cannot start with: its message names the setting and what is wrong with it.
public struct ConfigurationProblem: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

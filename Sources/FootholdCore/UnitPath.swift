import Foundation

/// Where a unit sits in the organisation's tree, written as its names from the top down with
/// slashes between them: `Ridgeway/Housing/Planning`.
public struct UnitPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let names: [String]

    public init(names: [String]) { self.names = names }

    /// Reads `A/B/C`; spaces around each name are dropped. Nil when any name is empty.
    public init?(parsing text: String) {
        let names = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmed(newlines: false) }
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else { return nil }
        self.names = names
    }

    public var description: String { names.joined(separator: "/") }
    public var name: String { names.last ?? "" }
    public var depth: Int { names.count }
    public var parent: UnitPath? { names.count > 1 ? UnitPath(names: Array(names.dropLast())) : nil }

    /// This path and every path above it, top first.
    public var lineage: [UnitPath] { (1...names.count).map { UnitPath(names: Array(names.prefix($0))) } }

    public static func < (lhs: UnitPath, rhs: UnitPath) -> Bool { lhs.description < rhs.description }
}

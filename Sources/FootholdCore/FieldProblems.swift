import Foundation

/// Problems with what someone typed, each tied to the field it is about, in the order found.
public struct FieldProblems: Error, Sendable, Equatable {
    public private(set) var items: [(field: String, message: String)] = []

    public init() {}

    public mutating func add(_ field: String, _ message: String) { items.append((field, message)) }
    public var isEmpty: Bool { items.isEmpty }

    /// The same problems with the fields in the order a form shows them (others after, as found).
    public func ordered(by fields: [String]) -> FieldProblems {
        var result = FieldProblems()
        result.items = items.sorted {
            (fields.firstIndex(of: $0.field) ?? fields.count) < (fields.firstIndex(of: $1.field) ?? fields.count)
        }
        return result
    }
    public func message(for field: String) -> String? { items.first { $0.field == field }?.message }

    public static func == (lhs: FieldProblems, rhs: FieldProblems) -> Bool {
        lhs.items.map { "\($0.field):\($0.message)" } == rhs.items.map { "\($0.field):\($0.message)" }
    }
}

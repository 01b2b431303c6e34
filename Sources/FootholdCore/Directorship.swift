import Foundation

/// Who a person's director is: the head of their unit, or, when they head it themselves, the
/// head of the nearest unit above with someone else at its head. The director is told when a
/// checkpoint conversation was held, and sees the counts of everyone below them.
public enum Directorship {
    /// The director of `person`, given the heads of their unit and of every unit above it,
    /// nearest first (a unit with no head is nil). Nil when nobody above them heads a unit.
    public static func director<ID: Equatable>(of person: ID, heads: [ID?]) -> ID? {
        heads.lazy.compactMap { $0 }.first { $0 != person }
    }

    /// Whether `viewer` heads the person's unit or a unit above it, given the same heads.
    public static func isDirector<ID: Equatable>(_ viewer: ID, heads: [ID?]) -> Bool {
        heads.contains(viewer)
    }
}

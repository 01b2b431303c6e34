import Foundation

/// An employee's choice to let their line manager read the summaries, themes and actions of
/// conversations held with someone else (an earlier manager, a mentor). It is given to a named
/// manager: when the reporting line changes, the new manager sees nothing of that history until
/// the employee chooses again, for them (SPEC §7).
public enum HistoryConsent {
    /// Whether the choice, given to `sharedWith`, lets today's `manager` read the history.
    public static func applies(sharedWith: UUID?, manager: UUID?) -> Bool {
        guard let sharedWith, let manager else { return false }
        return sharedWith == manager
    }

    /// Whether the person has a manager they have not yet made the choice for: a new manager,
    /// whom they should be told about.
    public static func hasNewManager(choiceMadeFor: UUID?, manager: UUID?) -> Bool {
        guard let manager else { return false }
        return choiceMadeFor != manager
    }
}

/// Who will carry out an action agreed in or after a conversation (SPEC §3, Actions).
public enum ActionOwner: String, Codable, CaseIterable, Sendable {
    case employee, guide, organisation
    /// A named colleague found in the directory.
    case colleague

    /// Whether the guide must confirm the action can be delivered before anyone relies on it
    /// ("don't agree to actions you can't deliver", seed 001).
    public var needsGuideConfirmation: Bool { self == .guide || self == .organisation }
}

/// Where an action stands.
public enum ActionStatus: String, Codable, CaseIterable, Sendable {
    case open
    case inProgress = "in_progress"
    case done
    /// Dropped, always with a reason.
    case dropped

    /// Still to be done: carried into the next conversation and shown on the home page.
    public var isLive: Bool { self == .open || self == .inProgress }

    public var label: String {
        switch self {
        case .open: "Open"
        case .inProgress: "In progress"
        case .done: "Done"
        case .dropped: "Dropped"
        }
    }
}

/// The rules for an action that do not need the database.
public enum ActionRules {
    public static let maximumDescriptionLength = 500
    public static let maximumSuccessMeasureLength = 500
    public static let maximumNoteLength = 2_000
    public static let maximumDropReasonLength = 500

    /// Whether an action due on `dueOn` is overdue on `today`: past its day and not finished.
    public static func isOverdue(dueOn: CalendarDate?, status: ActionStatus, today: CalendarDate) -> Bool {
        guard let dueOn, status.isLive else { return false }
        return dueOn < today
    }

    /// A due date already past is a mistake (usually the year), unless the action already had it:
    /// what is wrong, or nil.
    public static func dueProblem(_ due: CalendarDate, today: CalendarDate, alreadyDue: CalendarDate? = nil) -> String? {
        guard due < today, due != alreadyDue else { return nil }
        return "\(due.spoken) has passed: choose today or a later date"
    }
}

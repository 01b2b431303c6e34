import Foundation

/// How one person stands against one checkpoint (SPEC §2).
public enum CadenceStatus: String, CaseIterable, Sendable, Codable {
    /// A checkpoint conversation with the line manager was held inside the window.
    case met
    /// One is arranged and the window has not closed.
    case scheduled
    /// The window is open and nothing is held or arranged yet.
    case due
    /// The window has closed with nothing held.
    case overdue
    /// The employee said "not now": offered, not missed.
    case declined
    /// The window has not opened yet.
    case upcoming
    /// The person joined after the window closed, so none was expected.
    case notExpected = "not_expected"

    public var title: String {
        switch self {
        case .met: "Met"
        case .scheduled: "Scheduled"
        case .due: "Due"
        case .overdue: "Overdue"
        case .declined: "Declined"
        case .upcoming: "Not yet open"
        case .notExpected: "Not expected"
        }
    }
}

/// Works out cadence from a person's conversations. Dates are days in the organisation's time
/// zone; instants are turned into days before they reach here.
public enum Cadence {
    /// One of the person's conversations, as far as cadence cares.
    public struct Conversation: Sendable, Equatable {
        public var checkpointID: UUID?
        public var state: ConversationState
        /// Whether the guide was the employee's line manager when the conversation was held
        /// (or, while it is open, is now). A conversation with a previous manager still counts.
        public var withLineManager: Bool
        public var heldOn: CalendarDate?
        public var scheduledFor: CalendarDate?

        public init(
            checkpointID: UUID?, state: ConversationState, withLineManager: Bool, heldOn: CalendarDate? = nil,
            scheduledFor: CalendarDate? = nil
        ) {
            self.checkpointID = checkpointID
            self.state = state
            self.withLineManager = withLineManager
            self.heldOn = heldOn
            self.scheduledFor = scheduledFor
        }
    }

    public static func status(
        for checkpoint: Checkpoint, today: CalendarDate, joinedOn: CalendarDate?,
        conversations: [Conversation]
    ) -> CadenceStatus {
        let forThis = conversations.filter { $0.checkpointID == checkpoint.id }
        if forThis.contains(where: { $0.state == .held && $0.withLineManager && $0.heldOn.map(checkpoint.contains) == true }) {
            return .met
        }
        if let joinedOn, joinedOn > checkpoint.closes { return .notExpected }
        if forThis.contains(where: { $0.state == .declined }) { return .declined }
        if today > checkpoint.closes { return .overdue }
        if forThis.contains(where: { $0.state == .scheduled }) { return .scheduled }
        return today >= checkpoint.opens ? .due : .upcoming
    }
}

import Foundation

/// The kinds of career conversation (SPEC §3).
public enum ConversationKind: String, CaseIterable, Sendable, Codable {
    /// With the line manager, tied to a checkpoint of the career year.
    case checkpoint
    /// Short and unplanned.
    case checkIn = "check_in"
    /// With a member of the Leadership Team.
    case leadership
    /// With any colleague as mentor.
    case mentoring

    public var title: String {
        switch self {
        case .checkpoint: "Checkpoint conversation"
        case .checkIn: "Check-in"
        case .leadership: "Leadership Team conversation"
        case .mentoring: "Mentoring conversation"
        }
    }
}

/// Where a conversation is in its life.
public enum ConversationState: String, CaseIterable, Sendable, Codable {
    /// Proposed by one side, waiting for the other's answer.
    case requested
    /// Agreed, with a time.
    case scheduled
    case held
    case cancelled
    /// The person asked said no (for the employee: "Not now").
    case declined

    public var title: String {
        switch self {
        case .requested: "Waiting for an answer"
        case .scheduled: "Scheduled"
        case .held: "Held"
        case .cancelled: "Cancelled"
        case .declined: "Declined"
        }
    }

    public var isOpen: Bool { self == .requested || self == .scheduled }
}

/// Who a person is to one conversation.
public enum ConversationSide: String, Sendable, Codable {
    /// The person whose career the conversation is about.
    case employee
    /// The person guiding it: the line manager, a Leadership Team member, a mentor.
    case guide
}

/// What may be done to a conversation, by whom, in which state. The one place these rules live.
public enum ConversationLifecycle {
    public enum Step: String, Sendable, CaseIterable {
        case accept, decline, reschedule, cancel, markHeld = "mark_held"
        /// Saying again which checkpoint a held conversation met, when the first answer was wrong.
        case changeCheckpoint = "change_checkpoint"
    }

    public struct Facts: Sendable, Equatable {
        public var state: ConversationState
        /// Which side asked for the conversation; the other side answers.
        public var requestedBy: ConversationSide

        public init(state: ConversationState, requestedBy: ConversationSide) {
            self.state = state
            self.requestedBy = requestedBy
        }
    }

    /// Whether `side` may take `step` now.
    public static func allows(_ step: Step, by side: ConversationSide, _ facts: Facts) -> Bool {
        switch (step, facts.state) {
        case (.accept, .requested), (.decline, .requested):
            return side != facts.requestedBy
        case (.cancel, .requested):
            return side == facts.requestedBy
        case (.reschedule, .scheduled), (.cancel, .scheduled):
            return true
        case (.markHeld, .scheduled), (.changeCheckpoint, .held):
            return side == .guide
        default:
            return false
        }
    }

    /// The state after `step`.
    public static func state(after step: Step, from state: ConversationState) -> ConversationState {
        switch step {
        case .accept, .reschedule: .scheduled
        case .decline: .declined
        case .cancel: .cancelled
        case .markHeld, .changeCheckpoint: .held
        }
    }
}

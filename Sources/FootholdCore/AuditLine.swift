import Foundation

/// How one audited event is shown to HR administrators. The audit page answers "who opened this
/// person's records, and when" without letting HR work out who holds a mentoring or Leadership
/// Team conversation with whom, or who said "not now" (decision 0013).
public enum AuditLine {
    public struct Facts: Sendable {
        public var event: String
        public var detail: String
        public var actorName: String?
        public var subjectName: String?
        /// The kind of conversation the event is about, if it is about one.
        public var conversationKind: ConversationKind?
        /// Whether the actor is the conversation's employee (reading or changing their own record).
        public var actorIsEmployee: Bool
        /// Whether the actor is the subject's line manager now.
        public var actorIsLineManager: Bool

        public init(
            event: String, detail: String = "", actorName: String?, subjectName: String?, conversationKind: ConversationKind? = nil,
            actorIsEmployee: Bool = false, actorIsLineManager: Bool = false
        ) {
            self.actorIsLineManager = actorIsLineManager
            self.event = event
            self.detail = detail
            self.actorName = actorName
            self.subjectName = subjectName
            self.conversationKind = conversationKind
            self.actorIsEmployee = actorIsEmployee
        }
    }

    public struct Line: Sendable, Equatable {
        public var who: String
        public var what: String
        public var whose: String
    }

    public static let someoneInTheConversation = "Someone in the conversation"
    public static let someoneTheyShareWith = "Someone they share their plan with"

    public static func line(_ facts: Facts) -> Line {
        let whose = facts.subjectName ?? "—"
        // A guide who reads a plan shown to them is the person's line manager (known from the
        // organisation chart) or someone they chose, a mentor among them: that one is not named.
        if facts.event == AuditEvent.planViewed.rawValue && !facts.actorIsLineManager {
            return Line(who: someoneTheyShareWith, what: facts.event.capitalisedFirst, whose: whose)
        }
        guard let kind = facts.conversationKind else {
            let what = facts.detail.isEmpty ? facts.event.capitalisedFirst : facts.event.capitalisedFirst + ": " + facts.detail
            // Retention runs on its own, in the reminder run.
            let nobody = facts.event == AuditEvent.retentionDeleted.rawValue ? "Foothold, by the retention period" : "Someone not signed in"
            return Line(who: facts.actorName ?? nobody, what: what, whose: whose)
        }
        // Reads and changes of a conversation record, in two words: "declined" or "accepted" would
        // tell HR who said not now.
        let what =
            facts.event.hasPrefix("viewed") || facts.event.hasPrefix("downloaded")
            ? "Opened a conversation record" : "Changed a conversation record"
        // A line manager's part in a checkpoint or check-in is known from the organisation chart;
        // the other person in a mentoring or Leadership Team conversation is nobody's business.
        let private_ = (kind == .mentoring || kind == .leadership) && !facts.actorIsEmployee
        return Line(who: private_ ? someoneInTheConversation : (facts.actorName ?? "—"), what: what, whose: whose)
    }
}

import Foundation

/// Something that happened which concerns one person, told to them in the app and by e-mail
/// (decision 0022): who did it, and when and where a conversation is, never what anyone wrote.
public struct News: Sendable, Equatable {
    public enum What: String, Sendable, Equatable, CaseIterable {
        /// A guide invites the person to a conversation.
        case invited
        /// Someone asks the person (as guide) for a conversation.
        case requested
        case accepted
        /// "Not now": the reason is never told.
        case declined
        case rescheduled
        case cancelled
        /// Someone booked the person's Leadership Team slot.
        case booked
        /// The Leadership Team member withdrew a slot the person had booked.
        case slotWithdrawn = "slot_withdrawn"
        /// The guide wrote or changed the summary: the employee is asked to confirm it.
        case summaryToConfirm = "summary_to_confirm"
        case summaryConfirmed = "summary_confirmed"
        /// Someone named the person to do an action.
        case actionGiven = "action_given"

        /// The kind a person switches on or off for it.
        public var kind: ReminderKind {
            switch self {
            case .summaryToConfirm, .summaryConfirmed: .summaryNews
            case .actionGiven: .actionGiven
            default: .conversationNews
            }
        }
    }

    public var what: What
    /// The person who did it, by full name.
    public var by: String
    /// When the conversation is, when it has a time.
    public var startsAt: Date?
    public var place: String
    /// For an action: the day it is due.
    public var due: CalendarDate?

    public init(_ what: What, by: String, startsAt: Date? = nil, place: String = "", due: CalendarDate? = nil) {
        self.what = what
        self.by = by
        self.startsAt = startsAt
        self.place = place
        self.due = due
    }

    /// "Tuesday 24 November 2026 at 14:00".
    public static func when(_ date: Date, in timeZone: TimeZone) -> String {
        let t = LocalTime(date, in: timeZone)
        return "\(t.weekdayName) \(t.day) \(t.monthName) \(t.year) at \(t.clock)"
    }

    /// The one sentence the person reads.
    public func sentence(in timeZone: TimeZone) -> String {
        let at = startsAt.map { " on " + Self.when($0, in: timeZone) } ?? ""
        let there = place.isEmpty ? "" : ", \(place)"
        return switch what {
        case .invited:
            "\(by) invites you to a career conversation\(at)\(there). Accept it, or say not now."
        case .requested:
            "\(by) asks you for a career conversation\(startsAt.map { ", suggesting " + Self.when($0, in: timeZone) } ?? ""). "
                + "Accept it with a time, or say not now."
        case .accepted: "\(by) accepted your career conversation\(at)\(there)."
        case .declined: "\(by) said not now to your career conversation. Nothing more is needed from you."
        case .rescheduled: "\(by) changed your career conversation: it is now\(at)\(there)."
        case .cancelled: "\(by) cancelled your career conversation\(at)."
        case .booked: "\(by) booked your Leadership Team slot\(at)\(there)."
        case .slotWithdrawn: "\(by) withdrew the slot you booked\(at), so that conversation is cancelled. You can book another slot."
        case .summaryToConfirm: "\(by) wrote the summary of your conversation. Read it, and confirm it or change it."
        case .summaryConfirmed: "\(by) confirmed the summary of your conversation."
        case .actionGiven:
            "\(by) named you to do an action\(due.map { ", due \($0.spoken)" } ?? ""). It is on your actions page."
        }
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What happened, told to the person it concerns (decision 0022): recorded in the outbox in the
/// transaction that did it, in the app at once and by e-mail as soon as the server can send it,
/// with a calendar invitation when a conversation has a time.
package enum NewsStore {
    /// Tells `recipient` of `news` about a conversation (or an action), unless they switched its kind
    /// off. `now` keeps each telling its own: two of the same kind on one subject are two.
    package static func tell(
        _ news: News, to recipient: UUID, about subject: UUID, link: String, timeZone: TimeZone, at now: Date,
        on database: any Database
    ) async throws {
        let kind = news.what.kind
        let off = try await database.sql.raw(
            """
            SELECT 1 AS off FROM \(unsafeRaw: RemindersStore.switchedOff) WHERE person_id = \(bind: recipient) \
            AND kind = \(bind: kind.rawValue)
            """
        ).first()
        guard off == nil else { return }
        let reminder = Reminder(
            kind: kind, recipientID: recipient, subject: subject.uuidString.lowercased(),
            occurrence: "\(news.what.rawValue)@\(Int((now.timeIntervalSince1970 * 1000).rounded()))",
            text: news.sentence(in: timeZone), link: link)
        _ = try await RemindersStore.record([reminder], channels: { _ in [ReminderChannel.email.rawValue] }, at: now, on: database)
    }

    /// Someone's full name, for saying who did it.
    package static func name(of person: UUID, on database: any Database) async throws -> String {
        try await database.sql.raw("SELECT name FROM people WHERE id = \(bind: person)").first()?.decode(column: "name", as: String.self)
            ?? "Someone"
    }

    /// The calendar invitation an e-mail of conversation news carries: REQUEST while the
    /// conversation is asked for or arranged with a time, CANCEL once it is cancelled or declined;
    /// nil without a time. The UID is the one the conversation's calendar file and feed use.
    package static func calendar(
        conversation id: UUID, organiser: MailMessage.Address, baseURL: String, stamp: Date, on reads: Reads
    ) async throws -> (method: String, text: String)? {
        guard
            let row = try await reads.firstRow(
                """
                SELECT c.state, c.starts_at, c.minutes, c.place, e.name AS employee_name, e.email AS employee_email, \
                g.name AS guide_name, g.email AS guide_email, COALESCE(s.sequence, 0) AS sequence FROM conversations c \
                JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
                LEFT JOIN \(unsafeRaw: CalendarFeedStore.sequences) s ON s.id = c.id WHERE c.id = \(bind: id)
                """),
            let start = try row.decode(column: "starts_at", as: Date?.self),
            let state = ConversationState(rawValue: try row.decode(column: "state", as: String.self))
        else { return nil }
        let method: String
        switch state {
        case .requested, .scheduled: method = "REQUEST"
        case .cancelled, .declined: method = "CANCEL"
        case .held: return nil
        }
        let employee = ICalendar.Person(
            name: try row.decode(column: "employee_name", as: String.self), email: try row.decode(column: "employee_email", as: String.self)
        )
        let guide = ICalendar.Person(
            name: try row.decode(column: "guide_name", as: String.self), email: try row.decode(column: "guide_email", as: String.self))
        let event = ICalendar.Event(
            uid: "\(id.lowerText)@foothold", stamp: stamp, start: start, minutes: try row.decode(column: "minutes", as: Int.self),
            summary: "Career conversation: \(employee.name) and \(guide.name)", location: try row.decode(column: "place", as: String.self),
            description:
                "A confidential career conversation. Prepare and follow up in Foothold: \(baseURL)\(SiteURL.conversation(id).path)",
            cancelled: method == "CANCEL", sequence: try row.decode(column: "sequence", as: Int.self))
        return (
            method,
            ICalendar.invitation(
                event, method: method, organiser: ICalendar.Person(name: organiser.name, email: organiser.email),
                attendees: [employee, guide])
        )
    }
}

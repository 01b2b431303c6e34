import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Each person's private calendar feed: a secret address, and what it lists — their agreed
/// conversations (a booked Leadership Team slot among them) from a year back onwards, and the
/// checkpoint windows of this career year and the next. It names the two people and the time,
/// never the purpose, the place or anything said.
enum CalendarFeedStore {
    static let feeds = "calendar_feeds"
    static let sequences = "calendar_sequences"

    /// The person's feed token, or nil when they have not made one.
    static func token(of person: UUID, on reads: Reads) async throws -> String? {
        try await reads.firstRow("SELECT token FROM \(unsafeRaw: feeds) WHERE id = \(bind: person)")?
            .decode(column: "token", as: String.self)
    }

    /// Makes the person a new feed address, and the old one, if any, stops working.
    static func reset(_ person: UUID, token: String, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database.sql
            try await sql.raw("DELETE FROM \(unsafeRaw: feeds) WHERE id = \(bind: person)").run()
            try await sql.raw(
                "INSERT INTO \(unsafeRaw: feeds) (id, token, created_at) VALUES (\(bind: person), \(bind: token), \(bind: now))"
            ).run()
        }
    }

    /// Whose feed the token opens; only an active person's.
    static func person(forToken token: String, on reads: Reads) async throws -> UUID? {
        try await reads.firstRow(
            """
            SELECT f.id FROM \(unsafeRaw: feeds) f JOIN people p ON p.id = f.id \
            WHERE f.token = \(bind: token) AND p.active = \(bind: true)
            """
        )?.decode(column: "id", as: UUID.self)
    }

    /// A conversation's time changed or it was cancelled: calendars that have it should take the change.
    static func raiseSequence(of conversation: UUID, on database: any Database) async throws {
        try await database.sql.raw(
            """
            INSERT INTO \(unsafeRaw: sequences) (id, sequence) VALUES (\(bind: conversation), 1) \
            ON CONFLICT (id) DO UPDATE SET sequence = \(unsafeRaw: sequences).sequence + 1
            """
        ).run()
    }

    static func sequence(of conversation: UUID, on reads: Reads) async throws -> Int {
        try await reads.firstRow("SELECT sequence FROM \(unsafeRaw: sequences) WHERE id = \(bind: conversation)")?
            .decode(column: "sequence", as: Int.self) ?? 0
    }

    struct Meeting: Sendable {
        var id: UUID
        var state: ConversationState
        var startsAt: Date
        var minutes: Int
        var changedAt: Date
        /// The other person's name, from the feed owner's side.
        var with: String
        var sequence: Int
    }

    /// The person's agreed conversations starting after `since`, on either side.
    static func meetings(of person: UUID, since: Date, on reads: Reads) async throws -> [Meeting] {
        let states = [ConversationState.scheduled, .held, .cancelled].map(\.rawValue)
        let rows = try await reads.rows(
            """
            SELECT c.id, c.state, c.starts_at, c.minutes, c.updated_at, o.name AS other, COALESCE(s.sequence, 0) AS sequence \
            FROM conversations c JOIN people o ON o.id = c.guide_id LEFT JOIN \(unsafeRaw: sequences) s ON s.id = c.id \
            WHERE c.employee_id = \(bind: person) AND c.state IN (\(binds: states)) AND c.starts_at >= \(bind: since) \
            UNION ALL SELECT c.id, c.state, c.starts_at, c.minutes, c.updated_at, o.name AS other, COALESCE(s.sequence, 0) AS sequence \
            FROM conversations c JOIN people o ON o.id = c.employee_id LEFT JOIN \(unsafeRaw: sequences) s ON s.id = c.id \
            WHERE c.guide_id = \(bind: person) AND c.state IN (\(binds: states)) AND c.starts_at >= \(bind: since) \
            ORDER BY 3, 1
            """)
        return try rows.map { row in
            Meeting(
                id: try row.decode(column: "id", as: UUID.self), state: try rawValue(row.decode(column: "state", as: String.self)),
                startsAt: try row.decode(column: "starts_at", as: Date.self), minutes: try row.decode(column: "minutes", as: Int.self),
                changedAt: try row.decode(column: "updated_at", as: Date.self), with: try row.decode(column: "other", as: String.self),
                sequence: try row.decode(column: "sequence", as: Int.self))
        }
    }

    /// The whole feed, as of `now`.
    static func feed(of person: UUID, baseURL: String, timeZone: TimeZone, now: Date, on reads: Reads) async throws -> String {
        let today = CalendarDate(now, in: timeZone)
        let current = try await CareerYears.current(today: today, on: reads, now: now)
        var years = [current.year]
        if let next = try await CareerYears.load(startYear: current.year.startYear + 1, on: reads) { years.append(next.year) }
        let meetings = try await meetings(of: person, since: now.addingTimeInterval(-365 * 86_400), on: reads)
        let events = meetings.map { meeting in
            ICalendar.Event(
                uid: "\(meeting.id.lowerText)@foothold", stamp: meeting.changedAt, start: meeting.startsAt, minutes: meeting.minutes,
                summary: "Career conversation with \(meeting.with)", location: "",
                description: "Prepare and follow up in Foothold: \(baseURL)\(SiteURL.conversation(meeting.id).path)",
                cancelled: meeting.state == .cancelled, sequence: meeting.sequence)
        }
        let days = years.flatMap(\.checkpoints).map { checkpoint in
            ICalendar.AllDay(
                uid: "checkpoint-\(checkpoint.id.lowerText)@foothold", stamp: checkpoint.opens.start(in: timeZone), first: checkpoint.opens,
                last: checkpoint.closes, summary: "\(checkpoint.name) window for career conversations",
                description: "\(checkpoint.focus) Arrange yours in Foothold: \(baseURL)\(SiteURL.conversations.path)")
        }
        return ICalendar.feed(name: "Foothold career conversations", events: events, days: days)
    }
}

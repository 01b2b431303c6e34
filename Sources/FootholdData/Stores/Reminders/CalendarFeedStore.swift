import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Each person's private calendar feed: a secret address, and what it lists — their agreed
/// conversations (a booked Leadership Team slot among them) from a year back onwards, and the
/// checkpoint windows of this career year and the next. It names the two people and the time,
/// never the purpose, the place or anything said.
package enum CalendarFeedStore {
    package static let feeds = "calendar_feeds"
    package static let sequences = "calendar_sequences"

    /// Makes the person a new feed address, and the old one, if any, stops working. Only the
    /// secret's SHA-256 is kept (M025): the address is shown once, when it is made.
    package static func reset(_ person: UUID, token: String, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database.sql
            try await sql.raw("DELETE FROM \(unsafeRaw: feeds) WHERE id = \(bind: person)").run()
            try await sql.raw(
                """
                INSERT INTO \(unsafeRaw: feeds) (id, token, created_at) \
                VALUES (\(bind: person), \(bind: TokenHash.of(token)), \(bind: now))
                """
            ).run()
        }
    }

    /// Someone who leaves, or comes back, has no calendar address: whatever they had opens nothing.
    package static func revoke(_ people: [UUID], on database: any Database) async throws {
        guard !people.isEmpty else { return }
        let ids: [any Encodable & Sendable] = people
        try await database.sql.raw("DELETE FROM \(unsafeRaw: feeds) WHERE id IN (\(binds: ids))").run()
    }

    /// What a feed's address opens: whose feed it is, the career year that holds today and the
    /// next, and the person's agreed conversations from `since` on, from either side.
    package struct Opened: Sendable {
        package var person: UUID
        package var years: [CareerYear]
        package var meetings: [Meeting]
    }

    /// Everything the feed shows, in one statement: a calendar program asks for the feed every few
    /// minutes, for every person who subscribed, and on PostgreSQL each statement is a round trip.
    /// Three parts in one `UNION ALL`, each padding the others' columns with nulls: the owner (only
    /// an active person's address opens anything) with the two years' checkpoints, then the
    /// conversations they are the employee in, then those they guide. The owner is compared as a
    /// scalar subquery, not joined, so SQLite starts from the person's index rather than from every
    /// conversation of the year. Nil when the token opens none.
    package static func open(token: String, today: CalendarDate, since: Date, now: Date, on reads: Reads) async throws -> Opened? {
        let startYear = CareerYear.startYear(containing: today)
        let states = [ConversationState.scheduled, .held, .cancelled].map(\.rawValue)
        let noCheckpoint = Checkpoint.columnNames.map { _ in "NULL" }.joined(separator: ", ")
        let noMeeting = ["id", "state", "starts_at", "minutes", "updated_at", "other", "sequence"].map { "NULL AS m_\($0)" }
            .joined(separator: ", ")
        let meeting = "c.id, c.state, c.starts_at, c.minutes, c.updated_at, o.name, COALESCE(s.sequence, 0)"
        let rows = try await reads.rows(
            """
            WITH owner AS (SELECT f.id FROM \(unsafeRaw: feeds) f JOIN people p ON p.id = f.id \
            WHERE f.token = \(bind: TokenHash.of(token)) AND p.active = \(bind: true)) \
            SELECT owner.id AS person_id, y.id AS year_id, y.start_year AS year_start_year, \
            \(unsafeRaw: Checkpoint.columns("k")), \(unsafeRaw: noMeeting) \
            FROM owner LEFT JOIN career_years y ON y.start_year IN (\(bind: startYear), \(bind: startYear + 1)) \
            LEFT JOIN checkpoints k ON k.career_year_id = y.id \
            UNION ALL SELECT NULL, NULL, NULL, \(unsafeRaw: noCheckpoint), \(unsafeRaw: meeting) \
            FROM conversations c JOIN people o ON o.id = c.guide_id LEFT JOIN \(unsafeRaw: sequences) s ON s.id = c.id \
            WHERE c.employee_id = (SELECT id FROM owner) AND c.state IN (\(binds: states)) AND c.starts_at >= \(bind: since) \
            UNION ALL SELECT NULL, NULL, NULL, \(unsafeRaw: noCheckpoint), \(unsafeRaw: meeting) \
            FROM conversations c JOIN people o ON o.id = c.employee_id LEFT JOIN \(unsafeRaw: sequences) s ON s.id = c.id \
            WHERE c.guide_id = (SELECT id FROM owner) AND c.state IN (\(binds: states)) AND c.starts_at >= \(bind: since)
            """)
        guard let ownerRow = try rows.first(where: { try !$0.decodeNil(column: "person_id") }) else { return nil }
        var years = try CareerYears.years(from: rows)
        if years[startYear] == nil { years[startYear] = try await CareerYears.current(today: today, on: reads, now: now) }
        let meetings = try rows.compactMap { row -> Meeting? in
            let m = AliasedRow(row, "m")
            guard let id = try m.optional("id", as: UUID.self) else { return nil }
            return Meeting(
                id: id, state: try rawValue(m("state", as: String.self)), startsAt: try m("starts_at"), minutes: try m("minutes"),
                changedAt: try m("updated_at"), with: try m("other"), sequence: try m("sequence"))
        }
        return Opened(
            person: try ownerRow.decode(column: "person_id", as: UUID.self),
            years: [startYear, startYear + 1].compactMap { years[$0]?.year },
            // Ties by id as text (`uuidString` goes through snprintf; the profile showed it).
            meetings: meetings.sorted { $0.startsAt != $1.startsAt ? $0.startsAt < $1.startsAt : $0.id.lowerText < $1.id.lowerText })
    }

    /// A conversation's time changed or it was cancelled: calendars that have it should take the change.
    package static func raiseSequence(of conversation: UUID, on database: any Database) async throws {
        try await database.sql.raw(
            """
            INSERT INTO \(unsafeRaw: sequences) (id, sequence) VALUES (\(bind: conversation), 1) \
            ON CONFLICT (id) DO UPDATE SET sequence = \(unsafeRaw: sequences).sequence + 1
            """
        ).run()
    }

    package static func sequence(of conversation: UUID, on reads: Reads) async throws -> Int {
        try await reads.firstRow("SELECT sequence FROM \(unsafeRaw: sequences) WHERE id = \(bind: conversation)")?
            .decode(column: "sequence", as: Int.self) ?? 0
    }

    package struct Meeting: Sendable {
        package var id: UUID
        package var state: ConversationState
        package var startsAt: Date
        package var minutes: Int
        package var changedAt: Date
        /// The other person's name, from the feed owner's side.
        package var with: String
        package var sequence: Int
    }

    /// The whole feed the address opens, as of `now`; nil when it opens none.
    package static func feed(token: String, baseURL: String, timeZone: TimeZone, now: Date, on reads: Reads) async throws -> String? {
        guard
            let opened = try await open(
                token: token, today: CalendarDate(now, in: timeZone), since: now.addingTimeInterval(-365 * 86_400), now: now, on: reads)
        else { return nil }
        let events = opened.meetings.map { meeting in
            ICalendar.Event(
                uid: "\(meeting.id.lowerText)@foothold", stamp: meeting.changedAt, start: meeting.startsAt, minutes: meeting.minutes,
                summary: "Career conversation with \(meeting.with)", location: "",
                description: "Prepare and follow up in Foothold: \(baseURL)\(SiteURL.conversation(meeting.id).path)",
                cancelled: meeting.state == .cancelled, sequence: meeting.sequence)
        }
        let days = opened.years.flatMap(\.checkpoints).map { checkpoint in
            ICalendar.AllDay(
                uid: "checkpoint-\(checkpoint.id.lowerText)@foothold", stamp: checkpoint.opens.start(in: timeZone), first: checkpoint.opens,
                last: checkpoint.closes, summary: "\(checkpoint.name) window for career conversations",
                description: "\(checkpoint.focus) Arrange yours in Foothold: \(baseURL)\(SiteURL.conversations.path)")
        }
        return ICalendar.feed(name: "Foothold career conversations", events: events, days: days)
    }
}

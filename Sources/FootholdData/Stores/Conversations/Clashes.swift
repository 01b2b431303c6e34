import FootholdCore
import Foundation
import SQLKit

/// Times people are already taken, for the clash checks of arranging, moving and booking a
/// conversation and of offering slots (Clash in FootholdCore holds the rule and its words).
package enum Clashes {
    /// Longest a conversation or slot may run, so a search a day either side finds every overlap.
    package static let reach: TimeInterval = 24 * 60 * 60

    /// A person in a clash check: `name` is nil for the person arranging, who is told of their own
    /// clashes with whom; another person's clashes never say with whom.
    package struct Person {
        package var id: UUID
        package var name: String?
    }

    /// The person's arranged conversations and unbooked slots near `startsAt`, leaving out the
    /// conversation being moved. With `naming`, each conversation says with whom (for the person's own eyes).
    package static func busy(
        of personID: UUID, near startsAt: Date, excluding conversationID: UUID?, naming: Bool, on reads: Reads
    ) async throws -> [BusyTime] {
        try await busy(
            of: personID, from: startsAt.addingTimeInterval(-reach), until: startsAt.addingTimeInterval(reach),
            excluding: conversationID, naming: naming, on: reads)
    }

    /// The same, for everything starting between `from` and `until`.
    package static func busy(
        of personID: UUID, from: Date, until: Date, excluding conversationID: UUID?, naming: Bool, on reads: Reads
    ) async throws -> [BusyTime] {
        var query: SQLQueryString = """
            SELECT c.starts_at, c.minutes, CASE WHEN c.employee_id = \(bind: personID) THEN g.name ELSE e.name END AS other_name \
            FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
            WHERE (c.employee_id = \(bind: personID) OR c.guide_id = \(bind: personID)) \
            AND c.state = \(bind: ConversationState.scheduled.rawValue) \
            AND c.starts_at > \(bind: from) AND c.starts_at < \(bind: until)
            """
        if let conversationID { query.appendLiteral(" AND c.id <> "); query.appendInterpolation(bind: conversationID) }
        var busy = try await reads.rows(query).map { row in
            BusyTime(
                startsAt: try row.decode(column: "starts_at", as: Date.self), minutes: try row.decode(column: "minutes", as: Int.self),
                what: .conversation(with: naming ? try row.decode(column: "other_name", as: String.self) : nil))
        }
        busy += try await reads.rows(
            """
            SELECT s.starts_at, s.minutes FROM leadership_slots s \
            WHERE s.member_id = \(bind: personID) AND s.withdrawn_at IS NULL \
            AND s.starts_at > \(bind: from) AND s.starts_at < \(bind: until) \
            AND NOT EXISTS (SELECT 1 FROM slot_bookings b WHERE b.slot_id = s.id)
            """
        ).map { row in
            BusyTime(
                startsAt: try row.decode(column: "starts_at", as: Date.self), minutes: try row.decode(column: "minutes", as: Int.self),
                what: .slot)
        }
        return busy
    }

    /// The first clash of a time with anyone's, as the sentence the person arranging reads; nil
    /// when everyone is free.
    package static func problem(
        startsAt: Date, minutes: Int, for people: [Person], excluding conversationID: UUID?, timeZone: TimeZone, on reads: Reads
    ) async throws -> String? {
        for person in people {
            let busy = try await busy(of: person.id, near: startsAt, excluding: conversationID, naming: person.name == nil, on: reads)
            if let clash = Clash.first(startsAt: startsAt, minutes: minutes, among: busy) {
                return Clash.message(clash, whose: person.name, in: timeZone)
            }
        }
        return nil
    }

    /// The first of a series of new slots that clashes with the member's own times, as they read it.
    package static func problem(slots starts: [Date], minutes: Int, member: UUID, timeZone: TimeZone, on reads: Reads) async throws
        -> String?
    {
        guard let first = starts.min(), let last = starts.max() else { return nil }
        let busy = try await busy(
            of: member, from: first.addingTimeInterval(-reach), until: last.addingTimeInterval(reach), excluding: nil, naming: true,
            on: reads)
        for start in starts.sorted() {
            if let clash = Clash.first(startsAt: start, minutes: minutes, among: busy) {
                return Clash.message(clash, whose: nil, in: timeZone) + " Nothing was offered."
            }
        }
        return nil
    }
}

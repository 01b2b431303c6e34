import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A Leadership Team member's slot, as the slots pages show it.
package struct LeadershipSlot: Equatable {
    package var id: UUID
    package var memberID: UUID
    package var memberName: String
    package var seriesID: UUID
    package var startsAt: Date
    package var minutes: Int
    package var place: String
    package var theme: String
    package var perPerson: Int
    package var withdrawn: Bool
    /// Who booked it and the conversation it became; shown only to the member and the booker.
    package var bookerID: UUID?
    package var bookerName: String?
    package var conversationID: UUID?
}

/// Every query about slots and their bookings.
package enum SlotsStore {
    /// The most slots a page lists at once.
    package static let pageLimit = 300

    private static func slots(_ query: SQLQueryString, on reads: Reads) async throws -> [LeadershipSlot] {
        try await reads.rows(query).map { row in
            LeadershipSlot(
                id: try row.decode(column: "id", as: UUID.self), memberID: try row.decode(column: "member_id", as: UUID.self),
                memberName: try row.decode(column: "member_name", as: String.self),
                seriesID: try row.decode(column: "series_id", as: UUID.self), startsAt: try row.decode(column: "starts_at", as: Date.self),
                minutes: try row.decode(column: "minutes", as: Int.self), place: try row.decode(column: "place", as: String.self),
                theme: try row.decode(column: "theme", as: String.self), perPerson: try row.decode(column: "per_person", as: Int.self),
                withdrawn: !(try row.decodeNil(column: "withdrawn_at")),
                bookerID: try row.decodeNil(column: "booker_id") ? nil : try row.decode(column: "booker_id", as: UUID.self),
                bookerName: try row.decodeNil(column: "booker_name") ? nil : try row.decode(column: "booker_name", as: String.self),
                conversationID: try row.decodeNil(column: "conversation_id")
                    ? nil : try row.decode(column: "conversation_id", as: UUID.self))
        }
    }

    private static let columns: SQLQueryString = """
        s.id, s.member_id, m.name AS member_name, s.series_id, s.starts_at, s.minutes, s.place, s.theme, s.per_person, \
        s.withdrawn_at
        """

    /// Slots nobody has booked, still to start and not withdrawn, from `from` to `until`, by time;
    /// one member's only when `memberID` is given.
    package static func open(from: Date, until: Date, memberID: UUID?, on reads: Reads) async throws -> [LeadershipSlot] {
        var query: SQLQueryString = """
            SELECT \(columns), NULL AS booker_id, NULL AS booker_name, NULL AS conversation_id FROM leadership_slots s \
            JOIN people m ON m.id = s.member_id \
            WHERE s.starts_at >= \(bind: from) AND s.starts_at < \(bind: until) AND s.withdrawn_at IS NULL AND m.active = \(bind: true) \
            AND NOT EXISTS (SELECT 1 FROM slot_bookings b WHERE b.slot_id = s.id)
            """
        if let memberID { query.appendLiteral(" AND s.member_id = "); query.appendInterpolation(bind: memberID) }
        query.appendLiteral(" ORDER BY s.starts_at, m.name, s.id LIMIT ")
        query.appendInterpolation(literal: pageLimit)
        return try await slots(query, on: reads)
    }

    /// When the first open slot after `after` starts, for "the next week with slots".
    package static func nextOpen(after: Date, memberID: UUID?, on reads: Reads) async throws -> Date? {
        var query: SQLQueryString = """
            SELECT s.starts_at FROM leadership_slots s JOIN people m ON m.id = s.member_id \
            WHERE s.starts_at >= \(bind: after) AND s.withdrawn_at IS NULL AND m.active = \(bind: true) \
            AND NOT EXISTS (SELECT 1 FROM slot_bookings b WHERE b.slot_id = s.id)
            """
        if let memberID { query.appendLiteral(" AND s.member_id = "); query.appendInterpolation(bind: memberID) }
        query.appendLiteral(" ORDER BY s.starts_at LIMIT 1")
        return try await reads.firstRow(query).map { try $0.decode(column: "starts_at", as: Date.self) }
    }

    /// The Leadership Team members with slots still to come, by name.
    package static func members(after: Date, on reads: Reads) async throws -> [(id: UUID, name: String)] {
        try await reads.rows(
            """
            SELECT DISTINCT m.id, m.name FROM leadership_slots s JOIN people m ON m.id = s.member_id \
            WHERE s.starts_at >= \(bind: after) AND s.withdrawn_at IS NULL AND m.active = \(bind: true) ORDER BY m.name, m.id
            """
        ).map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
    }

    /// The person's bookings of slots still to come, withdrawn ones included so they are told.
    package static func bookings(of personID: UUID, after: Date, on reads: Reads) async throws -> [LeadershipSlot] {
        try await slots(
            """
            SELECT \(columns), b.person_id AS booker_id, NULL AS booker_name, b.conversation_id FROM slot_bookings b \
            JOIN leadership_slots s ON s.id = b.slot_id JOIN people m ON m.id = s.member_id \
            WHERE b.person_id = \(bind: personID) AND s.starts_at >= \(bind: after) ORDER BY s.starts_at, s.id
            """, on: reads)
    }

    /// A member's own slots still to come, with who booked each.
    package static func ownSlots(of memberID: UUID, after: Date, on reads: Reads) async throws -> [LeadershipSlot] {
        try await slots(
            """
            SELECT \(columns), b.person_id AS booker_id, p.name AS booker_name, b.conversation_id FROM leadership_slots s \
            JOIN people m ON m.id = s.member_id LEFT JOIN slot_bookings b ON b.slot_id = s.id \
            LEFT JOIN people p ON p.id = b.person_id \
            WHERE s.member_id = \(bind: memberID) AND s.starts_at >= \(bind: after) \
            ORDER BY s.starts_at, s.id LIMIT \(literal: pageLimit)
            """, on: reads)
    }

    /// One slot with its booking, if any.
    package static func slot(_ id: UUID, on reads: Reads) async throws -> LeadershipSlot? {
        try await slots(
            """
            SELECT \(columns), b.person_id AS booker_id, p.name AS booker_name, b.conversation_id FROM leadership_slots s \
            JOIN people m ON m.id = s.member_id LEFT JOIN slot_bookings b ON b.slot_id = s.id \
            LEFT JOIN people p ON p.id = b.person_id WHERE s.id = \(bind: id)
            """, on: reads
        ).first
    }

    /// Publishes a series: one row a slot.
    package static func publish(
        _ series: SlotSeries, memberID: UUID, seriesID: UUID, makeID: @escaping @Sendable () -> UUID, timeZone: TimeZone, at now: Date,
        on database: any Database
    ) async throws -> Int {
        let starts = series.starts(in: timeZone)
        try await database.transaction { database in
            for start in starts {
                let slot = LeadershipSlotModel()
                slot.id = makeID()
                slot.$member.id = memberID
                slot.seriesID = seriesID
                slot.startsAt = start
                slot.minutes = series.minutes
                slot.place = series.place
                slot.theme = series.theme
                slot.perPerson = series.perPerson
                slot.createdAt = now
                try await slot.create(on: database)
            }
        }
        return starts.count
    }

    /// Books a slot: a Leadership Team conversation, scheduled at the slot's time, and the booking
    /// that holds the slot, in one transaction. Two people booking at once: the database's unique
    /// booking per slot lets one through; the other is refused with `.taken` and nothing is kept.
    package static func book(
        _ slotID: UUID, by personID: UUID, purpose: String, conversationID: UUID, bookingID: UUID, at now: Date,
        timeZone: TimeZone, on reads: Reads
    ) async throws -> SlotBooking.Refusal? {
        do {
            return try await reads.database.transaction { database -> SlotBooking.Refusal? in
                // Write first (ConversationWrites says why): the slot's row is taken for this
                // transaction, so a second booking waits for the first and then reads it.
                try await database.sql.raw("UPDATE leadership_slots SET per_person = per_person WHERE id = \(bind: slotID)").run()
                // And the booker's own row: their bookings of other slots are counted below, and on
                // PostgreSQL two bookings of two slots at once would otherwise each count none of
                // the other's and pass the limit together.
                try await database.sql.raw("UPDATE people SET active = active WHERE id = \(bind: personID)").run()
                let inside = reads.within(database)
                guard let slot = try await slot(slotID, on: inside) else { throw StoreError.notFound }
                let held =
                    try await inside.firstRow(
                        """
                        SELECT COUNT(*) AS held FROM slot_bookings b JOIN leadership_slots s ON s.id = b.slot_id \
                        WHERE b.person_id = \(bind: personID) AND s.member_id = \(bind: slot.memberID) AND s.starts_at > \(bind: now) \
                        AND s.withdrawn_at IS NULL
                        """)?.decode(column: "held", as: Int.self) ?? 0
                if let refusal = SlotBooking.check(
                    slotMemberID: slot.memberID, startsAt: slot.startsAt, withdrawn: slot.withdrawn, booked: slot.bookerID != nil,
                    perPerson: slot.perPerson, personID: personID, heldWithMember: held, now: now)
                {
                    return refusal
                }
                if let clash = try await Clashes.problem(
                    startsAt: slot.startsAt, minutes: slot.minutes, for: [.init(id: personID, name: nil)], excluding: nil,
                    timeZone: timeZone, on: inside)
                {
                    return .clash(clash)
                }
                let conversation = ConversationModel()
                conversation.id = conversationID
                conversation.kind = .leadership
                conversation.state = .scheduled
                conversation.requestedBy = .employee
                conversation.$employee.id = personID
                conversation.$guide.id = slot.memberID
                conversation.withLineManager = false
                conversation.purpose = purpose
                conversation.startsAt = slot.startsAt
                conversation.minutes = slot.minutes
                conversation.place = slot.place
                conversation.expectations = ""
                conversation.summary = ""
                conversation.employeePreparationShared = false
                conversation.guidePreparationShared = false
                conversation.createdAt = now
                conversation.updatedAt = now
                try await conversation.create(on: database)
                let booking = SlotBookingModel()
                booking.id = bookingID
                booking.$slot.id = slotID
                booking.$person.id = personID
                booking.$conversation.id = conversationID
                booking.bookedAt = now
                try await booking.create(on: database)
                try await ConversationStore.audit("booked a slot", conversation: conversationID, by: personID, at: now, on: database)
                try await NewsStore.tell(
                    News(.booked, by: try await NewsStore.name(of: personID, on: database), startsAt: slot.startsAt, place: slot.place),
                    to: slot.memberID, about: conversationID, link: SiteURL.conversation(conversationID).path, timeZone: timeZone, at: now,
                    on: database)
                return nil
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return .taken
        }
    }

    /// Withdraws a member's slot. A booked slot's conversation is cancelled; the booking stays so
    /// the booker is told it was withdrawn.
    package static func withdraw(
        _ slot: LeadershipSlot, by memberID: UUID, at now: Date, timeZone: TimeZone, on database: any Database
    ) async throws {
        guard slot.memberID == memberID else { throw Refusal.hidden }
        try await database.transaction { database in
            try await database.sql.raw(
                "UPDATE leadership_slots SET withdrawn_at = \(bind: now) WHERE id = \(bind: slot.id) AND withdrawn_at IS NULL"
            ).run()
            if let conversationID = slot.conversationID {
                try await database.sql.raw(
                    """
                    UPDATE conversations SET state = \(bind: ConversationState.cancelled.rawValue), updated_at = \(bind: now) \
                    WHERE id = \(bind: conversationID) AND state IN (\(bind: ConversationState.scheduled.rawValue), \
                    \(bind: ConversationState.requested.rawValue))
                    """
                ).run()
                try await CalendarFeedStore.raiseSequence(of: conversationID, on: database)
                try await ConversationStore.audit("withdrew the slot", conversation: conversationID, by: memberID, at: now, on: database)
                if let booker = slot.bookerID {
                    try await NewsStore.tell(
                        News(.slotWithdrawn, by: try await NewsStore.name(of: memberID, on: database), startsAt: slot.startsAt),
                        to: booker, about: conversationID, link: SiteURL.conversation(conversationID).path, timeZone: timeZone, at: now,
                        on: database)
                }
            }
        }
    }

    /// The booker cancels: the conversation is cancelled and the slot is free again.
    package static func cancel(
        _ slot: LeadershipSlot, by personID: UUID, at now: Date, timeZone: TimeZone, on database: any Database
    ) async throws {
        guard slot.bookerID == personID, let conversationID = slot.conversationID else { throw Refusal.hidden }
        try await database.transaction { database in
            try await database.sql.raw(
                """
                UPDATE conversations SET state = \(bind: ConversationState.cancelled.rawValue), updated_at = \(bind: now) \
                WHERE id = \(bind: conversationID) AND state IN (\(bind: ConversationState.scheduled.rawValue), \
                \(bind: ConversationState.requested.rawValue))
                """
            ).run()
            try await freeSlot(of: conversationID, on: database)
            try await CalendarFeedStore.raiseSequence(of: conversationID, on: database)
            try await ConversationStore.audit("cancelled", conversation: conversationID, by: personID, at: now, on: database)
            try await NewsStore.tell(
                News(.cancelled, by: try await NewsStore.name(of: personID, on: database), startsAt: slot.startsAt), to: slot.memberID,
                about: conversationID, link: SiteURL.conversation(conversationID).path, timeZone: timeZone, at: now, on: database)
        }
    }

    /// A booked conversation that is cancelled or moved leaves its slot free for someone else,
    /// unless the slot was withdrawn (its booking stays, so the booker is told).
    package static func freeSlot(of conversationID: UUID, on database: any Database) async throws {
        try await database.sql.raw(
            """
            DELETE FROM slot_bookings WHERE conversation_id = \(bind: conversationID) \
            AND slot_id IN (SELECT id FROM leadership_slots WHERE withdrawn_at IS NULL)
            """
        ).run()
    }
}

import Crypto
import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query of reminders: what a pass reads to decide what is due, the outbox it records them
/// in, the deliveries it claims and marks, and what a person reads and switches off.
package enum RemindersStore {
    package static let reminders = "reminders"
    package static let deliveries = "reminder_deliveries"
    package static let switchedOff = "reminders_switched_off"

    // MARK: What a pass reads

    /// Everything `ReminderPlan.due` needs for a pass at `now`, read in a few statements.
    package static func facts(now: Date, timeZone: TimeZone, on reads: Reads) async throws -> ReminderFacts {
        let today = CalendarDate(now, in: timeZone)
        let current = try await CareerYears.current(today: today, on: reads, now: now).year
        var checkpoints = current.checkpoints
        if let previous = try await CareerYears.load(startYear: current.startYear - 1, on: reads) {
            checkpoints = previous.year.checkpoints + checkpoints
        }
        var people: [UUID: ReminderFacts.Person] = [:]
        for row in try await reads.rows("SELECT id, name, manager_id FROM people WHERE active = \(bind: true)") {
            let id = try row.decode(column: "id", as: UUID.self)
            people[id] = ReminderFacts.Person(
                id: id, firstName: try row.decode(column: "name", as: String.self).firstName,
                managerID: try row.decode(column: "manager_id", as: UUID?.self))
        }
        var standing: [UUID: [UUID: CadenceStatus]] = [:]
        for checkpoint in ReminderPlan.checkpointsToStand(checkpoints, today: today) {
            let open = today <= checkpoint.closes
            let unmet = try await unmet(checkpoint, countingScheduled: open, timeZone: timeZone, on: reads)
            standing[checkpoint.id] = Dictionary(uniqueKeysWithValues: unmet.map { ($0, open ? .due : .overdue) })
        }
        let earliest = ReminderPlan.earliestDay(today: today)
        return ReminderFacts(
            now: now, timeZone: timeZone, checkpoints: checkpoints, people: people, standing: standing,
            scheduled: try await scheduled(from: now, on: reads), actions: try await actionsDue(from: earliest, to: today, on: reads),
            askAgain: try await askAgain(from: earliest, to: today, on: reads),
            switchedOff: Set(
                try await reads.rows("SELECT person_id, kind FROM \(unsafeRaw: switchedOff)").map { row in
                    try row.decode(column: "kind", as: String.self) + "|"
                        + (try row.decode(column: "person_id", as: UUID.self)).uuidString.lowercased()
                }))
    }

    /// Active people expected at the checkpoint who have not met it, said "not now" or (while the
    /// window is open, `countingScheduled`) arranged it: `Cadence.status`'s due or overdue.
    package static func unmet(_ checkpoint: Checkpoint, countingScheduled: Bool, timeZone: TimeZone, on reads: Reads) async throws -> [UUID]
    {
        let opens = checkpoint.opens.start(in: timeZone)
        let ends = checkpoint.closes.adding(days: 1).start(in: timeZone)
        let states = countingScheduled ? ["declined", "scheduled"] : ["declined"]
        return try await reads.rows(
            """
            SELECT p.id FROM people p WHERE p.active = \(bind: true) AND p.created_at < \(bind: ends) AND NOT EXISTS \
            (SELECT 1 FROM conversations c WHERE c.checkpoint_id = \(bind: checkpoint.id) AND c.employee_id = p.id AND \
            (c.state IN (\(binds: states)) OR (c.state = \(bind: "held") AND c.with_line_manager = \(bind: true) \
            AND c.held_at >= \(bind: opens) AND c.held_at < \(bind: ends))))
            """
        ).map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Conversations scheduled in the next eight days, with their two people.
    package static func scheduled(from now: Date, on reads: Reads) async throws -> [ReminderFacts.Scheduled] {
        try await reads.rows(
            """
            SELECT c.id, c.starts_at, c.employee_id, e.name AS employee_name, c.guide_id, g.name AS guide_name \
            FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
            WHERE c.state = \(bind: "scheduled") AND c.starts_at > \(bind: now) \
            AND c.starts_at <= \(bind: now.addingTimeInterval(8 * 86_400))
            """
        ).map { row in
            ReminderFacts.Scheduled(
                id: try row.decode(column: "id", as: UUID.self), start: try row.decode(column: "starts_at", as: Date.self),
                employeeID: try row.decode(column: "employee_id", as: UUID.self),
                employeeFirstName: try row.decode(column: "employee_name", as: String.self).firstName,
                guideID: try row.decode(column: "guide_id", as: UUID.self),
                guideFirstName: try row.decode(column: "guide_name", as: String.self).firstName)
        }
    }

    /// Live actions falling due between the days, each with whoever took it on.
    package static func actionsDue(from earliest: CalendarDate, to today: CalendarDate, on reads: Reads) async throws -> [ReminderFacts
        .ActionDue]
    {
        try await reads.rows(
            """
            SELECT a.id, a.due_on, a.owner, a.employee_id, a.guide_id, a.owner_person_id, e.name AS employee_name, g.name AS guide_name \
            FROM agreed_actions a JOIN people e ON e.id = a.employee_id LEFT JOIN people g ON g.id = a.guide_id \
            WHERE a.due_on >= \(bind: earliest.iso) AND a.due_on <= \(bind: today.iso) AND a.status IN (\(binds: ["open", "in_progress"]))
            """
        ).compactMap { row in
            guard let due = CalendarDate(iso: try row.decode(column: "due_on", as: String.self)) else { return nil }
            let employee = try row.decode(column: "employee_id", as: UUID.self)
            let guide = try row.decode(column: "guide_id", as: UUID?.self)
            let employeeName = try row.decode(column: "employee_name", as: String.self).firstName
            let guideName = try row.decode(column: "guide_name", as: String?.self).map(\.firstName)
            let owner: UUID?
            let with: String?
            switch ActionOwner(rawValue: try row.decode(column: "owner", as: String.self)) {
            case .employee: (owner, with) = (employee, guideName)
            case .guide, .organisation: (owner, with) = (guide, employeeName)
            case .colleague: (owner, with) = (try row.decode(column: "owner_person_id", as: UUID?.self), employeeName)
            case nil: (owner, with) = (nil, nil)
            }
            guard let owner else { return nil }
            return ReminderFacts.ActionDue(
                id: try row.decode(column: "id", as: UUID.self), dueOn: due, ownerID: owner, withFirstName: with)
        }
    }

    /// "Not now"s whose day to ask again falls between the days, with nothing arranged since.
    package static func askAgain(from earliest: CalendarDate, to today: CalendarDate, on reads: Reads) async throws -> [ReminderFacts
        .AskAgain]
    {
        try await reads.rows(
            """
            SELECT c.id, c.return_on, c.updated_at, c.guide_id, c.employee_id, e.name AS employee_name \
            FROM conversations c JOIN people e ON e.id = c.employee_id \
            WHERE c.state = \(bind: "declined") AND c.return_on >= \(bind: earliest.iso) AND c.return_on <= \(bind: today.iso) \
            AND NOT EXISTS (SELECT 1 FROM conversations n WHERE n.employee_id = c.employee_id AND n.created_at > c.updated_at \
            AND n.state IN (\(binds: ["requested", "scheduled", "held"])))
            """
        ).compactMap { row in
            guard let on = CalendarDate(iso: try row.decode(column: "return_on", as: String.self)) else { return nil }
            return ReminderFacts.AskAgain(
                conversationID: try row.decode(column: "id", as: UUID.self), on: on,
                declinedOn: CalendarDate(try row.decode(column: "updated_at", as: Date.self), in: TimeZone(secondsFromGMT: 0)!),
                guideID: try row.decode(column: "guide_id", as: UUID.self),
                employeeID: try row.decode(column: "employee_id", as: UUID.self),
                employeeFirstName: try row.decode(column: "employee_name", as: String.self).firstName)
        }
    }

    /// The people who head a unit, with the units they head.
    package static func directors(on reads: Reads) async throws -> [UUID: [UUID]] {
        var heads: [UUID: [UUID]] = [:]
        for row in try await reads.rows(
            "SELECT u.id, u.head_id FROM units u JOIN people p ON p.id = u.head_id WHERE p.active = \(bind: true)")
        {
            heads[try row.decode(column: "head_id", as: UUID.self), default: []].append(try row.decode(column: "id", as: UUID.self))
        }
        return heads
    }

    // MARK: The outbox

    /// A reminder's id, made from its key: every pass that decides the same reminder makes the same id.
    package static func id(ofKey key: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(key.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // a name-based UUID's version and variant bits
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    package static func deliveryID(_ reminder: UUID, channel: String) -> UUID {
        id(ofKey: reminder.uuidString.lowercased() + "|" + channel)
    }

    /// The reminders recorded since `since`: those a pass need not try to record again.
    package static func recordedSince(_ since: Date, on reads: Reads) async throws -> Set<UUID> {
        Set(
            try await reads.rows("SELECT id FROM \(unsafeRaw: reminders) WHERE created_at >= \(bind: since)").map {
                try $0.decode(column: "id", as: UUID.self)
            })
    }

    /// Records the reminders, each with a delivery waiting on each channel, in one transaction: a
    /// reminder another pass recorded first is left as it is. Returns how many this call recorded.
    package static func record(
        _ batch: [Reminder], channels: @escaping @Sendable (Reminder) -> [String], at now: Date, on database: any Database
    ) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        return try await database.transaction { database in
            let sql = database.sql
            var query: SQLQueryString =
                "INSERT INTO \(unsafeRaw: reminders) (id, key, kind, recipient_id, text, link, created_at, read_at) VALUES "
            for (index, reminder) in batch.enumerated() {
                if index > 0 { query.appendLiteral(", ") }
                query.appendInterpolation(
                    """
                    (\(bind: id(ofKey: reminder.key)), \(bind: reminder.key), \(bind: reminder.kind.rawValue), \
                    \(bind: reminder.recipientID), \
                    \(bind: reminder.text), \(bind: reminder.link), \(bind: now), \(bind: reminder.kind.isAccountEmail ? now : nil))
                    """ as SQLQueryString)
            }
            query.appendLiteral(" ON CONFLICT DO NOTHING RETURNING id")
            let recorded = try await sql.raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
            let byID = Dictionary(batch.map { (id(ofKey: $0.key), $0) }, uniquingKeysWith: { first, _ in first })
            let wanted = recorded.flatMap { reminder in (byID[reminder].map(channels) ?? []).map { (reminder, $0) } }
            guard !wanted.isEmpty else { return recorded.count }
            var deliveries: SQLQueryString =
                "INSERT INTO \(unsafeRaw: Self.deliveries) (id, reminder_id, channel, state, attempts, next_attempt_at) VALUES "
            var first = true
            for (reminder, channel) in wanted {
                if !first { deliveries.appendLiteral(", ") }
                first = false
                deliveries.appendInterpolation(
                    """
                    (\(bind: deliveryID(reminder, channel: channel)), \(bind: reminder), \(bind: channel), \(bind: "waiting"), \
                    \(bind: 0), \(bind: now))
                    """ as SQLQueryString)
            }
            deliveries.appendLiteral(" ON CONFLICT DO NOTHING")
            try await sql.raw(deliveries).run()
            return recorded.count
        }
    }

    /// A delivery one pass has claimed, with what it needs to send it.
    package struct Claimed: Sendable {
        package var id: UUID
        package var channel: String
        package var attempts: Int
        package var kind: ReminderKind
        package var text: String
        package var link: String
        package var recipientID: UUID
        package var recipientName: String
        package var recipientEmail: String
        /// What it is about, from its key: a conversation's id for conversation news.
        package var subject: String
        /// The recipient switched this kind off after it was recorded, or has left.
        package var stopped: Bool
    }

    /// Claims up to `limit` deliveries that are waiting and due, or whose last claim ran out (its
    /// pass stopped half-way), for `lease`: no other pass takes them meanwhile. On PostgreSQL rows
    /// another pass is claiming are skipped, not waited for.
    package static func claim(
        limit: Int, by claimant: UUID, lease: TimeInterval, at now: Date, on database: any Database
    ) async throws -> [Claimed] {
        let sql = database.sql
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let ready: SQLQueryString = """
            ((state = \(bind: "waiting") AND next_attempt_at <= \(bind: now)) \
            OR (state = \(bind: "sending") AND claimed_until < \(bind: now)))
            """
        let ids = try await sql.raw(
            """
            UPDATE \(unsafeRaw: deliveries) SET state = \(bind: "sending"), claimed_by = \(bind: claimant), \
            claimed_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1 \
            WHERE id IN (SELECT id FROM \(unsafeRaw: deliveries) WHERE \(ready) ORDER BY next_attempt_at LIMIT \(bind: limit)\(lock)) \
            AND \(ready) RETURNING id
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT d.id, d.channel, d.attempts, r.kind, r.key, r.text, r.link, r.recipient_id, p.name, p.email, p.active, \
            (SELECT COUNT(*) FROM \(unsafeRaw: switchedOff) s WHERE s.person_id = r.recipient_id AND s.kind = r.kind) AS off \
            FROM \(unsafeRaw: deliveries) d JOIN \(unsafeRaw: reminders) r ON r.id = d.reminder_id JOIN people p ON p.id = r.recipient_id \
            WHERE d.id IN (\(binds: ids)) AND d.claimed_by = \(bind: claimant)
            """
        ).all().compactMap { row in
            guard let kind = ReminderKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            let active = try row.decode(column: "active", as: Bool.self)
            let off = try row.decode(column: "off", as: Int.self)
            return Claimed(
                id: try row.decode(column: "id", as: UUID.self), channel: try row.decode(column: "channel", as: String.self),
                attempts: try row.decode(column: "attempts", as: Int.self), kind: kind,
                text: try row.decode(column: "text", as: String.self),
                link: try row.decode(column: "link", as: String.self), recipientID: try row.decode(column: "recipient_id", as: UUID.self),
                recipientName: try row.decode(column: "name", as: String.self),
                recipientEmail: try row.decode(column: "email", as: String.self),
                subject: (try row.decode(column: "key", as: String.self)).split(separator: "|").dropFirst(2).first.map(String.init) ?? "",
                stopped: !active || off > 0)
        }
    }

    /// Keeps the hash of the unsubscribe token an e-mail is about to carry, while the claim is ours.
    package static func setUnsubscribe(_ delivery: UUID, tokenHash: String, by claimant: UUID, on database: any Database) async throws {
        try await database.sql.raw(
            """
            UPDATE \(unsafeRaw: deliveries) SET unsubscribe_hash = \(bind: tokenHash) \
            WHERE id = \(bind: delivery) AND claimed_by = \(bind: claimant) AND state = \(bind: "sending")
            """
        ).run()
    }

    package enum Outcome {
        case sent
        /// Not sent, and not to be: the recipient switched the kind off or left.
        case skipped
        /// Try again at the time, or (nil) stop trying.
        case failed(problem: String, retryAt: Date?)
    }

    /// Marks a claimed delivery with how it went; only its claimant can.
    package static func mark(_ delivery: UUID, _ outcome: Outcome, by claimant: UUID, at now: Date, on database: any Database) async throws
    {
        let set: SQLQueryString
        switch outcome {
        case .sent: set = "state = \(bind: "sent"), sent_at = \(bind: now), problem = NULL"
        case .skipped: set = "state = \(bind: "skipped")"
        case .failed(let problem, let retryAt?):
            set = "state = \(bind: "waiting"), next_attempt_at = \(bind: retryAt), problem = \(bind: String(problem.prefix(500)))"
        case .failed(let problem, nil): set = "state = \(bind: "failed"), problem = \(bind: String(problem.prefix(500)))"
        }
        try await database.sql.raw(
            """
            UPDATE \(unsafeRaw: deliveries) SET \(set), claimed_until = NULL, claimed_by = NULL \
            WHERE id = \(bind: delivery) AND claimed_by = \(bind: claimant) AND state = \(bind: "sending")
            """
        ).run()
    }

    // MARK: What a person reads and chooses

    package struct Notification: Sendable, Equatable {
        package var id: UUID
        package var kind: ReminderKind
        package var text: String
        package var link: String
        package var createdAt: Date
        package var read: Bool
    }

    /// A person's notifications, newest first, a page at a time.
    package static func notifications(of person: UUID, page: Int, perPage: Int, on reads: Reads) async throws -> (
        items: [Notification], more: Bool
    ) {
        let rows = try await reads.rows(
            """
            SELECT id, kind, text, link, created_at, read_at FROM \(unsafeRaw: reminders) WHERE recipient_id = \(bind: person) \
            ORDER BY created_at DESC, id LIMIT \(bind: perPage + 1) OFFSET \(bind: (page - 1) * perPage)
            """)
        let items = try rows.prefix(perPage).compactMap { row -> Notification? in
            guard let kind = ReminderKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return Notification(
                id: try row.decode(column: "id", as: UUID.self), kind: kind, text: try row.decode(column: "text", as: String.self),
                link: try row.decode(column: "link", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self),
                read: try row.decode(column: "read_at", as: Date?.self) != nil)
        }
        return (items, rows.count > perPage)
    }

    /// Marks one of the person's notifications read and gives its link; nil when it is not theirs.
    package static func open(_ id: UUID, of person: UUID, at now: Date, on database: any Database) async throws -> String? {
        let sql = database.sql
        guard
            let row = try await sql.raw(
                "SELECT link, read_at FROM \(unsafeRaw: reminders) WHERE id = \(bind: id) AND recipient_id = \(bind: person)"
            ).first()
        else { return nil }
        if try row.decode(column: "read_at", as: Date?.self) == nil {
            try await sql.raw("UPDATE \(unsafeRaw: reminders) SET read_at = \(bind: now) WHERE id = \(bind: id)").run()
        }
        return try row.decode(column: "link", as: String.self)
    }

    package static func markAllRead(of person: UUID, at now: Date, on database: any Database) async throws {
        try await database.sql.raw(
            "UPDATE \(unsafeRaw: reminders) SET read_at = \(bind: now) WHERE recipient_id = \(bind: person) AND read_at IS NULL"
        ).run()
    }

    /// The kinds the person has switched off.
    package static func switchedOff(of person: UUID, on reads: Reads) async throws -> Set<ReminderKind> {
        try await settings(of: person, on: reads).switchedOff
    }

    /// What the reminder settings page shows: the kinds the person has switched off, and when they
    /// made their calendar feed's address if they have one (the address itself is not kept), in
    /// one statement.
    package static func settings(of person: UUID, on reads: Reads) async throws -> (switchedOff: Set<ReminderKind>, feedMadeAt: Date?) {
        let rows = try await reads.rows(
            """
            SELECT kind, NULL AS made_at FROM \(unsafeRaw: switchedOff) WHERE person_id = \(bind: person) \
            UNION ALL SELECT NULL, created_at FROM \(unsafeRaw: CalendarFeedStore.feeds) WHERE id = \(bind: person)
            """)
        var off: Set<ReminderKind> = []
        var madeAt: Date?
        for row in rows {
            if try !row.decodeNil(column: "made_at") {
                madeAt = try row.decode(column: "made_at", as: Date.self)
            } else if let kind = ReminderKind(rawValue: try row.decode(column: "kind", as: String.self)) {
                off.insert(kind)
            }
        }
        return (off, madeAt)
    }

    /// Keeps exactly `kinds` switched off for the person.
    package static func setSwitchedOff(_ kinds: Set<ReminderKind>, of person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database.sql
            try await sql.raw("DELETE FROM \(unsafeRaw: switchedOff) WHERE person_id = \(bind: person)").run()
            for kind in ReminderKind.allCases where kinds.contains(kind) {
                try await switchOff(kind, of: person, at: now, on: sql)
            }
        }
    }

    private static func switchOff(_ kind: ReminderKind, of person: UUID, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: switchedOff) (id, person_id, kind, created_at) \
            VALUES (\(bind: id(ofKey: kind.rawValue + "|" + person.uuidString.lowercased())), \(bind: person), \(bind: kind.rawValue), \
            \(bind: now)) ON CONFLICT DO NOTHING
            """
        ).run()
    }

    /// The kind of reminder the e-mail with this unsubscribe token carried, and whose it was.
    package static func unsubscribeKind(tokenHash: String, on reads: Reads) async throws -> (kind: ReminderKind, person: UUID)? {
        guard
            let row = try await reads.firstRow(
                """
                SELECT r.kind, r.recipient_id FROM \(unsafeRaw: deliveries) d JOIN \(unsafeRaw: reminders) r ON r.id = d.reminder_id \
                WHERE d.unsubscribe_hash = \(bind: tokenHash)
                """
            ), let kind = ReminderKind(rawValue: try row.decode(column: "kind", as: String.self))
        else { return nil }
        return (kind, try row.decode(column: "recipient_id", as: UUID.self))
    }

    /// Switches off the kind of reminder the e-mail with this unsubscribe token carried; gives the
    /// kind and whose it was, or nil for a token no e-mail carried.
    package static func unsubscribe(tokenHash: String, at now: Date, on reads: Reads) async throws -> (
        kind: ReminderKind, person: UUID
    )? {
        guard let found = try await unsubscribeKind(tokenHash: tokenHash, on: reads) else { return nil }
        try await switchOff(found.kind, of: found.person, at: now, on: reads.database.sql)
        return found
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query of monitoring. The counts behind the dashboards are read in a handful of grouped
/// queries over the whole organisation (`counts`) and kept in memory (`MonitoringCache`), so no
/// page reads conversations itself; the rest reads and writes the few rows of reports, notices
/// and responses.
package enum MonitoringStore {
    /// The units a person heads now (read afresh: who is a director is not left to the counts).
    package static func unitsHeaded(by person: UUID, on reads: Reads) async throws -> [UUID] {
        try await reads.rows("SELECT id FROM units WHERE head_id = \(bind: person)").map { try $0.decode(column: "id", as: UUID.self) }
    }

    // MARK: - The counts

    package struct UnitRow: Sendable {
        package var id: UUID
        package var name: String
        package var path: String
        package var parentID: UUID?
        package var headID: UUID?
    }

    /// People of one unit with one line manager: the finest group counts are kept for.
    package struct TeamKey: Hashable, Sendable {
        package var unitID: UUID?
        package var managerID: UUID?
    }

    package struct TeamRow: Sendable {
        package var key: TeamKey
        package var staff: Int
        /// Of them, how many joined after each checkpoint's window closed, in checkpoint order.
        package var joinedAfter: [Int]
    }

    package struct StandingRow: Sendable {
        package var key: TeamKey
        package var checkpointID: UUID
        package var met: Int
        /// Met, though they joined after the window closed (a record imported late).
        package var metJoinedAfter: Int
        package var declined: Int
        package var scheduled: Int
    }

    package struct Counts: Sendable {
        package var units: [UnitRow]
        package var teams: [TeamRow]
        package var standings: [StandingRow]
        /// People with a conversation of any kind held in the last 90 days, by team.
        package var recent: [TeamKey: Int]
        /// Conversations held lately (`heldSince`), by team and kind.
        package var heldByKind: [TeamKey: [ConversationKind: Int]]
        package var managerNames: [UUID: String]
    }

    /// A checkpoint's window as instants in the organisation's time zone: from the start of its
    /// first day to the start of the day after its last.
    package struct Window: Sendable {
        package var checkpointID: UUID
        package var opens: Date
        package var ends: Date

        package init(checkpointID: UUID, opens: Date, ends: Date) {
            self.checkpointID = checkpointID
            self.opens = opens
            self.ends = ends
        }
    }

    /// The counts for these checkpoints. Five queries, each grouped in the database.
    package static func counts(windows: [Window], recentSince: Date, heldSince: Date, on reads: Reads) async throws -> Counts {
        let units = try await reads.rows("SELECT id, name, path, parent_id, head_id FROM units").map { row in
            UnitRow(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                path: try row.decode(column: "path", as: String.self),
                parentID: try row.decodeNil(column: "parent_id") ? nil : try row.decode(column: "parent_id", as: UUID.self),
                headID: try row.decodeNil(column: "head_id") ? nil : try row.decode(column: "head_id", as: UUID.self))
        }

        var teamQuery: SQLQueryString = "SELECT p.unit_id, p.manager_id, COUNT(*) AS staff"
        for (index, window) in windows.enumerated() {
            teamQuery.appendLiteral(", SUM(CASE WHEN p.created_at >= CAST(")
            teamQuery.appendInterpolation(bind: window.ends)
            teamQuery.appendLiteral(" AS timestamptz) THEN 1 ELSE 0 END) AS late\(index)")
        }
        teamQuery.appendLiteral(" FROM people p WHERE p.active = ")
        teamQuery.appendInterpolation(bind: true)
        teamQuery.appendLiteral(" GROUP BY p.unit_id, p.manager_id")
        let teams = try await reads.rows(teamQuery).map { row in
            TeamRow(
                key: try key(row), staff: try row.decode(column: "staff", as: Int.self),
                joinedAfter: try windows.indices.map { try row.decode(column: "late\($0)", as: Int?.self) ?? 0 })
        }

        let standings =
            windows.isEmpty
            ? []
            : try await reads.rows(standingQuery(windows)).map { row in
                StandingRow(
                    key: try key(row), checkpointID: try row.decode(column: "checkpoint_id", as: UUID.self),
                    met: try row.decode(column: "met", as: Int.self), metJoinedAfter: try row.decode(column: "met_late", as: Int.self),
                    declined: try row.decode(column: "declined", as: Int.self), scheduled: try row.decode(column: "scheduled", as: Int.self)
                )
            }

        let recentRows = try await reads.rows(
            """
            SELECT p.unit_id, p.manager_id, COUNT(DISTINCT p.id) AS recent FROM conversations c JOIN people p ON p.id = c.employee_id \
            WHERE c.held_at >= \(bind: recentSince) AND c.state = \(bind: ConversationState.held.rawValue) AND p.active = \(bind: true) \
            GROUP BY p.unit_id, p.manager_id
            """)
        var recent: [TeamKey: Int] = [:]
        for row in recentRows { recent[try key(row)] = try row.decode(column: "recent", as: Int.self) }

        let kindRows = try await reads.rows(
            """
            SELECT p.unit_id, p.manager_id, c.kind, COUNT(*) AS held FROM conversations c JOIN people p ON p.id = c.employee_id \
            WHERE c.held_at >= \(bind: heldSince) AND c.state = \(bind: ConversationState.held.rawValue) AND p.active = \(bind: true) \
            GROUP BY p.unit_id, p.manager_id, c.kind
            """)
        var heldByKind: [TeamKey: [ConversationKind: Int]] = [:]
        for row in kindRows {
            guard let kind = ConversationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            heldByKind[try key(row), default: [:]][kind] = try row.decode(column: "held", as: Int.self)
        }

        let managerRows = try await reads.rows(
            """
            SELECT m.id, m.name FROM people m WHERE m.id IN \
            (SELECT p.manager_id FROM people p WHERE p.active = \(bind: true) AND p.manager_id IS NOT NULL)
            """)
        var managerNames: [UUID: String] = [:]
        for row in managerRows {
            managerNames[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self)
        }

        return Counts(
            units: units, teams: teams, standings: standings, recent: recent, heldByKind: heldByKind, managerNames: managerNames)
    }

    private static func key(_ row: any SQLRow) throws -> TeamKey {
        TeamKey(
            unitID: try row.decodeNil(column: "unit_id") ? nil : try row.decode(column: "unit_id", as: UUID.self),
            managerID: try row.decodeNil(column: "manager_id") ? nil : try row.decode(column: "manager_id", as: UUID.self))
    }

    /// Each person's best standing at each checkpoint (`CheckpointStanding`, as its number), then
    /// counted by team. Read from one index (`conversations_checkpoint_standing_idx`).
    private static func standingQuery(_ windows: [Window]) -> SQLQueryString {
        let ids: [any Encodable & Sendable] = windows.map(\.checkpointID)
        var heldInWindow = SQLQueryString("")
        for (index, window) in windows.enumerated() {
            heldInWindow.appendLiteral(index == 0 ? "(" : " OR ")
            heldInWindow.appendLiteral("(c.checkpoint_id = ")
            heldInWindow.appendInterpolation(bind: window.checkpointID)
            heldInWindow.appendLiteral(" AND c.held_at >= CAST(")
            heldInWindow.appendInterpolation(bind: window.opens)
            heldInWindow.appendLiteral(" AS timestamptz) AND c.held_at < CAST(")
            heldInWindow.appendInterpolation(bind: window.ends)
            heldInWindow.appendLiteral(" AS timestamptz))")
        }
        heldInWindow.appendLiteral(")")
        func joinedAfterClose() -> SQLQueryString {
            var text = SQLQueryString("p.created_at >= CASE f.checkpoint_id")
            for window in windows {
                text.appendLiteral(" WHEN ")
                text.appendInterpolation(bind: window.checkpointID)
                text.appendLiteral(" THEN CAST(")
                text.appendInterpolation(bind: window.ends)
                text.appendLiteral(" AS timestamptz)")
            }
            text.appendLiteral(" END")
            return text
        }
        let met = CheckpointStanding.met.rawValue
        let declined = CheckpointStanding.declined.rawValue
        let scheduled = CheckpointStanding.scheduled.rawValue
        var query: SQLQueryString = "SELECT p.unit_id, p.manager_id, f.checkpoint_id, "
        query.appendLiteral("SUM(CASE WHEN f.standing = \(met) THEN 1 ELSE 0 END) AS met, SUM(CASE WHEN f.standing = \(met) AND ")
        query.appendInterpolation(joinedAfterClose())
        query.appendLiteral(" THEN 1 ELSE 0 END) AS met_late, SUM(CASE WHEN f.standing = \(declined) AND NOT (")
        query.appendInterpolation(joinedAfterClose())
        query.appendLiteral(") THEN 1 ELSE 0 END) AS declined, SUM(CASE WHEN f.standing = \(scheduled) AND NOT (")
        query.appendInterpolation(joinedAfterClose())
        query.appendLiteral(") THEN 1 ELSE 0 END) AS scheduled FROM (SELECT c.employee_id, c.checkpoint_id, MAX(CASE WHEN c.state = ")
        query.appendInterpolation(bind: ConversationState.held.rawValue)
        query.appendLiteral(" AND c.with_line_manager = ")
        query.appendInterpolation(bind: true)
        query.appendLiteral(" AND ")
        query.appendInterpolation(heldInWindow)
        query.appendLiteral(" THEN \(met) WHEN c.state = ")
        query.appendInterpolation(bind: ConversationState.declined.rawValue)
        query.appendLiteral(" THEN \(declined) WHEN c.state = ")
        query.appendInterpolation(bind: ConversationState.scheduled.rawValue)
        query.appendLiteral(" THEN \(scheduled) ELSE 0 END) AS standing FROM conversations c WHERE c.checkpoint_id IN (")
        query.appendInterpolation(binds: ids)
        query.appendLiteral(") GROUP BY c.employee_id, c.checkpoint_id) f JOIN people p ON p.id = f.employee_id WHERE p.active = ")
        query.appendInterpolation(bind: true)
        query.appendLiteral(" GROUP BY p.unit_id, p.manager_id, f.checkpoint_id")
        return query
    }
}

// MARK: - Notices

extension MonitoringStore {
    package struct NoticeLine: Sendable {
        package var heldAt: Date
        package var employeeID: UUID
        package var employeeName: String
        package var guideName: String
        package var checkpointName: String?
        package var startYear: Int?
    }

    /// Tells the director of the employee's unit that a checkpoint conversation was held: the head
    /// of the employee's unit, or of the nearest unit above when the employee heads their own.
    /// Nobody is told of a conversation they held themselves. Runs in the transaction that marks it held.
    /// `reads` reads inside the caller's transaction (`Reads.driver(database)`).
    package static func notifyDirector(
        conversationID: UUID, employeeID: UUID, guideID: UUID, checkpointID: UUID, heldAt: Date, id: UUID, at now: Date,
        reads: Reads, on database: any Database
    ) async throws {
        let heads = try await OrganisationStore.headsAbove(person: employeeID, on: reads).map(\.id)
        let recipient = Directorship.director(of: employeeID, heads: heads)
        guard let recipient, recipient != guideID else { return }
        let notice = NoticeModel()
        notice.id = id
        notice.$recipient.id = recipient
        notice.$conversation.id = conversationID
        notice.$employee.id = employeeID
        notice.$guide.id = guideID
        notice.$checkpoint.id = checkpointID
        notice.heldAt = heldAt
        notice.createdAt = now
        try await notice.create(on: database)
    }

    /// Withdraws what a director was told of a conversation, when its guide says it met another
    /// checkpoint or none.
    package static func withdrawNotices(of conversationID: UUID, on database: any Database) async throws {
        try await NoticeModel.query(on: database).filter(\.$conversation.$id == conversationID).delete()
    }

    /// A director's notices, the latest held first: a page of them, and whether there are more.
    package static func notices(for recipient: UUID, page: Int, perPage: Int, on reads: Reads) async throws -> (
        lines: [NoticeLine], more: Bool
    ) {
        let rows = try await reads.rows(
            """
            SELECT n.held_at, n.employee_id, e.name AS employee_name, g.name AS guide_name, k.name AS checkpoint_name, \
            y.start_year FROM notices n JOIN people e ON e.id = n.employee_id JOIN people g ON g.id = n.guide_id \
            LEFT JOIN checkpoints k ON k.id = n.checkpoint_id LEFT JOIN career_years y ON y.id = k.career_year_id \
            WHERE n.recipient_id = \(bind: recipient) ORDER BY n.held_at DESC, n.id LIMIT \(bind: perPage + 1) \
            OFFSET \(bind: (page - 1) * perPage)
            """)
        let lines = try rows.prefix(perPage).map { row in
            NoticeLine(
                heldAt: try row.decode(column: "held_at", as: Date.self), employeeID: try row.decode(column: "employee_id", as: UUID.self),
                employeeName: try row.decode(column: "employee_name", as: String.self),
                guideName: try row.decode(column: "guide_name", as: String.self),
                checkpointName: try row.decode(column: "checkpoint_name", as: String?.self),
                startYear: try row.decode(column: "start_year", as: Int?.self))
        }
        return (lines, rows.count > perPage)
    }
}

// MARK: - Theme reports

extension MonitoringStore {
    package struct ThemeRow: Sendable {
        package var id: UUID
        package var name: String
        package var isActive: Bool
    }

    /// The theme list, in its order.
    package static func themes(on reads: Reads) async throws -> [ThemeRow] {
        try await reads.rows("SELECT id, name, active FROM themes ORDER BY position, name").map { row in
            ThemeRow(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                isActive: try row.decode(column: "active", as: Bool.self))
        }
    }

    package static let thresholdSetting = "anonymity_threshold"

    package static func threshold(on reads: Reads) async throws -> AnonymityThreshold {
        let value = try await reads.firstRow("SELECT value FROM organisation_settings WHERE name = \(bind: thresholdSetting)")?
            .decode(column: "value", as: String.self)
        return value.flatMap(Int.init).map(AnonymityThreshold.init(clamping:)) ?? .standard
    }

    package static func setThreshold(_ threshold: AnonymityThreshold, by person: UUID, at now: Date, on database: any Database) async throws
    {
        try await database.transaction { database in
            let existing = try await OrganisationSettingModel.query(on: database).filter(\.$name == thresholdSetting).first()
            let setting = existing ?? OrganisationSettingModel()
            setting.name = thresholdSetting
            setting.value = String(threshold.people)
            setting.updatedAt = now
            try await setting.save(on: database)
            try await AuditLog.record(.anonymityChanged, by: person, detail: "set to \(threshold.people) people", at: now, on: database)
        }
    }

    /// Whom a person reports to as a director: the head of their unit, or of the nearest unit above
    /// when they head their own. Nil when nobody is.
    package static func director(of person: UUID, on reads: Reads) async throws -> (id: UUID, name: String)? {
        let heads = try await OrganisationStore.headsAbove(person: person, on: reads)
        guard let director = Directorship.director(of: person, heads: heads.map(\.id)) else { return nil }
        return (director, heads.first { $0.id == director }?.name ?? "")
    }

    /// What a report at this checkpoint would draw on: the manager's reports whose checkpoint
    /// conversation with them was held, and how many of those had each theme tagged. One query,
    /// from the team (CROSS JOIN keeps SQLite starting there, not at every conversation of the
    /// checkpoint); the row with no theme carries the count of people.
    package static func reportBasis(manager: UUID, checkpoint: UUID, on reads: Reads) async throws -> (people: Int, tagged: [UUID: Int]) {
        let held = ConversationState.held.rawValue
        let rows = try await reads.rows(
            """
            SELECT CAST(NULL AS uuid) AS theme_id, COUNT(DISTINCT p.id) AS people FROM people p CROSS JOIN conversations c \
            WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) AND c.employee_id = p.id \
            AND c.checkpoint_id = \(bind: checkpoint) AND c.guide_id = \(bind: manager) AND c.state = \(bind: held) \
            UNION ALL SELECT ct.theme_id, COUNT(DISTINCT p.id) AS people FROM people p CROSS JOIN conversations c \
            CROSS JOIN conversation_themes ct WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) \
            AND c.employee_id = p.id AND c.checkpoint_id = \(bind: checkpoint) AND c.guide_id = \(bind: manager) \
            AND c.state = \(bind: held) AND ct.conversation_id = c.id GROUP BY ct.theme_id
            """)
        var people = 0
        var tagged: [UUID: Int] = [:]
        for row in rows {
            let count = try row.decode(column: "people", as: Int.self)
            if try row.decodeNil(column: "theme_id") {
                people = count
            } else {
                tagged[try row.decode(column: "theme_id", as: UUID.self)] = count
            }
        }
        return (people, tagged)
    }

    package struct SentReport: Sendable {
        package var people: Int
        package var note: String
        package var counts: [UUID: Int]
        package var submittedAt: Date
    }

    package static func report(manager: UUID, checkpoint: UUID, on reads: Reads) async throws -> SentReport? {
        let rows = try await reads.rows(
            """
            SELECT r.people, r.note, r.submitted_at, n.theme_id, n.people AS theme_people FROM theme_reports r \
            LEFT JOIN theme_report_counts n ON n.report_id = r.id WHERE r.manager_id = \(bind: manager) \
            AND r.checkpoint_id = \(bind: checkpoint)
            """)
        guard let first = rows.first else { return nil }
        var counts: [UUID: Int] = [:]
        for row in rows where !(try row.decodeNil(column: "theme_id")) {
            counts[try row.decode(column: "theme_id", as: UUID.self)] = try row.decode(column: "theme_people", as: Int.self)
        }
        return SentReport(
            people: try first.decode(column: "people", as: Int.self), note: try first.decode(column: "note", as: String.self),
            counts: counts, submittedAt: try first.decode(column: "submitted_at", as: Date.self))
    }

    /// Sends or replaces the manager's report for the checkpoint, counted in their unit as it is now.
    package static func saveReport(
        manager: UUID, checkpoint: UUID, people: Int, counts: [UUID: Int], note: String, ids: @escaping @Sendable () -> UUID, at now: Date,
        on database: any Database
    ) async throws {
        try await database.transaction { database in
            let unit = try await PersonModel.find(manager, on: database)?.$unit.id
            try await ThemeReportModel.query(on: database).filter(\.$manager.$id == manager).filter(\.$checkpoint.$id == checkpoint)
                .delete()
            let report = ThemeReportModel()
            report.id = ids()
            report.$manager.id = manager
            report.$unit.id = unit
            report.$checkpoint.id = checkpoint
            report.people = people
            report.note = note
            report.submittedAt = now
            try await report.create(on: database)
            for (theme, count) in counts.sorted(by: { $0.key.uuidString < $1.key.uuidString }) where count > 0 {
                let line = ThemeReportCountModel()
                line.id = ids()
                line.$report.id = try report.requireID()
                line.$theme.id = theme
                line.people = count
                try await line.create(on: database)
            }
            // That a report was sent, and for which checkpoint; never its figures or its note.
            let name = try await CheckpointModel.find(checkpoint, on: database)?.name ?? "a checkpoint"
            try await AuditLog.record(.themeReportSent, by: manager, detail: "for \(name)", at: now, on: database)
        }
    }

}

// MARK: - Team requests

extension MonitoringStore {
    package struct TeamRequest: Sendable {
        package var id: UUID
        package var request: String
        package var done: Bool
        package var managerName: String
        package var createdAt: Date
    }

    package static func requests(of manager: UUID, on reads: Reads) async throws -> [TeamRequest] {
        try await reads.rows(
            """
            SELECT r.id, r.request, r.done, r.created_at, m.name FROM team_requests r JOIN people m ON m.id = r.manager_id \
            WHERE r.manager_id = \(bind: manager) ORDER BY r.done, r.created_at DESC, r.id
            """
        ).map(teamRequest)
    }

    private static func teamRequest(_ row: any SQLRow) throws -> TeamRequest {
        TeamRequest(
            id: try row.decode(column: "id", as: UUID.self), request: try row.decode(column: "request", as: String.self),
            done: try row.decode(column: "done", as: Bool.self), managerName: try row.decode(column: "name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    package static func addRequest(_ text: String, manager: UUID, id: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let request = TeamRequestModel()
            request.id = id
            request.$manager.id = manager
            request.$unit.id = try await PersonModel.find(manager, on: database)?.$unit.id
            request.request = text
            request.done = false
            request.createdAt = now
            request.updatedAt = now
            try await request.create(on: database)
            try await AuditLog.record(.teamRequestChanged, by: manager, detail: "added a request", at: now, on: database)
        }
    }

    /// Marks the manager's own request done; false when it is not theirs.
    package static func markRequestDone(_ id: UUID, manager: UUID, at now: Date, on database: any Database) async throws -> Bool {
        try await database.transaction { database in
            guard let request = try await TeamRequestModel.find(id, on: database), request.$manager.id == manager else { return false }
            request.done = true
            request.updatedAt = now
            try await request.save(on: database)
            try await AuditLog.record(.teamRequestChanged, by: manager, detail: "marked a request done", at: now, on: database)
            return true
        }
    }
}

// MARK: - Unit responses

extension MonitoringStore {
    package struct UnitResponse: Sendable {
        package var id: UUID
        package var unitName: String
        package var themeName: String
        package var response: String
        package var byWhom: String
        package var dueOn: String?
        package var updatedAt: Date
    }

    private static let responseColumns =
        "r.id, u.name AS unit_name, t.name AS theme_name, r.response, r.by_whom, r.due_on, r.updated_at"

    private static func unitResponse(_ row: any SQLRow) throws -> UnitResponse {
        UnitResponse(
            id: try row.decode(column: "id", as: UUID.self), unitName: try row.decode(column: "unit_name", as: String.self),
            themeName: try row.decode(column: "theme_name", as: String.self), response: try row.decode(column: "response", as: String.self),
            byWhom: try row.decode(column: "by_whom", as: String.self), dueOn: try row.decode(column: "due_on", as: String?.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    package static func responses(unit: UUID, on reads: Reads) async throws -> [UnitResponse] {
        try await reads.rows(
            """
            SELECT \(unsafeRaw: responseColumns) FROM unit_responses r JOIN units u ON u.id = r.unit_id JOIN themes t ON t.id = r.theme_id \
            WHERE r.unit_id = \(bind: unit) ORDER BY r.updated_at DESC, r.id
            """
        ).map(unitResponse)
    }

    package static func addResponse(
        unit: UUID, theme: UUID, _ checked: UnitResponseRules.Checked, by person: UUID, id: UUID, at now: Date, on database: any Database
    ) async throws {
        try await database.transaction { database in
            let response = UnitResponseModel()
            response.id = id
            response.$unit.id = unit
            response.$theme.id = theme
            response.response = checked.response
            response.byWhom = checked.byWhom
            response.dueOn = checked.dueOn?.iso
            response.$createdBy.id = person
            response.createdAt = now
            response.updatedAt = now
            try await response.create(on: database)
            try await AuditLog.record(.unitResponseChanged, by: person, detail: "recorded a response", at: now, on: database)
        }
    }

    /// Removes a response; the unit it was for, or nil when there is none.
    package static func deleteResponse(_ id: UUID, by person: UUID, at now: Date, on database: any Database) async throws -> UUID? {
        try await database.transaction { database in
            guard let response = try await UnitResponseModel.find(id, on: database) else { return nil }
            let unit = response.$unit.id
            try await response.delete(on: database)
            try await AuditLog.record(.unitResponseChanged, by: person, detail: "removed a response", at: now, on: database)
            return unit
        }
    }

    /// What a person's home page says was heard: responses for their unit and every unit above it,
    /// and the requests their line manager has recorded that are not yet done. One query.
    package static func heard(unitPaths: [String], manager: UUID?, on reads: Reads) async throws -> (
        responses: [UnitResponse], requests: [String]
    ) {
        guard !unitPaths.isEmpty || manager != nil else { return ([], []) }
        let paths: [any Encodable & Sendable] = unitPaths.isEmpty ? [""] : unitPaths
        let rows = try await reads.rows(
            """
            SELECT 'response' AS part, \(unsafeRaw: responseColumns) FROM unit_responses r JOIN units u ON u.id = r.unit_id \
            JOIN themes t ON t.id = r.theme_id WHERE u.path IN (\(binds: paths)) \
            UNION ALL SELECT 'request' AS part, q.id, '' AS unit_name, '' AS theme_name, q.request AS response, '' AS by_whom, \
            NULL AS due_on, q.updated_at FROM team_requests q WHERE q.manager_id = \(bind: manager ?? UUID()) AND q.done = \(bind: false) \
            ORDER BY updated_at DESC, id
            """)
        var responses: [UnitResponse] = []
        var requests: [String] = []
        for row in rows {
            if try row.decode(column: "part", as: String.self) == "request" {
                requests.append(try row.decode(column: "response", as: String.self))
            } else {
                responses.append(try unitResponse(row))
            }
        }
        return (Array(responses.prefix(10)), Array(requests.prefix(10)))
    }
}

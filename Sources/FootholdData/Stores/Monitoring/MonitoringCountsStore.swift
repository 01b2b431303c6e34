import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The counts behind the dashboards, read in a handful of grouped queries over the whole
/// organisation (`counts`) and kept in memory (`MonitoringCache`), so no page reads conversations
/// itself. Notices, theme reports, team requests and unit responses have stores of their own.
package enum MonitoringCountsStore {
    /// The units a person heads now (read afresh: who is a director is not left to the counts).
    package static func unitsHeaded(by person: UUID, on reads: Reads) async throws -> [UUID] {
        try await reads.rows("SELECT id FROM units WHERE head_id = \(bind: person)").map { try $0.decode(column: "id", as: UUID.self) }
    }

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

        // Of each team, how many joined after each window closed, as late0, late1, … in window order.
        let joinedLate = windows.enumerated().map { index, window in
            ", SUM(CASE WHEN p.created_at >= CAST(\(bind: window.ends) AS timestamptz) THEN 1 ELSE 0 END) AS late\(literal: index)"
                as SQLQueryString
        }.joined()
        let teamQuery: SQLQueryString = """
            SELECT p.unit_id, p.manager_id, COUNT(*) AS staff\(joinedLate) FROM people p WHERE p.active = \(bind: true) \
            GROUP BY p.unit_id, p.manager_id
            """
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
        let (met, declined, scheduled) = (
            CheckpointStanding.met.rawValue, CheckpointStanding.declined.rawValue, CheckpointStanding.scheduled.rawValue
        )
        // Held within its own checkpoint's window.
        let heldInWindow = windows.map { window in
            """
            (c.checkpoint_id = \(bind: window.checkpointID) AND c.held_at >= CAST(\(bind: window.opens) AS timestamptz) \
            AND c.held_at < CAST(\(bind: window.ends) AS timestamptz))
            """ as SQLQueryString
        }.joined(separator: " OR ")
        // The person joined after their checkpoint's window closed.
        let joinedAfterClose: SQLQueryString =
            "p.created_at >= CASE f.checkpoint_id "
            + windows.map { "WHEN \(bind: $0.checkpointID) THEN CAST(\(bind: $0.ends) AS timestamptz)" as SQLQueryString }
            .joined(separator: " ") + " END"
        let ids: [any Encodable & Sendable] = windows.map(\.checkpointID)
        return """
            SELECT p.unit_id, p.manager_id, f.checkpoint_id, \
            SUM(CASE WHEN f.standing = \(literal: met) THEN 1 ELSE 0 END) AS met, \
            SUM(CASE WHEN f.standing = \(literal: met) AND \(joinedAfterClose) THEN 1 ELSE 0 END) AS met_late, \
            SUM(CASE WHEN f.standing = \(literal: declined) AND NOT (\(joinedAfterClose)) THEN 1 ELSE 0 END) AS declined, \
            SUM(CASE WHEN f.standing = \(literal: scheduled) AND NOT (\(joinedAfterClose)) THEN 1 ELSE 0 END) AS scheduled \
            FROM (SELECT c.employee_id, c.checkpoint_id, MAX(CASE \
            WHEN c.state = \(bind: ConversationState.held.rawValue) AND c.with_line_manager = \(bind: true) \
            AND (\(heldInWindow)) THEN \(literal: met) \
            WHEN c.state = \(bind: ConversationState.declined.rawValue) THEN \(literal: declined) \
            WHEN c.state = \(bind: ConversationState.scheduled.rawValue) THEN \(literal: scheduled) ELSE 0 END) AS standing \
            FROM conversations c WHERE c.checkpoint_id IN (\(binds: ids)) GROUP BY c.employee_id, c.checkpoint_id) f \
            JOIN people p ON p.id = f.employee_id WHERE p.active = \(bind: true) \
            GROUP BY p.unit_id, p.manager_id, f.checkpoint_id
            """
    }
}

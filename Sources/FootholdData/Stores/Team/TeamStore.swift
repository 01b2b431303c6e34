import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query of the team board.
package enum TeamStore {
    /// A manager's active reports, by name; with `only`, just that one of them.
    package static func reports(of manager: UUID, only: UUID? = nil, on reads: Reads) async throws -> [TeamMember] {
        var query: SQLQueryString =
            "SELECT p.id, p.name, p.created_at FROM people p WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true)"
        if let only { query.appendInterpolation(" AND p.id = \(bind: only)" as SQLQueryString) }
        query.appendLiteral(" ORDER BY p.name, p.id")
        return try await reads.rows(query).map { row in
            TeamMember(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                joined: try row.decode(column: "created_at", as: Date.self))
        }
    }

    /// What the reports have arranged or asked for, and anything at the year's checkpoints: two
    /// index seeks a person ((employee, state) and (employee, checkpoint)), not a read of ten years.
    /// With `only`, just that report's.
    package static func conversations(
        ofReportsOf manager: UUID, only: UUID? = nil, checkpoints: [UUID], on reads: Reads
    ) async throws -> [TeamOccurrence] {
        let open: [any Encodable & Sendable] = [ConversationState.scheduled.rawValue, ConversationState.requested.rawValue]
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: occurrenceColumns) FROM people p JOIN conversations c ON c.employee_id = p.id \
            WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) AND c.state IN (\(binds: open))
            """
        if let only { query.appendInterpolation(" AND p.id = \(bind: only)" as SQLQueryString) }
        let checkpointIDs: [any Encodable & Sendable] = checkpoints
        if !checkpointIDs.isEmpty {
            query.appendLiteral(" UNION ALL SELECT \(occurrenceColumns) FROM people p JOIN conversations c ON c.employee_id = p.id")
            query.appendLiteral(" WHERE p.manager_id = ")
            query.appendInterpolation(bind: manager)
            query.appendLiteral(" AND p.active = ")
            query.appendInterpolation(bind: true)
            if let only { query.appendInterpolation(" AND p.id = \(bind: only)" as SQLQueryString) }
            query.appendLiteral(" AND c.checkpoint_id IN (")
            query.appendInterpolation(binds: checkpointIDs)
            query.appendLiteral(") AND c.state NOT IN (")
            query.appendInterpolation(binds: open)
            query.appendLiteral(")")
        }
        return try await reads.rows(query).map(occurrence)
    }

    package static let occurrenceColumns =
        "c.id, c.employee_id, c.guide_id, c.kind, c.checkpoint_id, c.state, c.with_line_manager, c.held_at, c.starts_at, c.return_on"

    private static func occurrence(_ row: any SQLRow) throws -> TeamOccurrence {
        TeamOccurrence(
            id: try row.decode(column: "id", as: UUID.self),
            employeeID: try row.decode(column: "employee_id", as: UUID.self),
            guideID: try row.decode(column: "guide_id", as: UUID.self),
            kind: try rawValue(row.decode(column: "kind", as: String.self)),
            checkpointID: try row.decodeNil(column: "checkpoint_id") ? nil : try row.decode(column: "checkpoint_id", as: UUID.self),
            state: try rawValue(row.decode(column: "state", as: String.self)),
            withLineManager: try row.decode(column: "with_line_manager", as: Bool.self),
            heldAt: try row.decodeNil(column: "held_at") ? nil : try row.decode(column: "held_at", as: Date.self),
            startsAt: try row.decodeNil(column: "starts_at") ? nil : try row.decode(column: "starts_at", as: Date.self),
            returnOn: try row.decodeNil(column: "return_on") ? nil : try row.decode(column: "return_on", as: String.self))
    }

    /// A report's most recent conversations held, newest first, for the policy to choose from
    /// (the manager may not know of every kind).
    package static func recentlyHeld(by employee: UUID, of manager: UUID, limit: Int = 20, on reads: Reads) async throws
        -> [TeamOccurrence]
    {
        try await reads.rows(
            """
            SELECT \(unsafeRaw: occurrenceColumns) FROM people p JOIN conversations c ON c.employee_id = p.id \
            WHERE p.id = \(bind: employee) AND p.manager_id = \(bind: manager) AND c.state = \(bind: ConversationState.held.rawValue) \
            ORDER BY c.held_at DESC, c.id LIMIT \(unsafeRaw: String(limit))
            """
        ).map(occurrence)
    }

    /// The name of the active person with this id who reports to `manager`, or nil: the only people
    /// a manager may invite from the board.
    package static func activeReport(_ id: UUID, of manager: UUID, on reads: Reads) async throws -> String? {
        try await reads.firstRow(
            "SELECT name FROM people WHERE id = \(bind: id) AND manager_id = \(bind: manager) AND active = \(bind: true)"
        )?.decode(column: "name", as: String.self)
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What directors and the Leadership Team say in response to a unit's themes, and what a person's
/// home says was heard.
package enum UnitResponseStore {
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

    /// Which half of what was heard a row belongs to.
    private enum HeardPart: String {
        case response, request
    }

    /// What a person's home page says was heard: responses for their unit and every unit above it,
    /// and the requests their line manager has recorded that are not yet done. One query.
    package static func heard(unitPaths: [String], manager: UUID?, on reads: Reads) async throws -> (
        responses: [UnitResponse], requests: [String]
    ) {
        var parts: [SQLQueryString] = []
        if !unitPaths.isEmpty {
            let paths: [any Encodable & Sendable] = unitPaths
            parts.append(
                """
                SELECT \(literal: HeardPart.response.rawValue) AS part, \(unsafeRaw: responseColumns) FROM unit_responses r \
                JOIN units u ON u.id = r.unit_id JOIN themes t ON t.id = r.theme_id WHERE u.path IN (\(binds: paths))
                """)
        }
        if let manager {
            parts.append(
                """
                SELECT \(literal: HeardPart.request.rawValue) AS part, q.id, '' AS unit_name, '' AS theme_name, q.request AS response, \
                '' AS by_whom, NULL AS due_on, q.updated_at FROM team_requests q WHERE q.manager_id = \(bind: manager) \
                AND q.done = \(bind: false)
                """)
        }
        guard !parts.isEmpty else { return ([], []) }
        let rows = try await reads.rows("SELECT * FROM (" + parts.joined(separator: " UNION ALL ") + ") heard ORDER BY updated_at DESC, id")
        var responses: [UnitResponse] = []
        var requests: [String] = []
        for row in rows {
            let text = try row.decode(column: "part", as: String.self)
            switch HeardPart(rawValue: text) {
            case .request: requests.append(try row.decode(column: "response", as: String.self))
            case .response: responses.append(try unitResponse(row))
            case nil: throw StoreError.unexpectedRow("what a home page says was heard")
            }
        }
        return (Array(responses.prefix(10)), Array(requests.prefix(10)))
    }
}

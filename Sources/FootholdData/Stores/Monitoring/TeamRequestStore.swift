import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What a line manager's team has asked for, recorded by the manager until done.
package enum TeamRequestStore {
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

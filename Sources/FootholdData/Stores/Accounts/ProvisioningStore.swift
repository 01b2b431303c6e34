import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Connections through which an identity provider keeps Foothold's people up to date over SCIM
/// 2.0. Each has a bearer token, shown once to the HR administrator who made it and kept only as
/// its SHA-256; a revoked connection opens nothing.
package enum ProvisioningStore {
    package static let connections = "provisioning_connections"

    package struct Connection: Sendable, Equatable {
        package var id: UUID
        package var name: String
        package var createdAt: Date
        package var revokedAt: Date?
        package var lastUsedAt: Date?
    }

    /// How stale `last_used_at` may grow before a request writes it again.
    package static let touchInterval: TimeInterval = 60

    package static func make(
        name: String, token: String, id: UUID, by person: UUID, at now: Date, on database: any Database
    ) async throws {
        try await database.transaction { database in
            try await database.sql.raw(
                """
                INSERT INTO \(unsafeRaw: connections) (id, name, token_hash, created_by, created_at) \
                VALUES (\(bind: id), \(bind: name), \(bind: TokenHash.of(token)), \(bind: person), \(bind: now))
                """
            ).run()
            try await AuditLog.record(.provisioningChanged, by: person, detail: "made the connection \(name)", at: now, on: database)
        }
    }

    package static func revoke(_ id: UUID, by person: UUID, at now: Date, on database: any Database) async throws -> Bool {
        try await database.transaction { database in
            let rows = try await database.sql.raw(
                """
                UPDATE \(unsafeRaw: connections) SET revoked_at = \(bind: now) \
                WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING name
                """
            ).all()
            guard let name = try rows.first?.decode(column: "name", as: String.self) else { return false }
            try await AuditLog.record(.provisioningChanged, by: person, detail: "revoked the connection \(name)", at: now, on: database)
            return true
        }
    }

    package static func all(on reads: Reads) async throws -> [Connection] {
        try await reads.rows(
            "SELECT id, name, created_at, revoked_at, last_used_at FROM \(unsafeRaw: connections) ORDER BY created_at DESC, id"
        ).map { row in
            Connection(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
                lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self))
        }
    }

    /// The live connection this bearer token opens, marked as used; nil for any other token.
    package static func connection(token: String, at now: Date, on reads: Reads) async throws -> Connection? {
        guard
            let row = try await reads.firstRow(
                """
                SELECT id, name, created_at, revoked_at, last_used_at FROM \(unsafeRaw: connections) \
                WHERE token_hash = \(bind: TokenHash.of(token)) AND revoked_at IS NULL
                """)
        else { return nil }
        let connection = Connection(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), revokedAt: nil,
            lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self))
        if connection.lastUsedAt.map({ now.timeIntervalSince($0) > touchInterval }) ?? true {
            try await reads.database.sql.raw(
                "UPDATE \(unsafeRaw: connections) SET last_used_at = \(bind: now) WHERE id = \(bind: connection.id)"
            ).run()
        }
        return connection
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A link or template kept for a unit's people, or for everyone.
package struct UnitResource: Equatable {
    package var id: UUID
    package var title: String
    package var url: String
    package var description: String
    package var unitID: UUID?
    /// The unit's path; nil for everyone.
    package var unitPath: String?
}

/// Every query about resources.
package enum ResourcesStore {
    private static func resources(_ query: SQLQueryString, on reads: Reads) async throws -> [UnitResource] {
        try await reads.rows(query).map { row in
            UnitResource(
                id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
                url: try row.decode(column: "url", as: String.self), description: try row.decode(column: "description", as: String.self),
                unitID: try row.decodeNil(column: "unit_id") ? nil : try row.decode(column: "unit_id", as: UUID.self),
                unitPath: try row.decodeNil(column: "path") ? nil : try row.decode(column: "path", as: String.self))
        }
    }

    package static func all(on reads: Reads) async throws -> [UnitResource] {
        try await resources(
            """
            SELECT r.id, r.title, r.url, r.description, r.unit_id, u.path FROM resources r LEFT JOIN units u ON u.id = r.unit_id \
            ORDER BY u.path IS NOT NULL, u.path, r.title, r.id
            """, on: reads)
    }

    /// What a person's unit and every unit above it keep, and what is for everyone: one statement
    /// that climbs from the person's unit to the top by each unit's parent.
    package static func forPerson(_ personID: UUID, on reads: Reads) async throws -> [UnitResource] {
        try await resources(
            """
            WITH RECURSIVE lineage (id, parent_id) AS (\
            SELECT u.id, u.parent_id FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = \(bind: personID) \
            UNION ALL SELECT u.id, u.parent_id FROM units u JOIN lineage l ON u.id = l.parent_id) \
            SELECT r.id, r.title, r.url, r.description, r.unit_id, u.path FROM resources r LEFT JOIN units u ON u.id = r.unit_id \
            WHERE r.unit_id IS NULL OR r.unit_id IN (SELECT id FROM lineage) ORDER BY u.path IS NOT NULL, u.path, r.title, r.id
            """, on: reads)
    }

    /// The units resources can be kept for: every unit, whatever its depth (on 4 December 2026 a
    /// unit an import had just made was missing from the list); a person sees those of their own
    /// unit and every unit above it.
    package static func departments(on reads: Reads) async throws -> [(id: UUID, path: String)] {
        try await reads.rows("SELECT u.id, u.path FROM units u ORDER BY u.path").map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "path", as: String.self))
        }
    }

    package static func add(_ draft: ResourceDraft, unitID: UUID?, id: UUID, by person: UUID, at now: Date, on database: any Database)
        async throws
    {
        let model = ResourceModel()
        model.id = id
        model.title = draft.title
        model.url = draft.url
        model.description = draft.description
        model.$unit.id = unitID
        model.createdAt = now
        try await database.transaction { database in
            try await model.create(on: database)
            try await AuditLog.record(.resourcesChanged, by: person, detail: "added “\(draft.title)”", at: now, on: database)
        }
    }

    package static func delete(_ id: UUID, by person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            guard let found = try await ResourceModel.find(id, on: database) else { return }
            try await found.delete(on: database)
            try await AuditLog.record(.resourcesChanged, by: person, detail: "removed “\(found.title)”", at: now, on: database)
        }
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A link or template kept for a unit's people, or for everyone.
struct UnitResource: Equatable {
    var id: UUID
    var title: String
    var url: String
    var description: String
    var unitID: UUID?
    /// The unit's path; nil for everyone.
    var unitPath: String?
}

/// Every query about resources.
enum ResourcesStore {
    private static func resources(where condition: SQLQueryString, on reads: Reads) async throws -> [UnitResource] {
        try await reads.rows(
            """
            SELECT r.id, r.title, r.url, r.description, r.unit_id, u.path FROM resources r LEFT JOIN units u ON u.id = r.unit_id \
            WHERE \(condition) ORDER BY u.path IS NOT NULL, u.path, r.title, r.id
            """
        ).map { row in
            UnitResource(
                id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
                url: try row.decode(column: "url", as: String.self), description: try row.decode(column: "description", as: String.self),
                unitID: try row.decodeNil(column: "unit_id") ? nil : try row.decode(column: "unit_id", as: UUID.self),
                unitPath: try row.decodeNil(column: "path") ? nil : try row.decode(column: "path", as: String.self))
        }
    }

    static func all(on reads: Reads) async throws -> [UnitResource] {
        try await resources(where: "1 = 1", on: reads)
    }

    /// What a person's unit and every unit above it keep, and what is for everyone.
    static func forPerson(_ personID: UUID, on reads: Reads) async throws -> [UnitResource] {
        let path = try await reads.firstRow(
            "SELECT u.path FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = \(bind: personID)"
        )?.decode(column: "path", as: String.self)
        let lineage = path.flatMap(UnitPath.init(parsing:))?.lineage.map(\.description) ?? []
        var condition: SQLQueryString = "r.unit_id IS NULL"
        if !lineage.isEmpty {
            condition.appendLiteral(" OR u.path IN (")
            for (index, item) in lineage.enumerated() {
                if index > 0 { condition.appendLiteral(", ") }
                condition.appendInterpolation(bind: item)
            }
            condition.appendLiteral(")")
        }
        return try await resources(where: condition, on: reads)
    }

    static func add(_ draft: ResourceDraft, unitID: UUID?, id: UUID, at now: Date, on database: any Database) async throws {
        let model = ResourceModel()
        model.id = id
        model.title = draft.title
        model.url = draft.url
        model.description = draft.description
        model.$unit.id = unitID
        model.createdAt = now
        try await model.create(on: database)
    }

    static func delete(_ id: UUID, on database: any Database) async throws {
        try await ResourceModel.query(on: database).filter(\.$id == id).delete()
    }
}

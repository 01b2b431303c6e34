import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Writes many units and people at once, in batches inside the caller's transaction. Used by the
/// people import and the demo, where row-at-a-time inserts would be far too slow at 50,000 people.
enum OrganisationWriter {
    struct UnitRow {
        var id: UUID
        var name: String
        var path: String
        var parentID: UUID?
        var headID: UUID?
    }

    struct PersonRow {
        var id: UUID
        var email: String
        var name: String
        var jobTitle: String
        var unitID: UUID?
        var managerID: UUID?
        var isLeadershipTeam: Bool
        var isHRAdministrator: Bool
    }

    /// Rows per INSERT statement: well inside SQLite's and PostgreSQL's limits on bound values.
    static let batchSize = 400

    /// Units must come parents first.
    static func insert(units: [UnitRow], createdAt: Date, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for batch in units.chunked(into: batchSize) {
            var insert = sql.insert(into: UnitModel.schema).columns("id", "name", "path", "parent_id", "head_id", "created_at")
            for unit in batch {
                insert = insert.values(SQLBind(unit.id), SQLBind(unit.name), SQLBind(unit.path), SQLBind(unit.parentID),
                                       SQLBind(unit.headID), SQLBind(createdAt))
            }
            try await insert.run()
        }
    }

    /// People must come managers first, so that every manager exists when their reports are written.
    static func insert(people: [PersonRow], createdAt: Date, on database: any Database, progress: ((Int) -> Void)? = nil) async throws {
        let sql = database as! any SQLDatabase
        var written = 0
        for batch in people.chunked(into: batchSize) {
            var insert = sql.insert(into: PersonModel.schema)
                .columns("id", "email", "name", "job_title", "search_text", "unit_id", "manager_id", "leadership_team", "hr_admin", "active", "created_at")
            for person in batch {
                insert = insert.values(
                    SQLBind(person.id), SQLBind(person.email), SQLBind(person.name), SQLBind(person.jobTitle),
                    SQLBind(PersonModel.searchText(name: person.name, email: person.email, jobTitle: person.jobTitle)),
                    SQLBind(person.unitID), SQLBind(person.managerID), SQLBind(person.isLeadershipTeam),
                    SQLBind(person.isHRAdministrator), SQLBind(true), SQLBind(createdAt))
            }
            try await insert.run()
            written += batch.count
            progress?(written)
        }
        // All the new words at once, in key order, so the index grows at its end.
        try await SearchWords.insert(people.map { person in
            SearchWords.Person(id: person.id, text: PersonModel.searchText(name: person.name, email: person.email, jobTitle: person.jobTitle),
                               name: person.name, email: person.email, isActive: true)
        }, on: database)
    }

    static func insertCredentials(for personIDs: [UUID], passwordHash: String, at date: Date, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for batch in personIDs.chunked(into: batchSize) {
            var insert = sql.insert(into: CredentialModel.schema).columns("id", "person_id", "password_hash", "updated_at")
            for id in batch { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(passwordHash), SQLBind(date)) }
            try await insert.run()
        }
    }
}

extension OrganisationWriter {
    /// Recounts every unit's active people, directly and with the units below it, and writes the
    /// counts that changed. Two reads and one update per changed unit; run after anything that
    /// adds, moves or deactivates people.
    static func refreshHeadcounts(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let units = try await sql.raw("SELECT id, path, people_direct, people_total FROM units").all()
        let counts = try await sql.raw("""
            SELECT unit_id, COUNT(*) AS people FROM people WHERE active = \(bind: true) AND unit_id IS NOT NULL GROUP BY unit_id
            """).all()
        var direct: [UUID: Int] = [:]
        for row in counts { direct[try row.decode(column: "unit_id", as: UUID.self)] = try row.decode(column: "people", as: Int.self) }
        var pathByID: [UUID: String] = [:]
        var stored: [UUID: (Int, Int)] = [:]
        for row in units {
            let id = try row.decode(column: "id", as: UUID.self)
            pathByID[id] = try row.decode(column: "path", as: String.self)
            stored[id] = (try row.decode(column: "people_direct", as: Int.self), try row.decode(column: "people_total", as: Int.self))
        }
        var totalByPath: [String: Int] = [:]
        for (id, count) in direct {
            guard let path = pathByID[id] else { continue }
            for ancestor in UnitPath(parsing: path)?.lineage ?? [] { totalByPath[ancestor.description, default: 0] += count }
        }
        for (id, path) in pathByID {
            let fresh = (direct[id] ?? 0, totalByPath[path] ?? 0)
            guard stored[id]! != fresh else { continue }
            try await sql.update(UnitModel.schema)
                .set("people_direct", to: SQLBind(fresh.0)).set("people_total", to: SQLBind(fresh.1))
                .where("id", .equal, SQLBind(id))
                .run()
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

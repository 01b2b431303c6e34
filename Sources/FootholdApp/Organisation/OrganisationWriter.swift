import Fluent
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

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

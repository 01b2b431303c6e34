import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Writes many units and people at once, in batches inside the caller's transaction. Used by the
/// people import and the demo, where row-at-a-time inserts would be far too slow at 50,000 people.
package enum OrganisationWriter {
    package struct UnitRow {
        package var id: UUID
        package var name: String
        package var path: String
        package var parentID: UUID?
        package var headID: UUID?

        package init(id: UUID, name: String, path: String, parentID: UUID? = nil, headID: UUID? = nil) {
            self.id = id
            self.name = name
            self.path = path
            self.parentID = parentID
            self.headID = headID
        }
    }

    package struct PersonRow {
        package var id: UUID
        package var email: String
        package var name: String
        package var jobTitle: String
        package var unitID: UUID?
        package var managerID: UUID?
        package var isLeadershipTeam: Bool
        package var isHRAdministrator: Bool

        package init(
            id: UUID, email: String, name: String, jobTitle: String, unitID: UUID? = nil, managerID: UUID? = nil, isLeadershipTeam: Bool,
            isHRAdministrator: Bool
        ) {
            self.id = id
            self.email = email
            self.name = name
            self.jobTitle = jobTitle
            self.unitID = unitID
            self.managerID = managerID
            self.isLeadershipTeam = isLeadershipTeam
            self.isHRAdministrator = isHRAdministrator
        }
    }

    /// Rows per INSERT statement: well inside SQLite's and PostgreSQL's limits on bound values.
    package static let batchSize = 400

    /// Units must come parents first.
    package static func insert(units: [UnitRow], createdAt: Date, on database: any Database) async throws {
        try await BulkLoad.insert(
            into: UnitModel.schema, columns: ["id", "name", "path", "parent_id", "head_id", "created_at"], count: units.count,
            row: { index in
                let unit = units[index]
                return [.uuid(unit.id), .text(unit.name), .text(unit.path), .uuid(unit.parentID), .uuid(unit.headID), .date(createdAt)]
            },
            on: database.sql)
    }

    /// People must come managers first, so that every manager exists when their reports are written.
    package static func insert(people: [PersonRow], createdAt: Date, on database: any Database, progress: ((Int) -> Void)? = nil)
        async throws
    {
        let searchTexts = people.map { PersonModel.searchText(name: $0.name, email: $0.email, jobTitle: $0.jobTitle) }
        for start in stride(from: 0, to: people.count, by: progressEvery) {
            let end = min(start + progressEvery, people.count)
            try await BulkLoad.insert(
                into: PersonModel.schema,
                columns: [
                    "id", "email", "name", "job_title", "search_text", "unit_id", "manager_id", "leadership_team", "hr_admin", "active",
                    "created_at",
                    "history_choice_manager_id",
                ],
                count: end - start,
                row: { offset in
                    let person = people[start + offset]
                    return [
                        .uuid(person.id), .text(person.email), .text(person.name), .text(person.jobTitle),
                        .text(searchTexts[start + offset]),
                        .uuid(person.unitID), .uuid(person.managerID), .bool(person.isLeadershipTeam), .bool(person.isHRAdministrator),
                        .bool(true), .date(createdAt), .uuid(person.managerID),
                    ]
                },
                on: database.sql)
            progress?(end)
        }
        // All the new words at once, in key order, so the index grows at its end.
        try await SearchWords.insert(
            people.indices.map { index in
                let person = people[index]
                return SearchWords.Person(id: person.id, text: searchTexts[index], name: person.name, email: person.email, isActive: true)
            }, on: database)
    }

    /// People written between two progress reports.
    package static let progressEvery = 5_000

    package static func insertCredentials(for personIDs: [UUID], passwordHash: String, at date: Date, on database: any Database)
        async throws
    {
        try await BulkLoad.insert(
            into: CredentialModel.schema, columns: ["id", "person_id", "password_hash", "updated_at"], count: personIDs.count,
            row: { [.uuid(UUID()), .uuid(personIDs[$0]), .text(passwordHash), .date(date)] },
            on: database.sql)
    }
}

extension OrganisationWriter {
    /// Recounts every unit's active people, directly and with the units below it, and writes the
    /// counts that changed. Two reads and one update per changed unit; run after anything that
    /// adds, moves or deactivates people.
    /// A whole organisation at once, in one transaction: its units, its people (each manager before
    /// those who report to them), one password for everyone, and the units' headcounts.
    package static func insertOrganisation(
        units: [UnitRow], people: [PersonRow], passwordHash: String, unitsCreatedAt: Date, peopleCreatedAt: Date,
        on database: any Database, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws {
        try await database.transaction { database in
            try await insert(units: units, createdAt: unitsCreatedAt, on: database)
            try await insert(people: people, createdAt: peopleCreatedAt, on: database) { progress?($0) }
            try await insertCredentials(for: people.map(\.id), passwordHash: passwordHash, at: unitsCreatedAt, on: database)
            try await refreshHeadcounts(on: database)
        }
    }

    package static func refreshHeadcounts(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let units = try await sql.raw("SELECT id, path, people_direct, people_total FROM units").all()
        let counts = try await sql.raw(
            """
            SELECT unit_id, COUNT(*) AS people FROM people WHERE active = \(bind: true) AND unit_id IS NOT NULL GROUP BY unit_id
            """
        ).all()
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
    package func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

import Fluent
import Foundation
import SQLKit

/// Words of each person's name, email and job title, for the directory's prefix search, with the
/// name, email and whether they are active beside each word, so a page of matches is chosen and
/// ordered from this table alone. Words compare byte by byte on both databases (PostgreSQL's "C"
/// collation), so a range on the key finds every word that starts with what was typed.
struct M009_CreatePersonSearchWords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let collation = sql.dialect.name == "sqlite" ? "" : " COLLATE \"C\""
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw("""
            CREATE TABLE person_search_words (word TEXT\(unsafeRaw: collation) NOT NULL, \
            person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE, name TEXT NOT NULL, email TEXT NOT NULL, \
            active BOOLEAN NOT NULL, PRIMARY KEY (word, person_id))\(unsafeRaw: withoutRowID)
            """).run()
        try await sql.raw("CREATE INDEX person_search_words_person_idx ON person_search_words (person_id, word)").run()
        // Everyone already here, a page at a time.
        var after = ""
        while true {
            let rows = try await sql.raw("""
                SELECT id, search_text, name, email, active FROM people WHERE CAST(id AS TEXT) > \(bind: after) ORDER BY CAST(id AS TEXT) LIMIT 2000
                """).all()
            guard !rows.isEmpty else { break }
            let people = try rows.map { row in
                SearchWords.Person(id: try row.decode(column: "id", as: UUID.self), text: try row.decode(column: "search_text", as: String.self),
                                   name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
                                   isActive: try row.decode(column: "active", as: Bool.self))
            }
            try await SearchWords.insert(people, on: database)
            after = try rows.last!.decode(column: "id", as: UUID.self).uuidString
            if sql.dialect.name != "sqlite" { after = after.lowercased() }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE person_search_words").run()
    }
}

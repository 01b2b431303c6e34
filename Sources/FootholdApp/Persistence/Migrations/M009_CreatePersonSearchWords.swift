import Fluent
import SQLKit

/// Words of each person's name, email and job title, for the directory's prefix search. Compared
/// byte by byte on both databases (PostgreSQL's "C" collation), so a range on the index finds
/// every word that starts with what was typed.
struct M009_CreatePersonSearchWords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let collation = sql.dialect.name == "sqlite" ? "" : " COLLATE \"C\""
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw("""
            CREATE TABLE person_search_words (word TEXT\(unsafeRaw: collation) NOT NULL, \
            person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE, PRIMARY KEY (word, person_id))\(unsafeRaw: withoutRowID)
            """).run()
        try await sql.raw("CREATE INDEX person_search_words_person_idx ON person_search_words (person_id, word)").run()
        // Everyone already here, a page at a time.
        var after = ""
        while true {
            let rows = try await sql.raw("""
                SELECT id, search_text FROM people WHERE CAST(id AS TEXT) > \(bind: after) ORDER BY CAST(id AS TEXT) LIMIT 2000
                """).all()
            guard !rows.isEmpty else { break }
            let people = try rows.map { (id: try $0.decode(column: "id", as: UUID.self), text: try $0.decode(column: "search_text", as: String.self)) }
            try await SearchWords.insert(people, on: database)
            after = try rows.last!.decode(column: "id", as: UUID.self).uuidString
            if sql.dialect.name != "sqlite" { after = after.lowercased() }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE person_search_words").run()
    }
}

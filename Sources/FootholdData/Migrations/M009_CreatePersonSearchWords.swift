import Fluent
import SQLKit

/// Words of each person's name, email and job title, for the directory's prefix search, with the
/// name, email and whether they are active beside each word, so a page of matches is chosen and
/// ordered from this table alone. Words compare byte by byte on both databases (PostgreSQL's "C"
/// collation), so a range on the key finds every word that starts with what was typed.
package struct M009_CreatePersonSearchWords: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database.sql
        let collation = sql.dialect.name == "sqlite" ? "" : " COLLATE \"C\""
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw(
            """
            CREATE TABLE person_search_words (word TEXT\(unsafeRaw: collation) NOT NULL, \
            person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE, name TEXT NOT NULL, email TEXT NOT NULL, \
            active BOOLEAN NOT NULL, PRIMARY KEY (word, person_id))\(unsafeRaw: withoutRowID)
            """
        ).run()
        try await sql.raw("CREATE INDEX person_search_words_person_idx ON person_search_words (person_id, word)").run()
        // Everyone already here, as the table was then (M012 adds the shared prefix lengths).
        try await SearchWords.rebuild(withShared: false, on: database)
    }

    package func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE person_search_words").run()
    }
}

import Fluent
import SQLKit

/// A search for "smith" matched 873 word rows for 501 people ("smith", and "smith2"… from email
/// addresses), and sorting them to drop repeats and find the first page was most of the
/// directory's cost. The words table is made again with two changes, and everyone's words written
/// again:
/// - each word records how many bytes it shares with the person's word before it in byte order
///   (`shared`); for a given prefix only a person's first matching word shares fewer bytes than the
///   prefix, so a search reads each person once and needs no grouping;
/// - the key is (word, name, email, person), so one word's people come in name order and a page is
///   merged from the few words a term starts instead of sorted from all its matches.
package struct M012_AddSharedPrefixToSearchWords: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP TABLE person_search_words").run()
        try await Self.create(key: "word, name, email, person_id", shared: true, on: sql)
        try await SearchWords.rebuild(on: database)
    }

    package func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP TABLE person_search_words").run()
        try await Self.create(key: "word, person_id", shared: false, on: sql)
        try await SearchWords.rebuild(withShared: false, on: database)
    }

    package static func create(key: String, shared: Bool, on sql: any SQLDatabase) async throws {
        let collation = sql.dialect.name == "sqlite" ? "" : " COLLATE \"C\""
        let withoutRowID = sql.dialect.name == "sqlite" ? " WITHOUT ROWID" : ""
        try await sql.raw(
            """
            CREATE TABLE person_search_words (word TEXT\(unsafeRaw: collation) NOT NULL, \
            person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE, name TEXT NOT NULL, email TEXT NOT NULL, \
            active BOOLEAN NOT NULL\(unsafeRaw: shared ? ", shared INTEGER NOT NULL" : ""), \
            PRIMARY KEY (\(unsafeRaw: key)))\(unsafeRaw: withoutRowID)
            """
        ).run()
        try await sql.raw("CREATE INDEX person_search_words_person_idx ON person_search_words (person_id, word)").run()
    }
}

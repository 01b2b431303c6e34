import Fluent
import SQLKit

/// A search for "smith" matched 873 word rows for 501 people ("smith", and "smith2"… from email
/// addresses), and sorting them to drop the repeats was most of the directory's cost. Each word now
/// records how many bytes it shares with the person's word before it in byte order; for a given
/// prefix only a person's first matching word shares fewer bytes than the prefix, so a search
/// reads each person once and needs no grouping. Every person's words are written again.
struct M012_AddSharedPrefixToSearchWords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("ALTER TABLE person_search_words ADD COLUMN shared INTEGER NOT NULL DEFAULT 0").run()
        try await sql.raw("DELETE FROM person_search_words").run()
        try await SearchWords.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE person_search_words DROP COLUMN shared").run()
    }
}

import Fluent
import Foundation
import SQLKit

/// The people directory finds people by the start of any word of their name, email or job title
/// ("smi" finds Smith, "plan" a Planning Officer). Each person's words are kept in
/// `person_search_words`, indexed both ways, so a search reads only the people who match instead
/// of every row (decision 0005).
package enum SearchWords {
    package static let table = "person_search_words"

    package struct Person {
        package var id: UUID
        package var text: String
        package var name: String
        package var email: String
        package var isActive: Bool
    }

    /// The words of a person's search text: each run of letters and digits, and each
    /// space-separated token whole (so an email address can be typed from its start).
    package static func words(of text: String) -> Set<String> {
        var words = Set<String>()
        for token in text.lowercased().split(separator: " ") {
            words.insert(String(token))
            var part = String.UnicodeScalarView()
            for scalar in token.unicodeScalars {
                let isWordPart =
                    scalar.isASCII
                    ? (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || (scalar >= "A" && scalar <= "Z")
                    : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                if isWordPart {
                    part.append(scalar)
                } else if !part.isEmpty {
                    words.insert(String(part))
                    part = String.UnicodeScalarView()
                }
            }
            if !part.isEmpty { words.insert(String(part)) }
        }
        return words.filter { !$0.isEmpty && $0.utf8.count <= 200 }
    }

    /// A person's words in byte order, each with how many of its first bytes it shares with the word
    /// before it (`shared`). For any prefix, exactly one of a person's words that start with it
    /// shares fewer bytes than the prefix has — the first of them — so a search reads each person
    /// once without grouping (`OrganisationStore.search`).
    package static func wordsWithShared(of text: String) -> [(word: String, shared: Int)] {
        let sorted = words(of: text).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var previous: String.UTF8View?
        return sorted.map { word in
            defer { previous = word.utf8 }
            guard let previous else { return (word, 0) }
            return (word, zip(previous, word.utf8).prefix { $0 == $1 }.count)
        }
    }

    /// Writes the words of people just created. `withShared: false` writes the table as migration
    /// M009 made it, before M012 added `shared`.
    package static func insert(_ people: [Person], withShared: Bool = true, on database: any Database) async throws {
        var entries: [(word: String, shared: Int, person: Person)] = []
        for person in people {
            for (word, shared) in wordsWithShared(of: person.text) { entries.append((word, shared, person)) }
        }
        // In key order (word, name, email), so rows go to the end of the table rather than between others.
        entries.sort { a, b in
            if a.word != b.word { return a.word.utf8.lexicographicallyPrecedes(b.word.utf8) }
            if a.person.name != b.person.name { return a.person.name.utf8.lexicographicallyPrecedes(b.person.name.utf8) }
            return a.person.email.utf8.lexicographicallyPrecedes(b.person.email.utf8)
        }
        let rows: [[BulkValue]] = entries.map { entry in
            var row: [BulkValue] = [
                .text(entry.word), .uuid(entry.person.id), .text(entry.person.name), .text(entry.person.email),
                .bool(entry.person.isActive),
            ]
            if withShared { row.append(.int(entry.shared)) }
            return row
        }
        let columns = ["word", "person_id", "name", "email", "active"] + (withShared ? ["shared"] : [])
        if rows.count > 20_000 {
            // A whole organisation at once: build the second index after, not row by row.
            try await BulkLoad.withIndexesSetAside(on: [table], database) {
                try await BulkLoad.insert(into: table, columns: columns, rows: rows, on: database.sql)
            }
        } else {
            try await BulkLoad.insert(into: table, columns: columns, rows: rows, on: database.sql)
        }
    }

    /// Writes everyone's words again from `people`, a page at a time.
    package static func rebuild(withShared: Bool = true, on database: any Database) async throws {
        let sql = database.sql
        var after = ""
        while true {
            let rows = try await sql.raw(
                """
                SELECT id, search_text, name, email, active FROM people WHERE CAST(id AS TEXT) > \(bind: after) ORDER BY CAST(id AS TEXT) LIMIT 2000
                """
            ).all()
            guard !rows.isEmpty else { break }
            let people = try rows.map { row in
                Person(
                    id: try row.decode(column: "id", as: UUID.self), text: try row.decode(column: "search_text", as: String.self),
                    name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
                    isActive: try row.decode(column: "active", as: Bool.self))
            }
            try await insert(people, withShared: withShared, on: database)
            after = try rows.last!.decode(column: "id", as: UUID.self).uuidString
            if sql.dialect.name != "sqlite" { after = after.lowercased() }
        }
    }

    package static func person(_ model: PersonModel) throws -> Person {
        Person(id: try model.requireID(), text: model.searchText, name: model.name, email: model.email, isActive: model.isActive)
    }

    /// Marks people who have left, so searches that leave them out can.
    package static func deactivate(_ ids: [UUID], on database: any Database) async throws {
        for batch in ids.chunked(into: 500) {
            var update: SQLQueryString = "UPDATE person_search_words SET active = \(bind: false) WHERE person_id IN ("
            update.appendInterpolation(binds: batch.map { $0 })
            update.appendLiteral(")")
            try await database.sql.raw(update).run()
        }
    }

    /// Rewrites the words of people whose name, email or job title changed.
    package static func replace(_ people: [Person], on database: any Database) async throws {
        for batch in people.chunked(into: 500) {
            var delete: SQLQueryString = "DELETE FROM person_search_words WHERE person_id IN ("
            delete.appendInterpolation(binds: batch.map(\.id))
            delete.appendLiteral(")")
            try await database.sql.raw(delete).run()
        }
        try await insert(people, on: database)
    }

    /// The condition that a person (`p`) has a word starting with `term`, and its two bounds.
    package static func range(of term: String) -> (lower: String, upper: String) {
        // The first string after every string that starts with `term`, in byte order.
        var scalars = Array(term.unicodeScalars)
        if let last = scalars.last, let next = Unicode.Scalar(last.value + (last.value == 0xD7FF ? 0x801 : 1)) {
            scalars[scalars.count - 1] = next
        } else {
            scalars.append("\u{10FFFF}")
        }
        var upper = ""
        upper.unicodeScalars.append(contentsOf: scalars)
        return (term, upper)
    }
}

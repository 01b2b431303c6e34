import Fluent
import Foundation
import SQLKit

/// The people directory finds people by the start of any word of their name, email or job title
/// ("smi" finds Smith, "plan" a Planning Officer). Each person's words are kept in
/// `person_search_words`, indexed both ways, so a search reads only the people who match instead
/// of every row (decision 0005).
enum SearchWords {
    static let table = "person_search_words"

    struct Person {
        var id: UUID
        var text: String
        var name: String
        var email: String
        var isActive: Bool
    }

    /// The words of a person's search text: each run of letters and digits, and each
    /// space-separated token whole (so an email address can be typed from its start).
    static func words(of text: String) -> Set<String> {
        var words = Set<String>()
        for token in text.lowercased().split(separator: " ") {
            words.insert(String(token))
            var part = String.UnicodeScalarView()
            for scalar in token.unicodeScalars {
                let isWordPart = scalar.isASCII
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

    /// Writes the words of people just created.
    static func insert(_ people: [Person], on database: any Database) async throws {
        let rows: [[BulkValue]] = people.flatMap { person in words(of: person.text).map { (word: $0, person: person) } }
            .sorted { $0.word.utf8.lexicographicallyPrecedes($1.word.utf8) }
            .map { [.text($0.word), .uuid($0.person.id), .text($0.person.name), .text($0.person.email), .bool($0.person.isActive)] }
        let columns = ["word", "person_id", "name", "email", "active"]
        if rows.count > 20_000 {
            // A whole organisation at once: build the second index after, not row by row.
            try await BulkLoad.withIndexesSetAside(on: [table], database) {
                try await BulkLoad.insert(into: table, columns: columns, rows: rows, on: database.sql)
            }
        } else {
            try await BulkLoad.insert(into: table, columns: columns, rows: rows, on: database.sql)
        }
    }

    static func person(_ model: PersonModel) throws -> Person {
        Person(id: try model.requireID(), text: model.searchText, name: model.name, email: model.email, isActive: model.isActive)
    }

    /// Marks people who have left, so searches that leave them out can.
    static func deactivate(_ ids: [UUID], on database: any Database) async throws {
        for batch in ids.chunked(into: 500) {
            var update: SQLQueryString = "UPDATE person_search_words SET active = \(bind: false) WHERE person_id IN ("
            update.appendInterpolation(binds: batch.map { $0 })
            update.appendLiteral(")")
            try await database.sql.raw(update).run()
        }
    }

    /// Rewrites the words of people whose name, email or job title changed.
    static func replace(_ people: [Person], on database: any Database) async throws {
        for batch in people.chunked(into: 500) {
            var delete: SQLQueryString = "DELETE FROM person_search_words WHERE person_id IN ("
            delete.appendInterpolation(binds: batch.map(\.id))
            delete.appendLiteral(")")
            try await database.sql.raw(delete).run()
        }
        try await insert(people, on: database)
    }

    /// The condition that a person (`p`) has a word starting with `term`, and its two bounds.
    static func range(of term: String) -> (lower: String, upper: String) {
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

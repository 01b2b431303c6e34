import Fluent
import Foundation
import SQLKit
import SQLiteNIO

/// Writing millions of rows is several times faster when the tables' secondary indexes are built
/// once at the end instead of kept up to date row by row. Used by the demo history only, on an
/// organisation no one is using yet. Indexes that back a primary key or a unique constraint stay.
enum BulkLoad {
    struct SetAside {
        var definitions: [String]
    }

    static func withIndexesSetAside<T>(on tables: [String], _ database: any Database, _ body: () async throws -> T) async throws -> T {
        let sql = database.sql
        let indexes = try await secondaryIndexes(on: tables, sql)
        for index in indexes { try await sql.raw("DROP INDEX \(ident: index.name)").run() }
        do {
            let result = try await body()
            for index in indexes { try await sql.raw("\(unsafeRaw: index.definition)").run() }
            return result
        } catch {
            for index in indexes { try? await sql.raw("\(unsafeRaw: index.definition)").run() }
            throw error
        }
    }

    /// Name and `CREATE INDEX` statement of each index on the tables that no constraint depends on.
    static func secondaryIndexes(on tables: [String], _ sql: any SQLDatabase) async throws -> [(name: String, definition: String)] {
        var query: SQLQueryString
        if sql.dialect.name == "sqlite" {
            // Constraint indexes (sqlite_autoindex_…) have no SQL of their own.
            query = "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
        } else {
            query = """
                SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() \
                AND indexname NOT IN (SELECT conname FROM pg_constraint) AND tablename IN (
                """
        }
        query.appendInterpolation(binds: tables)
        query.appendLiteral(") ORDER BY name")
        return try await sql.raw(query).all().map {
            (try $0.decode(column: "name", as: String.self), try $0.decode(column: "definition", as: String.self))
        }
    }
}

/// A value in a bulk insert, written to SQLite without the generic encoder.
enum BulkValue: Sendable {
    // Each keeps its type when empty: PostgreSQL wants a typed NULL.
    case text(String?)
    case int(Int?)
    case bool(Bool)
    case date(Date?)
    case uuid(UUID?)

    /// As Fluent stores it on SQLite: UUIDs as text, dates as seconds, booleans as 0 or 1.
    var sqlite: SQLiteData {
        switch self {
        case .text(let value): value.map { .text($0) } ?? .null
        case .int(let value): value.map { .integer($0) } ?? .null
        case .bool(let value): .integer(value ? 1 : 0)
        case .date(let value): value.map { .float($0.timeIntervalSince1970) } ?? .null
        case .uuid(let value): value.map { .text(Self.uppercaseString($0)) } ?? .null
        }
    }

    var bind: any Encodable & Sendable {
        switch self {
        case .text(let value): value
        case .int(let value): value
        case .bool(let value): value
        case .date(let value): value
        case .uuid(let value): value
        }
    }

    /// The same text as `uuidString`, without going through `snprintf`.
    static func uppercaseString(_ id: UUID) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension BulkLoad {
    /// Inserts rows a few hundred at a time: straight to SQLite's driver there, through SQLKit on
    /// PostgreSQL.
    static func insert(into table: String, columns: [String], rows: [[BulkValue]], on sql: any SQLDatabase) async throws {
        try await insert(into: table, columns: columns, count: rows.count, row: { rows[$0] }, on: sql)
    }

    /// The same, with each row made only when its statement is, so a year of demo history never
    /// sits in memory twice.
    static func insert(into table: String, columns: [String], count: Int, row: (Int) -> [BulkValue], on sql: any SQLDatabase) async throws {
        // Both databases take at least 32,766 parameters a statement; stay well inside.
        let perStatement = max(1, 4000 / max(columns.count, 1))
        for start in stride(from: 0, to: count, by: perStatement) {
            let batch = (start..<min(start + perStatement, count)).map(row)
            if let sqlite = sql as? any SQLiteDatabase {
                let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
                let statement = "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ","))) VALUES "
                    + Array(repeating: placeholders, count: batch.count).joined(separator: ",")
                _ = try await sqlite.query(statement, batch.flatMap { $0.map(\.sqlite) })
            } else {
                var insert = sql.insert(into: table).columns(columns)
                for values in batch { insert = insert.values(values.map { SQLBind($0.bind) }) }
                try await insert.run()
            }
        }
    }
}

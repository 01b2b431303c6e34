import Fluent
import FootholdCore
import FluentPostgresDriver
import Foundation
import SQLKit
import SQLiteNIO
import VaporCSQLite

/// Writing millions of rows is several times faster when the tables' secondary indexes are built
/// once at the end instead of kept up to date row by row, and, on PostgreSQL, when their foreign
/// keys are checked once at the end with one join instead of one lookup a row (a trigger per row:
/// most of a demo load's time). Used on tables no one is using yet: the demo history, and the search
/// words of a whole organisation imported at once. Indexes that back a primary key or a unique
/// constraint stay. Re-adding a foreign key checks every row, so nothing inconsistent survives.
package enum BulkLoad {
    package static func withIndexesSetAside<T>(on tables: [String], _ database: any Database, _ body: () async throws -> T) async throws
        -> T
    {
        let sql = database.sql
        let indexes = try await secondaryIndexes(on: tables, sql)
        let foreignKeys = try await postgresForeignKeys(on: tables, sql)
        for index in indexes { try await sql.raw("DROP INDEX \(ident: index.name)").run() }
        for key in foreignKeys { try await sql.raw("ALTER TABLE \(ident: key.table) DROP CONSTRAINT \(ident: key.name)").run() }
        var restore: [SQLQueryString] = indexes.map { "\(unsafeRaw: $0.definition)" }
        restore += foreignKeys.map { "ALTER TABLE \(ident: $0.table) ADD CONSTRAINT \(ident: $0.name) \(unsafeRaw: $0.definition)" }
        var restored = 0
        do {
            let result = try await body()
            for statement in restore {
                try await sql.raw(statement).run()
                restored += 1
            }
            return result
        } catch {
            // Put back what is still missing; a foreign key that the rows now break stays off, and
            // the error says which.
            for statement in restore.dropFirst(restored) { try? await sql.raw(statement).run() }
            throw error
        }
    }

    /// Table, name and definition (`FOREIGN KEY (…) REFERENCES …`) of each foreign key on the
    /// tables; none on SQLite, whose checks cost little and cannot be dropped.
    package static func postgresForeignKeys(on tables: [String], _ sql: any SQLDatabase) async throws -> [(
        table: String, name: String, definition: String
    )] {
        guard sql.dialect.name == "postgresql" else { return [] }
        var query: SQLQueryString = """
            SELECT c.relname AS "table", k.conname AS name, pg_get_constraintdef(k.oid) AS definition \
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid \
            WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace AND c.relname IN (
            """
        query.appendInterpolation(binds: tables)
        query.appendLiteral(") ORDER BY c.relname, k.conname")
        return try await sql.raw(query).all().map {
            (
                try $0.decode(column: "table", as: String.self), try $0.decode(column: "name", as: String.self),
                try $0.decode(column: "definition", as: String.self)
            )
        }
    }

    /// Name and `CREATE INDEX` statement of each index on the tables that no constraint depends on.
    package static func secondaryIndexes(on tables: [String], _ sql: any SQLDatabase) async throws -> [(name: String, definition: String)] {
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
package enum BulkValue: Sendable {
    // Each keeps its type when empty: PostgreSQL wants a typed NULL.
    case text(String?)
    case int(Int?)
    case bool(Bool)
    case date(Date?)
    case uuid(UUID?)

    /// As Fluent stores it on SQLite: UUIDs as text, dates as seconds, booleans as 0 or 1.
    package var sqlite: SQLiteData {
        switch self {
        case .text(let value): value.map { .text($0) } ?? .null
        case .int(let value): value.map { .integer($0) } ?? .null
        case .bool(let value): .integer(value ? 1 : 0)
        case .date(let value): value.map { .float($0.timeIntervalSince1970) } ?? .null
        case .uuid(let value): value.map { .text($0.upperText) } ?? .null
        }
    }

    /// Binds the value as `sqlite` describes it, copying text for SQLite.
    package func bindSQLite(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .text(let value):
            guard let value else { return sqlite_nio_sqlite3_bind_null(statement, index) }
            return SQLiteBind.text(value, at: index, to: statement)
        case .int(let value):
            guard let value else { return sqlite_nio_sqlite3_bind_null(statement, index) }
            return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
        case .bool(let value): return sqlite_nio_sqlite3_bind_int64(statement, index, value ? 1 : 0)
        case .date(let value):
            guard let value else { return sqlite_nio_sqlite3_bind_null(statement, index) }
            return sqlite_nio_sqlite3_bind_double(statement, index, value.timeIntervalSince1970)
        case .uuid(let value):
            guard let value else { return sqlite_nio_sqlite3_bind_null(statement, index) }
            return SQLiteBind.text(value.upperText, at: index, to: statement)
        }
    }

    package var bind: any Encodable & Sendable {
        switch self {
        case .text(let value): value
        case .int(let value): value
        case .bool(let value): value
        case .date(let value): value
        case .uuid(let value): value
        }
    }
}

extension BulkLoad {
    /// Inserts rows a few hundred at a time: straight to SQLite's driver there, through SQLKit on
    /// PostgreSQL.
    @discardableResult
    package static func insert(into table: String, columns: [String], rows: [[BulkValue]], on sql: any SQLDatabase) async throws -> Route {
        try await insert(into: table, columns: columns, count: rows.count, row: { rows[$0] }, on: sql)
    }

    /// The same, with each row made only when its statement is, so a year of demo history never
    /// sits in memory twice. On PostgreSQL the rows go in with one `COPY … FROM STDIN` when the caller
    /// holds a transaction's connection: no statement to parse and no value through the generic
    /// encoder.
    @discardableResult
    package static func insert(
        into table: String, columns: [String], count: Int, row: (Int) -> [BulkValue], on sql: any SQLDatabase
    ) async throws -> Route {
        if let connection = try await transactionConnection(of: sql) {
            try await copy(into: table, columns: columns, count: count, row: row, on: connection, logger: sql.logger)
            return .postgresCopy
        }
        if let handle = try await SQLiteHandle.ofTransaction(sql) {
            try insertPrepared(into: table, columns: columns, count: count, row: row, handle: handle)
            return .sqlitePrepared
        }
        // Both databases take at least 32,766 parameters a statement; stay well inside.
        let perStatement = max(1, 4000 / max(columns.count, 1))
        for start in stride(from: 0, to: count, by: perStatement) {
            let batch = (start..<min(start + perStatement, count)).map(row)
            if let sqlite = sql as? any SQLiteDatabase {
                let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
                let statement =
                    "INSERT INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ","))) VALUES "
                    + Array(repeating: placeholders, count: batch.count).joined(separator: ",")
                _ = try await sqlite.query(statement, batch.flatMap { $0.map(\.sqlite) })
            } else {
                var insert = sql.insert(into: table).columns(columns)
                for values in batch { insert = insert.values(values.map { SQLBind($0.bind) }) }
                try await insert.run()
            }
        }
        return .statements
    }

    /// Which way the rows went in, for the tests that prove loads take the fast one.
    package enum Route: Equatable {
        /// PostgreSQL, in a transaction: one `COPY … FROM STDIN`.
        case postgresCopy
        /// SQLite, in a transaction: one statement prepared once and stepped for every row.
        case sqlitePrepared
        /// Anywhere else: `INSERT`s of a few hundred rows each.
        case statements
    }
}

extension BulkLoad {
    package struct SQLiteBulkError: Error, CustomStringConvertible {
        package let description: String
    }

    /// One `INSERT` prepared once and stepped for every row, values bound as Fluent stores them.
    package static func insertPrepared(into table: String, columns: [String], count: Int, row: (Int) -> [BulkValue], handle: OpaquePointer)
        throws
    {
        guard count > 0 else { return }
        let sql =
            "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        func check(_ code: Int32) throws {
            guard code != SQLITE_OK && code != SQLITE_DONE else { return }
            let message = sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "code \(code)"
            throw SQLiteBulkError(description: "\(message) (code \(code)) in: \(sql)")
        }
        var prepared: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &prepared, nil))
        guard let statement = prepared else { throw SQLiteBulkError(description: "no statement in: \(sql)") }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        for index in 0..<count {
            for (offset, value) in row(index).enumerated() {
                try check(value.bindSQLite(to: statement, at: Int32(offset + 1)))
            }
            try check(sqlite_nio_sqlite3_step(statement))
            sqlite_nio_sqlite3_reset(statement)
        }
    }

    /// The PostgreSQL connection a transaction holds, or nil elsewhere (SQLite, or no transaction,
    /// where a connection would go back to the pool before the copy ran).
    package static func transactionConnection(of sql: any SQLDatabase) async throws -> PostgresConnection? {
        guard sql.dialect.name == "postgresql", let fluent = sql as? any Database, fluent.inTransaction,
            let postgres = sql as? any PostgresDatabase
        else { return nil }
        return try await postgres.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
    }

    /// Streams the rows in COPY's text format, about a megabyte a message.
    package static func copy(
        into table: String, columns: [String], count: Int, row: (Int) -> [BulkValue],
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard count > 0 else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20 + 4096)
            for index in 0..<count {
                for (position, value) in row(index).enumerated() {
                    if position > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    value.writeCopyText(into: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }
}

extension BulkValue {
    /// The value as COPY's text format spells it: `\N` for null; backslash, tab, newline and return
    /// escaped; booleans t and f; times in UTC to the microsecond, truncated as PostgresNIO's binary
    /// encoding truncates them, so a copied row and an inserted one hold the same instant.
    package func writeCopyText(into buffer: inout ByteBuffer) {
        switch self {
        case .text(let value):
            guard let value else { return Self.writeNull(into: &buffer) }
            Self.writeEscaped(value, into: &buffer)
        case .int(let value):
            guard let value else { return Self.writeNull(into: &buffer) }
            Self.writeDecimal(value, into: &buffer)
        case .bool(let value):
            buffer.writeInteger(UInt8(ascii: value ? "t" : "f"))
        case .date(let value):
            guard let value else { return Self.writeNull(into: &buffer) }
            Self.writeTimestamp(value, into: &buffer)
        case .uuid(let value):
            guard let value else { return Self.writeNull(into: &buffer) }
            Self.writeUUID(value, into: &buffer)
        }
    }

    private static func writeNull(into buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\\"))
        buffer.writeInteger(UInt8(ascii: "N"))
    }

    package static func writeEscaped(_ text: String, into buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let escape: UInt8
                switch byte {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                buffer.writeInteger(UInt8(ascii: "\\"))
                buffer.writeInteger(escape)
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
    }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`.
    package static func writeTimestamp(_ date: Date, into buffer: inout ByteBuffer) {
        // Microseconds since 2000-01-01, truncated toward zero as PostgresNIO does.
        let sincePostgresEpoch = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
        let micros = sincePostgresEpoch + 946_684_800 * 1_000_000
        let (secondsTotal, fraction) = floorDivide(micros, 1_000_000)
        let (days, secondOfDay) = floorDivide(secondsTotal, 86_400)
        let (civilYear, civilMonth, civilDay) = LocalTime.civil(fromDays: Int(days))
        let (year, month, day) = (Int64(civilYear), Int64(civilMonth), Int64(civilDay))
        guard (1...9999).contains(year) else {
            // Outside four-digit years PostgreSQL wants BC or more digits; no Foothold date is there.
            buffer.writeString(date.formatted(.iso8601))
            return
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 29) { out in
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0); out[4] = UInt8(ascii: "-"); put(month, 2, at: 5); out[7] = UInt8(ascii: "-"); put(day, 2, at: 8)
            out[10] = UInt8(ascii: " ")
            put(secondOfDay / 3_600, 2, at: 11); out[13] = UInt8(ascii: ":"); put(secondOfDay / 60 % 60, 2, at: 14)
            out[16] = UInt8(ascii: ":"); put(secondOfDay % 60, 2, at: 17)
            out[19] = UInt8(ascii: "."); put(fraction, 6, at: 20)
            out[26] = UInt8(ascii: "+"); out[27] = UInt8(ascii: "0"); out[28] = UInt8(ascii: "0")
            return 29
        }
    }

    /// The same 36 characters as `uuidString`.
    package static func writeUUID(_ id: UUID, into buffer: inout ByteBuffer) {
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 36) { out in
            withUnsafeBytes(of: id.uuid) { bytes in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 { out[position] = UInt8(ascii: "-"); position += 1 }
                    out[position] = hexDigits[Int(bytes[index] >> 4)]
                    out[position + 1] = hexDigits[Int(bytes[index] & 0x0F)]
                    position += 2
                }
            }
            return 36
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    package static func writeDecimal(_ value: Int, into buffer: inout ByteBuffer) {
        guard value >= 0 else { buffer.writeString(String(value)); return }
        var digits = 1, rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: digits) { out in
            var value = value
            for position in stride(from: digits - 1, through: 0, by: -1) {
                out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return digits
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }
}

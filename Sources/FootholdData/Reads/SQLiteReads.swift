import Fluent
import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import SQLiteKit
import Vapor
import VaporCSQLite

/// On SQLite, the pages' hand-written reads run on connections of their own: opened read-only,
/// each keeping its statements prepared, and stepped on the calling thread (decision 0006).
///
/// Through the driver, every statement is parsed afresh, handed to a thread pool and its answer
/// handed back through two event-loop hops: about a quarter of a millisecond a statement, most of
/// a page's cost. Here a statement costs what SQLite's own work costs. In WAL mode a reader sees
/// every committed write and never waits for the writer, so pages read exactly what they did.
/// Reads inside a transaction use the transaction's connection instead, so they see its writes.
///
/// One pool lives in the app's `DataEnvironment`; `Reads` decides when it is used.
package final class SQLiteReads: Sendable {
    package let path: String
    private let idle = NIOLockedValueBox<[ReadConnection]>([])
    private let served = NIOLockedValueBox(0)

    package init(path: String) { self.path = path }

    /// Statements answered here, for tests that prove pages use the pool.
    package var statementsServed: Int { served.withLockedValue { $0 } }

    package func rows(_ query: SQLQueryString, first: Bool = false, serializer database: any SQLDatabase, logger: Logger) throws
        -> [any SQLRow]
    {
        var serializer = SQLSerializer(database: database)
        query.serialize(to: &serializer)
        logger.debug("Executing query", metadata: ["sql": .string(serializer.sql)])
        let connection = try take()
        defer { give(connection) }
        let rows = try connection.run(serializer.sql, binds: serializer.binds, first: first)
        served.withLockedValue { $0 += 1 }
        return rows
    }

    package func close() {
        let connections = idle.withLockedValue { all in
            defer { all = [] }; return all
        }
        for connection in connections { connection.close() }
    }

    private func take() throws -> ReadConnection {
        if let connection = idle.withLockedValue({ $0.popLast() }) { return connection }
        return try ReadConnection(path: path)
    }

    private func give(_ connection: ReadConnection) {
        idle.withLockedValue { $0.append(connection) }
    }
}

extension SQLiteReads: LifecycleHandler {
    package func shutdown(_ application: Application) { close() }
    package func shutdownAsync(_ application: Application) async { close() }
}

/// One read-only connection and its prepared statements. Used by one thread at a time: the pool
/// hands it out and takes it back.
private final class ReadConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: Prepared] = [:]

    /// A statement with its column names, which every row of it shares.
    private struct Prepared {
        package let statement: OpaquePointer
        package let columns: ReadColumns
    }

    /// Enough for every page's statements; a search with many words makes new texts, so the
    /// cache is emptied rather than left to grow.
    private static let statementLimit = 256

    package init(path: String) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        var handle: OpaquePointer?
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "code \(opened)"
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteReadError(description: "cannot open \(path) for reading: \(message)")
        }
        self.handle = handle
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        // No memory map (decision 0006): each connection maps the file for itself, so the
        // monitoring counts, touching all of a mapping, kept it resident once per connection they
        // ran on; the pages are as fast without it.
        for pragma in ["PRAGMA cache_size = -16384", "PRAGMA temp_store = MEMORY", "PRAGMA mmap_size = 0"] {
            sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil)
        }
    }

    package func close() {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
        statements = [:]
        if let handle { sqlite_nio_sqlite3_close(handle) }
        handle = nil
    }

    deinit { close() }

    package func run(_ sql: String, binds: [any Encodable & Sendable], first: Bool) throws -> [any SQLRow] {
        let prepared = try prepare(sql)
        let statement = prepared.statement
        // Reset whatever happens, which ends the statement's read, so an idle connection never
        // holds a snapshot of the database. Bindings are not cleared: the next use binds every
        // parameter again, and clearing would make SQLite plan a statement that compares a
        // column with a bound 0 or 1 afresh each time.
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (offset, value) in binds.enumerated() {
            try check(bind(value, at: Int32(offset + 1), to: statement), sql)
        }
        var rows: [any SQLRow] = []
        let count = Int32(prepared.columns.names.count)
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { try check(step, sql); break }
            var values: [ReadValue] = []
            values.reserveCapacity(Int(count))
            for column in 0..<count { values.append(value(statement, column)) }
            rows.append(ReadRow(columns: prepared.columns, values: values))
            if first { break }
        }
        return rows
    }

    private func prepare(_ sql: String) throws -> Prepared {
        if let prepared = statements[sql] { return prepared }
        if statements.count >= Self.statementLimit {
            for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
            statements = [:]
        }
        var statement: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil), sql)
        guard let statement else { throw SQLiteReadError(description: "no statement in: \(sql)") }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
        let prepared = Prepared(statement: statement, columns: ReadColumns(names: names))
        statements[sql] = prepared
        return prepared
    }

    private func check(_ code: Int32, _ sql: String) throws {
        guard code != SQLITE_OK else { return }
        let message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "code \(code)"
        throw SQLiteReadError(description: "\(message) (code \(code)) in: \(sql)")
    }

    private func bind(_ value: any Encodable & Sendable, at index: Int32, to statement: OpaquePointer) throws -> Int32 {
        switch value {
        case let text as String:
            return SQLiteBind.text(text, at: index, to: statement)
        case let id as UUID:
            // As SQLiteKit stores ids: the 36-character text.
            return SQLiteBind.text(id.upperText, at: index, to: statement)
        case let number as Int:
            return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
        case let flag as Bool:
            return sqlite_nio_sqlite3_bind_int64(statement, index, flag ? 1 : 0)
        case let date as Date:
            return sqlite_nio_sqlite3_bind_double(statement, index, date.timeIntervalSince1970)
        default:
            switch try SQLiteDataEncoder().encode(value) {
            case .integer(let number): return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number): return sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .text(let text):
                return SQLiteBind.text(text, at: index, to: statement)
            case .blob(let buffer):
                return buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), SQLiteBind.transient)
                }
            case .null: return sqlite_nio_sqlite3_bind_null(statement, index)
            }
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> ReadValue {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite_nio_sqlite3_column_blob(statement, column), length > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default: return .null
        }
    }
}

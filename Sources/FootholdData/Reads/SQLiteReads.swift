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

package struct SQLiteReadError: Error, CustomStringConvertible {
    package let description: String
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
        // The first 192 MB of the file are read through a memory map (decision 0006 on why, and
        // on what it means for resident memory).
        for pragma in ["PRAGMA cache_size = -16384", "PRAGMA temp_store = MEMORY", "PRAGMA mmap_size = 201326592"] {
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

/// Binding values to a statement through SQLite's C interface, shared by the read connections and
/// the bulk writer.
package enum SQLiteBind {
    /// Tells SQLite to copy what it is given, so Swift's buffers need not outlive the call.
    package static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    package static func text(_ text: String, at index: Int32, to statement: OpaquePointer) -> Int32 {
        sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
    }
}

/// The column names of a statement's rows, shared by all of them.
package final class ReadColumns: Sendable {
    package let names: [String]
    package let index: [String: Int]

    package init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (offset, name) in names.enumerated() where index[name] == nil { index[name] = offset }
        self.index = index
    }
}

package enum ReadValue: Sendable {
    case null
    case integer(Int)
    case float(Double)
    case text(String)
    case blob([UInt8])

    package var sqliteData: SQLiteData {
        switch self {
        case .null: .null
        case .integer(let number): .integer(number)
        case .float(let number): .float(number)
        case .text(let text): .text(text)
        case .blob(let bytes): .blob(ByteBuffer(bytes: bytes))
        }
    }
}

/// A row read by `SQLiteReads`. The types the pages read (text, ids, numbers, flags, times) are
/// decoded directly; anything else goes through SQLiteKit's decoder, as the driver would.
package struct ReadRow: SQLRow {
    package let columns: ReadColumns
    package let values: [ReadValue]

    package var allColumns: [String] { columns.names }

    package func contains(column: String) -> Bool { columns.index[column] != nil }

    package func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.index[column] else { return true }
        if case .null = values[offset] { return true }
        return false
    }

    package func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.index[column] else {
            throw SQLiteReadError(description: "no column \(column) among \(columns.names.joined(separator: ", "))")
        }
        let value = values[offset]
        switch value {
        case .text(let text) where D.self == String.self: return text as! D
        case .text(let text) where D.self == UUID.self:
            guard let id = Self.uuid(text) else { break }
            return id as! D
        case .integer(let number) where D.self == Int.self: return number as! D
        case .integer(let number) where D.self == Bool.self: return (number != 0) as! D
        case .float(let seconds) where D.self == Date.self: return Self.date(seconds) as! D
        case .integer(let seconds) where D.self == Date.self: return Self.date(Double(seconds)) as! D
        default: break
        }
        return try SQLiteDataDecoder().decode(D.self, from: value.sqliteData)
    }

    /// An id from its 36-character text, without the C library's `sscanf` that `UUID(uuidString:)`
    /// uses; nil for anything else, which the decoder then reports.
    package static func uuid(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            var bytes = (
                UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0),
                UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0)
            )
            let valid = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
                var position = 0
                for byte in 0..<16 {
                    if position == 8 || position == 13 || position == 18 || position == 23 {
                        guard utf8[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = hexValue(utf8[position]), let low = hexValue(utf8[position + 1]) else { return false }
                    out[byte] = high << 4 | low
                    position += 2
                }
                return true
            }
            return valid ? UUID(uuid: bytes) : nil
        }
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// As SQLiteNIO reads a time: rounded to the microsecond.
    package static func date(_ secondsSince1970: Double) -> Date {
        let sinceReference = secondsSince1970 - Date.timeIntervalBetween1970AndReferenceDate
        return Date(timeIntervalSinceReferenceDate: (sinceReference * 1e6).rounded() / 1e6)
    }
}

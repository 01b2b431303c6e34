import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The database as the demo's writers hold it: they can hand it to FootholdData, and do nothing
/// else with it (they import no database module).
package typealias WritableDatabase = any Database

/// One table's rows for a bulk write, each row made only when its statement is.
package struct BulkRows: Sendable {
    package var table: String
    package var columns: [String]
    package var count: Int
    package var row: @Sendable (Int) -> [BulkValue]

    package init(into table: String, columns: [String], count: Int, row: @escaping @Sendable (Int) -> [BulkValue]) {
        self.table = table
        self.columns = columns
        self.count = count
        self.row = row
    }

    package init(into table: String, columns: [String], rows: [[BulkValue]]) {
        self.init(into: table, columns: columns, count: rows.count, row: { rows[$0] })
    }
}

/// Bulk writes for loading a whole organisation's history at once (the demo), by the fastest way
/// each database has (`BulkLoad`).
package enum BulkWrites {
    /// Writes the tables of each group in order, a group in one transaction. On PostgreSQL the
    /// groups go in at once, over a connection each: a COPY is the work of its connection's server
    /// process, so one connection used one core of PostgreSQL's (foreign keys between the groups
    /// are set aside for the load by `BulkLoad.withIndexesSetAside` and checked when it ends). On
    /// SQLite, which has one writer, all of them go in one transaction, in order, with a large page
    /// cache so the indexes being written stay in memory.
    package static func write(_ groups: [[BulkRows]], on database: any Database) async throws {
        if database.sql.dialect.name == "postgresql" {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for group in groups {
                    tasks.addTask { try await database.transaction { try await insert(group, on: $0 as! any SQLDatabase) } }
                }
                try await tasks.waitForAll()
            }
        } else {
            try await database.transaction { database in
                let sql = database as! any SQLDatabase
                try await sql.raw("PRAGMA cache_size = -262144").run()
                for group in groups { try await insert(group, on: sql) }
            }
        }
    }

    private static func insert(_ group: [BulkRows], on sql: any SQLDatabase) async throws {
        for rows in group {
            try await BulkLoad.insert(into: rows.table, columns: rows.columns, count: rows.count, row: rows.row, on: sql)
        }
    }

    /// Sets SQLite's journal mode; true if it took. PostgreSQL has no such thing: false.
    package static func setJournalMode(_ mode: String, on database: any Database) async throws -> Bool {
        guard database.sql.dialect.name == "sqlite" else { return false }
        let row = try? await database.sql.raw("PRAGMA journal_mode = \(unsafeRaw: mode)").first()
        return try row?.decode(column: "journal_mode", as: String.self).lowercased() == mode.lowercased()
    }

    /// Whether anyone is in the database yet.
    package static func isEmpty(_ database: any Database) async throws -> Bool {
        try await PersonModel.query(on: database).count() == 0
    }
}

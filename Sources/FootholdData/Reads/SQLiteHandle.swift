import Fluent
import Foundation
import SQLKit
import SQLiteKit

/// The one place Foothold reaches past SQLiteNIO's public surface: the `sqlite3` handle of the
/// connection a transaction holds, for the bulk loader's prepared inserts (decision 0008).
///
/// Through the driver each batch of rows was a statement of thousands of placeholders, parsed
/// afresh, with every value boxed on the way: a tenth of the demo's time went on parsing alone.
/// SQLiteNIO keeps the handle to itself (`SQLiteConnection.handle.raw`, internal in 1.13), so it is
/// read by reflection. If a later SQLiteNIO names it differently this returns nil, rows go the
/// ordinary way, and `SQLiteHandleTests` fails, saying so. The connection is opened in serialized
/// mode, and inside a transaction nothing else runs on it, so stepping a statement on it from here
/// is safe; the rows commit or roll back with the caller's transaction.
package enum SQLiteHandle {
    /// The handle of the transaction's connection, or nil when `sql` is not SQLite inside a transaction.
    package static func ofTransaction(_ sql: any SQLDatabase) async throws -> OpaquePointer? {
        guard sql.dialect.name == "sqlite", let fluent = sql as? any Database, fluent.inTransaction,
            let sqlite = sql as? any SQLiteDatabase
        else { return nil }
        let box = try await sqlite.withConnection { connection in
            connection.eventLoop.makeSucceededFuture(HandleBox(raw: handle(of: connection)))
        }.get()
        return box.raw
    }

    /// The path into the connection that SQLiteNIO 1.13 has: `handle` (a `SQLiteConnectionHandle`) then `raw`.
    package static func handle(of connection: SQLiteConnection) -> OpaquePointer? {
        Mirror(reflecting: connection).descendant("handle", "raw") as? OpaquePointer
    }

    private struct HandleBox: @unchecked Sendable { let raw: OpaquePointer? }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit
import SQLiteKit
import Vapor
import VaporCSQLite

/// Binding values to a statement through SQLite's C interface, shared by the read connections and
/// the bulk writer.
package enum SQLiteBind {
    /// Tells SQLite to copy what it is given, so Swift's buffers need not outlive the call.
    package static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    package static func text(_ text: String, at index: Int32, to statement: OpaquePointer) -> Int32 {
        sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
    }
}

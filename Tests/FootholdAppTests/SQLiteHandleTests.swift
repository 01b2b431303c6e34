import Fluent
@testable import FootholdData
import SQLKit
import SQLiteKit
import VaporCSQLite
import XCTest

@testable import FootholdApp

/// `SQLiteHandle` reads SQLiteNIO's private connection handle by reflection. These tests fail
/// loudly when a new SQLiteNIO moves it, instead of letting bulk loads fall back to slow inserts unseen.
final class SQLiteHandleTests: XCTestCase {
    func testTheDriverStillHandsOverATransactionsConnectionHandle() async throws {
        try await withApp { testApp in
            guard !TestDatabase.isPostgres else {
                let none = try await testApp.db.transaction { try await SQLiteHandle.ofTransaction($0 as! any SQLDatabase) == nil }
                XCTAssertTrue(none, "PostgreSQL has no SQLite handle")
                return
            }
            let outside = try await SQLiteHandle.ofTransaction(testApp.db as! any SQLDatabase)
            XCTAssertNil(outside, "outside a transaction the connection goes back to the pool, so no handle is handed out")
            let answer = try await testApp.db.transaction { database -> Int32? in
                guard let handle = try await SQLiteHandle.ofTransaction(database as! any SQLDatabase) else { return nil }
                // The handle is the transaction's own connection: it sees the transaction as open.
                return sqlite_nio_sqlite3_get_autocommit(handle)
            }
            XCTAssertNotNil(
                answer,
                "SQLiteNIO no longer keeps its sqlite3 handle at SQLiteConnection.handle.raw: "
                    + "update SQLiteHandle.handle(of:) for the new driver"
            )
            XCTAssertEqual(answer, 0, "inside a transaction the handle's connection is not in autocommit mode")
        }
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import NIOPosix
import SQLKit
import XCTest
@testable import FootholdApp

/// On SQLite the pages read through their own read-only connections (decision 0006). These tests
/// prove that path answers exactly what the driver answers, sees every committed write, and
/// leaves reads inside a transaction to the transaction.
final class SQLiteReadsTests: XCTestCase {
    func testPagesReadThroughThePoolOnSQLiteAndThroughTheDriverOnPostgreSQL() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            guard let reads = testApp.app.data.sqliteReads else {
                XCTAssertTrue(TestDatabase.isPostgres, "only PostgreSQL runs without the read pool")
                let home = try await employee.get(SiteURL.home.path)
                XCTAssertEqual(home.status, .ok)
                return
            }
            XCTAssertFalse(TestDatabase.isPostgres)
            let before = reads.statementsServed
            let home = try await employee.get(SiteURL.home.path)
            XCTAssertEqual(home.status, .ok)
            XCTAssertGreaterThan(reads.statementsServed, before, "the home page read through the pool")

            // A write through the driver is seen by the very next page.
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            try await (testApp.db as! any SQLDatabase).raw("UPDATE people SET job_title = 'Lead Caseworker' WHERE id = \(bind: freya)")
                .run()
            let person = try await employee.get(SiteURL.person(freya).path)
            XCTAssertTrue(person.body.contains("Lead Caseworker"), "the read after a committed write sees it")
        }
    }

    func testRowsDecodeExactlyAsTheDriverDecodesThem() async throws {
        try await withApp { testApp in
            guard let reads = testApp.app.data.sqliteReads else { XCTAssertTrue(TestDatabase.isPostgres); return }
            try await Fixtures.organisation(in: testApp)
            let db = testApp.db
            let query: SQLQueryString = "SELECT \(unsafeRaw: StoredPerson.columns("p")) FROM people p ORDER BY p.email"
            let viaDriver = try await db.sql.raw(query).all().map { try StoredPerson.read($0, "p") }
            let pool = Reads(database: db, path: .sqliteReadConnections(reads), caches: testApp.app.data.caches)
            let viaPool = try await pool.rows(query).map { try StoredPerson.read($0, "p") }
            XCTAssertEqual(viaPool.count, viaDriver.count)
            XCTAssertGreaterThan(viaPool.count, 5)
            for (pool, driver) in zip(viaPool, viaDriver) {
                XCTAssertEqual(pool.id, driver.id)
                XCTAssertEqual(pool.email, driver.email)
                XCTAssertEqual(pool.name, driver.name)
                XCTAssertEqual(pool.unitID, driver.unitID)
                XCTAssertEqual(pool.managerID, driver.managerID, "missing managers read as nil on both")
                XCTAssertEqual(pool.isHRAdministrator, driver.isHRAdministrator)
                XCTAssertEqual(pool.isActive, driver.isActive)
                XCTAssertEqual(pool.createdAt, driver.createdAt, "times round to the microsecond on both")
            }

            // Values of every kind, and a column the row does not have.
            let literals: SQLQueryString = """
                SELECT 'Grace O''Neill' AS name, 1.25 AS ratio, NULL AS empty_value, 42 AS answer, 0 AS flag, X'00FF10' AS bytes, \
                1795082400.123456 AS at, \(bind: "caf\u{e9} ☕︎") AS bound, \(bind: Date(timeIntervalSince1970: 1_795_082_400.5)) AS bound_at
                """
            let driverRow = try await XCTUnwrapAsync(try await db.sql.raw(literals).first())
            let poolRow = try await XCTUnwrapAsync(try await pool.firstRow(literals))
            for row in [driverRow, poolRow] {
                XCTAssertEqual(try row.decode(column: "name", as: String.self), "Grace O'Neill")
                XCTAssertEqual(try row.decode(column: "ratio", as: Double.self), 1.25)
                XCTAssertTrue(try row.decodeNil(column: "empty_value"))
                XCTAssertNil(try row.decode(column: "empty_value", as: Int?.self))
                XCTAssertEqual(try row.decode(column: "answer", as: Int.self), 42)
                XCTAssertEqual(try row.decode(column: "flag", as: Bool.self), false)
                XCTAssertEqual(try row.decode(column: "bound", as: String.self), "caf\u{e9} ☕︎")
                XCTAssertEqual(try row.decode(column: "bound_at", as: Date.self), Date(timeIntervalSince1970: 1_795_082_400.5))
                XCTAssertThrowsError(try row.decode(column: "absent", as: String.self))
                XCTAssertThrowsError(try row.decode(column: "name", as: UUID.self), "text that is not an id is an error, not a guess")
            }
            XCTAssertEqual(try poolRow.decode(column: "at", as: Date.self), try driverRow.decode(column: "at", as: Date.self))
            XCTAssertEqual(poolRow.allColumns, driverRow.allColumns)
        }
    }

    func testReadsInsideATransactionSeeItsOwnWrites() async throws {
        try await withApp { testApp in
            guard let reads = testApp.app.data.sqliteReads else { XCTAssertTrue(TestDatabase.isPostgres); return }
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            guard case .sqliteReadConnections(let pool) = testApp.reads.path, pool === reads else {
                return XCTFail("outside a transaction the app reads through its own connections")
            }
            let seen = try await testApp.db.transaction { database in
                let inside = testApp.app.reads(on: database)
                guard case .driver = inside.path else {
                    XCTFail("inside a transaction the app reads through the transaction's connection")
                    return String?.none
                }
                try await database.sql.raw("UPDATE people SET name = 'Freya Parker-Shaw' WHERE id = \(bind: freya)").run()
                return try await inside.firstRow("SELECT name FROM people WHERE id = \(bind: freya)")?.decode(
                    column: "name", as: String.self)
            }
            XCTAssertEqual(seen, "Freya Parker-Shaw")
            let after = try await testApp.reads.firstRow("SELECT name FROM people WHERE id = \(bind: freya)")?.decode(
                column: "name", as: String.self)
            XCTAssertEqual(after, "Freya Parker-Shaw", "and the pool sees it once committed")
        }
    }

    func testManyDifferentStatementsStayCorrectPastTheCacheLimit() async throws {
        try await withApp { testApp in
            guard let reads = testApp.app.data.sqliteReads else { XCTAssertTrue(TestDatabase.isPostgres); return }
            let pool = Reads(database: testApp.db, path: .sqliteReadConnections(reads), caches: testApp.app.data.caches)
            do {
                for round in 0..<2 {
                    for number in 0..<300 {
                        let row = try await pool.firstRow("SELECT \(literal: number) AS n, \(bind: round) AS r")
                        XCTAssertEqual(try row?.decode(column: "n", as: Int.self), number)
                        XCTAssertEqual(try row?.decode(column: "r", as: Int.self), round, "bindings change between uses")
                    }
                }
            }
        }
    }

    /// No read connection maps the file (decision 0006): each would map it for itself, and the
    /// monitoring counts, reading across the whole organisation, kept every mapping they touched
    /// resident (400 MB at 50,000 people, from 250 MB; 150 MB without).
    func testReadConnectionsDoNotMapTheFileForPagesOrForCountsInTheBackground() async throws {
        try await withApp { testApp in
            guard let pool = testApp.app.data.sqliteReads else { XCTAssertTrue(TestDatabase.isPostgres); return }
            let threads = NIOThreadPool(numberOfThreads: 1)
            threads.start()
            let pages = testApp.app.reads
            func mapped(_ reads: Reads) async throws -> Int {
                try await XCTUnwrapAsync(try await reads.firstRow("PRAGMA mmap_size")).decode(column: "mmap_size", as: Int.self)
            }
            let before = pool.statementsServed
            let pageMap = try await mapped(pages)
            let backgroundMap = try await mapped(pages.offloaded(to: threads))
            XCTAssertEqual(pageMap, 0, "a page's reads")
            XCTAssertEqual(backgroundMap, 0, "the counts' reads, in the background")
            XCTAssertEqual(pool.statementsServed, before + 2, "both through the pool's own connections")
            try await threads.shutdownGracefully()
        }
    }

    func testIdsAreReadFromTheirTextAsFoundationReadsThem() {
        for _ in 0..<2000 {
            let id = UUID()
            XCTAssertEqual(ReadRow.uuid(id.uuidString), id)
            XCTAssertEqual(ReadRow.uuid(id.uuidString.lowercased()), id)
        }
        let good = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
        XCTAssertEqual(ReadRow.uuid(good), UUID(uuidString: good))
        for bad in [
            "", String(good.dropLast()), good + "0", good.replacingOccurrences(of: "-", with: "_"),
            "G621E1F8-C36C-495A-93FC-0C247A3E6E5F", "E621E1F8C-36C-495A-93FC-0C247A3E6E5F", "E621E1F8-C36C-495A-93FC-0C247A3E6E5 ",
        ] {
            XCTAssertNil(ReadRow.uuid(bad), bad)
            XCTAssertNil(UUID(uuidString: bad), "Foundation agrees: \(bad)")
        }
    }
}

/// `XCTUnwrap` for a value an `await` produced.
func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}

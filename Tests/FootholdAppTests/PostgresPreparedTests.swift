import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

/// On PostgreSQL the pages' hand-written reads run as prepared statements (decision 0007). These
/// tests prove that path answers exactly what the driver answers, that pages use it there and
/// only there, and that what it cannot bind goes the ordinary way.
final class PostgresPreparedTests: XCTestCase {
    func testPagesReadThroughPreparedStatementsOnPostgreSQLOnly() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let before = testApp.app.data.postgresPrepared?.statementsServed ?? 0
            let home = try await employee.get(SiteURL.home.path)
            XCTAssertEqual(home.status, .ok)
            let list = try await employee.get(SiteURL.conversations.path)
            XCTAssertEqual(list.status, .ok)
            if TestDatabase.isPostgres {
                XCTAssertGreaterThan(
                    testApp.app.data.postgresPrepared?.statementsServed ?? 0, before, "the pages read through prepared statements")
                let mode = try await testApp.db.sql.raw("SHOW plan_cache_mode").first()?.decode(column: "plan_cache_mode", as: String.self)
                XCTAssertEqual(mode, "force_generic_plan", "prepared statements are planned once a connection")
                let workers = try await testApp.db.sql.raw("SHOW max_parallel_workers_per_gather").first()?
                    .decode(column: "max_parallel_workers_per_gather", as: String.self)
                XCTAssertEqual(workers, "0", "a page's statement never waits for parallel workers to start")
            } else {
                XCTAssertNil(testApp.app.data.postgresPrepared, "SQLite never takes this path")
            }
        }
    }

    func testRowsDecodeExactlyAsTheDriverDecodesThem() async throws {
        try await withApp { testApp in
            guard TestDatabase.isPostgres else {
                XCTAssertNil(testApp.app.data.postgresPrepared, "SQLite reads through its own connections instead")
                return
            }
            try await Fixtures.organisation(in: testApp)
            _ = try await Fixtures.scheduledConversation(in: testApp)
            let db = testApp.db
            let statements = try XCTUnwrap(testApp.app.data.postgresPrepared)
            let people: SQLQueryString =
                "SELECT \(unsafeRaw: StoredPerson.columns("p")) FROM people p WHERE p.active = \(bind: true) ORDER BY p.email"
            let viaDriver = try await db.sql.raw(people).all().map { try StoredPerson.read($0, "p") }
            let prepared = try await statements.rows(people, on: db)
            let viaPrepared = try XCTUnwrap(prepared).map { try StoredPerson.read($0, "p") }
            XCTAssertEqual(viaPrepared.count, viaDriver.count)
            XCTAssertGreaterThan(viaPrepared.count, 5)
            for (mine, driver) in zip(viaPrepared, viaDriver) {
                XCTAssertEqual(mine.id, driver.id)
                XCTAssertEqual(mine.email, driver.email)
                XCTAssertEqual(mine.name, driver.name)
                XCTAssertEqual(mine.unitID, driver.unitID)
                XCTAssertEqual(mine.managerID, driver.managerID, "missing managers read as nil on both")
                XCTAssertEqual(mine.isHRAdministrator, driver.isHRAdministrator)
                XCTAssertEqual(mine.createdAt, driver.createdAt)
            }

            // Values of every kind the pages read, enums stored as text, and a column the row lacks.
            let values: SQLQueryString = """
                SELECT c.id, c.state, c.kind, c.minutes, c.held_at, c.starts_at, c.with_line_manager, c.purpose, \
                (SELECT COUNT(*) FROM conversations) AS total, 1.25::float8 AS ratio, NULL::text AS empty_value, \
                \(bind: "caf\u{e9} ☕︎") AS bound, CAST(c.id AS TEXT) AS id_text \
                FROM conversations c WHERE c.state = \(bind: ConversationState.scheduled.rawValue)
                """
            let driverFirst = try await db.sql.raw(values).first()
            let driverRow = try XCTUnwrap(driverFirst)
            let preparedFirst = try await statements.rows(values, on: db)?.first
            let preparedRow = try XCTUnwrap(preparedFirst)
            for row in [driverRow, preparedRow] {
                XCTAssertEqual(try row.decode(column: "state", as: ConversationState.self), .scheduled)
                XCTAssertEqual(try row.decode(column: "bound", as: String.self), "caf\u{e9} ☕︎")
                XCTAssertTrue(try row.decodeNil(column: "empty_value"))
                XCTAssertTrue(try row.decodeNil(column: "no_such_column"))
                XCTAssertNil(try row.decode(column: "held_at", as: Date?.self))
                XCTAssertEqual(try row.decode(column: "ratio", as: Double.self), 1.25)
            }
            XCTAssertEqual(try preparedRow.decode(column: "id", as: UUID.self), try driverRow.decode(column: "id", as: UUID.self))
            XCTAssertEqual(
                try preparedRow.decode(column: "kind", as: ConversationKind.self),
                try driverRow.decode(column: "kind", as: ConversationKind.self))
            XCTAssertEqual(try preparedRow.decode(column: "minutes", as: Int.self), try driverRow.decode(column: "minutes", as: Int.self))
            XCTAssertEqual(
                try preparedRow.decode(column: "starts_at", as: Date.self), try driverRow.decode(column: "starts_at", as: Date.self))
            XCTAssertEqual(
                try preparedRow.decode(column: "with_line_manager", as: Bool.self),
                try driverRow.decode(column: "with_line_manager", as: Bool.self))
            XCTAssertEqual(
                try preparedRow.decode(column: "purpose", as: String.self), try driverRow.decode(column: "purpose", as: String.self))
            XCTAssertEqual(try preparedRow.decode(column: "total", as: Int.self), try driverRow.decode(column: "total", as: Int.self))
            XCTAssertEqual(
                try preparedRow.decode(column: "id_text", as: String.self).lowercased(),
                try driverRow.decode(column: "id", as: UUID.self).uuidString.lowercased())
            XCTAssertThrowsError(try preparedRow.decode(column: "no_such_column", as: String.self))

            // A committed write is read by the next run of the same statement on every connection.
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let title: SQLQueryString = "SELECT job_title FROM people WHERE id = \(bind: freya)"
            for _ in 0..<10 { _ = try await statements.rows(title, on: db) }
            try await db.sql.raw("UPDATE people SET job_title = 'Lead Caseworker' WHERE id = \(bind: freya)").run()
            for _ in 0..<10 {
                let first = try await statements.rows(title, on: db)?.first
                let row = try XCTUnwrap(first)
                XCTAssertEqual(try row.decode(column: "job_title", as: String.self), "Lead Caseworker")
            }
        }
    }

    func testValuesItCannotBindGoTheOrdinaryWay() throws {
        struct Custom: Encodable, Sendable { var note = "not a column type" }
        XCTAssertNotNil(PostgresPrepared.bindings([UUID(), "text", 3, true, Date(), ConversationState.held]))
        XCTAssertNil(PostgresPrepared.bindings([Custom()]), "an arbitrary Encodable has no direct encoding")
        XCTAssertEqual(PostgresPrepared.bindings([ConversationState.held])?.count, 1, "enums bind as their text")
    }

    func testNamesAreStableAndLimited() {
        let names = PostgresPrepared.Names(limit: 3)
        let first = names.name(for: "SELECT 1")
        XCTAssertNotNil(first)
        XCTAssertEqual(names.name(for: "SELECT 1"), first, "the same text keeps its name")
        XCTAssertNotEqual(names.name(for: "SELECT 2"), first)
        XCTAssertNotNil(names.name(for: "SELECT 3"))
        XCTAssertNil(names.name(for: "SELECT 4"), "past the limit a statement goes unnamed")
        XCTAssertEqual(names.name(for: "SELECT 2"), "foothold_2", "known texts keep their names past the limit")
    }
}

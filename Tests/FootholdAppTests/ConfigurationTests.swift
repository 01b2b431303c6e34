import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

final class ConfigurationTests: XCTestCase {
    func testDatabaseURLChoosesTheStorage() throws {
        XCTAssertEqual(try Configuration.fromEnvironment([:]).storage, .sqlite(path: "foothold.sqlite"))
        XCTAssertEqual(
            try Configuration.parseDatabaseURL("sqlite:/var/lib/foothold/data.sqlite"), .sqlite(path: "/var/lib/foothold/data.sqlite"))
        XCTAssertEqual(
            try Configuration.parseDatabaseURL("postgres://foothold:secret@db.internal:5433/foothold"),
            .postgres(url: "postgres://foothold:secret@db.internal:5433/foothold", host: "db.internal", port: 5433, database: "foothold"))
    }

    func testAWrongDatabaseURLIsNamedWithoutItsPassword() {
        for (value, expected) in [
            ("mysql://root:hunter2@localhost/foothold", "DATABASE_URL: 'mysql://root:…@localhost/foothold' is not understood"),
            ("sqlite:", "DATABASE_URL: sqlite: needs a file path"),
            ("postgres://foothold:hunter2@localhost:5432", "names no database"),
        ] {
            XCTAssertThrowsError(try Configuration.parseDatabaseURL(value)) { error in
                let message = String(describing: error)
                XCTAssertTrue(message.contains(expected), message)
                XCTAssertFalse(message.contains("hunter2"), message)
            }
        }
        XCTAssertThrowsError(try Configuration.fromEnvironment(["FOOTHOLD_BASE_URL": "foothold.example"])) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("FOOTHOLD_BASE_URL must be"))
        }
        XCTAssertThrowsError(try Configuration.fromEnvironment(["FOOTHOLD_BCRYPT_COST": "40"]))
    }

    func testTheMonitoringRefreshIsSecondsUpToAMinute() throws {
        XCTAssertEqual(try Configuration.fromEnvironment([:]).monitoringRefresh, 30)
        XCTAssertEqual(try Configuration.fromEnvironment(["FOOTHOLD_MONITORING_REFRESH_SECONDS": "0"]).monitoringRefresh, 0)
        for wrong in ["61", "-1", "soon"] {
            XCTAssertThrowsError(try Configuration.fromEnvironment(["FOOTHOLD_MONITORING_REFRESH_SECONDS": wrong])) { error in
                XCTAssertEqual(
                    String(describing: error),
                    "FOOTHOLD_MONITORING_REFRESH_SECONDS must be a whole number of seconds from 0 to 60, not '\(wrong)'")
            }
        }
    }

    func testHTTPSBaseURLMarksCookiesSecure() throws {
        XCTAssertTrue(try Configuration.fromEnvironment(["FOOTHOLD_BASE_URL": "https://foothold.example.org/"]).usesHTTPS)
        XCTAssertEqual(
            try Configuration.fromEnvironment(["FOOTHOLD_BASE_URL": "https://foothold.example.org/"]).baseURL,
            "https://foothold.example.org")
    }

    func testAnUnwritableSQLitePathStopsStartUpWithOneLine() async throws {
        await XCTAssertThrowsErrorAsync(
            try await makeApplication(configuration: Configuration(storage: .sqlite(path: "/no/such/folder/foothold.sqlite")))
        ) { error in
            XCTAssertEqual(
                String(describing: error),
                "DATABASE_URL: cannot create the SQLite database /no/such/folder/foothold.sqlite: the folder /no/such/folder does not exist"
            )
        }
    }

    func testAnUnreachablePostgreSQLServerStopsStartUpWithOneLine() async throws {
        // Port 9 on loopback has nothing listening.
        let storage = try Configuration.parseDatabaseURL("postgres://foothold@127.0.0.1:9/foothold")
        await XCTAssertThrowsErrorAsync(try await makeApplication(configuration: Configuration(storage: storage))) { error in
            XCTAssertEqual(
                String(describing: error),
                "DATABASE_URL: cannot use PostgreSQL database foothold at 127.0.0.1:9: the server does not answer (is PostgreSQL running there?)"
            )
        }
    }
}

final class SQLiteSettingsTests: XCTestCase {
    func testEveryConnectionIsTuned() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-pragmas-\(UUID().uuidString).sqlite").path
        let app = try await makeApplication(
            configuration: Configuration(storage: .sqlite(path: path), bcryptCost: 4), environment: .testing)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        for loop in app.eventLoopGroup.makeIterator() {
            let database = app.databases.database(logger: app.logger, on: loop) as! any SQLDatabase
            let synchronous = try await database.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            XCTAssertEqual(synchronous, 1, "NORMAL on every connection")
            let journal = try await database.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            XCTAssertEqual(journal, "wal")
        }
        try await app.asyncShutdown()
    }
}

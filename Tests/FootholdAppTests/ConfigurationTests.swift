import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

final class ConfigurationTests: XCTestCase {
    func testSingleSignOnIsReadAndCheckedAtStartUp() throws {
        let plain = try Configuration.fromEnvironment([:])
        XCTAssertNil(plain.singleSignOn)
        XCTAssertEqual(plain.passwordSignIn, .everyone)
        let set = try Configuration.fromEnvironment([
            "FOOTHOLD_OIDC_ISSUER": "https://login.microsoftonline.com/tenant/v2.0", "FOOTHOLD_OIDC_CLIENT_ID": "abc-123",
            "FOOTHOLD_OIDC_CLIENT_SECRET": "s3cret", "FOOTHOLD_PASSWORD_SIGN_IN": "off",
            "FOOTHOLD_BREAK_GLASS_EMAILS": "Rosie.Murphy@ridgeway.example, it@ridgeway.example",
        ])
        XCTAssertEqual(
            set.singleSignOn,
            SingleSignOnSettings(
                issuer: "https://login.microsoftonline.com/tenant/v2.0", clientID: "abc-123", clientSecret: "s3cret", claim: "email",
                buttonLabel: "Sign in with your organisation's account"))
        XCTAssertEqual(set.passwordSignIn, .only(["rosie.murphy@ridgeway.example", "it@ridgeway.example"]))
        XCTAssertTrue(set.passwordSignIn.allows("ROSIE.murphy@ridgeway.example"))
        XCTAssertFalse(set.passwordSignIn.allows("freya.parker@ridgeway.example"))

        let issuer = ["FOOTHOLD_OIDC_ISSUER": "https://idp.example.org", "FOOTHOLD_OIDC_CLIENT_ID": "c"]
        for (environment, expected) in [
            (
                ["FOOTHOLD_OIDC_ISSUER": "http://idp.example.org", "FOOTHOLD_OIDC_CLIENT_ID": "c"],
                "FOOTHOLD_OIDC_ISSUER must be the https://"
            ),
            (["FOOTHOLD_OIDC_ISSUER": "https://idp.example.org"], "FOOTHOLD_OIDC_CLIENT_ID must be set"),
            (["FOOTHOLD_OIDC_CLIENT_ID": "c"], "FOOTHOLD_OIDC_CLIENT_ID is set but FOOTHOLD_OIDC_ISSUER is not"),
            (issuer.merging(["FOOTHOLD_OIDC_CLAIM": "e mail"]) { $1 }, "FOOTHOLD_OIDC_CLAIM must be the name of a claim"),
            (issuer.merging(["FOOTHOLD_OIDC_BUTTON": String(repeating: "x", count: 61)]) { $1 }, "FOOTHOLD_OIDC_BUTTON must be"),
            (["FOOTHOLD_PASSWORD_SIGN_IN": "off"], "needs single sign-on"),
            (issuer.merging(["FOOTHOLD_PASSWORD_SIGN_IN": "sometimes"]) { $1 }, "must be 'on' or 'off'"),
            (issuer.merging(["FOOTHOLD_BREAK_GLASS_EMAILS": "it@ridgeway.example"]) { $1 }, "FOOTHOLD_BREAK_GLASS_EMAILS names who"),
            (
                issuer.merging(["FOOTHOLD_PASSWORD_SIGN_IN": "off", "FOOTHOLD_BREAK_GLASS_EMAILS": "not an address"]) { $1 },
                "FOOTHOLD_BREAK_GLASS_EMAILS must be e-mail addresses"
            ),
        ] {
            XCTAssertThrowsError(try Configuration.fromEnvironment(environment)) { error in
                XCTAssertTrue(String(describing: error).contains(expected), "\(error)")
            }
        }
    }

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

    func testMailAndReminderSettings() throws {
        let plain = try Configuration.fromEnvironment([:])
        XCTAssertEqual(plain.mail.transport, .none, "reminders in the app only until mail is set up")
        XCTAssertEqual(plain.mail.from, .init(name: "Foothold", email: "foothold@127.0.0.1"))
        XCTAssertEqual(plain.reminderInterval, 300)
        XCTAssertEqual(plain.sending, .standard)
        let set = try Configuration.fromEnvironment([
            "FOOTHOLD_SMTP_URL": "smtp://mail.ridgeway.example:587?starttls=required",
            "FOOTHOLD_MAIL_FROM": "Ridgeway Careers <careers@ridgeway.example>",
            "FOOTHOLD_REMINDER_MINUTES": "0", "FOOTHOLD_REMINDER_HOURS": "9-17", "FOOTHOLD_REMINDER_DAYS": "every day",
        ])
        guard case .smtp(let smtp) = set.mail.transport else { return XCTFail("\(set.mail.transport)") }
        XCTAssertEqual(smtp.host, "mail.ridgeway.example")
        XCTAssertEqual(set.mail.from, .init(name: "Ridgeway Careers", email: "careers@ridgeway.example"))
        XCTAssertNil(set.reminderInterval, "0 runs no passes in serve")
        XCTAssertEqual(set.sending, SendingTime(hours: 9..<17, weekends: true))
        XCTAssertEqual(try Configuration.fromEnvironment(["FOOTHOLD_MAIL_FOLDER": "/tmp/mail"]).mail.transport, .folder(path: "/tmp/mail"))
        for (environment, expected) in [
            (
                ["FOOTHOLD_SMTP_URL": "smtp://a.example", "FOOTHOLD_MAIL_FOLDER": "/tmp/mail"],
                "Set only one of FOOTHOLD_SMTP_URL, FOOTHOLD_MAIL_FOLDER"
            ),
            (["FOOTHOLD_SENDMAIL": "sendmail"], "FOOTHOLD_SENDMAIL must be the full path"),
            (["FOOTHOLD_SENDMAIL": "/no/such/sendmail"], "FOOTHOLD_SENDMAIL must be the full path"),
            (["FOOTHOLD_MAIL_FROM": "careers at ridgeway"], "FOOTHOLD_MAIL_FROM must be an e-mail address"),
            (
                ["FOOTHOLD_MAIL_FROM": "Careers\r\nBcc: x@y.example <careers@ridgeway.example>"],
                "FOOTHOLD_MAIL_FROM must be an e-mail address"
            ),
            (["FOOTHOLD_REMINDER_MINUTES": "often"], "FOOTHOLD_REMINDER_MINUTES must be a whole number"),
            (["FOOTHOLD_REMINDER_HOURS": "18-8"], "FOOTHOLD_REMINDER_HOURS must be two hours"),
            (["FOOTHOLD_REMINDER_DAYS": "weekends"], "FOOTHOLD_REMINDER_DAYS must be 'weekdays' or 'every day'"),
        ] {
            XCTAssertThrowsError(try Configuration.fromEnvironment(environment)) { error in
                XCTAssertTrue(String(describing: error).hasPrefix(expected), String(describing: error))
            }
        }
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

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest

@testable import FootholdApp

/// `foothold remind` as separate processes on one database: two at the same moment send each
/// reminder once, and a pass killed half-way loses nothing and sends nothing twice when the next
/// one runs. The reminders are actions falling due today, by the real clock, since the command
/// runs on it.
final class ReminderProcessTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-remind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("foothold")
    }

    var log: URL { scratch.appendingPathComponent("log") }

    /// A sendmail program that takes a moment over each message and logs its Message-ID; with a
    /// number in `kill-at`, it kills the pass that called it instead of sending that many-th message.
    func sendmail() throws -> String {
        let program = scratch.appendingPathComponent("sendmail")
        let killAt = scratch.appendingPathComponent("kill-at").path
        try """
        #!/bin/sh
        message=$(cat)
        if [ -f '\(killAt)' ]; then
          sent=$(cat '\(log.path)' 2>/dev/null | wc -l)
          if [ "$sent" -ge "$(cat '\(killAt)')" ]; then rm '\(killAt)'; kill -9 $PPID; exit 1; fi
        fi
        sleep 0.02
        printf '%s\\n' "$message" | grep -i '^Message-ID:' >> '\(log.path)'
        """.write(to: program, atomically: true, encoding: .utf8)
        chmod(program.path, 0o755)
        return program.path
    }

    /// Forty live actions of Freya's falling due today.
    func actionsDueToday(_ testApp: TestApp) async throws {
        try await Fixtures.organisation(in: testApp)
        let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
        let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/London")!).iso
        for number in 1...40 {
            try await testApp.db.sql.raw(
                """
                INSERT INTO agreed_actions (id, description, success_measure, owner, due_on, status, for_influence_objective, \
                employee_id, created_at, updated_at) VALUES (\(bind: UUID()), \(bind: "Action \(number)"), '', 'employee', \
                \(bind: today), 'open', \(bind: false), \(bind: freya), \(bind: Date()), \(bind: Date()))
                """
            ).run()
        }
    }

    func remind(_ testApp: TestApp, sendmail: String) throws -> Process {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable.path), "build the command first: swift build")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["remind"]
        var environment = ProcessInfo.processInfo.environment
        switch testApp.database.storage {
        case .sqlite(let path): environment["DATABASE_URL"] = "sqlite:" + path
        case .postgres(let url, _, _, _): environment["DATABASE_URL"] = url
        }
        environment["FOOTHOLD_SENDMAIL"] = sendmail
        environment["FOOTHOLD_REMINDER_HOURS"] = "0-24"
        environment["FOOTHOLD_REMINDER_DAYS"] = "every day"
        environment["FOOTHOLD_BCRYPT_COST"] = "4"
        process.environment = environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return process
    }

    func wait(_ process: Process) {
        for _ in 0..<1200 where process.isRunning { usleep(50_000) }
        if process.isRunning { process.terminate() }
    }

    func sent() throws -> [Substring] { (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n") ?? [] }

    func reminderCount(_ testApp: TestApp) async throws -> Int {
        try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM reminders").first()!.decode(column: "n", as: Int.self)
    }

    func testTwoPassesAtTheSameMomentSendEachReminderOnce() async throws {
        try await withApp { testApp in
            try await actionsDueToday(testApp)
            let program = try sendmail()
            let first = try remind(testApp, sendmail: program)
            let second = try remind(testApp, sendmail: program)
            wait(first)
            wait(second)
            XCTAssertEqual(first.terminationStatus, 0)
            XCTAssertEqual(second.terminationStatus, 0)
            let count = try await reminderCount(testApp)
            XCTAssertGreaterThanOrEqual(count, 40)
            let ids = try sent()
            XCTAssertEqual(ids.count, count, "every reminder sent")
            XCTAssertEqual(Set(ids).count, ids.count, "none twice")
        }
    }

    func testAPassKilledHalfWayLosesNothingAndSendsNothingTwice() async throws {
        try await withApp { testApp in
            try await actionsDueToday(testApp)
            let program = try sendmail()
            try "10".write(to: scratch.appendingPathComponent("kill-at"), atomically: true, encoding: .utf8)
            let killed = try remind(testApp, sendmail: program)
            wait(killed)
            XCTAssertEqual(killed.terminationReason, .uncaughtSignal, "the pass was killed")
            XCTAssertEqual(try sent().count, 10)
            let count = try await reminderCount(testApp)
            XCTAssertGreaterThanOrEqual(count, 40, "everything due was recorded before anything was sent")
            // The killed pass's claim runs out (five minutes, here at once).
            try await testApp.db.sql.raw(
                "UPDATE reminder_deliveries SET claimed_until = \(bind: Date().addingTimeInterval(-1)) WHERE state = 'sending'"
            ).run()
            let again = try remind(testApp, sendmail: program)
            wait(again)
            XCTAssertEqual(again.terminationStatus, 0)
            let ids = try sent()
            XCTAssertEqual(ids.count, count, "nothing lost")
            XCTAssertEqual(Set(ids).count, ids.count, "nothing twice")
        }
    }
}

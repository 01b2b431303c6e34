import Fluent
import FootholdCore
@testable import FootholdData
@testable import FootholdDemo
import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

/// The benchmark measures the pages it names only if it finds them: its queries
/// (scripts/bench-pages.sql) must find a scheduled conversation, a held record and the people
/// who see them on whatever day the demo is made, and each page must answer as itself.
final class BenchmarkPagesTests: XCTestCase {
    static func queries() throws -> [String: String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("scripts/bench-pages.sql"), encoding: .utf8)
        var queries: [String: String] = [:]
        var name: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("-- name: ") { name = String(line.dropFirst("-- name: ".count)); continue }
            if line.hasPrefix("--") { continue }
            if let current = name { queries[current] = String(line); name = nil }
        }
        return queries
    }

    /// The pages scripts/bench measures (scripts/bench-pages.txt).
    static func pages() throws -> [(name: String, who: String, path: String, marker: String, needsLargeDemo: Bool)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("scripts/bench-pages.txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields[1], fields[2], fields[3], fields.count > 4 && fields[4].split(separator: " ").contains("large"))
        }
    }

    func testThePageListNamesWhoSignsInAndAMarkerForEveryPage() throws {
        let pages = try Self.pages()
        XCTAssertEqual(pages.first?.path, "/ping", "the ceiling comes first: every other page is measured against it")
        for page in pages {
            XCTAssertTrue(
                ["", "large", "small", "employee", "hr", "top", "director", "leadership"].contains(page.who), "\(page.name): who signs in")
            XCTAssertFalse(page.marker.isEmpty, "\(page.name): a marker")
            XCTAssertTrue(page.path.hasPrefix("/"), "\(page.name): a path")
        }
    }

    func testThePagesAreFoundAndAnswerAsThemselvesOnAnyDay() async throws {
        let queries = try Self.queries()
        XCTAssertEqual(
            Set(queries.keys),
            [
                "large_manager", "small_manager", "top_director", "director", "leadership", "hr_admin", "open_conversation",
                "held_conversation", "history", "large_report",
            ])
        let days = ["2026-05-15", "2026-07-20", "2026-11-10", "2027-02-14", "2026-06-15", "2026-12-01", "2027-04-30", "2028-02-29"]
        for iso in days {
            let day = CalendarDate(iso: iso)!
            let clock = TestClock(day.start(in: TimeZone(identifier: "Europe/London")!).addingTimeInterval(10 * 3600))
            try await withApp(clock: clock) { testApp in
                _ = try await DemoLoader.load(people: 80, seed: 1, on: testApp.app)
                // As scripts/bench does before serving: a reminder pass, at whatever hour it is.
                testApp.app.footholdConfiguration.sending = SendingTime(hours: 0..<24, weekends: true)
                _ = try await ReminderPass(app: testApp.app).run(now: clock.now)
                let sql = testApp.db.sql
                func first(_ name: String, employee: String = "") async throws -> any SQLRow {
                    let text = queries[name]!.replacingOccurrences(of: "{employee}", with: employee)
                    let row = try await sql.raw(SQLQueryString(text)).first()
                    return try XCTUnwrap(row, "\(iso): the benchmark's \(name) query finds nothing")
                }
                let large = try await first("large_manager").decode(column: "email", as: String.self)
                let small = try await first("small_manager").decode(column: "email", as: String.self)
                let hr = try await first("hr_admin").decode(column: "email", as: String.self)
                let top = try await first("top_director").decode(column: "email", as: String.self)
                let directorRow = try await first("director")
                let director = try directorRow.decode(column: "email", as: String.self)
                let unit = try directorRow.decode(column: "id", as: UUID.self)
                let leadership = try await first("leadership").decode(column: "email", as: String.self)
                let open = try await first("open_conversation")
                let openID = try open.decode(column: "id", as: UUID.self), employee = try open.decode(column: "email", as: String.self)
                let heldID = try await first("held_conversation", employee: employee).decode(column: "id", as: UUID.self)
                let history = try await first("history", employee: employee).decode(column: "n", as: Int.self)
                let report = try await first("large_report", employee: large).decode(column: "id", as: UUID.self)
                XCTAssertGreaterThan(history, 1)

                let people = [
                    "large": large, "small": small, "employee": employee, "hr": hr, "top": top, "director": director,
                    "leadership": leadership,
                ]
                // As scripts/bench does: the employee makes their calendar feed address.
                let employeeBrowser = testApp.browser()
                _ = try await employeeBrowser.signIn(employee)
                let settings = try await employeeBrowser.post(SiteURL.calendarFeedReset.path, [:]).body
                let feed = try XCTUnwrap(settings.firstMatch(of: /\/calendar\/[A-Za-z0-9_-]*\/foothold\.ics/)).0
                let feedPage = try await testApp.browser().get(String(feed))
                XCTAssertEqual(feedPage.status, .ok)
                XCTAssertTrue(feedPage.body.contains("BEGIN:VCALENDAR"), "\(iso): the calendar feed")
                let pages = try Self.pages().filter { !$0.who.isEmpty && !$0.needsLargeDemo }.map { page in
                    (
                        people[page.who]!,
                        page.path.replacingOccurrences(of: "{open}", with: openID.uuidString)
                            .replacingOccurrences(of: "{held}", with: heldID.uuidString)
                            .replacingOccurrences(of: "{employee}", with: employee)
                            .replacingOccurrences(of: "{unit}", with: unit.lowerText)
                            .replacingOccurrences(of: "{report}", with: report.lowerText),
                        page.marker
                    )
                }
                XCTAssertGreaterThanOrEqual(pages.count, 13, "the benchmark's signed-in pages")
                for (email, path, marker) in pages {
                    let browser = testApp.browser()
                    _ = try await browser.signIn(email)
                    let page = try await browser.get(path)
                    XCTAssertEqual(page.status, .ok, "\(iso): \(path) as \(email)")
                    XCTAssertTrue(page.body.contains(marker), "\(iso): \(path) as \(email) is not the page meant")
                }
            }
        }
    }
}

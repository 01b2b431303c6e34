import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

final class OrganisationPagesTests: XCTestCase {
    func testTheDirectoryFindsPeopleByNameEmailOrJobTitle() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            let byTitle = try await browser.get("/people?q=surveyor").body.visibleText
            XCTAssertTrue(byTitle.contains("Lewis Iqbal"))
            XCTAssertFalse(byTitle.contains("Freya Parker Housing Officer"))

            let byTwoWords = try await browser.get("/people?q=iqbal+housing").body.visibleText
            XCTAssertTrue(byTwoWords.contains("Kate Iqbal"))
            XCTAssertFalse(byTwoWords.contains("Lewis Iqbal"))

            let nobody = try await browser.get("/people?q=zebra").body.visibleText
            XCTAssertTrue(nobody.contains("No one matches “zebra”"))

            let everyone = try await browser.get("/people").body.visibleText
            XCTAssertTrue(everyone.contains("Sophie Hughes") && everyone.contains("Rosie Murphy"))
        }
    }

    func testTheDirectoryPagesThroughLongLists() async throws {
        try await withApp { testApp in
            var rows = [
                "email,name,job_title,unit,manager_email,leadership_team,hr_admin",
                "boss@ridgeway.example,Alex Boss,Chief Executive,Ridgeway,,no,no",
            ]
            for index in 1...60 {
                rows.append(String(format: "p%02d@ridgeway.example,Person %02d,Officer,Ridgeway,boss@ridgeway.example,no,no", index, index))
            }
            _ = try await PeopleImporter.run(
                csv: rows.joined(separator: "\n"), deactivateMissing: false, on: testApp.db, now: testApp.clock.now)
            try await Accounts(app: testApp.app).setPassword(email: "boss@ridgeway.example", password: Fixtures.password)
            let browser = try await Fixtures.signedIn("boss@ridgeway.example", in: testApp)

            let first = try await browser.get("/people?q=person").body
            let second = try await browser.get("/people?q=person&page=2").body

            XCTAssertTrue(first.visibleText.contains("Person 01") && first.visibleText.contains("Person 50"))
            XCTAssertFalse(first.visibleText.contains("Person 51"))
            XCTAssertTrue(first.contains("href=\"/people?q=person&page=2\"") || first.contains("href=\"/people?q=person&amp;page=2\""))
            XCTAssertTrue(second.visibleText.contains("Person 51") && second.visibleText.contains("Person 60"))
            XCTAssertFalse(second.visibleText.contains("Next page"))
        }
    }

    func testAPersonsPageShowsTheirManagerUnitAndReports() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)

            let text = try await browser.get(SiteURL.person(ben).path).body.visibleText

            XCTAssertTrue(text.contains("Ben Khan Team Leader"))
            XCTAssertTrue(text.contains("Line manager Ines Kennedy"))
            XCTAssertTrue(text.contains("Reporting to Ben Khan"))
            XCTAssertTrue(text.contains("Freya Parker") && text.contains("Lewis Iqbal"))
        }
    }

    func testAUnitPageShowsItsHeadUnitsAndPeople() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let housing = try await Fixtures.unitID("Ridgeway/Housing", in: testApp)

            let text = try await browser.get(SiteURL.unit(housing).path).body.visibleText

            XCTAssertTrue(text.contains("Led by Kate Iqbal, Director of Housing"))
            XCTAssertTrue(text.contains("5 in Housing and the units within it"))
            XCTAssertTrue(text.contains("Tenancy Services 4"))
            XCTAssertTrue(text.contains("Ridgeway"), "the breadcrumb leads back up the tree")
        }
    }

    func testUnknownPagesGetTheNotFoundPageInTheLayout() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            for path in [SiteURL.person(UUID()).path, "/people/not-an-id", "/no/such/page"] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .notFound, path)
                XCTAssertTrue(page.body.visibleText.contains("Page not found"), path)
                XCTAssertTrue(page.body.contains("class=\"site-header\""), path)
            }
        }
    }

    func testWordsPeopleTypeAreEscaped() async throws {
        try await withApp { testApp in
            let csv = """
                email,name,job_title,unit,manager_email,leadership_team,hr_admin
                boss@ridgeway.example,"Zoë ""Zed"" <script>alert(1)</script>",Chief &lt;Executive&gt;,Ridgeway,,no,no
                """
            _ = try await PeopleImporter.run(csv: csv, deactivateMissing: false, on: testApp.db, now: testApp.clock.now)
            try await Accounts(app: testApp.app).setPassword(email: "boss@ridgeway.example", password: Fixtures.password)
            let browser = try await Fixtures.signedIn("boss@ridgeway.example", in: testApp)

            let home = try await browser.get("/").body
            let search = try await browser.get("/people?q=%22%3E%3Cscript%3E").body

            XCTAssertFalse(home.contains("<script>"))
            XCTAssertTrue(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            XCTAssertTrue(home.contains("Chief &amp;lt;Executive&amp;gt;"), "text that looks like an entity is shown as typed")
            XCTAssertFalse(search.contains("\"><script>"))
            XCTAssertTrue(search.contains("value=\"&quot;&gt;&lt;script&gt;\""))
        }
    }

    func testAnUnexpectedErrorGetsTheFriendlyPageAndNoInternals() async throws {
        struct DatabaseExploded: Error, CustomStringConvertible { var description: String { "secret table people_private is on fire" } }
        try await withApp { testApp in
            testApp.app.get("explode") { _ -> String in throw DatabaseExploded() }

            let page = try await testApp.browser().get("/explode")

            XCTAssertEqual(page.status, .internalServerError)
            XCTAssertTrue(page.body.visibleText.contains("Sorry, something went wrong"))
            XCTAssertFalse(page.body.contains("on fire"))
            XCTAssertTrue(page.body.contains("class=\"site-header\""))
        }
    }

    func testHealthAndStylesheet() async throws {
        try await withApp { testApp in
            let health = try await testApp.browser().get(SiteURL.health.path)
            XCTAssertEqual(health.status, .ok)

            let css = try await testApp.browser().get(SiteURL.stylesheet.path)
            XCTAssertEqual(css.status, .ok)
            XCTAssertEqual(css.headers.contentType, .css)
            XCTAssertTrue(css.body.contains(":focus-visible"))
        }
    }

    func testTheHealthCheckSaysWhenTheDatabaseIsGone() async throws {
        // SQLite in both passes: a file can be taken away from under a running app.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-gone-\(UUID().uuidString).sqlite").path
        let testApp = try await TestApp.make(
            database: .init(storage: .sqlite(path: path)) {
                try? FileManager.default.removeItem(atPath: path)
            })
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        testApp.app.databases.reinitialize()

        let health = try await testApp.browser().get(SiteURL.health.path)

        XCTAssertEqual(health.status, .serviceUnavailable)
        await testApp.shutdown()
    }
}

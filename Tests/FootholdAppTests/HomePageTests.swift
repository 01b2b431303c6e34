import Fluent
import Foundation
import XCTest
@testable import FootholdApp

/// Each role's home page shows what it should and nothing it should not.
final class HomePageTests: XCTestCase {
    func testAnEmployeeSeesTheirProfileManagerAndUnitOnly() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            let text = try await browser.get("/").body.visibleText

            XCTAssertTrue(text.contains("Housing Officer"))
            XCTAssertTrue(text.contains("Line manager Ben Khan"))
            XCTAssertTrue(text.contains("Ridgeway/Housing/Tenancy Services"))
            XCTAssertTrue(text.contains("Your roles in Foothold: Employee"))
            XCTAssertFalse(text.contains("Your team"))
            XCTAssertFalse(text.contains("You lead"))
            XCTAssertFalse(text.contains("Administration"))
            let admin = try await browser.get(SiteURL.admin.path)
            XCTAssertEqual(admin.status, .forbidden)
            XCTAssertTrue(admin.body.visibleText.contains("You do not have access to this page"))
        }
    }

    func testALineManagerSeesTheirTeam() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.manager, in: testApp)

            let page = try await browser.get("/")
            let text = page.body.visibleText

            XCTAssertTrue(text.contains("Line manager"))
            XCTAssertTrue(text.contains("Your team 2 people report to you."))
            XCTAssertTrue(text.contains("Freya Parker Housing Officer"))
            XCTAssertTrue(text.contains("Lewis Iqbal Building Surveyor"))
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            XCTAssertTrue(page.body.contains("href=\"\(SiteURL.person(freya).path)\""), "each person links to their page")
            XCTAssertFalse(text.contains("You lead"), "heading no unit, Ben is not a director")
            XCTAssertFalse(text.contains("Administration"))
        }
    }

    func testADirectorSeesTheirUnitsWithHeadcounts() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.director, in: testApp)

            let text = try await browser.get("/").body.visibleText

            XCTAssertTrue(text.contains("Director"))
            XCTAssertTrue(text.contains("You lead Housing"))
            XCTAssertTrue(text.contains("5 people in Housing and the units within it"))
            XCTAssertTrue(text.contains("Tenancy Services 4"))
            XCTAssertFalse(text.contains("Administration"))
        }
    }

    func testAnHRAdministratorSeesAdministration() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)

            let page = try await browser.get("/")

            XCTAssertTrue(page.body.visibleText.contains("HR administrator"))
            XCTAssertTrue(page.body.visibleText.contains("9 active people in 4 units"))
            XCTAssertTrue(page.body.contains("href=\"\(SiteURL.adminImport.path)\""))
            XCTAssertFalse(page.body.visibleText.contains("Your team"))
            let admin = try await browser.get(SiteURL.admin.path)
            XCTAssertEqual(admin.status, .ok)
        }
    }

    func testALeadershipTeamMemberIsToldTheirRole() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)

            let text = try await browser.get("/").body.visibleText

            XCTAssertTrue(text.contains("Your roles in Foothold: Employee Leadership Team"))
            XCTAssertFalse(text.contains("Your team"))
            XCTAssertFalse(text.contains("Administration"))
        }
    }

    func testNoOneSignedInIsSentToSignIn() async throws {
        try await withApp { testApp in
            for path in ["/", SiteURL.people.path, SiteURL.admin.path] {
                let response = try await testApp.browser().get(path)
                XCTAssertEqual(response.status, .seeOther, path)
                XCTAssertTrue(response.location?.hasPrefix("/sign-in?next=") == true, path)
            }
        }
    }
}

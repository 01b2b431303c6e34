import Fluent
@testable import FootholdData
import Foundation
import FootholdCore
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
            // The team comes first, counted, with the next step beside each who needs one.
            XCTAssertTrue(text.contains("Welcome, Ben Your roles in Foothold: Employee Line manager Your team"), text)
            XCTAssertTrue(text.contains("Due now 2 Overdue 0 Waiting for you 0"), text)
            XCTAssertTrue(text.contains("Freya Parker Due Progress review 2 Invite to Progress review 2"), text)
            XCTAssertTrue(text.contains("Lewis Iqbal Due Progress review 2 Invite to Progress review 2"), text)
            XCTAssertTrue(page.body.contains("<a href=\"/team\">Team</a>"), "Team is in the navigation")
            let freyaBrowser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freyaHome = try await freyaBrowser.get("/")
            XCTAssertFalse(freyaHome.body.contains("<a href=\"/team\">Team</a>"), "not for someone with no reports")
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            XCTAssertTrue(page.body.contains("href=\"\(SiteURL.person(freya).path)\""), "each person links to their page")
            XCTAssertFalse(text.contains("You lead"), "heading no unit, Ben is not a director")
            XCTAssertFalse(text.contains("Administration"))
        }
    }

    func testAManagerInvitesFromHomeAndSeesWhoIsWaitingForThem() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let home = try await ben.get("/")
            XCTAssertTrue(home.body.contains("name=\"back\" value=\"home\""), "the invitation comes back home")
            let invited = try await ben.post(SiteURL.teamInvite.path, ["employee": freya.uuidString, "back": "home"])
            XCTAssertEqual(invited.location, SiteURL.home.with(query: [("invited", "Freya Parker")]))
            let after = try await ben.get(try XCTUnwrap(invited.location)).body.visibleText
            XCTAssertTrue(after.contains("Freya Parker has been invited. They will see it on their home page and by e-mail."), after)
            XCTAssertTrue(after.contains("Due now 1 Overdue 0 Waiting for you 0"), after)
            XCTAssertFalse(after.contains("Freya Parker Due"), after)
            // A made-up name in the address is not repeated on the page.
            let forged = try await ben.get(SiteURL.home.with(query: [("invited", "Your password has expired")])).body.visibleText
            XCTAssertFalse(forged.contains("Your password has expired"))

            // Lewis asks Ben for a conversation: Ben is told he is waiting.
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let ben_ = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let asked = try await lewis.post(
                SiteURL.conversations.path, ["with": ben_.uuidString, "kind": "check_in", "purpose": "Talk about surveying"])
            XCTAssertEqual(asked.status, .seeOther, asked.body.visibleText)
            let waiting = try await ben.get("/").body.visibleText
            XCTAssertTrue(waiting.contains("Due now 0 Overdue 0 Waiting for you 1"), waiting)
            XCTAssertTrue(waiting.contains("Lewis Iqbal Asked you for a career conversation Answer"), waiting)
        }
    }

    func testAReportsPageShowsTheirManagerTheirStandingLastConversationAndActions() async throws {
        try await withApp { testApp in
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let before = try await ben.get(SiteURL.person(freya).path).body.visibleText
            XCTAssertTrue(before.contains("Freya and you, 2026–27"), before)
            XCTAssertTrue(before.contains("No career conversation held yet that you can know of."), before)
            XCTAssertTrue(before.contains("Progress review 2"), before)

            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            _ = try await ben.post(
                SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.id.uuidString])
            _ = try await ben.post(
                SiteURL.actions(conversation).path,
                ["description": "Book the spring data course", "owner": "employee", "due_on": "2027-01-15", "success_measure": "Booked"])
            // Ben's other report, Lewis, has an action of his own with Ben: it stays on Lewis's page.
            let lewis = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            let sent = try await ben.post(
                SiteURL.conversations.path,
                [
                    "with": lewis.uuidString, "kind": "check_in", "minutes": "30", "date": "2026-11-19", "time": "10:00",
                    "place": "Room 2",
                ])
            let withLewis = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(sent.location).split(separator: "/")[1])))
            let lewisBrowser = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            _ = try await lewisBrowser.post(
                SiteURL.accept(withLewis).path, ["date": "2026-11-19", "time": "10:00", "minutes": "30", "place": "Room 2"])
            _ = try await ben.post(SiteURL.markHeld(withLewis).path, ["date": "2026-11-19", "minutes": "30"])
            let lewisAction = try await ben.post(
                SiteURL.actions(withLewis).path,
                ["description": "Shadow the surveying team", "owner": "employee", "due_on": "2027-01-20", "success_measure": "Two days"])
            XCTAssertEqual(lewisAction.status, .seeOther, lewisAction.body.visibleText)
            let lewisPage = try await ben.get(SiteURL.person(lewis).path).body.visibleText
            XCTAssertTrue(lewisPage.contains("Shadow the surveying team"), lewisPage)

            let page = try await ben.get(SiteURL.person(freya).path)
            let text = page.body.visibleText
            XCTAssertFalse(text.contains("Shadow the surveying team"), text)
            XCTAssertTrue(text.contains("Progress review 2 1 November 2026 to 30 November 2026 Met"), text)
            XCTAssertTrue(text.contains("Last conversation: Progress review 2, Thursday 19 November 2026"), text)
            XCTAssertTrue(page.body.contains(SiteURL.conversation(conversation).path))
            XCTAssertTrue(text.contains("Book the spring data course"), text)

            // Nobody else sees this part of Freya's page: not a colleague, not Freya herself.
            for other in [Fixtures.colleague, Fixtures.employee, Fixtures.director] {
                let seen = try await Fixtures.signedIn(other, in: testApp).get(SiteURL.person(freya).path).body.visibleText
                XCTAssertFalse(seen.contains("and you, 2026–27"), other)
                XCTAssertFalse(seen.contains("Book the spring data course"), other)
            }
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

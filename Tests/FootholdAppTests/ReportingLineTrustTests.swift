import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// A change of reporting line, or someone leaving, opens nothing that was not theirs.
final class ReportingLineTrustTests: XCTestCase {
    /// Freya's held checkpoint conversation with Ines, then Ben as her manager, who she lets read it.
    func heldWithInesSharedWithBen(in testApp: TestApp) async throws -> UUID {
        let id = try await ConfidentialityMatrixTests.conversation(in: testApp, employeeShares: false, historyShared: false)
        let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
        let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
        let shared = try await freya.post(SiteURL.sharing.path, ["share": "yes", "manager": ben.lowerText])
        XCTAssertEqual(shared.status, .seeOther)
        let benBrowser = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
        let record = try await benBrowser.get(SiteURL.conversation(id).path)
        XCTAssertTrue(record.body.contains("MARK-SHARED-SUMMARY"), "Ben, to whom Freya gave it, reads the summary")
        return id
    }

    func testAnHRAdministratorWhoMakesThemselvesTheManagerByImportReadsNothing() async throws {
        try await withApp { testApp in
            let id = try await heldWithInesSharedWithBen(in: testApp)
            // Rosie, an HR administrator, imports a file in which Freya reports to her.
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let csv = Fixtures.organisationCSV.replacingOccurrences(
                of:
                    "freya.parker@ridgeway.example,Freya Parker,Housing Officer,Ridgeway/Housing/Tenancy Services,ben.khan@ridgeway.example",
                with:
                    "freya.parker@ridgeway.example,Freya Parker,Housing Officer,Ridgeway/Housing/Tenancy Services,rosie.murphy@ridgeway.example"
            )
            let imported = try await rosie.importPeople(csv)
            XCTAssertLessThan(imported.status.code, 400, imported.body.visibleText)
            let freyaNow = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.employee).first()!
            let rosieAsPerson = try await Fixtures.personID(Fixtures.hrAdmin, in: testApp)
            XCTAssertEqual(freyaNow.$manager.id, rosieAsPerson)

            let page = try await rosie.get(SiteURL.conversation(id).path)
            XCTAssertFalse(page.body.contains("MARK-"), "the consent was Ben's, not whoever manages Freya next")
            let record = try await rosie.get(SiteURL.record(id).path)
            XCTAssertFalse(record.body.contains("MARK-"))

            // Freya is told, on her home page, and can choose for Rosie.
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let home = try await freya.get(SiteURL.home.path).body.visibleText
            XCTAssertTrue(home.contains("You have a new line manager, Rosie Murphy"), home)
            let sharing = try await freya.get(SiteURL.sharing.path).body.visibleText
            XCTAssertTrue(sharing.contains("Let Rosie Murphy read the summaries"))
            // A choice sent for the manager she had before does not go to the one she has now.
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let stale = try await freya.post(SiteURL.sharing.path, ["share": "yes", "manager": ben.lowerText])
            XCTAssertEqual(stale.status, .conflict)
            let stillHidden = try await rosie.get(SiteURL.conversation(id).path)
            XCTAssertFalse(stillHidden.body.contains("MARK-"))

            let rosieID = try await Fixtures.personID(Fixtures.hrAdmin, in: testApp)
            _ = try await freya.post(SiteURL.sharing.path, ["manager": rosieID.lowerText])
            let afterChoosing = try await freya.get(SiteURL.home.path).body.visibleText
            XCTAssertFalse(afterChoosing.contains("You have a new line manager"), "once she has chosen, the notice goes")
            let stillNot = try await rosie.get(SiteURL.conversation(id).path)
            XCTAssertFalse(stillNot.body.contains("MARK-"), "she chose not to share")
            _ = try await freya.post(SiteURL.sharing.path, ["share": "yes", "manager": rosieID.lowerText])
            let allowed = try await rosie.get(SiteURL.conversation(id).path)
            XCTAssertTrue(allowed.body.contains("MARK-SHARED-SUMMARY"), "now Freya has allowed it for Rosie")

            // The change of reporting line and the sharing choices are in the audit log, without content.
            let log = try await rosie.get(SiteURL.adminAudit.with(query: [("person", Fixtures.employee)])).body.visibleText
            XCTAssertTrue(log.contains("Changed a reporting line: from Ben Khan to Rosie Murphy"), log)
            XCTAssertTrue(log.contains("Changed what their line manager can see: shared with Rosie Murphy"), log)
            let all = try await rosie.get(SiteURL.adminAudit.path).body.visibleText
            XCTAssertTrue(all.contains("Rosie Murphy Imported people: 0 added, 1 updated"), all)
        }
    }

    func testALeaverLosesEveryWayInAndMustBeInvitedIfTheyComeBack() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let link = try await Accounts(app: testApp.app).invite(email: Fixtures.colleague)
            let withoutLewis = Fixtures.organisationCSV.split(separator: "\n").filter { !$0.hasPrefix(Fixtures.colleague) }.joined(
                separator: "\n")
            _ = try await PeopleImporter.run(csv: withoutLewis, deactivateMissing: true, on: testApp.db, now: testApp.clock.now).get()
            let lewisID = try await Fixtures.personID(Fixtures.colleague, in: testApp)

            let credentials = try await CredentialModel.query(on: testApp.db).filter(\.$person.$id == lewisID).count()
            let sessions = try await SessionModel.query(on: testApp.db).filter(\.$person.$id == lewisID).count()
            let invitations = try await InvitationModel.query(on: testApp.db).filter(\.$person.$id == lewisID).count()
            XCTAssertEqual([credentials, sessions, invitations], [0, 0, 0], "password, sessions and links are gone")
            let home = try await lewis.get(SiteURL.home.path)
            XCTAssertEqual(home.status, .seeOther)
            let linkPage = try await testApp.browser().get(String(link.dropFirst(testApp.app.footholdConfiguration.baseURL.count)))
            XCTAssertEqual(linkPage.status, .notFound)

            // Lewis comes back in a later import: his old password does not open Foothold.
            _ = try await PeopleImporter.run(
                csv: Fixtures.organisationCSV, deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            let again = try await testApp.browser().signIn(Fixtures.colleague, password: Fixtures.password)
            XCTAssertEqual(again.status, .unauthorized, "he needs a new invitation")
            let newLink = try await Accounts(app: testApp.app).invite(email: Fixtures.colleague)
            let form = try await testApp.browser().get(String(newLink.dropFirst(testApp.app.footholdConfiguration.baseURL.count)))
            XCTAssertEqual(form.status, .ok)
        }
    }

    func testALeaversEmailGivenToSomeoneElseIsRefusedNamingTheLine() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let withoutLewis = Fixtures.organisationCSV.split(separator: "\n").filter { !$0.hasPrefix(Fixtures.colleague) }.joined(
                separator: "\n")
            _ = try await PeopleImporter.run(csv: withoutLewis, deactivateMissing: true, on: testApp.db, now: testApp.clock.now).get()
            let reused = Fixtures.organisationCSV.replacingOccurrences(
                of: "lewis.iqbal@ridgeway.example,Lewis Iqbal,", with: "lewis.iqbal@ridgeway.example,Lena Iqbal,")
            let result = try await PeopleImporter.run(csv: reused, deactivateMissing: false, on: testApp.db, now: testApp.clock.now)
            guard case .failure(let failure) = result else { return XCTFail("a leaver's email was given to someone else") }
            XCTAssertEqual(failure.problems.map(\.line), [8])
            XCTAssertTrue(
                failure.problems[0].description.contains("belonged to Lewis Iqbal, who has left"), failure.problems[0].description)
            let lewis = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.colleague).first()!
            XCTAssertEqual(lewis.name, "Lewis Iqbal")
            XCTAssertFalse(lewis.isActive, "nothing was written")
        }
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// Letting people in from the web (issue "Day one…", decision 0022): HR invites, resends and sends
/// resets; anyone asks for a reset from the sign-in page; every link is made when it is sent,
/// works once and for a while, and reaches its person by e-mail through the outbox.
final class LettingPeopleInTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-links-\(UUID().uuidString)")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    /// The messages in the mail folder, oldest first by name, as text (quoted-printable undone).
    func mail() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".eml") }.sorted() ?? []
        return try names.map { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
        }
    }

    func link(in message: String) throws -> String {
        let match = try XCTUnwrap(message.firstMatch(of: /https?:\/\/[^\s"<]*\/set-password\/[A-Za-z0-9_\-]+/), "no link in \(message)")
        return String(String(match.output).trimmingPrefix(/https?:\/\/[^\/]+/))
    }

    /// Two people join by import and have no password yet.
    func newcomers(in testApp: TestApp) async throws {
        try await Fixtures.organisation(in: testApp)
        let csv =
            Fixtures.organisationCSV + """
                nia.osei@ridgeway.example,Nia Osei,Housing Officer,Ridgeway/Housing/Tenancy Services,ben.khan@ridgeway.example,no,no
                tom.reed@ridgeway.example,Tom Reed,Surveyor,Ridgeway/Housing/Tenancy Services,ben.khan@ridgeway.example,no,no

                """
        let result = try await PeopleImporter.run(csv: csv, deactivateMissing: false, on: testApp.db, now: testApp.clock.now)
        guard case .success = result else { return XCTFail("\(result)") }
    }

    func testHRInvitesEveryoneWhoHasNotSignedInAndEachLinkWorksOnce() async throws {
        try await withApp { testApp in
            testApp.app.footholdConfiguration.mail.transport = .folder(path: folder.path)
            try await newcomers(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let list = try await rosie.get(SiteURL.adminPeople.path)
            XCTAssertTrue(list.body.visibleText.contains("Nia Osei nia.osei@ridgeway.example Housing Officer"), list.body.visibleText)
            XCTAssertTrue(list.body.visibleText.contains("Not signed in yet"))
            let overview = try await rosie.get(SiteURL.admin.path).body.visibleText
            XCTAssertTrue(overview.contains("2 have not set a password yet. Invite the people who have not signed in yet"), overview)

            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let refused = try await freya.post(SiteURL.adminPeopleLinks.path, ["send": "invitation", "everyone": "not_signed_in"])
            XCTAssertEqual(refused.status, .forbidden, "only HR administrators invite")

            let sent = try await rosie.submit(
                list, form: SiteURL.adminPeopleLinks.path, pressing: "Invite everyone who has not signed in yet")
            XCTAssertEqual(sent.status, .seeOther)
            let after = try await rosie.get(try XCTUnwrap(sent.location)).body.visibleText
            XCTAssertTrue(after.contains("Invitations are on their way to 2 people."), after)
            // Recorded in the outbox, and no link is kept there: it is made when the e-mail is sent.
            let stored = try await testApp.db.sql.raw("SELECT text, link FROM reminders WHERE kind = 'invitation'").all()
            XCTAssertEqual(stored.count, 2)
            XCTAssertTrue(try stored.allSatisfy { !(try $0.decode(column: "link", as: String.self)).contains("set-password") })
            XCTAssertTrue(try mail().isEmpty, "nothing is sent until the outbox is delivered")

            _ = try await ReminderPass(app: testApp.app).deliverWaiting(now: testApp.clock.now)
            let messages = try mail()
            XCTAssertEqual(messages.count, 2)
            let nias = try XCTUnwrap(messages.first { $0.contains("To: \"Nia Osei\" <nia.osei@ridgeway.example>") })
            XCTAssertTrue(nias.contains("Subject: You are invited to Foothold"))
            XCTAssertFalse(nias.contains("List-Unsubscribe"), "an invitation is not a reminder to switch off")
            let path = try link(in: nias)

            let nia = testApp.browser()
            let form = try await nia.get(path)
            XCTAssertTrue(form.body.visibleText.contains("Set your password"))
            let set = try await nia.post(path, ["password": "a long walk by the river", "confirmation": "a long walk by the river"])
            XCTAssertEqual(set.status, .seeOther)
            let home = try await nia.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(home.contains("An invitation to Foothold was sent to you by e-mail"), home)
            let again = try await testApp.browser().get(path)
            XCTAssertEqual(again.status, .notFound, "a link works once")

            let later = try await rosie.get(SiteURL.adminPeople.with(query: [("q", "nia")])).body.visibleText
            XCTAssertTrue(
                later.contains("Nia Osei nia.osei@ridgeway.example Housing Officer Ridgeway/Housing/Tenancy Services Can sign in"), later)
            let audit = try await AuditLogModel.query(on: testApp.db).filter(\.$event == AuditEvent.invitationSent.rawValue).count()
            XCTAssertEqual(audit, 2)
        }
    }

    func testHRResendsAndSendsAResetToOnePerson() async throws {
        try await withApp { testApp in
            testApp.app.footholdConfiguration.mail.transport = .folder(path: folder.path)
            try await newcomers(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let list = try await rosie.get(SiteURL.adminPeople.with(query: [("q", "freya")]))
            let reset = try await rosie.submit(
                list, form: SiteURL.adminPeopleLinks.path, pressing: "Send a link to choose a new password",
                ["people[]": [freyaID.uuidString]])
            XCTAssertEqual(reset.status, .seeOther)
            let told = try await rosie.get(try XCTUnwrap(reset.location)).body.visibleText
            XCTAssertTrue(told.contains("A link to choose a new password is on its way to 1 person."), told)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await ReminderPass(app: testApp.app).deliverWaiting(now: testApp.clock.now)
            let message = try XCTUnwrap(try mail().first)
            XCTAssertTrue(message.contains("Subject: Choose a new password for Foothold"))
            XCTAssertTrue(message.contains("works once, for 30 minutes"))
            let path = try link(in: message)
            let used = try await testApp.browser().post(
                path, ["password": "the kettle is on again", "confirmation": "the kettle is on again"])
            XCTAssertEqual(used.status, .seeOther)
            let signedOut = try await freya.get(SiteURL.home.path)
            XCTAssertEqual(signedOut.status, .seeOther, "every other session ends when a reset is used")
        }
    }

    func testAnyoneCanAskForAResetAndTheAnswerGivesNothingAway() async throws {
        try await withApp { testApp in
            testApp.app.footholdConfiguration.mail.transport = .folder(path: folder.path)
            try await Fixtures.organisation(in: testApp)
            let browser = testApp.browser()
            let signIn = try await browser.get(SiteURL.signIn.path)
            XCTAssertTrue(signIn.body.contains("href=\"\(SiteURL.forgotPassword.path)\""), "the sign-in page offers it")
            let known = try await browser.post(SiteURL.forgotPassword.path, ["email": Fixtures.employee])
            let unknown = try await browser.post(SiteURL.forgotPassword.path, ["email": "nobody@ridgeway.example"])
            XCTAssertEqual(known.status, .ok)
            XCTAssertEqual(unknown.status, .ok)
            XCTAssertEqual(
                known.body.visibleText.replacingOccurrences(of: Fixtures.employee, with: "X"),
                unknown.body.visibleText.replacingOccurrences(of: "nobody@ridgeway.example", with: "X"),
                "the same answer whether or not the address is anyone's")
            let bad = try await browser.post(SiteURL.forgotPassword.path, ["email": "not an address"])
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(bad.body.visibleText.contains("The email address"), bad.body.visibleText)

            _ = try await ReminderPass(app: testApp.app).deliverWaiting(now: testApp.clock.now)
            XCTAssertEqual(try mail().count, 1, "only the known address gets a link")
            let path = try link(in: try mail()[0])

            // The link lasts 30 minutes.
            testApp.clock.advance(by: 31 * 60)
            let expired = try await testApp.browser().get(path)
            XCTAssertEqual(expired.status, .notFound)

            // Throttled per account and per address, alike for known and unknown addresses.
            for email in [Fixtures.manager, "someone.else@ridgeway.example"] {
                var statuses: [HTTPResponseStatus] = []
                for _ in 0..<5 { statuses.append(try await browser.post(SiteURL.forgotPassword.path, ["email": email]).status) }
                XCTAssertEqual(statuses.filter { $0 == .tooManyRequests }.count, 2, "\(email): \(statuses)")
            }
            _ = try await ReminderPass(app: testApp.app).deliverWaiting(now: testApp.clock.now)
            XCTAssertEqual(try mail().filter { $0.contains("ben.khan@") }.count, 3, "three links for Ben, then waits")
        }
    }

    func testWithoutMailHRIsShownOnePersonsLinkAndToldWhyNotMore() async throws {
        try await withApp { testApp in
            testApp.app.footholdConfiguration.mail.transport = .none
            try await newcomers(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let nia = try await Fixtures.personID("nia.osei@ridgeway.example", in: testApp)
            let tom = try await Fixtures.personID("tom.reed@ridgeway.example", in: testApp)
            let one = try await rosie.post(SiteURL.adminPeopleLinks.path, ["send": "invitation", "people[]": nia.uuidString])
            XCTAssertEqual(one.status, .ok)
            let path = try link(in: one.body)
            let shown = try await testApp.browser().get(path).status
            XCTAssertEqual(shown, .ok, "the link shown works")
            let many = try await rosie.send(
                .POST, SiteURL.adminPeopleLinks.path,
                body:
                    "csrf_token=\(try await rosie.formToken())&send=invitation&people%5B%5D=\(nia.uuidString)&people%5B%5D=\(tom.uuidString)",
                contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(many.status, .conflict)
            XCTAssertTrue(many.body.visibleText.contains("No e-mail is set up"), many.body.visibleText)
        }
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// A small organisation in which each role has its own person.
enum Fixtures {
    static let password = "correct horse battery"
    /// Wednesday 16 December 2026, 09:00 in London: Progress review 2 (November) closed for
    /// reporting at the end of 14 December, so its theme figures are published (decision 0021).
    static let afterNovemberPublished = Date(timeIntervalSince1970: 1_797_411_600)

    static let chief = "sophie.hughes@ridgeway.example"  // Leadership Team, heads Ridgeway
    static let director = "kate.iqbal@ridgeway.example"  // heads Housing
    static let unitHead = "ines.kennedy@ridgeway.example"  // heads Tenancy Services
    static let manager = "ben.khan@ridgeway.example"  // line manager, heads nothing
    static let employee = "freya.parker@ridgeway.example"  // reports to Ben
    static let colleague = "lewis.iqbal@ridgeway.example"  // reports to Ben
    static let leadership = "omar.morgan@ridgeway.example"  // Leadership Team, no reports
    static let hrDirector = "ruth.jackson@ridgeway.example"  // heads People and Culture
    static let hrAdmin = "rosie.murphy@ridgeway.example"  // HR administrator

    static let organisationCSV = """
        email,name,job_title,unit,manager_email,leadership_team,hr_admin
        sophie.hughes@ridgeway.example,Sophie Hughes,Chief Executive,Ridgeway,,yes,no
        omar.morgan@ridgeway.example,Omar Morgan,Chief Operating Officer,Ridgeway,sophie.hughes@ridgeway.example,yes,no
        kate.iqbal@ridgeway.example,Kate Iqbal,Director of Housing,Ridgeway/Housing,sophie.hughes@ridgeway.example,no,no
        ines.kennedy@ridgeway.example,Ines Kennedy,Head of Tenancy Services,Ridgeway/Housing/Tenancy Services,kate.iqbal@ridgeway.example,no,no
        ben.khan@ridgeway.example,Ben Khan,Team Leader,Ridgeway/Housing/Tenancy Services,ines.kennedy@ridgeway.example,no,no
        freya.parker@ridgeway.example,Freya Parker,Housing Officer,Ridgeway/Housing/Tenancy Services,ben.khan@ridgeway.example,no,no
        lewis.iqbal@ridgeway.example,Lewis Iqbal,Building Surveyor,Ridgeway/Housing/Tenancy Services,ben.khan@ridgeway.example,no,no
        ruth.jackson@ridgeway.example,Ruth Jackson,Director of People and Culture,Ridgeway/People and Culture,sophie.hughes@ridgeway.example,no,yes
        rosie.murphy@ridgeway.example,Rosie Murphy,HR Business Partner,Ridgeway/People and Culture,ruth.jackson@ridgeway.example,no,yes

        """

    /// Imports the organisation and gives everyone `password`.
    static func organisation(in testApp: TestApp) async throws {
        let result = try await PeopleImporter.run(csv: organisationCSV, deactivateMissing: false, on: testApp.db, now: testApp.clock.now)
        guard case .success = result else { return XCTFail("the fixture organisation did not import: \(result)") }
        let accounts = Accounts(app: testApp.app)
        for person in try await PersonModel.query(on: testApp.db).all() {
            try await accounts.setPassword(email: person.email, password: password)
        }
    }

    static func signedIn(_ email: String, in testApp: TestApp) async throws -> Browser {
        let browser = testApp.browser()
        let page = try await browser.signIn(email, password: password)
        XCTAssertEqual(page.status, .seeOther, "signing in as \(email) failed: \(page.body.prefix(400))")
        return browser
    }

    static func personID(_ email: String, in testApp: TestApp) async throws -> UUID {
        try await PersonModel.query(on: testApp.db).filter(\.$email == email).first()!.requireID()
    }

    static func unitID(_ path: String, in testApp: TestApp) async throws -> UUID {
        try await UnitModel.query(on: testApp.db).filter(\.$path == path).first()!.requireID()
    }

    /// Ben invites Freya to Progress review 2 and she accepts: Ben's and Freya's browsers and the
    /// conversation.
    static func scheduledConversation(in testApp: TestApp) async throws -> (manager: Browser, employee: Browser, conversation: UUID) {
        try await organisation(in: testApp)
        let ben = try await signedIn(manager, in: testApp)
        let freyaBrowser = try await signedIn(employee, in: testApp)
        let freya = try await personID(employee, in: testApp)
        let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
        let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
        let sent = try await ben.post(
            SiteURL.conversations.path,
            [
                "with": freya.uuidString, "kind": "checkpoint", "checkpoint": review.id.uuidString, "minutes": "30",
                "date": "2026-11-24", "time": "14:00", "place": "Room 4",
            ])
        let id = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(sent.location).split(separator: "/")[1])))
        let accepted = try await freyaBrowser.post(
            SiteURL.accept(id).path, ["date": "2026-11-24", "time": "14:00", "minutes": "30", "place": "Room 4"])
        XCTAssertEqual(accepted.status, .seeOther)
        return (ben, freyaBrowser, id)
    }
}

extension String {
    /// The page's text with tags removed and spaces collapsed, for asserting what a person reads.
    var visibleText: String {
        var text = replacingOccurrences(of: "</?(a|span|strong|em|b|i)(\\s[^>]*)?>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
@testable import FootholdDemo
import Foundation
import XCTest
@testable import FootholdApp

final class AccountsTests: XCTestCase {
    func testAnInvitationLinkSetsAPasswordOnceAndSignsIn() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let link = try await Accounts(app: testApp.app).invite(email: "Freya.Parker@Ridgeway.example")
            XCTAssertTrue(link.hasPrefix("http://127.0.0.1:8080/set-password/"))
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))
            let browser = testApp.browser()

            let form = try await browser.get(path)
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.visibleText.contains("Set your password"))

            let mismatch = try await browser.post(path, ["password": "a new long password", "confirmation": "something else"])
            XCTAssertEqual(mismatch.status, .badRequest)
            XCTAssertTrue(mismatch.body.visibleText.contains("The two passwords are not the same"))

            let short = try await browser.post(path, ["password": "short", "confirmation": "short"])
            XCTAssertTrue(short.body.visibleText.contains("Use at least 12 characters"))

            let done = try await browser.post(path, ["password": "a new long password", "confirmation": "a new long password"])
            XCTAssertEqual(done.status, .seeOther)
            let home = try await browser.get("/")
            XCTAssertTrue(home.body.visibleText.contains("Welcome, Freya"))

            let again = try await testApp.browser().get(path)
            XCTAssertEqual(again.status, .notFound)
            XCTAssertTrue(again.body.visibleText.contains("This link no longer works"))
            let signIn = try await testApp.browser().signIn(Fixtures.employee, password: "a new long password")
            XCTAssertEqual(signIn.status, .seeOther)
        }
    }

    func testAnInvitationLinkExpiresAfterSevenDays() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { testApp in
            try await Fixtures.organisation(in: testApp)
            let link = try await Accounts(app: testApp.app).invite(email: Fixtures.employee)
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))

            clock.advance(by: AccountLink.invitationLifetime + 1)

            let page = try await testApp.browser().get(path)
            XCTAssertEqual(page.status, .notFound)
            let post = try await testApp.browser().post(path, ["password": "a new long password", "confirmation": "a new long password"])
            XCTAssertEqual(post.status, .notFound)
        }
    }

    func testCommandLineAccountsSayWhatIsWrong() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let accounts = Accounts(app: testApp.app)

            await XCTAssertThrowsErrorAsync(try await accounts.invite(email: "ghost@ridgeway.example")) { error in
                XCTAssertEqual(error as? Accounts.Problem, .noSuchPerson("ghost@ridgeway.example"))
            }
            await XCTAssertThrowsErrorAsync(try await accounts.setPassword(email: Fixtures.employee, password: "short")) { error in
                XCTAssertEqual(String(describing: error), "That password will not do: use at least 12 characters.")
            }
            await XCTAssertThrowsErrorAsync(try await accounts.invite(email: "not an email")) { error in
                XCTAssertTrue(String(describing: error).contains("contains a space"))
            }
        }
    }

    func testCreateAdminAddsOrPromotesAnAdministrator() async throws {
        try await withApp { testApp in
            let accounts = Accounts(app: testApp.app)

            let added = try await accounts.createAdministrator(email: "New.Admin@Ridgeway.example", name: nil)
            XCTAssertTrue(added.created)
            let person = try await PersonModel.query(on: testApp.db).filter(\.$email == "new.admin@ridgeway.example").first()
            XCTAssertEqual(person?.name, "New Admin")
            XCTAssertEqual(person?.isHRAdministrator, true)

            let again = try await accounts.createAdministrator(email: "new.admin@ridgeway.example", name: "Nia Admin")
            XCTAssertFalse(again.created)
            let count = try await PersonModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testCreateAdminBringsSomeoneWhoLeftBackIntoTheirUnitsHeadcount() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let without = Fixtures.organisationCSV.split(separator: "\n").filter { !$0.hasPrefix("lewis") }.joined(separator: "\n")
            _ = try await PeopleImporter.run(csv: without, deactivateMissing: true, on: testApp.db, now: testApp.clock.now).get()
            let tenancy = try await Fixtures.unitID("Ridgeway/Housing/Tenancy Services", in: testApp)
            let before = try await UnitModel.find(tenancy, on: testApp.db)!.peopleTotal
            XCTAssertEqual(before, 3)

            _ = try await Accounts(app: testApp.app).createAdministrator(email: Fixtures.colleague, name: nil)

            let after = try await UnitModel.find(tenancy, on: testApp.db)!.peopleTotal
            XCTAssertEqual(after, 4)
        }
    }

    func testTheDemoFillsAnEmptyDatabaseOnce() async throws {
        try await withApp { testApp in
            let result = try await DemoLoader.load(people: 120, seed: 7, on: testApp.app)

            XCTAssertEqual(result.people, 120)
            let people = try await PersonModel.query(on: testApp.db).count()
            XCTAssertEqual(people, 120)
            XCTAssertEqual(result.accounts.count, 5)
            XCTAssertEqual(Set(result.accounts.map(\.email)).count, 5, "one different person for each role")
            let manager = try XCTUnwrap(result.accounts.first { $0.role == "Line manager" })
            let browser = testApp.browser()
            let signIn = try await browser.signIn(manager.email)
            XCTAssertEqual(signIn.status, .seeOther)
            let home = try await browser.get("/")
            XCTAssertTrue(home.body.visibleText.contains("Your team"))

            await XCTAssertThrowsErrorAsync(try await DemoLoader.load(people: 10, seed: 1, on: testApp.app)) { error in
                XCTAssertTrue(String(describing: error).contains("already has people"))
            }
        }
    }
}

func XCTAssertThrowsErrorAsync<T>(
    _ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line,
    _ handler: (any Error) -> Void = { _ in }
) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        handler(error)
    }
}

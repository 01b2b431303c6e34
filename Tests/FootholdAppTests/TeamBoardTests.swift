import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

final class TeamBoardTests: XCTestCase {
    /// People joined long before this career year, so every checkpoint is expected of them.
    func backdate(_ testApp: TestApp) async throws {
        try await PersonModel.query(on: testApp.db).set(\.$createdAt, to: Date(timeIntervalSince1970: 1_700_000_000)).update()
    }

    func testTheBoardShowsEachCheckpointAndInvitesInOneClick() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            try await backdate(testApp)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)

            let before = try await manager.get(SiteURL.team.path).body.visibleText
            // 19 November 2026: May and the summer have closed, November is open, February has not opened.
            XCTAssertTrue(
                before.contains("Freya Parker Overdue Overdue Due Not yet open None arranged Invite to Progress review 2"), before)
            XCTAssertTrue(before.contains("Lewis Iqbal Overdue Overdue Due Not yet open"))

            let invited = try await manager.post(SiteURL.teamInvite.path, ["employee": freya.uuidString])
            XCTAssertEqual(invited.status, .seeOther)
            let after = try await manager.get(try XCTUnwrap(invited.location)).body.visibleText
            XCTAssertTrue(after.contains("Freya Parker has been invited"))
            XCTAssertTrue(after.contains("Freya Parker Overdue Overdue Due Not yet open None arranged Invitation sent"), after)

            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let home = try await employee.get("/").body.visibleText
            XCTAssertTrue(home.contains("Waiting for your answer Ben Khan: Progress review 2"), home)
        }
    }

    func testDeclinedCountsAsOfferedAndComesBackOnTheChosenDate() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { testApp in
            try await Fixtures.organisation(in: testApp)
            try await backdate(testApp)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            _ = try await manager.post(SiteURL.teamInvite.path, ["employee": freya.uuidString])
            let id = try await ConversationModel.query(on: testApp.db).first()!.id!
            _ = try await employee.post(SiteURL.decline(id).path, ["reason": "", "return_on": "2026-11-26"])

            let board = try await manager.get(SiteURL.team.path).body.visibleText
            XCTAssertTrue(
                board.contains("Freya Parker Overdue Overdue Declined Not yet open None arranged Ask again from 26 November 2026"))

            clock.advance(by: 8 * 24 * 3600)  // 27 November; sessions last a day at most, so sign in again
            let laterManager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let later = try await laterManager.get(SiteURL.team.path).body.visibleText
            XCTAssertTrue(
                later.contains("Freya Parker Overdue Overdue Declined Not yet open None arranged Invite to Progress review 2"), later)
        }
    }

    func testTheBoardRunsTheSameNumberOfQueriesForAnyTeamSize() async throws {
        func queries(forTeamOf size: Int) async throws -> Int {
            var count = 0
            try await withApp { testApp in
                var rows = [
                    "email,name,job_title,unit,manager_email,leadership_team,hr_admin",
                    "boss@ridgeway.example,Alex Boss,Team Leader,Ridgeway,,no,no",
                ]
                for index in 0..<size {
                    rows.append("p\(index)@ridgeway.example,Person \(index),Officer,Ridgeway,boss@ridgeway.example,no,no")
                }
                _ = try await PeopleImporter.run(
                    csv: rows.joined(separator: "\n"), deactivateMissing: false, on: testApp.db, now: testApp.clock.now
                ).get()
                let people = try await PersonModel.query(on: testApp.db).all()
                for person in people.prefix(size / 2) where person.email != "boss@ridgeway.example" {
                    let c = ConversationModel()
                    c.kind = .checkIn; c.state = .scheduled; c.requestedBy = .guide
                    c.$employee.id = person.id!; c.$guide.id = people.first { $0.email == "boss@ridgeway.example" }!.id!
                    c.withLineManager = true; c.purpose = ""; c.minutes = 15; c.place = ""; c.expectations = ""; c.summary = ""
                    c.employeePreparationShared = false; c.guidePreparationShared = false
                    c.startsAt = testApp.clock.now.addingTimeInterval(86_400); c.createdAt = testApp.clock.now;
                    c.updatedAt = testApp.clock.now
                    try await c.create(on: testApp.db)
                }
                let boss = try await Fixtures.personID("boss@ridgeway.example", in: testApp)
                _ = try await CareerYears.current(
                    today: CalendarDate(testApp.clock.now, in: .gmt), on: testApp.reads, now: testApp.clock.now)
                let counter = QueryCounter()
                let counted = testApp.app.database(countingWith: counter)
                _ = try await TeamBoard.Model.load(
                    manager: boss, display: DisplayDate(timeZone: .gmt, now: testApp.clock.now),
                    on: .driver(counted, caches: testApp.app.data.caches),
                    now: testApp.clock.now)
                count = counter.count
                XCTAssertGreaterThan(count, 0, "the counter sees the statements")
            }
            return count
        }
        let small = try await queries(forTeamOf: 4)
        let large = try await queries(forTeamOf: 40)
        XCTAssertEqual(small, large, "a team of 40 takes no more queries than a team of 4")
        XCTAssertLessThanOrEqual(large, 4)
    }

    func testAnEmployeeChoosesWhetherTheirManagerSeesEarlierSummaries() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            let page = try await employee.get(SiteURL.sharing.path)
            XCTAssertTrue(page.body.visibleText.contains("Let Ben Khan read the summaries"))
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            _ = try await employee.post(SiteURL.sharing.path, ["share": "yes", "manager": ben.lowerText])
            let on = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.employee).first()!.historySharedWithID
            XCTAssertEqual(on, ben, "shared with Ben, by name")
            _ = try await employee.post(SiteURL.sharing.path, ["manager": ben.lowerText])
            let off = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.employee).first()!.historySharedWithID
            XCTAssertNil(off)
        }
    }

    func testOnlyAManagerCanInviteTheirOwnReports() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let colleague = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)

            let page = try await colleague.post(SiteURL.teamInvite.path, ["employee": freya.uuidString])

            XCTAssertEqual(page.status, .forbidden)
            let count = try await ConversationModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 0)
        }
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
@testable import FootholdDemo
import Foundation
import XCTest

@testable import FootholdApp

/// The demo has a summer series of Leadership Team slots with some booked, forty opportunities
/// across its units, a handful of stories and resources for each top-level unit, and its employee
/// sees opportunities matched to what they said.
final class DemoOpportunitiesTests: XCTestCase {
    func testTheDemoHasSlotsOpportunitiesStoriesAndResources() async throws {
        try await withApp { testApp in
            let result = try await DemoLoader.load(people: 90, seed: 5, years: 1, on: testApp.app)
            let slots = try await LeadershipSlotModel.query(on: testApp.db).all()
            let members = try await PersonModel.query(on: testApp.db).filter(\.$isLeadershipTeam == true).count()
            XCTAssertEqual(slots.count, members * 52, "a year of weekly slots from every member")
            XCTAssertTrue(slots.contains { $0.theme == DemoOpportunities.summerTheme })
            let bookings = try await SlotBookingModel.query(on: testApp.db).all()
            XCTAssertFalse(bookings.isEmpty)
            for booking in bookings {
                let conversation = try await ConversationModel.find(booking.$conversation.id, on: testApp.db)
                XCTAssertEqual(conversation?.kind, .leadership)
                XCTAssertEqual(conversation?.state, .scheduled)
                XCTAssertEqual(conversation?.startsAt, slots.first { $0.id == booking.$slot.id }?.startsAt)
            }
            let opportunities = try await OpportunityModel.query(on: testApp.db).all()
            XCTAssertEqual(opportunities.count, 40)
            XCTAssertGreaterThan(Set(opportunities.compactMap { $0.$unit.id }).count, 5, "across the units")
            // No two can be mistaken for one another: each title is its own.
            let titles = Dictionary(grouping: opportunities, by: \.title).filter { $0.value.count > 1 }.keys.sorted()
            XCTAssertEqual(titles, [], "listed more than once under one title")
            let stories = try await SuccessStoryModel.query(on: testApp.db).all()
            XCTAssertEqual(stories.filter { $0.consentedAt != nil }.count, 5)
            let topUnits = try await UnitModel.query(on: testApp.db).filter(\.$path !~ "/").count()
            let units = try await UnitModel.query(on: testApp.db).all()
            let topLevel = units.filter { $0.path.split(separator: "/").count == 2 }
            let resources = try await ResourceModel.query(on: testApp.db).all()
            XCTAssertEqual(Set(resources.compactMap { $0.$unit.id }), Set(topLevel.map { $0.id! }), "each top-level unit")
            XCTAssertEqual(topUnits, 1)

            // The employee the demo names sees slots to book and opportunities to browse.
            let employee = try XCTUnwrap(result.accounts.first { $0.role == "Employee" })
            let browser = testApp.browser()
            _ = try await browser.signIn(employee.email, password: DemoLoader.password)
            let slotsPage = try await browser.get(SiteURL.slots.path)
            XCTAssertEqual(slotsPage.status, .ok)
            XCTAssertTrue(slotsPage.body.contains("Book this slot"))
            let list = try await browser.get(SiteURL.opportunities.path)
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.body.visibleText.contains("Everything open"))
        }
    }
}

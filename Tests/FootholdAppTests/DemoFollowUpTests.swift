import Fluent
import FootholdCore
@testable import FootholdData
@testable import FootholdDemo
import Foundation
import XCTest

@testable import FootholdApp

/// The demo shows what happens after a conversation: actions in every state, with notes, some
/// confirmed and some waiting; plans that change through the year; journals and reflections; and
/// the employee it names has all of it on their own pages.
final class DemoFollowUpTests: XCTestCase {
    func testTheDemoHasFollowUpInEveryState() async throws {
        try await withApp { testApp in
            let result = try await DemoLoader.load(people: 90, seed: 5, years: 2, on: testApp.app)
            let actions = try await AgreedActionModel.query(on: testApp.db).all()
            XCTAssertEqual(Set(actions.map(\.status)), Set(ActionStatus.allCases), "every state")
            XCTAssertTrue(actions.filter { $0.status == .dropped }.allSatisfy { !($0.dropReason ?? "").isEmpty }, "dropped with a reason")
            XCTAssertTrue(actions.contains { $0.owner != .employee && $0.confirmedAt != nil }, "some confirmed")
            XCTAssertTrue(actions.contains { $0.owner != .employee && $0.confirmedAt == nil && $0.status.isLive }, "some waiting")
            XCTAssertTrue(actions.contains { !$0.successMeasure.isEmpty } && actions.contains { $0.goalID != nil })
            let notes = try await ActionNoteModel.query(on: testApp.db).count()
            XCTAssertGreaterThan(notes, 0)

            // Each plan's snapshots really change: the start of the year differs from now.
            let plans = try await CareerPlanModel.query(on: testApp.db).all()
            XCTAssertFalse(plans.isEmpty)
            for plan in plans {
                let snapshots = try await PlanSnapshotModel.query(on: testApp.db).filter(\.$person.$id == plan.$person.id).sort(\.$takenAt)
                    .all()
                let start = try XCTUnwrap(snapshots.first)
                XCTAssertTrue(start.label.hasPrefix("Start of "))
                XCTAssertFalse(PlanChanges(from: CareerPlan(document: start.content), to: CareerPlan(document: plan.content)).isEmpty)
                for snapshot in snapshots.dropFirst() { XCTAssertTrue(snapshot.label.hasSuffix("conversation held"), snapshot.label) }
            }
            // Goals that actions link to are goals of their employee's plan.
            let goalsByPerson = Dictionary(
                plans.map { ($0.$person.id, Set(CareerPlan(document: $0.content).goals.map(\.id))) }, uniquingKeysWith: { $0.union($1) })
            for action in actions {
                guard let goal = action.goalID else { continue }
                XCTAssertTrue(goalsByPerson[action.$employee.id]?.contains(goal) == true)
            }

            // The employee the demo names sees it on their own pages.
            let employee = try XCTUnwrap(result.accounts.first { $0.role == "Employee" })
            let browser = testApp.browser()
            _ = try await browser.signIn(employee.email)
            let plan = try await browser.get(SiteURL.plan.path).body.visibleText
            XCTAssertTrue(plan.contains("Earlier versions"))
            XCTAssertTrue(plan.contains("conversation held"))
            let changes = try await browser.get(SiteURL.planChanges.path).body
            XCTAssertTrue(changes.contains("<ins>") || changes.contains("<del>"), "the year's change view shows changes")
            let journal = try await browser.get(SiteURL.journal.path).body.visibleText
            XCTAssertFalse(journal.contains("No entries yet."))
            let reflections = try await ReflectionModel.query(on: testApp.db).count()
            XCTAssertGreaterThan(reflections, 0)
        }
    }
}

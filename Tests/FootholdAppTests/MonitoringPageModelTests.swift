import FootholdCore
@testable import FootholdData
import Foundation
import XCTest

@testable import FootholdApp

/// The coverage dashboard's model as plain values: counts made by hand, added up the tree, and
/// what each viewer's page holds. No database and no HTML.
final class MonitoringPageModelTests: XCTestCase {
    let year = CareerYear.standard(startingIn: 2026)
    /// A day inside the second checkpoint's window.
    var today: CalendarDate { year.checkpoints.sorted { $0.opens < $1.opens }[1].opens.adding(days: 1) }
    let (ridgeway, housing, allocations, policy) = (UUID(), UUID(), UUID(), UUID())
    let (nadia, ben, omar) = (UUID(), UUID(), UUID())

    /// Ridgeway ─ Housing ─ Allocations, and Policy beside Housing. Nadia's team sits in Housing,
    /// Ben's in Allocations, Omar's in Policy.
    func snapshot() -> MonitoringSnapshot {
        let open = year.checkpoints.firstIndex { $0.contains(today) }!
        let checkpoint = year.checkpoints.sorted { $0.opens < $1.opens }
        let position = checkpoint.firstIndex { $0.id == year.checkpoints[open].id }!
        func team(_ unit: UUID, _ manager: UUID) -> MonitoringCountsStore.TeamKey { .init(unitID: unit, managerID: manager) }
        let counts = MonitoringCountsStore.Counts(
            units: [
                .init(id: ridgeway, name: "Ridgeway", path: "Ridgeway", parentID: nil, headID: nil),
                .init(id: housing, name: "Housing", path: "Ridgeway/Housing", parentID: ridgeway, headID: nadia),
                .init(id: allocations, name: "Allocations", path: "Ridgeway/Housing/Allocations", parentID: housing, headID: ben),
                .init(id: policy, name: "Policy", path: "Ridgeway/Policy", parentID: ridgeway, headID: omar),
            ],
            teams: [
                .init(key: team(housing, nadia), staff: 4, joinedAfter: Array(repeating: 0, count: checkpoint.count)),
                .init(key: team(allocations, ben), staff: 6, joinedAfter: Array(repeating: 0, count: checkpoint.count)),
                .init(key: team(policy, omar), staff: 5, joinedAfter: Array(repeating: 0, count: checkpoint.count)),
            ],
            standings: [
                .init(
                    key: team(housing, nadia), checkpointID: checkpoint[position].id, met: 3, metJoinedAfter: 0, declined: 1, scheduled: 0),
                .init(
                    key: team(allocations, ben), checkpointID: checkpoint[position].id, met: 2, metJoinedAfter: 0, declined: 0, scheduled: 3
                ),
                .init(key: team(policy, omar), checkpointID: checkpoint[position].id, met: 5, metJoinedAfter: 0, declined: 0, scheduled: 0),
            ],
            recent: [team(housing, nadia): 4, team(allocations, ben): 1], heldByKind: [:],
            managerNames: [nadia: "Nadia Rahman", ben: "Ben Okafor", omar: "Omar Haddad"])
        return MonitoringSnapshot(years: [year], counts: counts, themeInputs: .init(), builtAt: Date(timeIntervalSince1970: 0))
    }

    func testADirectorLandsOnTheirUnitWithEverythingBelowItAddedUp() throws {
        let snapshot = snapshot()
        let scope = MonitoringScope.units([housing])
        let place = try MonitoringPage.place(snapshot, scope: scope, unit: nil)
        XCTAssertEqual(place, .unit(snapshot.unitIndex[housing]!))
        let checkpoint = try XCTUnwrap(MonitoringPage.checkpointIndex(snapshot, asked: nil, today: today))
        XCTAssertTrue(snapshot.checkpoints[checkpoint].contains(today), "the dashboard opens on the checkpoint open today")

        let model = MonitoringPage.model(
            snapshot, place: place, scope: scope, viewerUnits: [housing], checkpoint: checkpoint, organisationName: "Ridgeway",
            today: today)
        XCTAssertEqual(model.scopeName, "Housing")
        XCTAssertEqual(model.summary.staff, 10, "Housing's own four and Allocations' six")
        XCTAssertEqual(model.summary.held, 5)
        XCTAssertEqual(model.summary.declined, 1)
        XCTAssertEqual(model.summary.scheduled, 3)
        XCTAssertEqual(model.summary.due, 1, "ten, less five held, one declined and three arranged")
        XCTAssertEqual(model.recent, RecentConversationShare(staff: 10, recent: 5))
        XCTAssertEqual(model.units.map(\.name), ["Allocations"], "the units below, each drilling down")
        XCTAssertEqual(model.units.first?.figures.held, 2)
        XCTAssertEqual(model.managers.map(\.name), ["Nadia Rahman"], "only the teams in Housing itself")
        XCTAssertTrue(model.crumbs.isEmpty, "nothing above Housing is theirs to see")
        XCTAssertTrue(model.otherUnits.isEmpty)
    }

    func testNobodySeesAUnitOutsideTheirScope() {
        let snapshot = snapshot()
        XCTAssertThrowsError(try MonitoringPage.place(snapshot, scope: .units([housing]), unit: policy)) { error in
            XCTAssertEqual(error as? MonitoringPage.Refusal, .unitOutOfScope)
        }
        XCTAssertThrowsError(try MonitoringPage.place(snapshot, scope: .nothing, unit: nil)) { error in
            XCTAssertEqual(error as? MonitoringPage.Refusal, .noScope)
        }
        XCTAssertEqual(
            try MonitoringPage.place(snapshot, scope: .units([housing]), unit: allocations), .unit(snapshot.unitIndex[allocations]!))
    }

    func testTheOrganisationIsEveryUnitOnceAndItsCrumbsLeadBack() throws {
        let snapshot = snapshot()
        let checkpoint = try XCTUnwrap(MonitoringPage.checkpointIndex(snapshot, asked: nil, today: today))
        let whole = MonitoringPage.model(
            snapshot, place: .organisation, scope: .organisation, viewerUnits: [], checkpoint: checkpoint, organisationName: "Ridgeway",
            today: today)
        XCTAssertEqual(whole.summary.staff, 15)
        XCTAssertEqual(whole.summary.held, 10)
        XCTAssertEqual(whole.units.map(\.name), ["Ridgeway"])

        let below = MonitoringPage.model(
            snapshot, place: .unit(snapshot.unitIndex[allocations]!), scope: .organisation, viewerUnits: [],
            checkpoint: checkpoint, organisationName: "Ridgeway", today: today)
        XCTAssertEqual(below.crumbs.map(\.label), ["Ridgeway", "Ridgeway", "Housing"], "the organisation, then each unit above")
        XCTAssertEqual(below.summary.staff, 6)
    }
}

import Foundation
import XCTest

@testable import FootholdCore

/// Counts kept for the finest groups add up the tree of units once, the same for every view.
final class UnitTreeTests: XCTestCase {
    /// 0 Ridgeway ─ 1 Housing ─ 3 Allocations
    ///            └ 2 Policy
    /// 4 Arm's-length body (a second top)
    let tree = UnitTree(parents: [nil, 0, 0, 1, nil])

    func testEachUnitHoldsItselfAndEverythingBelowIt() {
        let totals = tree.rolledUp([1, 10, 100, 1_000, 10_000], adding: +)
        XCTAssertEqual(totals, [1_111, 1_010, 100, 1_000, 10_000])
        XCTAssertEqual(tree.whole(totals, starting: 0, adding: +), 11_111, "the organisation is its tops added, nobody twice")
    }

    func testLineageAndWithin() {
        XCTAssertEqual(tree.lineage(of: 3), [0, 1, 3])
        XCTAssertEqual(tree.lineage(of: 4), [4])
        XCTAssertTrue(tree.unit(3, isWithin: 0))
        XCTAssertTrue(tree.unit(3, isWithin: 3))
        XCTAssertFalse(tree.unit(2, isWithin: 1))
        XCTAssertFalse(tree.unit(0, isWithin: 3), "a unit is not within one below it")
        XCTAssertEqual(tree.children[0], [1, 2])
        XCTAssertEqual(tree.tops, [0, 4])
    }

    func testALoopOfParentsNeitherHangsNorCountsTwice() {
        // The organisation's rules never make one; a damaged import must still not hang a page.
        let looped = UnitTree(parents: [nil, 2, 1, 7])
        XCTAssertEqual(looped.parents, [nil, 2, 1, nil], "a parent outside the list counts as none")
        XCTAssertEqual(looped.rolledUp([1, 2, 4, 8], adding: +), [1, 2, 4, 8], "units on a loop are reached from no top")
        XCTAssertFalse(looped.unit(1, isWithin: 0))
        XCTAssertLessThanOrEqual(looped.lineage(of: 1).count, 5)
    }

    func testGroupsAddUpEveryFigure() {
        let team = GroupCounts(
            tallies: [CoverageTally(staff: 4, met: 2, scheduled: 1), CoverageTally(staff: 4, declined: 1)],
            recent: RecentConversationShare(staff: 4, recent: 3), heldByKind: [.checkpoint: 2, .checkIn: 1])
        let other = GroupCounts(
            tallies: [CoverageTally(staff: 2, met: 1), CoverageTally(staff: 2, met: 2, joinedAfter: 0)],
            recent: RecentConversationShare(staff: 2, recent: 0), heldByKind: [.checkIn: 4])
        let sum = team + other
        XCTAssertEqual(sum.tallies, [CoverageTally(staff: 6, met: 3, scheduled: 1), CoverageTally(staff: 6, met: 2, declined: 1)])
        XCTAssertEqual(sum.recent, RecentConversationShare(staff: 6, recent: 3))
        XCTAssertEqual(sum.heldByKind, [.checkpoint: 2, .checkIn: 5])
        XCTAssertEqual(GroupCounts.none(checkpoints: 2) + team, team, "nobody counted adds nothing")
    }
}

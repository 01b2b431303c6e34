import FootholdCore
@testable import FootholdData
import Foundation
import XCTest

@testable import FootholdApp

/// The stores' caches live in the app's environment, not the process: each is bounded, and its
/// counts show a busy page's repeats answered from it.
final class StoreCachesTests: XCTestCase {
    func testABoundedCacheKeepsAtMostItsLimitAndCountsWhatItAnswered() {
        let cache = BoundedCache<Int, String>(limit: 3)
        var made = 0
        func ask(_ key: Int) -> String {
            cache.value(for: key) {
                made += 1
                return "value \(key)"
            }
        }
        XCTAssertEqual(ask(1), "value 1")
        XCTAssertEqual(ask(1), "value 1")
        XCTAssertEqual(ask(2), "value 2")
        XCTAssertEqual(made, 2, "a value is made once while kept")
        XCTAssertEqual(cache.counts, .init(hits: 1, misses: 2, kept: 2, emptied: 0))
        for key in 3...7 { _ = ask(key) }
        XCTAssertLessThanOrEqual(cache.counts.kept, 3, "never more than the limit")
        XCTAssertEqual(cache.counts.emptied, 2, "full at the fourth and the seventh value, so it started again twice")
        XCTAssertEqual(ask(7), "value 7", "the newest value survives starting again")
        XCTAssertEqual(cache.counts.hits, 2)
    }

    func testEveryAppHasItsOwnCaches() async throws {
        try await withApp { first in
            try await withApp { second in
                XCTAssertFalse(first.app.data.caches === second.app.data.caches, "no cache is shared between two apps")
            }
        }
    }

    /// The actions page checks each action once for what it says: a second view answers every
    /// SMART verdict from the cache, a change of status checks nothing again, and new words for
    /// one action check that one again.
    func testTheSMARTVerdictsOfAListAreCheckedOnceForEachWording() async throws {
        try await withApp { testApp in
            let cast = try await ActionsTests.held(in: testApp)
            let verdicts = testApp.app.data.caches.smartVerdicts
            _ = try await cast.freya.get(SiteURL.myActions.path)
            let first = verdicts.counts
            XCTAssertGreaterThanOrEqual(first.kept, 3, "the three actions were checked")
            let page = try await cast.freya.get(SiteURL.myActions.path).body
            XCTAssertTrue(page.contains("MARK-FREYA"))
            let second = verdicts.counts
            XCTAssertEqual(second.misses, first.misses, "nothing checked again")
            XCTAssertGreaterThanOrEqual(second.hits - first.hits, 3, "every verdict answered from the cache")

            let started = try await cast.freya.post(SiteURL.actionStatus(cast.forFreya).path, ["status": "in_progress"])
            XCTAssertEqual(started.status, .seeOther)
            _ = try await cast.freya.get(SiteURL.myActions.path)
            XCTAssertEqual(verdicts.counts.misses, second.misses, "its status is not what the check looks at")

            let reworded = try await cast.freya.post(
                SiteURL.actionPage(cast.forFreya).path,
                [
                    "description": "Book a place on the Level 3 data course MARK-FREYA", "owner": "employee", "due_on": "2027-01-15",
                    "success_measure": "A confirmed booking",
                ])
            XCTAssertEqual(reworded.status, .seeOther)
            let after = try await cast.freya.get(SiteURL.myActions.path).body
            XCTAssertTrue(after.contains("Level 3"))
            XCTAssertEqual(verdicts.counts.misses, second.misses + 1, "only the reworded action is checked again")
        }
    }

    /// A plan is decoded once for each version of its text, however often its pages are read.
    func testAPlanIsDecodedOnceForEachVersion() async throws {
        try await withApp { testApp in
            let (_, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            let saved = try await freya.post(
                SiteURL.planEdit.path, ["where_i_am": "Analyst in Housing", "in_three_years": "Leading a small team"])
            XCTAssertEqual(saved.status, .seeOther)
            let plans = testApp.app.data.caches.plans
            _ = try await freya.get(SiteURL.plan.path)
            let before = plans.counts
            for _ in 1...3 { _ = try await freya.get(SiteURL.plan.path) }
            XCTAssertEqual(plans.counts.misses, before.misses, "the same text is not decoded again")
            XCTAssertGreaterThanOrEqual(plans.counts.hits - before.hits, 3)
            XCTAssertGreaterThan(plans.counts.hitRate, 0.5)
        }
    }
}

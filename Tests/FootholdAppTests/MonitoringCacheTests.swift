@testable import FootholdData
import Foundation
import NIOConcurrencyHelpers
import XCTest
@testable import FootholdApp

/// The counts are kept, recounted in the background when old or changed, and never shown older
/// than the limit.
final class MonitoringCacheTests: XCTestCase {
    final class Counter: Sendable {
        let counts = NIOLockedValueBox(0)
        func next() -> Int {
            counts.withLockedValue {
                $0 += 1; return $0
            }
        }
        var value: Int { counts.withLockedValue { $0 } }
    }

    /// The app's clock as a test holds it: time moves only when the test moves it.
    final class Clock: Sendable {
        private let moment = NIOLockedValueBox(Date(timeIntervalSince1970: 1_796_000_000))
        func now() -> Date { moment.withLockedValue { $0 } }
        func advance(_ duration: Duration) {
            moment.withLockedValue { $0 += Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18 }
        }
        func setBack(_ duration: Duration) { moment.withLockedValue { $0 -= Double(duration.components.seconds) } }
    }

    /// A moment for a recount that should not start, to show that it did not.
    func settle() async throws { try await Task.sleep(for: .milliseconds(60)) }

    /// What the cache serves once it serves `expected`, asking every 10 ms for up to `limit`: a
    /// recount in the background finishes when a busy machine lets it, not within a fixed moment.
    func served(by cache: MonitoringCache<Int>, becoming expected: Int, within limit: Duration) async throws -> Int {
        let deadline = ContinuousClock.now + limit
        var value = try await cache.value()
        while value != expected && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
            value = try await cache.value()
        }
        return value
    }

    func testCountsAreKeptThenRecountedInTheBackgroundThenWaitedFor() async throws {
        let (counter, clock) = (Counter(), Clock())
        let cache = MonitoringCache<Int>(timing: .init(refresh: .seconds(60), atMost: .seconds(180)), now: clock.now) {
            counter.next()
        }
        let first = try await cache.value()
        XCTAssertEqual(first, 1, "nothing kept: the first page waits for a count")
        let kept = try await cache.value()
        XCTAssertEqual(kept, 1, "young counts are served as they are")
        XCTAssertEqual(counter.value, 1)

        clock.advance(.seconds(70))
        let stale = try await cache.value()
        XCTAssertEqual(stale, 1, "old counts are still served while a recount runs")
        let recounted = try await served(by: cache, becoming: 2, within: .seconds(5))
        XCTAssertEqual(recounted, 2, "the recount is served once it is done")
        XCTAssertEqual(counter.value, 2, "one recount, however often the page was asked for meanwhile")

        clock.advance(.seconds(190))
        let waited = try await cache.value()
        XCTAssertEqual(waited, 3, "counts past the limit are never shown: the page waits")
    }

    func testAChangeHereAsksForARecountSooner() async throws {
        let (counter, clock) = (Counter(), Clock())
        let cache = MonitoringCache<Int>(timing: .init(refresh: .seconds(60), atMost: .seconds(120)), now: clock.now) {
            counter.next()
        }
        _ = try await cache.value()
        cache.changed()
        let atOnce = try await cache.value()
        XCTAssertEqual(atOnce, 1, "not within a quarter of the refresh time, so many writers do not keep it counting")
        try await settle()
        XCTAssertEqual(counter.value, 1)
        clock.advance(.seconds(16))
        let after = try await served(by: cache, becoming: 2, within: .seconds(5))
        XCTAssertEqual(after, 2, "after a quarter, a change starts a recount")
        XCTAssertEqual(counter.value, 2)
        try await settle()
        XCTAssertEqual(counter.value, 2, "and then the counts are fresh again")
    }

    /// The machine's clock set back an hour: counts it now dates in the future are not trusted as
    /// young; the page waits for a fresh count.
    func testAClockSetBackDoesNotKeepOldCountsForever() async throws {
        let (counter, clock) = (Counter(), Clock())
        let cache = MonitoringCache<Int>(timing: .init(refresh: .seconds(60), atMost: .seconds(120)), now: clock.now) {
            counter.next()
        }
        _ = try await cache.value()
        clock.setBack(.seconds(3_600))
        let after = try await cache.value()
        XCTAssertEqual(after, 2, "counted again, not served as if counted an hour from now")
    }

    func testCountingForEveryPageNeverKeepsAnything() async throws {
        let counter = Counter()
        let cache = MonitoringCache<Int>(timing: .refreshing(every: 0), now: Clock().now) { counter.next() }
        for expected in 1...3 {
            let value = try await cache.value()
            XCTAssertEqual(value, expected)
        }
    }

    func testAFailedCountIsReportedAndTheNextPageTriesAgain() async throws {
        struct Broken: Error {}
        let counter = Counter()
        let cache = MonitoringCache<Int>(timing: .init(refresh: .seconds(10), atMost: .seconds(60)), now: Clock().now) {
            if counter.next() == 1 { throw Broken() }
            return 7
        }
        do {
            _ = try await cache.value()
            XCTFail("the first count failed")
        } catch is Broken {}
        let value = try await cache.value()
        XCTAssertEqual(value, 7)
    }
}

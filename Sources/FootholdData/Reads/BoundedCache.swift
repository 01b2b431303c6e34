import Foundation
import NIOConcurrencyHelpers

/// Values worked out once and kept, at most `limit` of them: when full it starts again empty, as
/// every value is cheap to work out again and only a busy page's repeats are worth keeping. Its
/// counts say how often it answered, for tests and for whoever tunes the limit.
package final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    package struct Counts: Equatable, Sendable {
        package var hits = 0
        package var misses = 0
        /// Values held now.
        package var kept = 0
        /// Times it was full and started again.
        package var emptied = 0

        package init(hits: Int = 0, misses: Int = 0, kept: Int = 0, emptied: Int = 0) {
            (self.hits, self.misses, self.kept, self.emptied) = (hits, misses, kept, emptied)
        }

        /// The share of asks answered from what was kept, 0 when none was asked.
        package var hitRate: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }
    }

    package let limit: Int
    private let state = NIOLockedValueBox<(values: [Key: Value], counts: Counts)>(([:], Counts()))

    package init(limit: Int) {
        precondition(limit > 0, "a cache keeps at least one value")
        self.limit = limit
    }

    /// The value kept for `key`, or `make`'s, kept for next time. `make` runs outside the lock.
    package func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        let known: Value? = state.withLockedValue { state in
            guard let value = state.values[key] else {
                state.counts.misses += 1
                return nil
            }
            state.counts.hits += 1
            return value
        }
        if let known { return known }
        let value = try make()
        state.withLockedValue { state in
            if state.values.count >= limit {
                state.values.removeAll(keepingCapacity: true)
                state.counts.emptied += 1
            }
            state.values[key] = value
            state.counts.kept = state.values.count
        }
        return value
    }

    package var counts: Counts { state.withLockedValue { $0.counts } }
}

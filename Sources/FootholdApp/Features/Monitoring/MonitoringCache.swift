import Foundation
import NIOConcurrencyHelpers

/// Keeps the latest monitoring counts for the dashboards (decision 0016). Counting the whole
/// organisation reads every conversation of two career years — a second or two at 50,000 people —
/// so it is done at most every `refresh` seconds and in the background, while pages are drawn from
/// the counts already made; counts older than `atMost` are never shown: the page waits for new ones.
/// A change made through this server (a conversation held, a report sent) asks for a recount
/// sooner: once the counts are a quarter of `refresh` old, not to count without pause while many
/// people write.
final class MonitoringCache<Value: Sendable>: Sendable {
    struct Timing: Sendable {
        /// How old counts may be before a recount starts in the background.
        var refresh: Duration
        /// How old counts may ever be when shown.
        var atMost: Duration

        /// The configured refresh, and a minute at most; nothing kept when refresh is 0.
        static func refreshing(every seconds: TimeInterval) -> Timing {
            seconds <= 0 ? Timing(refresh: .zero, atMost: .zero) : Timing(refresh: .seconds(seconds), atMost: .seconds(60))
        }
    }

    private struct State {
        var value: Value?
        var countedAt: Date?
        var lastChange: Date?
        var counting: Task<Value, any Error>?
    }

    private enum Next {
        case serve(Value)
        case wait(Task<Value, any Error>)
    }

    private let state = NIOLockedValueBox(State())
    private let timing: Timing
    private let count: @Sendable () async throws -> Value
    /// The app's clock (`AppClients.now`), so a test can move time on.
    private let now: @Sendable () -> Date
    private let onBackgroundFailure: @Sendable (any Error) -> Void

    init(
        timing: Timing, now: @escaping @Sendable () -> Date, onBackgroundFailure: @escaping @Sendable (any Error) -> Void = { _ in },
        count: @escaping @Sendable () async throws -> Value
    ) {
        self.timing = timing
        self.now = now
        self.count = count
        self.onBackgroundFailure = onBackgroundFailure
    }

    /// Counts recent enough to show, waiting for a count only when there are none young enough.
    func value() async throws -> Value {
        let now = self.now()
        let next: Next = state.withLockedValue { state in
            // Counts from what the clock now calls the future (it was set back) are as good as none.
            if let value = state.value, let countedAt = state.countedAt, countedAt <= now {
                let age = Duration.seconds(now.timeIntervalSince(countedAt))
                let changedSince = state.lastChange.map { $0 >= countedAt } ?? false
                if age < timing.refresh && (!changedSince || age < timing.refresh / 4) { return .serve(value) }
                if age < timing.atMost {
                    if state.counting == nil { state.counting = startCounting() }
                    return .serve(value)
                }
            }
            // Counting for every page: this page's own count, begun after anything it should see.
            if timing.atMost == .zero { return .wait(startCounting()) }
            let task = state.counting ?? startCounting()
            state.counting = task
            return .wait(task)
        }
        switch next {
        case .serve(let value): return value
        case .wait(let task): return try await task.value
        }
    }

    /// Something counted has changed here: the next page starts a recount.
    func changed() {
        let now = self.now()
        state.withLockedValue { $0.lastChange = now }
    }

    /// Starts a count that stores what it finds; called with the lock held.
    private func startCounting() -> Task<Value, any Error> {
        let startedAt = now()
        return Task { [self] in
            do {
                let value = try await count()
                state.withLockedValue { state in
                    // Counts are dated from when the count began: a change made while it ran may
                    // not be in them, so it still asks for the next.
                    if state.countedAt.map({ $0 <= startedAt }) ?? true {
                        state.value = value
                        state.countedAt = startedAt
                    }
                    state.counting = nil
                }
                return value
            } catch {
                state.withLockedValue { $0.counting = nil }
                onBackgroundFailure(error)
                throw error
            }
        }
    }
}

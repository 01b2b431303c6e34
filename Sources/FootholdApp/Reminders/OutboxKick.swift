import Foundation
import NIOConcurrencyHelpers
import Vapor

extension Application {
    private struct OutboxKickKey: StorageKey { typealias Value = OutboxKick }
    /// Delivers what is waiting in the outbox now, in the background (decision 0022); set by `serve`.
    /// Without it (tests, commands) what is recorded waits for the next pass.
    var outboxKick: OutboxKick? {
        get { storage[OutboxKickKey.self] }
        set { storage[OutboxKickKey.self] = newValue }
    }
}

/// One delivery run at a time on this server; a kick while one runs asks for one more after it.
final class OutboxKick: @unchecked Sendable {
    private let state = NIOLockedValueBox<(running: Bool, again: Bool)>((false, false))

    func callAsFunction(_ app: Application) {
        let start = state.withLockedValue { state -> Bool in
            if state.running {
                state.again = true
                return false
            }
            state.running = true
            return true
        }
        guard start else { return }
        Task { [weak app] in
            while let app {
                do {
                    try await ReminderPass(app: app).deliverWaiting(now: app.clients.now())
                } catch {
                    app.logger.warning("Could not deliver what is waiting; the next reminder pass will: \(error)")
                }
                let more = self.state.withLockedValue { state -> Bool in
                    if state.again {
                        state.again = false
                        return true
                    }
                    state.running = false
                    return false
                }
                if !more { return }
            }
        }
    }
}

extension Request {
    /// Asks the server to deliver what was just recorded in the outbox now (decision 0022).
    func deliverSoon() { application.outboxKick?(application) }
}

import Foundation
import NIOConcurrencyHelpers
import Vapor

/// One delivery run at a time on this server; a kick while one runs asks for one more after it.
/// Off until `serve` switches it on with its reminder schedule: in tests and commands, what is
/// recorded waits for the next pass.
final class OutboxKick: Sendable {
    private let state = NIOLockedValueBox<(on: Bool, running: Bool, again: Bool)>((false, false, false))

    func switchOn() { state.withLockedValue { $0.on = true } }

    func callAsFunction(_ app: Application) {
        let start = state.withLockedValue { state -> Bool in
            guard state.on else { return false }
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
    func deliverSoon() { application.foothold.outboxKick(application) }
}

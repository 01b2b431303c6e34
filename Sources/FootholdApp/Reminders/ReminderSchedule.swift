import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs a reminder pass every few minutes while `serve` runs: the first a second after start-up, each
/// after the last has finished. A pass that fails is logged and the next one tries again; stopping
/// the server stops the passes.
final class ReminderSchedule: LifecycleHandler, @unchecked Sendable {
    let interval: TimeInterval
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: TimeInterval) { self.interval = interval }

    func didBoot(_ application: Application) throws {
        let interval = interval
        task.withLockedValue { running in
            running = Task { [weak application] in
                try? await Task.sleep(nanoseconds: 1_000_000_000)
                while !Task.isCancelled, let app = application {
                    do {
                        let outcome = try await ReminderPass(app: app).run(now: app.clients.now())
                        if outcome != ReminderPass.Outcome() { app.logger.notice("Reminders: \(Self.summary(outcome))") }
                    } catch {
                        app.logger.error("A reminder pass failed; the next one will try again: \(error)")
                    }
                    try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                }
            }
        }
    }

    func shutdown(_ application: Application) {
        task.withLockedValue { $0?.cancel() }
    }

    static func summary(_ outcome: ReminderPass.Outcome) -> String {
        var parts = ["\(outcome.recorded) new reminder\(outcome.recorded == 1 ? "" : "s") recorded", "\(outcome.sent) sent"]
        if outcome.failed > 0 { parts.append("\(outcome.failed) could not be sent and will be tried again or given up") }
        if outcome.skipped > 0 { parts.append("\(outcome.skipped) not sent, as their recipients switched them off or left") }
        if outcome.deletedNotes + outcome.deletedPreparations > 0 {
            parts.append(
                "\(outcome.deletedNotes) private notes and \(outcome.deletedPreparations) preparations past the retention period deleted")
        }
        return parts.joined(separator: ", ") + "."
    }
}

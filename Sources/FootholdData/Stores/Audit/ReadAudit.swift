import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Logging

/// Records who read which conversation, written a moment later and many at a time (decision 0006).
///
/// Opening a conversation's page is a read, but its audit event is a write: one write transaction
/// per page view made every page view wait for the database's single writer and, on SQLite, emptied
/// every reader's page cache. Read events wait here for at most `delay` and go in one statement;
/// changes to a conversation are still audited in the same transaction as the change. The audit
/// page, shutdown and tests call `flush()`, so what they read is complete.
package final class ReadAudit: Sendable {
    package struct Event: Sendable {
        package var id = UUID()
        package var at: Date
        package var actorID: UUID
        package var conversationID: UUID
        /// The conversation's employee: whose records were read.
        package var subjectID: UUID
        package var event: String
    }

    private struct State {
        package var pending: [Event] = []
        package var scheduled = false
        /// The last write started, so each write follows the one before and `flush()` can wait
        /// for everything earlier.
        package var lastWrite: Task<Void, Never>?
    }

    /// How long a read event may wait before it is written.
    package static let delay: Duration = .milliseconds(200)
    /// Rows per INSERT: six binds a row, 2,400 in all, well inside both databases' limits.
    package static let rowsPerStatement = 400
    /// If the database refuses writes for long, events beyond this are dropped, loudly.
    package static let pendingLimit = 100_000

    private let state = NIOLockedValueBox(State())
    private let database: @Sendable () -> any Database
    private let logger: Logger

    package init(logger: Logger, database: @escaping @Sendable () -> any Database) {
        self.logger = logger
        self.database = database
    }

    package var pendingCount: Int { state.withLockedValue { $0.pending.count } }

    package func record(_ event: String, conversation: UUID, of subjectID: UUID, by actorID: UUID, at: Date) {
        let schedule = state.withLockedValue { state -> Bool in
            state.pending.append(Event(at: at, actorID: actorID, conversationID: conversation, subjectID: subjectID, event: event))
            if state.pending.count > Self.pendingLimit {
                logger.error("Audit: \(state.pending.count - Self.pendingLimit) read events could not be written and were dropped")
                state.pending.removeFirst(state.pending.count - Self.pendingLimit)
            }
            defer { state.scheduled = true }
            return !state.scheduled
        }
        guard schedule else { return }
        Task {
            try? await Task.sleep(for: Self.delay)
            await self.flush()
        }
    }

    /// Writes every event recorded so far, and returns once they and all earlier ones are stored.
    package func flush() async {
        let write = state.withLockedValue { state -> Task<Void, Never>? in
            // Nothing waiting: only what is being written now, if anything (the audit page flushes
            // on every request, and a new task each time cost it its tail under load).
            if state.pending.isEmpty { return state.lastWrite }
            let events = state.pending
            state.pending = []
            state.scheduled = false
            let previous = state.lastWrite
            let write = Task {
                await previous?.value
                await self.write(events)
            }
            state.lastWrite = write
            return write
        }
        await write?.value
    }

    private func write(_ events: [Event]) async {
        guard !events.isEmpty else { return }
        do {
            let sql = database().sql
            var start = 0
            while start < events.count {
                let chunk = events[start..<min(start + Self.rowsPerStatement, events.count)]
                var insert: SQLQueryString = "INSERT INTO audit_log (id, at, actor_id, conversation_id, subject_id, event, detail) VALUES "
                for (index, event) in chunk.enumerated() {
                    insert.appendLiteral(index == 0 ? "(" : ", (")
                    insert.appendInterpolation(bind: event.id)
                    insert.appendLiteral(", ")
                    insert.appendInterpolation(bind: event.at)
                    insert.appendLiteral(", ")
                    insert.appendInterpolation(bind: event.actorID)
                    insert.appendLiteral(", ")
                    insert.appendInterpolation(bind: event.conversationID)
                    insert.appendLiteral(", ")
                    insert.appendInterpolation(bind: event.subjectID)
                    insert.appendLiteral(", ")
                    insert.appendInterpolation(bind: event.event)
                    insert.appendLiteral(", '')")
                }
                try await sql.raw(insert).run()
                start += Self.rowsPerStatement
            }
        } catch {
            logger.error("Audit: could not write \(events.count) read events, trying again shortly: \(String(describing: error))")
            let schedule = state.withLockedValue { state -> Bool in
                state.pending.insert(contentsOf: events, at: 0)
                defer { state.scheduled = true }
                return !state.scheduled
            }
            if schedule {
                Task {
                    try? await Task.sleep(for: .seconds(1))
                    await self.flush()
                }
            }
        }
    }
}

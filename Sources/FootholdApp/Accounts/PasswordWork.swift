import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// bcrypt, on threads of its own and a bounded queue (decision 0012). Each hash takes a core for a
/// quarter of a second at cost 12: run on the shared thread pool, a burst of sign-ins held up
/// everything else waiting there, and the database pool timed out behind them. Here at most one
/// hash a core runs at once, some wait (at most a few seconds' work), and any more are told to come
/// back (429 with Retry-After) rather than queue without end.
final class PasswordWork: Sendable {
    /// More waiting than this and a request is turned away.
    static let waitingLimit = 32
    static let retryAfter = 5

    struct Busy: Error {}

    private let pool: NIOThreadPool
    private let queued = NIOLockedValueBox(0)
    private let cost: Int

    init(threads: Int, cost: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        self.cost = cost
    }

    func shutdown() { try? pool.syncShutdownGracefully() }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = queued.withLockedValue { count in
            guard count < Self.waitingLimit else { return false }
            count += 1
            return true
        }
        guard admitted else { throw Busy() }
        defer { queued.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }

    func verify(_ password: String, against digest: String) async throws -> Bool {
        try await run { (try? Bcrypt.verify(password, created: digest)) ?? false }
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await run { try Bcrypt.hash(password, cost: cost) }
    }
}

struct PasswordWorkLifecycle: LifecycleHandler {
    let work: PasswordWork
    func shutdown(_ application: Application) { work.shutdown() }
}

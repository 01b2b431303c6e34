import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The sign-in throttle's counts (`SignInThrottle` decides what they mean). Every failure is one
/// statement per key that adds one in the database, so guesses sent at the same moment all count.
enum SignInAttempts {
    /// How long the person must wait, if any of the keys holds them back.
    static func wait(keys: [(scope: SignInThrottle.Scope, key: String)], now: Date, on database: any Database) async throws -> TimeInterval?
    {
        guard !keys.isEmpty else { return nil }
        let scopes = Dictionary(keys.map { ($0.key, $0.scope) }, uniquingKeysWith: { first, _ in first })
        var query: SQLQueryString = "SELECT key, failures, last_failure_at FROM sign_in_attempts WHERE key IN ("
        for (index, key) in keys.enumerated() {
            if index > 0 { query.appendLiteral(", ") }
            query.appendInterpolation(bind: key.key)
        }
        query.appendLiteral(")")
        var longest: TimeInterval?
        for row in try await database.sql.raw(query).all() {
            let key = try row.decode(column: "key", as: String.self)
            guard let scope = scopes[key] else { continue }
            let wait = SignInThrottle.waitRemaining(
                failures: try row.decode(column: "failures", as: Int.self),
                lastFailure: try row.decode(column: "last_failure_at", as: Date.self), now: now, scope: scope)
            if let wait { longest = max(longest ?? 0, wait) }
        }
        return longest
    }

    /// Counts one failure under each key, atomically, and forgets keys quiet for a day.
    static func recordFailure(keys: [(scope: SignInThrottle.Scope, key: String)], now: Date, on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            "DELETE FROM sign_in_attempts WHERE last_failure_at < \(bind: now.addingTimeInterval(-SignInThrottle.forgetAfter))"
        ).run()
        for key in keys {
            try await sql.raw(
                """
                INSERT INTO sign_in_attempts (id, key, failures, last_failure_at) VALUES (\(bind: UUID()), \(bind: key.key), 1, \(bind: now)) \
                ON CONFLICT (key) DO UPDATE SET failures = sign_in_attempts.failures + 1, last_failure_at = excluded.last_failure_at
                """
            ).run()
        }
    }

    /// After a successful sign-in, the account's own counts start again (the address's stay).
    static func clear(keys: [(scope: SignInThrottle.Scope, key: String)], on database: any Database) async throws {
        for key in keys where key.scope != .address {
            try await database.sql.raw("DELETE FROM sign_in_attempts WHERE key = \(bind: key.key)").run()
        }
    }
}

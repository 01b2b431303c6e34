import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The sign-in throttle's counts (`SignInThrottle` decides what they mean). An attempt is counted
/// before its password is checked, in one transaction that holds the keys' rows, so N guesses sent
/// at the same moment are bounded exactly as N guesses one after another (decision 0012): each
/// sees the count the ones before it left, and those past the allowance are turned away unchecked.
enum SignInAttempts {
    /// Counts one attempt under each key, unless a key holds the person back: then nothing is
    /// counted and the wait is returned.
    static func reserve(keys: [(scope: SignInThrottle.Scope, key: String)], now: Date, on database: any Database) async throws
        -> TimeInterval?
    {
        guard !keys.isEmpty else { return nil }
        let scopes = Dictionary(keys.map { ($0.key, $0.scope) }, uniquingKeysWith: { first, _ in first })
        let names: [any Encodable & Sendable] = keys.map(\.key)
        return try await database.transaction { database in
            let sql = database.sql
            // Writes first: SQLite takes its write lock at once, and PostgreSQL locks each row, so
            // every other attempt on these keys waits here until this one is counted. One key at a
            // time, always in the same order, so two attempts sharing a key (an address) cannot each
            // hold what the other waits for. A key quiet for a day starts again.
            let quiet = now.addingTimeInterval(-SignInThrottle.forgetAfter)
            for key in keys.map(\.key).sorted() {
                try await sql.raw(
                    "DELETE FROM sign_in_attempts WHERE key = \(bind: key) AND last_failure_at < \(bind: quiet) AND failures > 0"
                ).run()
                try await sql.raw(
                    """
                    INSERT INTO sign_in_attempts (id, key, failures, last_failure_at) \
                    VALUES (\(bind: UUID()), \(bind: key), 0, \(bind: Date(timeIntervalSince1970: 0))) ON CONFLICT (key) DO NOTHING
                    """
                ).run()
                try await sql.raw("UPDATE sign_in_attempts SET failures = failures WHERE key = \(bind: key)").run()
            }
            var longest: TimeInterval?
            for row in try await sql.raw("SELECT key, failures, last_failure_at FROM sign_in_attempts WHERE key IN (\(binds: names))").all()
            {
                guard let scope = scopes[try row.decode(column: "key", as: String.self)] else { continue }
                let wait = SignInThrottle.waitRemaining(
                    failures: try row.decode(column: "failures", as: Int.self),
                    lastFailure: try row.decode(column: "last_failure_at", as: Date.self), now: now, scope: scope)
                if let wait { longest = max(longest ?? 0, wait) }
            }
            if longest != nil { return longest }
            try await sql.raw(
                "UPDATE sign_in_attempts SET failures = failures + 1, last_failure_at = \(bind: now) WHERE key IN (\(binds: names))"
            ).run()
            return nil
        }
    }

    /// After a failure (already counted): keys quiet for a day are forgotten. Housekeeping: if it
    /// meets another attempt's lock and the database gives up on it, the next failure does it.
    static func forgetQuiet(now: Date, on database: any Database) async throws {
        try? await database.sql.raw(
            "DELETE FROM sign_in_attempts WHERE last_failure_at < \(bind: now.addingTimeInterval(-SignInThrottle.forgetAfter))"
        ).run()
    }

    /// After a success: the account's own counts start again, and the address is given back the
    /// attempt that turned out right (an office behind one address signs in many times a morning).
    static func succeeded(keys: [(scope: SignInThrottle.Scope, key: String)], on database: any Database) async throws {
        for key in keys {
            if key.scope == .address {
                try await database.sql.raw(
                    "UPDATE sign_in_attempts SET failures = failures - 1 WHERE key = \(bind: key.key) AND failures > 0"
                ).run()
            } else {
                try await database.sql.raw("DELETE FROM sign_in_attempts WHERE key = \(bind: key.key)").run()
            }
        }
    }
}

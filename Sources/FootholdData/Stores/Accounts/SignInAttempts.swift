import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The sign-in throttle's counts (`SignInThrottle` decides what they mean). An attempt is counted
/// before its password is checked, in one transaction that holds the keys' rows, so N guesses sent
/// at the same moment are bounded exactly as N guesses one after another (decision 0012): each
/// sees the count the ones before it left, and those past the allowance are turned away unchecked.
package enum SignInAttempts {
    /// What reserving an attempt did: how long to wait, when held back (nothing counted); and each
    /// key's last attempt before this one, to put back if this one is given back.
    package struct Reservation: Sendable {
        package var wait: TimeInterval?
        package var previous: [String: Date] = [:]
        package var at: Date
    }

    /// Counts one attempt under each key, unless a key holds the person back: then nothing is
    /// counted and the wait is returned.
    package static func reserve(keys: [(scope: SignInThrottle.Scope, key: String)], now: Date, on database: any Database) async throws
        -> Reservation
    {
        guard !keys.isEmpty else { return Reservation(wait: nil, at: now) }
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
            var previous: [String: Date] = [:]
            for row in try await sql.raw("SELECT key, failures, last_failure_at FROM sign_in_attempts WHERE key IN (\(binds: names))").all()
            {
                let key = try row.decode(column: "key", as: String.self)
                guard let scope = scopes[key] else { continue }
                let last = try row.decode(column: "last_failure_at", as: Date.self)
                previous[key] = last
                let wait = SignInThrottle.waitRemaining(
                    failures: try row.decode(column: "failures", as: Int.self), lastFailure: last, now: now, scope: scope)
                if let wait { longest = max(longest ?? 0, wait) }
            }
            if longest != nil { return Reservation(wait: longest, at: now) }
            try await sql.raw(
                "UPDATE sign_in_attempts SET failures = failures + 1, last_failure_at = \(bind: now) WHERE key IN (\(binds: names))"
            ).run()
            return Reservation(wait: nil, previous: previous, at: now)
        }
    }

    /// Takes one attempt off a key, and puts its last attempt back as it was unless another has
    /// come since: the attempt turned out right, or was never checked.
    private static func giveBack(_ key: String, _ reservation: Reservation, on database: any Database) async throws {
        let previous = reservation.previous[key] ?? Date(timeIntervalSince1970: 0)
        try await database.sql.raw(
            """
            UPDATE sign_in_attempts SET failures = failures - 1, last_failure_at = CASE WHEN last_failure_at = \(bind: reservation.at) \
            THEN \(bind: previous) ELSE last_failure_at END WHERE key = \(bind: key) AND failures > 0
            """
        ).run()
    }

    /// An attempt turned away before its password was checked (too many at once) is not counted.
    package static func refund(
        keys: [(scope: SignInThrottle.Scope, key: String)], _ reservation: Reservation, on database: any Database
    ) async throws {
        guard reservation.wait == nil else { return }
        for key in keys.map(\.key).sorted() { try await giveBack(key, reservation, on: database) }
    }

    /// Keys quiet for a day are forgotten: housekeeping for the reminder pass, one row a statement,
    /// so it never holds one key's lock while it waits for another's.
    package static func forgetQuiet(now: Date, on database: any Database) async throws {
        let quiet = try await database.sql.raw(
            """
            SELECT key FROM sign_in_attempts WHERE last_failure_at < \(bind: now.addingTimeInterval(-SignInThrottle.forgetAfter)) \
            LIMIT 1000
            """
        ).all().map { try $0.decode(column: "key", as: String.self) }
        for key in quiet {
            try await database.sql.raw(
                """
                DELETE FROM sign_in_attempts WHERE key = \(bind: key) \
                AND last_failure_at < \(bind: now.addingTimeInterval(-SignInThrottle.forgetAfter))
                """
            ).run()
        }
    }

    /// After a success: the account's own counts start again, and the address is given back the
    /// attempt that turned out right, its last attempt as it was (an office behind one address signs
    /// in many times a morning, and one right password must not restart everyone's wait).
    package static func succeeded(
        keys: [(scope: SignInThrottle.Scope, key: String)], _ reservation: Reservation, on database: any Database
    ) async throws {
        for key in keys.sorted(by: { $0.key < $1.key }) {
            if key.scope == .address {
                try await giveBack(key.key, reservation, on: database)
            } else {
                try await database.sql.raw("DELETE FROM sign_in_attempts WHERE key = \(bind: key.key)").run()
            }
        }
    }
}

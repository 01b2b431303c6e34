import Fluent
import Foundation
import SQLKit

/// Sign-ins begun with the organisation's identity provider, waiting for the person to come back
/// (decision 0025). Each is keyed by the SHA-256 of its `state`, which only the browser that began
/// it holds (in a cookie); it is taken once, so a code or a nonce cannot be used twice, and a
/// sign-in not finished within ten minutes is forgotten.
package enum SingleSignOnStarts {
    package static let table = "single_sign_on_starts"
    package static let lifetime: TimeInterval = 10 * 60

    package struct Start: Sendable, Equatable {
        package var nonce: String
        package var verifier: String
        package var destination: String?

        package init(nonce: String, verifier: String, destination: String?) {
            self.nonce = nonce
            self.verifier = verifier
            self.destination = destination
        }
    }

    package static func begin(state: String, _ start: Start, id: UUID, at now: Date, on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DELETE FROM \(unsafeRaw: table) WHERE created_at <= \(bind: now.addingTimeInterval(-lifetime))").run()
        try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: table) (id, state_hash, nonce, verifier, destination, created_at) \
            VALUES (\(bind: id), \(bind: TokenHash.of(state)), \(bind: start.nonce), \(bind: start.verifier), \
            \(bind: start.destination), \(bind: now))
            """
        ).run()
    }

    /// The sign-in begun with this state, removed as it is read; nil when there is none (never
    /// begun, taken already, or too old).
    package static func take(state: String, at now: Date, on database: any Database) async throws -> Start? {
        let rows = try await database.sql.raw(
            """
            DELETE FROM \(unsafeRaw: table) WHERE state_hash = \(bind: TokenHash.of(state)) \
            RETURNING nonce, verifier, destination, created_at
            """
        ).all()
        guard let row = rows.first, try row.decode(column: "created_at", as: Date.self) > now.addingTimeInterval(-lifetime) else {
            return nil
        }
        return Start(
            nonce: try row.decode(column: "nonce", as: String.self), verifier: try row.decode(column: "verifier", as: String.self),
            destination: try row.decode(column: "destination", as: String?.self))
    }
}

import Fluent
import Foundation
import SQLKit

/// Sessions live in the database, so any app instance can honour a session another one created.
/// The cookie holds a random token; the database holds only its hash. A session ends after
/// `lifetime`, or sooner when it is left idle for the configured time.
package enum Sessions {
    /// A working day and a little more; then people sign in again.
    package static let lifetime: TimeInterval = 12 * 60 * 60

    /// How stale `last_seen_at` may grow before a request writes it again: a page view is a read,
    /// and writing on every one would make every page a write.
    package static func touchInterval(idle: TimeInterval) -> TimeInterval { min(5 * 60, idle / 10) }

    /// Starts a session for the person under `token` (only its hash is kept), ending those gone idle.
    package static func create(
        for personID: UUID, token: String, id: UUID, at now: Date, idle: TimeInterval, singleSignOn: Bool = false,
        on database: any Database
    ) async throws {
        try await purge(now: now, idle: idle, on: database)
        let session = SessionModel()
        session.id = id
        session.tokenHash = TokenHash.of(token)
        session.$person.id = personID
        session.createdAt = now
        session.expiresAt = now.addingTimeInterval(lifetime)
        session.lastSeenAt = now
        session.singleSignOn = singleSignOn
        try await session.create(on: database)
    }

    /// Sessions that have ended, by time or by idleness, go (each by its own index).
    package static func purge(now: Date, idle: TimeInterval, on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DELETE FROM sessions WHERE expires_at <= \(bind: now)").run()
        try await sql.raw("DELETE FROM sessions WHERE last_seen_at <= \(bind: now.addingTimeInterval(-idle))").run()
    }

    /// One indexed query on every request, written by hand (decision 0005); and, once every few
    /// minutes of use, one write to keep the session from going idle.
    package static func viewer(forToken token: String, now: Date, idle: TimeInterval, on reads: Reads) async throws -> Viewer? {
        let query: SQLQueryString = """
            SELECT s.id AS session_id, s.last_seen_at, s.single_sign_on, p.id, p.name, p.email, p.leadership_team, p.hr_admin, \
            EXISTS (SELECT 1 FROM units u WHERE u.head_id = p.id) AS heads_unit, \
            EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id AND r.active = \(bind: true)) AS has_reports, \
            (SELECT COUNT(*) FROM reminders r WHERE r.recipient_id = p.id AND r.read_at IS NULL) AS unread \
            FROM sessions s JOIN people p ON p.id = s.person_id \
            WHERE s.token_hash = \(bind: TokenHash.of(token)) AND s.expires_at > \(bind: now) \
            AND s.last_seen_at > \(bind: now.addingTimeInterval(-idle)) AND p.active = \(bind: true)
            """
        guard let row = try await reads.firstRow(query) else { return nil }
        let sessionID = try row.decode(column: "session_id", as: UUID.self)
        let lastSeen = try row.decode(column: "last_seen_at", as: Date.self)
        if now.timeIntervalSince(lastSeen) > touchInterval(idle: idle) {
            try await reads.database.sql.raw("UPDATE sessions SET last_seen_at = \(bind: now) WHERE id = \(bind: sessionID)").run()
        }
        return Viewer(
            personID: try row.decode(column: "id", as: UUID.self), sessionID: sessionID,
            name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
            isLeadershipTeam: try row.decode(column: "leadership_team", as: Bool.self),
            isHRAdministrator: try row.decode(column: "hr_admin", as: Bool.self),
            headsUnit: try row.decode(column: "heads_unit", as: Bool.self),
            hasReports: try row.decode(column: "has_reports", as: Bool.self),
            unreadNotifications: try row.decode(column: "unread", as: Int.self),
            sessionToken: token, signedInWithProvider: try row.decode(column: "single_sign_on", as: Bool.self))
    }

    package static func end(_ sessionID: UUID, on database: any Database) async throws {
        try await SessionModel.query(on: database).filter(\.$id == sessionID).delete()
    }

    /// Ends every session of the person but `keeping` (their own, when they change their password).
    package static func endAll(of personID: UUID, keeping: UUID? = nil, on database: any Database) async throws {
        var query = SessionModel.query(on: database).filter(\.$person.$id == personID)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.delete()
    }
}

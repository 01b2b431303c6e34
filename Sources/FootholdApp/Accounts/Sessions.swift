import Fluent
import Foundation
import SQLKit
import Vapor

/// Sessions live in the database, so any app instance can honour a session another one created.
/// The cookie holds a random token; the database holds only its hash.
enum Sessions {
    static let cookieName = "foothold_session"
    /// A working day and a little more; then people sign in again.
    static let lifetime: TimeInterval = 12 * 60 * 60

    static func create(for personID: UUID, on database: any Database, clients: AppClients) async throws -> String {
        let token = clients.makeToken()
        let now = clients.now()
        let session = SessionModel()
        session.tokenHash = TokenHash.of(token)
        session.$person.id = personID
        session.createdAt = now
        session.expiresAt = now.addingTimeInterval(lifetime)
        try await session.create(on: database)
        return token
    }

    /// One indexed query on every request, written by hand (decision 0005).
    static func viewer(forToken token: String, now: Date, on database: any Database) async throws -> Viewer? {
        let query: SQLQueryString = """
            SELECT s.id AS session_id, p.id, p.name, p.email, p.leadership_team, p.hr_admin \
            FROM sessions s JOIN people p ON p.id = s.person_id \
            WHERE s.token_hash = \(bind: TokenHash.of(token)) AND s.expires_at > \(bind: now) AND p.active = \(bind: true)
            """
        guard let row = try await database.firstRow(query) else { return nil }
        return Viewer(personID: try row.decode(column: "id", as: UUID.self), sessionID: try row.decode(column: "session_id", as: UUID.self),
                      name: try row.decode(column: "name", as: String.self), email: try row.decode(column: "email", as: String.self),
                      isLeadershipTeam: try row.decode(column: "leadership_team", as: Bool.self),
                      isHRAdministrator: try row.decode(column: "hr_admin", as: Bool.self))
    }

    static func end(_ sessionID: UUID, on database: any Database) async throws {
        try await SessionModel.query(on: database).filter(\.$id == sessionID).delete()
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(lifetime), path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

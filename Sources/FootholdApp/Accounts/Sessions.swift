import Fluent
import Foundation
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

    static func viewer(forToken token: String, now: Date, on database: any Database) async throws -> Viewer? {
        guard let session = try await SessionModel.query(on: database)
            .join(PersonModel.self, on: \SessionModel.$person.$id == \PersonModel.$id)
            .filter(\.$tokenHash == TokenHash.of(token))
            .filter(\.$expiresAt > now)
            .filter(PersonModel.self, \.$isActive == true)
            .first()
        else { return nil }
        let person = try session.joined(PersonModel.self)
        return Viewer(personID: try person.requireID(), sessionID: try session.requireID(), name: person.name,
                      email: person.email, isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator)
    }

    static func end(_ sessionID: UUID, on database: any Database) async throws {
        try await SessionModel.query(on: database).filter(\.$id == sessionID).delete()
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(lifetime), path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

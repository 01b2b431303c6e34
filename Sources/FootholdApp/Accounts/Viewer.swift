import Foundation
import Vapor

/// The person signed in for this request.
struct Viewer: Sendable, Equatable {
    var personID: UUID
    var sessionID: UUID
    var name: String
    var email: String
    var isLeadershipTeam: Bool
    var isHRAdministrator: Bool
}

extension Request {
    private struct ViewerKey: StorageKey { typealias Value = Viewer }

    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    /// The viewer, or a redirect-worthy error for pages that need someone signed in.
    func requireViewer() throws -> Viewer {
        guard let viewer else { throw SiteError.signInRequired }
        return viewer
    }
}

/// Errors the error page knows how to explain to a person.
enum SiteError: Error {
    case signInRequired
    case forbidden
    case notFound
    case expiredForm
}

/// Reads the session cookie and, when it names a live session of an active person, sets the viewer.
/// One query per request.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookieValue(Sessions.cookieName), !token.isEmpty {
            request.viewer = try await Sessions.viewer(forToken: token, now: request.now, on: request.db)
        }
        return try await next.respond(to: request)
    }
}

struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.requireViewer()
        return try await next.respond(to: request)
    }
}

struct RequireHRAdministrator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard try request.requireViewer().isHRAdministrator else { throw SiteError.forbidden }
        return try await next.respond(to: request)
    }
}

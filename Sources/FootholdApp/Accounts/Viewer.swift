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
    /// Heads a unit: a director, who sees its counts.
    var headsUnit = false
    /// Someone reports to them: a line manager, who has a team board.
    var hasReports = false
    /// Notifications not yet read, for the count in the navigation.
    var unreadNotifications = 0
    /// The session cookie's secret, which the form token is made from (`CSRF`).
    var sessionToken: String = ""
}

extension Viewer {
    /// Directors, the Leadership Team and HR administrators see monitoring.
    var seesMonitoring: Bool { headsUnit || isLeadershipTeam || isHRAdministrator }
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
    /// What was sent cannot be taken as it is; the message says why, in words a person can act on.
    case badInput(String)
    /// More was sent than the route accepts from this person.
    case tooLarge(limit: Int)
}

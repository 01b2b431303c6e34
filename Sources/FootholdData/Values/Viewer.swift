import Foundation

/// The person signed in for this request.
package struct Viewer: Sendable, Equatable {
    package var personID: UUID
    package var sessionID: UUID
    package var name: String
    package var email: String
    package var isLeadershipTeam: Bool
    package var isHRAdministrator: Bool
    /// Heads a unit: a director, who sees its counts.
    package var headsUnit = false
    /// Someone reports to them: a line manager, who has a team board.
    package var hasReports = false
    /// Notifications not yet read, for the count in the navigation.
    package var unreadNotifications = 0
    /// The session cookie's secret, which the form token is made from (`CSRF`).
    package var sessionToken: String = ""
    /// The session began at the organisation's identity provider, which signing out ends too.
    package var signedInWithProvider = false
}

extension Viewer {
    /// Directors, the Leadership Team and HR administrators see monitoring.
    package var seesMonitoring: Bool { headsUnit || isLeadershipTeam || isHRAdministrator }
}

import Foundation

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

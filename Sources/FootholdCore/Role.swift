/// What a person can do in Foothold (SPEC §1). Roles are derived, never stored:
/// they follow from reporting lines, unit heads and two flags.
public enum Role: String, CaseIterable, Sendable, Comparable {
    case employee
    case lineManager = "line_manager"
    case director
    case leadershipTeam = "leadership_team"
    case hrAdministrator = "hr_administrator"

    public var title: String {
        switch self {
        case .employee: "Employee"
        case .lineManager: "Line manager"
        case .director: "Director"
        case .leadershipTeam: "Leadership Team"
        case .hrAdministrator: "HR administrator"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The facts about one person that their roles are derived from.
public struct RoleFacts: Sendable, Equatable {
    public var isActive: Bool
    public var activeDirectReports: Int
    public var unitsHeaded: Int
    public var isLeadershipTeam: Bool
    public var isHRAdministrator: Bool

    public init(
        isActive: Bool = true, activeDirectReports: Int = 0, unitsHeaded: Int = 0,
        isLeadershipTeam: Bool = false, isHRAdministrator: Bool = false
    ) {
        self.isActive = isActive
        self.activeDirectReports = activeDirectReports
        self.unitsHeaded = unitsHeaded
        self.isLeadershipTeam = isLeadershipTeam
        self.isHRAdministrator = isHRAdministrator
    }

    /// Everyone active is an employee; a line manager has active direct reports; a director heads
    /// a unit; the two flags add the Leadership Team and HR administration. Someone who has left
    /// (inactive) holds no role at all.
    public var roles: Set<Role> {
        guard isActive else { return [] }
        var roles: Set<Role> = [.employee]
        if activeDirectReports > 0 { roles.insert(.lineManager) }
        if unitsHeaded > 0 { roles.insert(.director) }
        if isLeadershipTeam { roles.insert(.leadershipTeam) }
        if isHRAdministrator { roles.insert(.hrAdministrator) }
        return roles
    }
}

import Foundation

/// What part of the organisation a person may see counts for (SPEC §1, §5): the Leadership Team
/// and HR administrators the whole organisation, a director the units they head and every unit
/// below them, anyone else nothing. Counts only: no scope here opens anything anyone said.
public enum MonitoringScope: Sendable, Equatable {
    case organisation
    /// The units headed, each with everything below it.
    case units([UUID])
    case nothing

    public static func of(isLeadershipTeam: Bool, isHRAdministrator: Bool, unitsHeaded: [UUID]) -> MonitoringScope {
        if isLeadershipTeam || isHRAdministrator { return .organisation }
        return unitsHeaded.isEmpty ? .nothing : .units(unitsHeaded)
    }

    /// Whether a unit is visible, given the units from it up to the top (itself first or last).
    public func sees(unitWithLineage lineage: [UUID]) -> Bool {
        switch self {
        case .organisation: true
        case .units(let headed): lineage.contains { headed.contains($0) }
        case .nothing: false
        }
    }

    /// Whether the organisation-wide figures are visible.
    public var seesOrganisation: Bool { self == .organisation }

    /// Only the Leadership Team records what more can be done at a unit level (seed 000).
    public static func mayRespond(isLeadershipTeam: Bool) -> Bool { isLeadershipTeam }
}

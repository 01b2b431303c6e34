import FootholdCore
import FootholdData
import Foundation

/// The whole organisation's monitoring counts at one moment, added up for every unit: what every
/// dashboard, chart and export is drawn from. Built by `MonitoringCache` from `MonitoringCountsStore.counts`.
struct MonitoringSnapshot: Sendable {
    struct Unit: Sendable {
        var id: UUID
        var name: String
        var path: String
        var parent: Int?
        var children: [Int] = []
        var headID: UUID?
        /// Teams whose people are in this unit itself.
        var teams: [Int] = []
        /// This unit and everything below it: per checkpoint, and the 90-day share.
        var tallies: [CoverageTally]
        var recent = RecentConversationShare(staff: 0, recent: 0)
        var heldByKind: [ConversationKind: Int] = [:]
    }

    struct Team: Sendable {
        var unit: Int?
        var managerID: UUID?
        var managerName: String
        var tallies: [CoverageTally]
        var recent: RecentConversationShare
        /// Conversations held in the last `heldDays` days, by kind.
        var heldByKind: [ConversationKind: Int]

        var counts: GroupCounts { GroupCounts(tallies: tallies, recent: recent, heldByKind: heldByKind) }
    }

    /// How far back the notices page counts conversations held, by kind.
    static let heldDays = 30

    /// The previous career year's checkpoints, then the current year's, each in date order.
    let checkpoints: [Checkpoint]
    /// The start year of each checkpoint's career year.
    let startYears: [Int]
    let units: [Unit]
    let unitIndex: [UUID: Int]
    let teams: [Team]
    /// Teams in no unit: counted for the organisation only.
    let unplacedTeams: [Int]
    let organisation: (tallies: [CoverageTally], recent: RecentConversationShare)
    /// When the counts were read.
    let builtAt: Date
    /// Themes from line managers' reports, as published.
    let themes: ThemeFigures
    /// The units' parents and children, by position in `units`.
    let tree: UnitTree

    /// What the theme figures are drawn from: the releases of these checkpoints, and for the rest
    /// how many reports have come in.
    struct ThemeInputs: Sendable {
        var themes: [ThemeReportStore.ThemeRow] = []
        var threshold = AnonymityThreshold.standard
        var releases: [UUID: (release: ThemeRelease, at: Date)] = [:]
        var received: [UUID: [UUID?: Int]] = [:]
        var reportingDays = ThemeRelease.standardReportingDays
    }

    /// Top-level units, by name.
    var topUnits: [Int] { units.indices.filter { units[$0].parent == nil }.sorted { units[$0].name < units[$1].name } }

    init(years: [CareerYear], counts: MonitoringCountsStore.Counts, themeInputs: ThemeInputs, builtAt: Date) {
        let ordered = Self.checkpoints(of: years)
        checkpoints = ordered.map(\.checkpoint)
        startYears = ordered.map(\.startYear)
        self.builtAt = builtAt
        let position = Dictionary(uniqueKeysWithValues: checkpoints.enumerated().map { ($1.id, $0) })
        let empty = Array(repeating: CoverageTally(), count: checkpoints.count)

        var units = counts.units.map { row in Unit(id: row.id, name: row.name, path: row.path, headID: row.headID, tallies: empty) }
        let unitIndex = Dictionary(uniqueKeysWithValues: counts.units.enumerated().map { ($1.id, $0) })
        for (index, row) in counts.units.enumerated() {
            guard let parentID = row.parentID, let parent = unitIndex[parentID] else { continue }
            units[index].parent = parent
            units[parent].children.append(index)
        }
        let names = units.map(\.name)
        for index in units.indices { units[index].children.sort { names[$0] < names[$1] } }

        var teamIndex: [MonitoringCountsStore.TeamKey: Int] = [:]
        var teams: [Team] = []
        var unplaced: [Int] = []
        for row in counts.teams {
            let unit = row.key.unitID.flatMap { unitIndex[$0] }
            let name = row.key.managerID.flatMap { counts.managerNames[$0] } ?? "No line manager"
            var tallies = empty
            for checkpoint in tallies.indices {
                tallies[checkpoint].staff = row.staff
                tallies[checkpoint].joinedAfter = row.joinedAfter.indices.contains(checkpoint) ? row.joinedAfter[checkpoint] : 0
            }
            teamIndex[row.key] = teams.count
            teams.append(
                Team(
                    unit: unit, managerID: row.key.managerID, managerName: name, tallies: tallies,
                    recent: RecentConversationShare(staff: row.staff, recent: counts.recent[row.key] ?? 0),
                    heldByKind: counts.heldByKind[row.key] ?? [:]))
            if let unit { units[unit].teams.append(teams.count - 1) } else { unplaced.append(teams.count - 1) }
        }
        for row in counts.standings {
            guard let team = teamIndex[row.key], let checkpoint = position[row.checkpointID] else { continue }
            teams[team].tallies[checkpoint].met = row.met
            // Someone who joined after the window and still met it counts as met, not as not expected.
            teams[team].tallies[checkpoint].joinedAfter -= row.metJoinedAfter
            teams[team].tallies[checkpoint].declined = row.declined
            teams[team].tallies[checkpoint].scheduled = row.scheduled
        }
        let managerNames = teams.map(\.managerName)
        for index in units.indices { units[index].teams.sort { managerNames[$0] < managerNames[$1] } }

        // Each unit's own teams, then everything below it, added up the tree (FootholdCore's UnitTree).
        let tree = UnitTree(parents: units.map(\.parent))
        let none = GroupCounts.none(checkpoints: checkpoints.count)
        let own = units.map { unit in unit.teams.reduce(none) { $0 + teams[$1].counts } }
        let totals = tree.rolledUp(own, adding: +)
        for index in units.indices {
            units[index].tallies = totals[index].tallies
            units[index].recent = totals[index].recent
            units[index].heldByKind = totals[index].heldByKind
        }
        let whole = unplaced.reduce(tree.whole(totals, starting: none, adding: +)) { $0 + teams[$1].counts }
        let organisation = (tallies: whole.tallies, recent: whole.recent)
        self.tree = tree
        self.themes = ThemeFigures(
            themes: themeInputs.themes, threshold: themeInputs.threshold, checkpoints: checkpoints, releases: themeInputs.releases,
            received: themeInputs.received, reportingDays: themeInputs.reportingDays, units: units, unitIndex: unitIndex)
        self.units = units
        self.unitIndex = unitIndex
        self.teams = teams
        self.unplacedTeams = unplaced
        self.organisation = organisation
    }

    /// The checkpoints of the years in the order counts are kept: years, then windows, in date order.
    static func checkpoints(of years: [CareerYear]) -> [(checkpoint: Checkpoint, startYear: Int)] {
        years.sorted { $0.startYear < $1.startYear }.flatMap { year in
            year.checkpoints.sorted { $0.opens < $1.opens }.map { ($0, year.startYear) }
        }
    }

    /// Whether `unit` is `ancestor` or lies below it.
    func unit(_ unit: Int, isWithin ancestor: Int) -> Bool { tree.unit(unit, isWithin: ancestor) }

    /// The unit and those above it, top first.
    func lineage(of unit: Int) -> [Int] { tree.lineage(of: unit) }

    /// The units a person heads, by name.
    func unitsHeaded(by person: UUID) -> [Int] {
        units.indices.filter { units[$0].headID == person }.sorted { units[$0].path < units[$1].path }
    }
}

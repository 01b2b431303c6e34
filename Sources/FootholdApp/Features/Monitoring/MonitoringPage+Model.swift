import FootholdCore
import Foundation

/// The coverage dashboard: for a unit and everything below it (or the whole organisation), at a
/// checkpoint of this career year or the last. Counts only; nothing anyone said.
enum MonitoringPage {
    struct Row: Sendable {
        var name: String
        /// Where the row drills down to: a unit below.
        var link: String?
        var figures: CoverageFigures
    }

    struct CheckpointChoice: Sendable {
        var id: UUID
        var label: String
    }

    struct Model: Sendable {
        /// "Housing", or the organisation's own name for the whole.
        var scopeName: String
        var unitID: UUID?
        /// The units above, that the viewer may also see, top first.
        var crumbs: [(label: String, path: String)]
        var checkpoints: [CheckpointChoice]
        var selected: Int
        var summary: CoverageFigures
        var recent: RecentConversationShare
        /// The checkpoints of the current year, and a line for each year.
        var trendCategories: [String]
        var trendLines: [(name: String, values: [Int?])]
        var units: [Row]
        var managers: [Row]
        /// The other units the viewer heads, to switch to.
        var otherUnits: [(label: String, path: String)]
        var countedAt: Date
        var today: CalendarDate

        var checkpoint: CheckpointChoice { checkpoints[selected] }
    }

    /// The scope's top: where the dashboard opens.
    enum Place: Equatable {
        case organisation
        case unit(Int)
    }

    enum Refusal: Error {
        /// Not a director, Leadership Team member or HR administrator.
        case noScope
        /// A unit they may not see, or no such unit.
        case unitOutOfScope
    }

    /// Where a viewer lands, or may go when they name a unit.
    static func place(_ snapshot: MonitoringSnapshot, scope: MonitoringScope, unit: UUID?) throws(Refusal) -> Place {
        if scope == .nothing { throw .noScope }
        if let unit {
            guard let index = snapshot.unitIndex[unit],
                scope.sees(unitWithLineage: snapshot.lineage(of: index).map { snapshot.units[$0].id })
            else { throw .unitOutOfScope }
            return .unit(index)
        }
        switch scope {
        case .organisation: return .organisation
        case .units(let headed):
            guard
                let first = headed.compactMap({ snapshot.unitIndex[$0] }).sorted(by: { snapshot.units[$0].path < snapshot.units[$1].path })
                    .first
            else { throw .noScope }
            return .unit(first)
        case .nothing: throw .noScope
        }
    }

    /// The checkpoint asked for, or the one that is open today, or the latest to have opened.
    static func checkpointIndex(_ snapshot: MonitoringSnapshot, asked: UUID?, today: CalendarDate) -> Int? {
        guard !snapshot.checkpoints.isEmpty else { return nil }
        if let asked, let index = snapshot.checkpoints.firstIndex(where: { $0.id == asked }) { return index }
        if let open = snapshot.checkpoints.lastIndex(where: { $0.contains(today) }) { return open }
        return snapshot.checkpoints.lastIndex { $0.opens <= today } ?? snapshot.checkpoints.count - 1
    }

    static func label(_ snapshot: MonitoringSnapshot, _ index: Int) -> String {
        "\(snapshot.checkpoints[index].name), \(CareerYear.label(startYear: snapshot.startYears[index]))"
    }

    static func model(
        _ snapshot: MonitoringSnapshot, place: Place, scope: MonitoringScope, viewerUnits: [UUID], checkpoint: Int,
        organisationName: String, today: CalendarDate
    ) -> Model {
        let tallies: [CoverageTally]
        let recent: RecentConversationShare
        var units: [Row] = []
        var managerTeams: [Int] = []
        var crumbs: [(label: String, path: String)] = []
        var scopeName = organisationName
        var unitID: UUID?
        let at = snapshot.checkpoints[checkpoint]
        func figures(_ tallies: [CoverageTally]) -> CoverageFigures { tallies[checkpoint].figures(at: at, today: today) }
        switch place {
        case .organisation:
            tallies = snapshot.organisation.tallies
            recent = snapshot.organisation.recent
            units = snapshot.topUnits.map { index in
                Row(
                    name: snapshot.units[index].name, link: SiteURL.monitoring.with(query: [("unit", snapshot.units[index].id.lowerText)]),
                    figures: figures(snapshot.units[index].tallies))
            }
            managerTeams = snapshot.unplacedTeams
        case .unit(let index):
            let unit = snapshot.units[index]
            tallies = unit.tallies
            recent = unit.recent
            scopeName = unit.name
            unitID = unit.id
            units = unit.children.map { child in
                Row(
                    name: snapshot.units[child].name, link: SiteURL.monitoring.with(query: [("unit", snapshot.units[child].id.lowerText)]),
                    figures: figures(snapshot.units[child].tallies))
            }
            managerTeams = unit.teams
            if scope.seesOrganisation { crumbs.append((organisationName, SiteURL.monitoring.path)) }
            for above in snapshot.lineage(of: index).dropLast()
            where scope.sees(unitWithLineage: snapshot.lineage(of: above).map { snapshot.units[$0].id }) {
                crumbs.append((snapshot.units[above].name, SiteURL.monitoring.with(query: [("unit", snapshot.units[above].id.lowerText)])))
            }
        }
        let managers = managerTeams.map { team in
            Row(name: snapshot.teams[team].managerName, link: nil, figures: figures(snapshot.teams[team].tallies))
        }

        // The chart: this year's checkpoints along the bottom, a line for this year and for last.
        let currentYear = snapshot.startYears.last ?? CareerYear.startYear(containing: today)
        let thisYear = snapshot.checkpoints.indices.filter { snapshot.startYears[$0] == currentYear }
        let lastYear = snapshot.checkpoints.indices.filter { snapshot.startYears[$0] == currentYear - 1 }
        func percent(_ index: Int) -> Int? {
            let figures = tallies[index].figures(at: snapshot.checkpoints[index], today: today)
            guard snapshot.checkpoints[index].opens <= today, figures.expected > 0 else { return nil }
            return CoverageFigures.roundedPercent(figures.held, of: figures.expected)
        }
        var lines: [(name: String, values: [Int?])] = []
        if !lastYear.isEmpty {
            lines.append(
                (
                    CareerYear.label(startYear: currentYear - 1),
                    thisYear.indices.map { lastYear.indices.contains($0) ? percent(lastYear[$0]) : nil }
                ))
        }
        lines.append((CareerYear.label(startYear: currentYear), thisYear.map(percent)))

        let others: [(label: String, path: String)] = viewerUnits.compactMap { snapshot.unitIndex[$0] }
            .filter { place != .unit($0) }
            .sorted { snapshot.units[$0].path < snapshot.units[$1].path }
            .map { (snapshot.units[$0].name, SiteURL.monitoring.with(query: [("unit", snapshot.units[$0].id.lowerText)])) }

        return Model(
            scopeName: scopeName, unitID: unitID, crumbs: crumbs,
            checkpoints: snapshot.checkpoints.indices.map { CheckpointChoice(id: snapshot.checkpoints[$0].id, label: label(snapshot, $0)) },
            selected: checkpoint, summary: figures(tallies), recent: recent,
            trendCategories: thisYear.map { snapshot.checkpoints[$0].name }, trendLines: lines, units: units, managers: managers,
            otherUnits: others, countedAt: snapshot.builtAt, today: today)
    }

    // MARK: - CSV

    enum Table: String, CaseIterable {
        case units, managers, trend
        /// Every unit in the scope at every checkpoint of both years.
        case everything
    }

    static let csvHeader = ["Staff", "Not expected", "Held", "Coverage %", "Scheduled", "Due", "Declined", "Overdue", "Not yet open"]

    static func csvCells(_ figures: CoverageFigures) -> [CSVWriter.Cell] {
        [
            .number(figures.staff), .number(figures.notExpected), .number(figures.held),
            CoverageFigures.roundedPercent(figures.held, of: figures.expected).map { .number($0) } ?? .text(""), .number(figures.scheduled),
            .number(figures.due), .number(figures.declined), .number(figures.overdue), .number(figures.notYetOpen),
        ]
    }

    static func csv(_ model: Model, table: Table) -> String {
        switch table {
        case .units, .managers:
            var csv = CSVWriter(header: [table == .units ? "Unit" : "Line manager", "Checkpoint"] + csvHeader)
            for row in table == .units ? model.units : model.managers {
                csv.row([.text(row.name), .text(model.checkpoint.label)] + csvCells(row.figures))
            }
            return csv.text
        case .trend:
            var csv = CSVWriter(header: ["Checkpoint"] + model.trendLines.map { "Coverage % in \($0.name)" })
            for (index, category) in model.trendCategories.enumerated() {
                csv.row([.text(category)] + model.trendLines.map { line in line.values[index].map(CSVWriter.Cell.number) ?? .text("") })
            }
            return csv.text
        case .everything:
            return ""
        }
    }

    /// Every unit the scope holds, at every checkpoint, with the whole organisation's figures first
    /// for those who see it.
    static func csvEverything(_ snapshot: MonitoringSnapshot, place: Place, organisationName: String, today: CalendarDate) -> String {
        var csv = CSVWriter(header: ["Unit", "Career year", "Checkpoint"] + csvHeader)
        func rows(_ name: String, _ tallies: [CoverageTally]) {
            for (index, checkpoint) in snapshot.checkpoints.enumerated() {
                csv.row(
                    [.text(name), .text(CareerYear.label(startYear: snapshot.startYears[index])), .text(checkpoint.name)]
                        + csvCells(tallies[index].figures(at: checkpoint, today: today)))
            }
        }
        var stack: [Int]
        switch place {
        case .organisation:
            rows(organisationName, snapshot.organisation.tallies)
            stack = snapshot.topUnits.reversed()
        case .unit(let index):
            stack = [index]
        }
        while let next = stack.popLast() {
            rows(snapshot.units[next].path, snapshot.units[next].tallies)
            stack.append(contentsOf: snapshot.units[next].children.reversed())
        }
        return csv.text
    }
}

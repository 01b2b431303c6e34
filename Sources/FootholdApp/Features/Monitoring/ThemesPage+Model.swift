import FootholdCore
import FootholdData
import Foundation

/// The theme view: how often each theme came up in line managers' reports, for a unit and the
/// units below it (or the whole organisation), at a checkpoint and across checkpoints; with every
/// figure the anonymity rules hold back shown as such.
enum ThemesPage {
    struct Column: Sendable {
        var name: String
        var link: String?
        var people: Int
        var reports: Int
    }

    struct Model: Sendable {
        var scopeName: String
        var unitID: UUID?
        var crumbs: [(label: String, path: String)]
        var checkpoints: [MonitoringPage.CheckpointChoice]
        var selected: Int
        /// The threshold the chosen checkpoint was published with (today's, before it is).
        var threshold: AnonymityThreshold
        /// When the chosen checkpoint's figures were published ("14 December 2026"), or nil
        /// while they are not yet; and the day they are, or were, due.
        var releasedOn: String?
        var publishedOn: String
        var themes: [String]
        /// The scope itself first, then each unit below it.
        var columns: [Column]
        /// For each theme, a cell per column.
        var cells: [[ThemeFigures.Figure]]
        /// Each line manager whose report counts in the unit itself.
        var managers: [ThemeFigures.Report]
        var managerCells: [[ThemeFigures.Figure]]
        /// The scope's figure for each theme at every checkpoint.
        var trendCheckpoints: [String]
        var trend: [[ThemeFigures.Figure]]
        /// For each checkpoint of the trend: the threshold it was published with, or nil when it is not yet.
        var trendThresholds: [AnonymityThreshold?]
        /// Notes of the reports counted in the unit itself that draw on at least the threshold.
        var notes: [(managerName: String, people: Int, note: String)]
        /// The nearest level above this one, among those the viewer sees, with a figure that can
        /// be shown: where to look when most figures here are held back.
        var nearerFigures: (name: String, path: String)?

        var isPublished: Bool { releasedOn != nil }

        var checkpoint: MonitoringPage.CheckpointChoice { checkpoints[selected] }
    }

    /// How many of the figures are shown, and how many held back (figures of no one are neither).
    static func tally(_ rows: [[ThemeFigures.Figure]]) -> (shown: Int, heldBack: Int) {
        var tally = (shown: 0, heldBack: 0)
        for figure in rows.joined() {
            switch figure.visibility {
            case .shown: tally.shown += 1
            case .tooFew, .withheld: tally.heldBack += 1
            case .empty: break
            }
        }
        return tally
    }

    static func text(_ figure: ThemeFigures.Figure, _ threshold: AnonymityThreshold?) -> String {
        guard let threshold else { return "not yet published" }
        return switch figure.visibility {
        case .shown: "\(figure.value)"
        case .tooFew, .withheld: "held back"
        case .empty: "–"
        }
    }

    static func model(
        _ snapshot: MonitoringSnapshot, place: MonitoringPage.Place, scope: MonitoringScope, checkpoint: Int, display: DisplayDate
    ) -> Model {
        let themes = snapshot.themes
        let at = themes.checkpoints[checkpoint]
        var columns: [Column] = []
        var pick: [(ThemeFigures.Table) -> ThemeFigures.Figure] = []
        var managers: [Int] = []
        var notesUnit: Int?
        var scopeName = MonitoringPage.organisationName
        var unitID: UUID?
        var crumbs: [(label: String, path: String)] = []
        // The levels above this one the viewer sees, nearest last, each with its figures.
        var above: [(name: String, path: String, pick: (ThemeFigures.Table) -> ThemeFigures.Figure)] = []
        func link(_ unit: Int) -> String {
            SiteURL.monitoringThemes.with(query: [
                ("unit", snapshot.units[unit].id.lowerText), ("checkpoint", snapshot.checkpoints[checkpoint].id.lowerText),
            ])
        }
        func unitColumn(_ unit: Int, name: String, linked: Bool) -> Column {
            Column(name: name, link: linked ? link(unit) : nil, people: at.unitPeople[unit], reports: at.unitReports[unit])
        }
        let children: [Int]
        switch place {
        case .organisation:
            columns.append(Column(name: "Whole organisation", link: nil, people: at.organisationPeople, reports: at.organisationReports))
            pick.append { $0.organisation }
            children = snapshot.topUnits
            managers = at.reports.indices.filter { at.reports[$0].unit == nil && at.reports[$0].placed }
        case .unit(let index):
            scopeName = snapshot.units[index].name
            unitID = snapshot.units[index].id
            columns.append(unitColumn(index, name: "All of \(scopeName)", linked: false))
            pick.append { $0.units[index] }
            children = snapshot.units[index].children
            managers = at.reports.indices.filter { at.reports[$0].unit == index }
            notesUnit = index
            if scope.seesOrganisation {
                let path = SiteURL.monitoringThemes.with(query: [("checkpoint", snapshot.checkpoints[checkpoint].id.lowerText)])
                crumbs.append((MonitoringPage.organisationName, path))
                above.append(("the whole organisation", path, { $0.organisation }))
            }
            for unit in snapshot.lineage(of: index).dropLast()
            where scope.sees(unitWithLineage: snapshot.lineage(of: unit).map { snapshot.units[$0].id }) {
                crumbs.append((snapshot.units[unit].name, link(unit)))
                above.append((snapshot.units[unit].name, link(unit), { $0.units[unit] }))
            }
        }
        for child in children {
            columns.append(unitColumn(child, name: snapshot.units[child].name, linked: true))
            pick.append { $0.units[child] }
        }
        managers.sort { at.reports[$0].managerName < at.reports[$1].managerName }
        let cells = at.tables.map { table in pick.map { $0(table) } }
        // Before publication there are no figures: only how many reports have come in.
        let managerCells = at.tables.map { table in managers.map { table.reports[$0] } }
        let trend = themes.themes.indices.map { theme in
            snapshot.checkpoints.indices.map { index in
                themes.checkpoints[index].isPublished ? pick[0](themes.checkpoints[index].tables[theme]) : ThemeFigures.empty
            }
        }
        let notes = managers.compactMap { index -> (managerName: String, people: Int, note: String)? in
            let report = at.reports[index]
            guard report.unit == notesUnit, let note = report.note else { return nil }
            return (report.managerName, report.people, note)
        }
        let nearer = above.last { level in at.isPublished && at.tables.contains { level.pick($0).visibility == .shown } }
        return Model(
            scopeName: scopeName, unitID: unitID, crumbs: crumbs,
            checkpoints: snapshot.checkpoints.indices.map {
                MonitoringPage.CheckpointChoice(id: snapshot.checkpoints[$0].id, label: MonitoringPage.label(snapshot, $0))
            }, selected: checkpoint, threshold: at.threshold, releasedOn: at.releasedAt.map(display.day),
            publishedOn: display.day(at.publishedOn), themes: themes.themes.map(\.name), columns: columns, cells: cells,
            managers: managers.map { at.reports[$0] }, managerCells: managerCells,
            trendCheckpoints: snapshot.checkpoints.indices.map { MonitoringPage.label(snapshot, $0) }, trend: trend,
            trendThresholds: themes.checkpoints.map { $0.isPublished ? $0.threshold : nil }, notes: notes,
            nearerFigures: nearer.map { ($0.name, $0.path) })
    }

    /// Every unit in the scope at the checkpoint, every theme; and each line manager's report in
    /// them: each figure as the page shows it.
    static func csv(_ snapshot: MonitoringSnapshot, place: MonitoringPage.Place, checkpoint chosen: Int) -> String {
        let themes = snapshot.themes
        var csv = CSVWriter(header: ["Unit", "Line manager", "Career year", "Checkpoint", "Theme", "Raised it", "Drawn from", "Reports"])
        func figure(_ f: ThemeFigures.Figure) -> CSVWriter.Cell {
            f.visibility == .shown ? .number(f.value) : .text(text(f, themes.checkpoints[chosen].threshold))
        }
        func rows(_ name: String, unit: Int?) {
            for (index, checkpoint) in snapshot.checkpoints.enumerated() where index == chosen && themes.checkpoints[index].isPublished {
                let at = themes.checkpoints[index]
                let year = CareerYear.label(startYear: snapshot.startYears[index])
                let people = unit.map { at.unitPeople[$0] } ?? at.organisationPeople
                let reports = unit.map { at.unitReports[$0] } ?? at.organisationReports
                for (theme, table) in zip(themes.themes, at.tables) {
                    let f = unit.map { table.units[$0] } ?? table.organisation
                    csv.row([
                        .text(name), "", .text(year), .text(checkpoint.name), .text(theme.name), figure(f), .number(people),
                        .number(reports),
                    ])
                }
                for (number, report) in at.reports.enumerated() where report.unit == unit && report.placed {
                    for (theme, table) in zip(themes.themes, at.tables) {
                        csv.row([
                            .text(name), .text(report.managerName), .text(year), .text(checkpoint.name), .text(theme.name),
                            figure(table.reports[number]), .number(report.people), 1,
                        ])
                    }
                }
            }
        }
        var stack: [Int]
        switch place {
        case .organisation:
            rows(MonitoringPage.organisationName, unit: nil)
            stack = snapshot.topUnits.reversed()
        case .unit(let index):
            stack = [index]
        }
        while let next = stack.popLast() {
            rows(snapshot.units[next].path, unit: next)
            stack.append(contentsOf: snapshot.units[next].children.reversed())
        }
        return csv.text
    }
}

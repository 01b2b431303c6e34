import FootholdCore
import Foundation

/// How often each theme came up, by unit and checkpoint, from line managers' reports, with the
/// anonymity rules applied once for the whole organisation (`DisclosureTable`), so every viewer
/// sees part of one protected table and no two views can be combined to work a figure out.
struct ThemeFigures: Sendable {
    struct Figure: Sendable, Equatable {
        var value: Int
        var visibility: DisclosureTable.Visibility
    }

    struct Table: Sendable {
        /// Each unit with everything below it.
        var units: [Figure]
        var organisation: Figure
        /// Each report, in the order of `Checkpoint.reports`.
        var reports: [Figure]
    }

    struct Report: Sendable {
        var managerID: UUID
        var managerName: String
        var unit: Int?
        var people: Int
    }

    struct Checkpoint: Sendable {
        var reports: [Report]
        /// People the reports draw on, and how many reports, in each unit with everything below it.
        var unitPeople: [Int]
        var unitReports: [Int]
        var organisationPeople: Int
        var organisationReports: Int
        /// One table for each theme, in `themes` order.
        var tables: [Table]
    }

    let themes: [MonitoringStore.ThemeRow]
    let threshold: AnonymityThreshold
    /// In the snapshot's checkpoint order.
    let checkpoints: [Checkpoint]

    init(
        counts: MonitoringStore.ThemeCounts, checkpoints checkpointIDs: [UUID], units: [MonitoringSnapshot.Unit],
        unitIndex: [UUID: Int], managerNames: [UUID: String]
    ) {
        threshold = counts.threshold
        let reported = Set(counts.reports.flatMap(\.counts.keys))
        themes = counts.themes.filter { $0.isActive || reported.contains($0.id) }
        let unitCount = units.count
        var checkpoints: [Checkpoint] = []
        for checkpointID in checkpointIDs {
            let rows = counts.reports.filter { $0.checkpointID == checkpointID }.sorted { $0.id.uuidString < $1.id.uuidString }
            let reports = rows.map { row in
                Report(
                    managerID: row.managerID, managerName: managerNames[row.managerID] ?? "A former line manager",
                    unit: row.unitID.flatMap { unitIndex[$0] }, people: row.people)
            }
            // The tree every theme's table shares: units, then the organisation, then the reports.
            let root = unitCount
            var parents: [Int?] = units.map { $0.parent ?? root }
            parents.append(nil)
            for report in reports { parents.append(report.unit ?? root) }

            var tables: [Table] = []
            var people: [Int] = []
            var reportCounts: [Int] = []
            for (themeNumber, theme) in themes.enumerated() {
                var nodes = parents.map { DisclosureTable.Node(parent: $0) }
                for (offset, row) in rows.enumerated() {
                    let author = counts.viewers.contains(row.managerID) ? row.managerID : nil
                    nodes[root + 1 + offset] = .init(
                        parent: parents[root + 1 + offset], value: row.counts[theme.id] ?? 0, people: row.people, author: author)
                }
                let table = DisclosureTable(nodes: nodes)
                let shown = table.protect(counts.threshold)
                func figure(_ index: Int) -> Figure { Figure(value: table.nodes[index].value, visibility: shown[index]) }
                tables.append(
                    Table(
                        units: (0..<unitCount).map(figure), organisation: figure(root),
                        reports: rows.indices.map { figure(root + 1 + $0) }))
                if themeNumber == 0 { people = (0...root).map { table.nodes[$0].people } }
            }
            if themes.isEmpty {
                // No theme to count, but the people the reports draw on are still known.
                let table = DisclosureTable(
                    nodes: parents.enumerated().map { index, parent in
                        index > root ? .init(parent: parent, people: rows[index - root - 1].people) : .init(parent: parent)
                    })
                people = (0...root).map { table.nodes[$0].people }
            }
            // Reports received in each unit and below, added up the tree.
            reportCounts = Array(repeating: 0, count: root + 1)
            for report in reports {
                var at: Int? = report.unit ?? root
                while let index = at {
                    reportCounts[index] += 1
                    at = index == root ? nil : (units[index].parent ?? root)
                }
            }
            checkpoints.append(
                Checkpoint(
                    reports: reports, unitPeople: Array(people.prefix(unitCount)), unitReports: Array(reportCounts.prefix(unitCount)),
                    organisationPeople: people.last ?? 0, organisationReports: reportCounts.last ?? 0, tables: tables))
        }
        self.checkpoints = checkpoints
    }
}

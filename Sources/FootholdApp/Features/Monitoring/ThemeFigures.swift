import FootholdCore
import FootholdData
import Foundation

/// How often each theme came up, by unit and checkpoint, as published (decision 0021): each
/// checkpoint's figures come from its release, protected once for the whole organisation and never
/// changed, laid over the units as they are now. Before a checkpoint is published only how many
/// reports have arrived is known. Every figure any viewer sees is one of a release's.
struct ThemeFigures: Sendable {
    typealias Figure = ThemeRelease.Figure

    struct Table: Sendable {
        /// Each unit with everything below it, as published (empty for a unit that did not exist).
        var units: [Figure]
        var organisation: Figure
        /// Each report, in the order of `Checkpoint.reports`.
        var reports: [Figure]
    }

    struct Report: Sendable {
        var managerID: UUID
        var managerName: String
        /// The unit it was counted in, as it is now; nil for the organisation itself.
        var unit: Int?
        /// False when that unit no longer exists: the report is listed nowhere.
        var placed: Bool
        var people: Int
        var note: String?
    }

    struct Checkpoint: Sendable {
        /// When its figures were published; nil while reports are still coming in.
        var releasedAt: Date?
        /// The day it is, or was, published.
        var publishedOn: CalendarDate
        var threshold: AnonymityThreshold
        var reports: [Report]
        /// People the reports draw on, and how many reports, in each unit with everything below it.
        var unitPeople: [Int]
        var unitReports: [Int]
        var organisationPeople: Int
        var organisationReports: Int
        /// One table for each theme, in `themes` order; empty until published.
        var tables: [Table]

        var isPublished: Bool { releasedAt != nil }
    }

    struct ThemeName: Sendable {
        var id: UUID
        var name: String
    }

    /// Every theme of any published checkpoint, in the theme list's order.
    let themes: [ThemeName]
    /// The threshold today, for what is said before anything is published.
    let threshold: AnonymityThreshold
    /// In the snapshot's checkpoint order.
    let checkpoints: [Checkpoint]

    static let empty = Figure(value: 0, visibility: .empty)

    init(
        themes current: [ThemeReportStore.ThemeRow], threshold: AnonymityThreshold, checkpoints checkpointList: [FootholdCore.Checkpoint],
        releases: [UUID: (release: ThemeRelease, at: Date)], received: [UUID: [UUID?: Int]], reportingDays: Int,
        units: [MonitoringSnapshot.Unit], unitIndex: [UUID: Int]
    ) {
        self.threshold = threshold
        // The themes: those published, in today's order, then any since removed, by name.
        var seen: [UUID: String] = [:]
        for (release, _) in releases.values { for theme in release.themes { seen[theme.id] = theme.name } }
        var names: [ThemeName] = current.filter { seen[$0.id] != nil }.map { ThemeName(id: $0.id, name: $0.name) }
        let listed = Set(names.map(\.id))
        names += seen.filter { !listed.contains($0.key) }.map { ThemeName(id: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
        themes = names
        let unitCount = units.count

        func addedUp(_ counts: [UUID?: Int]) -> (units: [Int], organisation: Int) {
            var totals = Array(repeating: 0, count: unitCount)
            var organisation = 0
            for (unitID, count) in counts {
                organisation += count
                var at = unitID.flatMap { unitIndex[$0] }
                while let index = at {
                    totals[index] += count
                    at = units[index].parent
                }
            }
            return (totals, organisation)
        }

        checkpoints = checkpointList.map { checkpoint in
            let publishedOn = ThemeRelease.lastReportingDay(closes: checkpoint.closes, reportingDays: reportingDays).adding(days: 1)
            guard let (release, releasedAt) = releases[checkpoint.id] else {
                let (unitReports, organisationReports) = addedUp(received[checkpoint.id] ?? [:])
                return Checkpoint(
                    releasedAt: nil, publishedOn: publishedOn, threshold: threshold, reports: [],
                    unitPeople: Array(repeating: 0, count: unitCount), unitReports: unitReports, organisationPeople: 0,
                    organisationReports: organisationReports, tables: [])
            }
            // Today's units, each found in the release by its id.
            let releaseUnit = Dictionary(uniqueKeysWithValues: release.units.enumerated().map { ($1.id, $0) })
            let mapped = units.map { releaseUnit[$0.id] }
            let reports = release.reports.map { report in
                let now = report.unit.map { release.units[$0].id }.flatMap { unitIndex[$0] }
                return Report(
                    managerID: report.managerID, managerName: report.managerName, unit: now, placed: report.unit == nil || now != nil,
                    people: report.people, note: report.note)
            }
            let themePosition = Dictionary(uniqueKeysWithValues: release.themes.enumerated().map { ($1.id, $0) })
            let tables = names.map { theme in
                guard let position = themePosition[theme.id] else {
                    return Table(
                        units: Array(repeating: Self.empty, count: unitCount), organisation: Self.empty,
                        reports: Array(repeating: Self.empty, count: reports.count))
                }
                let table = release.tables[position]
                return Table(
                    units: mapped.map { $0.map { table.units[$0] } ?? Self.empty }, organisation: table.organisation, reports: table.reports
                )
            }
            return Checkpoint(
                releasedAt: releasedAt, publishedOn: publishedOn, threshold: AnonymityThreshold(clamping: release.threshold),
                reports: reports, unitPeople: mapped.map { $0.map { release.unitPeople[$0] } ?? 0 },
                unitReports: mapped.map { $0.map { release.unitReports[$0] } ?? 0 }, organisationPeople: release.organisationPeople,
                organisationReports: release.organisationReports, tables: tables)
        }
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A line manager's report of their team's common themes at a checkpoint, to their director, and
/// the requests the team can action locally (seed 000).
enum ThemeReportPage {
    struct Model: Sendable {
        var checkpoints: [MonitoringPage.CheckpointChoice]
        var selected: Int
        var director: String?
        var people: Int
        var themes: [ThemeReportStore.ThemeRow]
        /// What the form shows for each theme: what was typed, what was sent, or the tags.
        var values: [UUID: String]
        var tagged: [UUID: Int]
        var note: String
        var sentAt: Date?
        /// The day this checkpoint's figures are, or were, published (decision 0021), and whether that has come.
        var publishedOn: CalendarDate
        var isPublished: Bool
        var threshold: AnonymityThreshold
        var requests: [TeamRequestStore.TeamRequest]
        var problems: FieldProblems
        var requestText: String
        var requestProblem: String?

        var checkpoint: MonitoringPage.CheckpointChoice { checkpoints[selected] }
    }

    struct RequestForm: Content {
        var request: String?
    }

    /// The checkpoints a report can be for: those of this career year that have opened.
    static func checkpoints(_ year: CareerYear, today: CalendarDate) -> [Checkpoint] {
        year.checkpoints.sorted { $0.opens < $1.opens }.filter { $0.opens <= today }
    }

    static func load(
        manager: UUID, year: CareerYear, asked: UUID?, today: CalendarDate, on reads: Reads
    ) async throws -> Model? {
        let open = checkpoints(year, today: today)
        guard !open.isEmpty else { return nil }
        let selected =
            asked.flatMap { id in open.firstIndex { $0.id == id } } ?? open.lastIndex { $0.contains(today) } ?? open.count - 1
        let checkpoint = open[selected]
        let basis = try await ThemeReportStore.reportBasis(manager: manager, checkpoint: checkpoint.id, on: reads)
        let sent = try await ThemeReportStore.report(manager: manager, checkpoint: checkpoint.id, on: reads)
        let themes = try await ThemeReportStore.themes(on: reads).filter(\.isActive)
        let days = try await ThemeReleaseStore.reportingDays(on: reads)
        let publishedOn = ThemeRelease.lastReportingDay(closes: checkpoint.closes, reportingDays: days).adding(days: 1)
        var values: [UUID: String] = [:]
        for theme in themes {
            values[theme.id] = String(sent?.counts[theme.id] ?? (sent == nil ? basis.tagged[theme.id] ?? 0 : 0))
        }
        return Model(
            checkpoints: open.map { MonitoringPage.CheckpointChoice(id: $0.id, label: "\($0.name), \(year.label)") }, selected: selected,
            director: try await ThemeReportStore.director(of: manager, on: reads)?.name, people: basis.people,
            themes: themes, values: values, tagged: basis.tagged, note: sent?.note ?? "",
            sentAt: sent?.submittedAt, publishedOn: publishedOn, isPublished: today >= publishedOn,
            threshold: try await ThemeReportStore.threshold(on: reads),
            requests: try await TeamRequestStore.requests(of: manager, on: reads),
            problems: FieldProblems(), requestText: "", requestProblem: nil)
    }
}

import Fluent
import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit
import Vapor

/// Theme figures published once a checkpoint's reporting period ends (decision 0021): what goes
/// into a release, storing it once however many servers try, and reading releases back.
package enum ThemeReleaseStore {
    package static let reportingDaysSetting = "theme_reporting_days"
    package static let schema = M024_ThemeReleases.schema

    /// How many days after a window closes its figures are published.
    package static func reportingDays(on reads: Reads) async throws -> Int {
        let value = try await reads.firstRow(
            "SELECT value FROM organisation_settings WHERE name = \(bind: reportingDaysSetting)"
        )?.decode(column: "value", as: String.self)
        return value.flatMap(Int.init).flatMap { ThemeRelease.reportingDays.contains($0) ? $0 : nil }
            ?? ThemeRelease.standardReportingDays
    }

    package static func setReportingDays(_ days: Int, by person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            try await database.sql.raw(
                """
                INSERT INTO organisation_settings (id, name, value, updated_at) \
                VALUES (\(bind: UUID()), \(bind: reportingDaysSetting), \(bind: String(days)), \(bind: now)) \
                ON CONFLICT (name) DO UPDATE SET value = \(bind: String(days)), updated_at = \(bind: now)
                """
            ).run()
            try await AuditLog.record(
                .themeReportingChanged, by: person, detail: "\(days) day\(days == 1 ? "" : "s") after a window closes", at: now,
                on: database)
        }
    }

    /// The first moment after a checkpoint's reporting period: reports sent before it count.
    package static func releaseMoment(_ checkpoint: Checkpoint, reportingDays: Int, timeZone: TimeZone) -> Date {
        ThemeRelease.lastReportingDay(closes: checkpoint.closes, reportingDays: reportingDays).adding(days: 1).start(in: timeZone)
    }

    /// Publishes each of these checkpoints whose reporting period has ended and that has no
    /// release yet. The figures are worked out from reports sent before the period ended, with
    /// units, names and the threshold as they are now, on `pool` when given; stored once (a second
    /// server doing the same at the same moment stores nothing), with one audit line.
    /// Returns what this call stored (what another server stored first is read as usual).
    @discardableResult
    package static func publishDue(
        _ checkpoints: [(checkpoint: Checkpoint, startYear: Int)], now: Date, timeZone: TimeZone, reads: Reads,
        database: any Database, pool: NIOThreadPool?
    ) async throws -> [(stored: Stored, release: ThemeRelease)] {
        guard !checkpoints.isEmpty else { return [] }
        let days = try await reportingDays(on: reads)
        let due = checkpoints.filter { releaseMoment($0.checkpoint, reportingDays: days, timeZone: timeZone) <= now }
        guard !due.isEmpty else { return [] }
        var made: [(stored: Stored, release: ThemeRelease)] = []
        let ids: [any Encodable & Sendable] = due.map(\.checkpoint.id)
        let published = Set(
            try await reads.rows("SELECT checkpoint_id FROM \(unsafeRaw: schema) WHERE checkpoint_id IN (\(binds: ids))")
                .map { try $0.decode(column: "checkpoint_id", as: UUID.self) })
        for (checkpoint, startYear) in due where !published.contains(checkpoint.id) {
            let until = releaseMoment(checkpoint, reportingDays: days, timeZone: timeZone)
            let inputs = try await releaseInputs(checkpoint: checkpoint.id, until: until, on: reads)
            let make: @Sendable () throws -> (ThemeRelease, Data) = {
                let release = ThemeRelease.make(
                    checkpointID: checkpoint.id, threshold: inputs.threshold, themes: inputs.themes, units: inputs.units,
                    reports: inputs.reports)
                return (release, try JSONEncoder().encode(release))
            }
            let release: ThemeRelease
            let figures: Data
            if let pool { (release, figures) = try await pool.runIfActive(make) } else { (release, figures) = try make() }
            let text = String(decoding: figures, as: UTF8.self)
            let id = UUID()
            let label = "\(checkpoint.name), \(CareerYear.label(startYear: startYear))"
            try await database.transaction { database in
                let stored = try await database.sql.raw(
                    """
                    INSERT INTO \(unsafeRaw: schema) (id, checkpoint_id, released_at, reports_until, figures) \
                    VALUES (\(bind: id), \(bind: checkpoint.id), \(bind: now), \(bind: until), \(bind: text)) \
                    ON CONFLICT (checkpoint_id) DO NOTHING RETURNING id
                    """
                ).all()
                guard !stored.isEmpty else { return }
                let count = inputs.reports.count
                try await AuditLog.record(
                    .themesPublished, by: nil, detail: "\(label): \(count) report\(count == 1 ? "" : "s")", at: now, on: database)
            }
            let mine = try await database.sql.raw("SELECT id FROM \(unsafeRaw: schema) WHERE id = \(bind: id)").first()
            if mine != nil { made.append((Stored(id: id, checkpointID: checkpoint.id, releasedAt: now), release)) }
        }
        return made
    }

    package struct Inputs: Sendable {
        package var threshold: AnonymityThreshold
        package var themes: [ThemeRelease.Theme]
        package var units: [ThemeRelease.Unit]
        package var reports: [ThemeRelease.Report]
    }

    /// What a release is made of: the units as they are, the theme list, and the reports sent in time.
    package static func releaseInputs(checkpoint: UUID, until: Date, on reads: Reads) async throws -> Inputs {
        let unitRows = try await reads.rows("SELECT id, name, parent_id FROM units ORDER BY path, id")
        let unitIDs = try unitRows.map { try $0.decode(column: "id", as: UUID.self) }
        let position = Dictionary(uniqueKeysWithValues: unitIDs.enumerated().map { ($1, $0) })
        let units = try unitRows.map { row in
            let parent = try row.decodeNil(column: "parent_id") ? nil : try row.decode(column: "parent_id", as: UUID.self)
            return ThemeRelease.Unit(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                parent: parent.flatMap { position[$0] })
        }
        var reports: [ThemeRelease.Report] = []
        var index: [UUID: Int] = [:]
        for row in try await reads.rows(
            """
            SELECT r.id, r.manager_id, r.unit_id, r.people, r.note, m.name FROM theme_reports r JOIN people m ON m.id = r.manager_id \
            WHERE r.checkpoint_id = \(bind: checkpoint) AND r.submitted_at < \(bind: until)
            """)
        {
            let unit = try row.decodeNil(column: "unit_id") ? nil : try row.decode(column: "unit_id", as: UUID.self)
            index[try row.decode(column: "id", as: UUID.self)] = reports.count
            reports.append(
                ThemeRelease.Report(
                    managerID: try row.decode(column: "manager_id", as: UUID.self),
                    managerName: try row.decode(column: "name", as: String.self),
                    unit: unit.flatMap { position[$0] }, people: try row.decode(column: "people", as: Int.self),
                    note: try row.decode(column: "note", as: String.self), counts: [:]))
        }
        for row in try await reads.rows(
            """
            SELECT n.report_id, n.theme_id, n.people FROM theme_report_counts n JOIN theme_reports r ON r.id = n.report_id \
            WHERE r.checkpoint_id = \(bind: checkpoint) AND r.submitted_at < \(bind: until)
            """)
        {
            guard let report = index[try row.decode(column: "report_id", as: UUID.self)] else { continue }
            reports[report].counts[try row.decode(column: "theme_id", as: UUID.self)] = try row.decode(column: "people", as: Int.self)
        }
        let reported = Set(reports.flatMap(\.counts.keys))
        let themes = try await ThemeReportStore.themes(on: reads).filter { $0.isActive || reported.contains($0.id) }
            .map { ThemeRelease.Theme(id: $0.id, name: $0.name) }
        return Inputs(threshold: try await ThemeReportStore.threshold(on: reads), themes: themes, units: units, reports: reports)
    }

    package struct Stored: Sendable {
        package var id: UUID
        package var checkpointID: UUID
        package var releasedAt: Date
    }

    /// Which of these checkpoints are published, without their figures.
    package static func published(_ checkpoints: [UUID], on reads: Reads) async throws -> [Stored] {
        guard !checkpoints.isEmpty else { return [] }
        let ids: [any Encodable & Sendable] = checkpoints
        return try await reads.rows(
            "SELECT id, checkpoint_id, released_at FROM \(unsafeRaw: schema) WHERE checkpoint_id IN (\(binds: ids))"
        ).map { row in
            Stored(
                id: try row.decode(column: "id", as: UUID.self), checkpointID: try row.decode(column: "checkpoint_id", as: UUID.self),
                releasedAt: try row.decode(column: "released_at", as: Date.self))
        }
    }

    package static func figures(of release: UUID, on reads: Reads) async throws -> ThemeRelease? {
        guard
            let text = try await reads.firstRow("SELECT figures FROM \(unsafeRaw: schema) WHERE id = \(bind: release)")?
                .decode(column: "figures", as: String.self)
        else { return nil }
        return try JSONDecoder().decode(ThemeRelease.self, from: Data(text.utf8))
    }

    /// Reports received so far for each checkpoint, by the unit each is counted in (nil: none).
    package static func reportsReceived(_ checkpoints: [UUID], on reads: Reads) async throws -> [UUID: [UUID?: Int]] {
        guard !checkpoints.isEmpty else { return [:] }
        let ids: [any Encodable & Sendable] = checkpoints
        var counts: [UUID: [UUID?: Int]] = [:]
        for row in try await reads.rows(
            """
            SELECT checkpoint_id, unit_id, COUNT(*) AS n FROM theme_reports WHERE checkpoint_id IN (\(binds: ids)) \
            GROUP BY checkpoint_id, unit_id
            """)
        {
            let unit = try row.decodeNil(column: "unit_id") ? nil : try row.decode(column: "unit_id", as: UUID.self)
            counts[try row.decode(column: "checkpoint_id", as: UUID.self), default: [:]][unit] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Line managers' theme reports: the theme list, the anonymity threshold, what a report would draw
/// on, and the reports sent.
package enum ThemeReportStore {
    package struct ThemeRow: Sendable {
        package var id: UUID
        package var name: String
        package var isActive: Bool
    }

    /// The theme list, in its order.
    package static func themes(on reads: Reads) async throws -> [ThemeRow] {
        try await reads.rows("SELECT id, name, active FROM themes ORDER BY position, name").map { row in
            ThemeRow(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                isActive: try row.decode(column: "active", as: Bool.self))
        }
    }

    package static let thresholdSetting = "anonymity_threshold"

    package static func threshold(on reads: Reads) async throws -> AnonymityThreshold {
        let value = try await reads.firstRow("SELECT value FROM organisation_settings WHERE name = \(bind: thresholdSetting)")?
            .decode(column: "value", as: String.self)
        return value.flatMap(Int.init).map(AnonymityThreshold.init(clamping:)) ?? .standard
    }

    package static func setThreshold(_ threshold: AnonymityThreshold, by person: UUID, at now: Date, on database: any Database) async throws
    {
        try await database.transaction { database in
            let existing = try await OrganisationSettingModel.query(on: database).filter(\.$name == thresholdSetting).first()
            let setting = existing ?? OrganisationSettingModel()
            setting.name = thresholdSetting
            setting.value = String(threshold.people)
            setting.updatedAt = now
            try await setting.save(on: database)
            try await AuditLog.record(.anonymityChanged, by: person, detail: "set to \(threshold.people) people", at: now, on: database)
        }
    }

    /// Whom a person reports to as a director: the head of their unit, or of the nearest unit above
    /// when they head their own. Nil when nobody is.
    package static func director(of person: UUID, on reads: Reads) async throws -> (id: UUID, name: String)? {
        let heads = try await OrganisationStore.headsAbove(person: person, on: reads)
        guard let director = Directorship.director(of: person, heads: heads.map(\.id)) else { return nil }
        return (director, heads.first { $0.id == director }?.name ?? "")
    }

    /// What a report at this checkpoint would draw on: the manager's reports whose checkpoint
    /// conversation with them was held, and how many of those had each theme tagged. One query,
    /// from the team (CROSS JOIN keeps SQLite starting there, not at every conversation of the
    /// checkpoint); the row with no theme carries the count of people.
    package static func reportBasis(manager: UUID, checkpoint: UUID, on reads: Reads) async throws -> (people: Int, tagged: [UUID: Int]) {
        let held = ConversationState.held.rawValue
        let rows = try await reads.rows(
            """
            SELECT CAST(NULL AS uuid) AS theme_id, COUNT(DISTINCT p.id) AS people FROM people p CROSS JOIN conversations c \
            WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) AND c.employee_id = p.id \
            AND c.checkpoint_id = \(bind: checkpoint) AND c.guide_id = \(bind: manager) AND c.state = \(bind: held) \
            UNION ALL SELECT ct.theme_id, COUNT(DISTINCT p.id) AS people FROM people p CROSS JOIN conversations c \
            CROSS JOIN conversation_themes ct WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) \
            AND c.employee_id = p.id AND c.checkpoint_id = \(bind: checkpoint) AND c.guide_id = \(bind: manager) \
            AND c.state = \(bind: held) AND ct.conversation_id = c.id GROUP BY ct.theme_id
            """)
        var people = 0
        var tagged: [UUID: Int] = [:]
        for row in rows {
            let count = try row.decode(column: "people", as: Int.self)
            if try row.decodeNil(column: "theme_id") {
                people = count
            } else {
                tagged[try row.decode(column: "theme_id", as: UUID.self)] = count
            }
        }
        return (people, tagged)
    }

    package struct SentReport: Sendable {
        package var people: Int
        package var note: String
        package var counts: [UUID: Int]
        package var submittedAt: Date
    }

    package static func report(manager: UUID, checkpoint: UUID, on reads: Reads) async throws -> SentReport? {
        let rows = try await reads.rows(
            """
            SELECT r.people, r.note, r.submitted_at, n.theme_id, n.people AS theme_people FROM theme_reports r \
            LEFT JOIN theme_report_counts n ON n.report_id = r.id WHERE r.manager_id = \(bind: manager) \
            AND r.checkpoint_id = \(bind: checkpoint)
            """)
        guard let first = rows.first else { return nil }
        var counts: [UUID: Int] = [:]
        for row in rows where !(try row.decodeNil(column: "theme_id")) {
            counts[try row.decode(column: "theme_id", as: UUID.self)] = try row.decode(column: "theme_people", as: Int.self)
        }
        return SentReport(
            people: try first.decode(column: "people", as: Int.self), note: try first.decode(column: "note", as: String.self),
            counts: counts, submittedAt: try first.decode(column: "submitted_at", as: Date.self))
    }

    /// Sends or replaces the manager's report for the checkpoint, counted in their unit as it is now.
    package static func saveReport(
        manager: UUID, checkpoint: UUID, people: Int, counts: [UUID: Int], note: String, ids: @escaping @Sendable () -> UUID, at now: Date,
        on database: any Database
    ) async throws {
        try await database.transaction { database in
            let unit = try await PersonModel.find(manager, on: database)?.$unit.id
            try await ThemeReportModel.query(on: database).filter(\.$manager.$id == manager).filter(\.$checkpoint.$id == checkpoint)
                .delete()
            let report = ThemeReportModel()
            report.id = ids()
            report.$manager.id = manager
            report.$unit.id = unit
            report.$checkpoint.id = checkpoint
            report.people = people
            report.note = note
            report.submittedAt = now
            try await report.create(on: database)
            for (theme, count) in counts.sorted(by: { $0.key.uuidString < $1.key.uuidString }) where count > 0 {
                let line = ThemeReportCountModel()
                line.id = ids()
                line.$report.id = try report.requireID()
                line.$theme.id = theme
                line.people = count
                try await line.create(on: database)
            }
            // That a report was sent, and for which checkpoint; never its figures or its note.
            let name = try await CheckpointModel.find(checkpoint, on: database)?.name ?? "a checkpoint"
            try await AuditLog.record(.themeReportSent, by: manager, detail: "for \(name)", at: now, on: database)
        }
    }

}

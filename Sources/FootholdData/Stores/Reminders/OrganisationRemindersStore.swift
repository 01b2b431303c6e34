import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Where the organisation's reminder settings are kept (`organisation_settings`), and the deletion
/// their retention period asks for.
package enum OrganisationRemindersStore {
    package static let names = (
        webhook: "chat_webhook_url", digests: "chat_webhook_digests", retention: "retention_months"
    )

    package static func load(on reads: Reads) async throws -> OrganisationReminders {
        var values: [String: String] = [:]
        let wanted = [names.webhook, names.digests, names.retention]
        for row in try await reads.rows("SELECT name, value FROM organisation_settings WHERE name IN (\(binds: wanted))") {
            values[try row.decode(column: "name", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        return OrganisationReminders(
            webhook: values[names.webhook].flatMap { $0.isEmpty ? nil : $0 }, webhookDigests: values[names.digests] == "yes",
            retentionMonths: values[names.retention].flatMap(Int.init).flatMap {
                OrganisationReminders.retentionRange.contains($0) ? $0 : nil
            })
    }

    package static func save(_ settings: OrganisationReminders, by person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database.sql
            for (name, value) in [
                (names.webhook, settings.webhook ?? ""), (names.digests, settings.webhookDigests ? "yes" : "no"),
                (names.retention, settings.retentionMonths.map(String.init) ?? ""),
            ] {
                try await sql.raw(
                    """
                    INSERT INTO organisation_settings (id, name, value, updated_at) \
                    VALUES (\(bind: UUID()), \(bind: name), \(bind: value), \
                    \(bind: now)) ON CONFLICT (name) DO UPDATE SET value = \(bind: value), updated_at = \(bind: now)
                    """
                ).run()
            }
            let host = settings.webhook.flatMap { URLComponents(string: $0)?.host }.map(OutboundAddress.normalised) ?? ""
            let chat =
                settings.webhook == nil
                ? "no chat webhook"
                : settings.webhookDigests ? "a chat webhook at \(host) for digests" : "a chat webhook at \(host), sent nothing"
            let kept =
                settings.retentionMonths.map { "private notes and preparation kept \($0) months" } ?? "private notes and preparation kept"
            try await AuditLog.record(.remindersChanged, by: person, detail: "\(chat); \(kept)", at: now, on: database)
        }
    }

    /// Deletes private notes and preparation last changed before the retention period, and records
    /// how many in the audit log. Returns how many of each went.
    package static func applyRetention(months: Int, now: Date, timeZone: TimeZone, on database: any Database) async throws -> (
        notes: Int, preparations: Int
    ) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let cutoff = calendar.date(byAdding: .month, value: -months, to: now) ?? now
        return try await database.transaction { database in
            let sql = database.sql
            func count(_ table: String) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE updated_at < \(bind: cutoff)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
            }
            let notes = try await count(PrivateNoteModel.schema)
            let preparations = try await count(PreparationModel.schema)
            guard notes + preparations > 0 else { return (0, 0) }
            try await sql.raw("DELETE FROM \(unsafeRaw: PrivateNoteModel.schema) WHERE updated_at < \(bind: cutoff)").run()
            try await sql.raw("DELETE FROM \(unsafeRaw: PreparationModel.schema) WHERE updated_at < \(bind: cutoff)").run()
            let day = DisplayDate(timeZone: timeZone, now: now).day(cutoff)
            try await AuditLog.record(
                .retentionDeleted, by: nil,
                detail: "\(notes) private note\(notes == 1 ? "" : "s") and \(preparations) preparation\(preparations == 1 ? "" : "s") "
                    + "last changed before \(day) (kept \(months) months)", at: now, on: database)
            return (notes, preparations)
        }
    }
}

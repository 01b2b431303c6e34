import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What HR administrators choose for the whole organisation: a chat webhook for reminders, and how
/// long private notes and preparation are kept (SPEC §7). Kept in `organisation_settings`.
struct OrganisationReminders: Sendable, Equatable {
    /// A Slack-compatible incoming webhook, or nil for none.
    var webhook: String?
    /// Directors' weekly digests go to the webhook. Nothing else ever does: a channel is shared,
    /// and every other reminder names whom someone meets.
    var webhookDigests = false
    /// Private notes and preparation last changed longer ago than this are deleted; nil keeps them.
    var retentionMonths: Int?

    static let retentionRange = 6...120

    static let names = (
        webhook: "chat_webhook_url", digests: "chat_webhook_digests", retention: "retention_months"
    )

    /// Whether the reminder goes to the chat webhook too.
    func sendsToWebhook(_ kind: ReminderKind) -> Bool {
        webhook != nil && webhookDigests && kind.goesToSharedChannel
    }

    /// What an HR administrator typed, checked: each problem names its field.
    static func parse(webhook: String, digests: Bool, retention: String, outbound: OutboundHTTP) -> Result<Self, FieldProblems> {
        var problems = FieldProblems()
        var settings = OrganisationReminders(webhookDigests: digests)
        let address = webhook.trimmingCharacters(in: .whitespaces)
        if !address.isEmpty {
            if let problem = outbound.problem(address) { problems.add("webhook", problem) } else { settings.webhook = address }
        } else if digests {
            problems.add("webhook", "Enter the webhook address to send directors' digests to, or untick them")
        }
        let months = retention.trimmingCharacters(in: .whitespaces)
        if !months.isEmpty {
            if let value = Int(months), retentionRange.contains(value) {
                settings.retentionMonths = value
            } else {
                problems.add(
                    "retention",
                    "Enter a whole number of months from \(retentionRange.lowerBound) to \(retentionRange.upperBound), "
                        + "or leave it empty to keep them"
                )
            }
        }
        return problems.isEmpty ? .success(settings) : .failure(problems)
    }

    static func load(on reads: Reads) async throws -> OrganisationReminders {
        var values: [String: String] = [:]
        let wanted = [names.webhook, names.digests, names.retention]
        for row in try await reads.rows("SELECT name, value FROM organisation_settings WHERE name IN (\(binds: wanted))") {
            values[try row.decode(column: "name", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        return OrganisationReminders(
            webhook: values[names.webhook].flatMap { $0.isEmpty ? nil : $0 }, webhookDigests: values[names.digests] == "yes",
            retentionMonths: values[names.retention].flatMap(Int.init).flatMap { retentionRange.contains($0) ? $0 : nil })
    }

    func save(by person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database.sql
            for (name, value) in [
                (Self.names.webhook, webhook ?? ""), (Self.names.digests, webhookDigests ? "yes" : "no"),
                (Self.names.retention, retentionMonths.map(String.init) ?? ""),
            ] {
                try await sql.raw(
                    """
                    INSERT INTO organisation_settings (id, name, value, updated_at) \
                    VALUES (\(bind: UUID()), \(bind: name), \(bind: value), \
                    \(bind: now)) ON CONFLICT (name) DO UPDATE SET value = \(bind: value), updated_at = \(bind: now)
                    """
                ).run()
            }
            let host = webhook.flatMap { URLComponents(string: $0)?.host }.map(OutboundAddress.normalised) ?? ""
            let chat =
                webhook == nil
                ? "no chat webhook" : webhookDigests ? "a chat webhook at \(host) for digests" : "a chat webhook at \(host), sent nothing"
            let kept = retentionMonths.map { "private notes and preparation kept \($0) months" } ?? "private notes and preparation kept"
            try await AuditLog.record(.remindersChanged, by: person, detail: "\(chat); \(kept)", at: now, on: database)
        }
    }

    /// Deletes private notes and preparation last changed before the retention period, and records
    /// how many in the audit log. Returns how many of each went.
    static func applyRetention(months: Int, now: Date, timeZone: TimeZone, on database: any Database) async throws -> (
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

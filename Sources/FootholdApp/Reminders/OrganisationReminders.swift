import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What HR administrators choose for the whole organisation: a chat webhook for reminders, and how
/// long private notes and preparation are kept (SPEC §7). Kept in `organisation_settings`.
struct OrganisationReminders: Sendable, Equatable {
    /// A Slack-compatible incoming webhook, or nil for none.
    var webhook: String?
    /// Directors' weekly digests go to the webhook.
    var webhookDigests = false
    /// Everyone's other reminders go to it too.
    var webhookReminders = false
    /// Private notes and preparation last changed longer ago than this are deleted; nil keeps them.
    var retentionMonths: Int?

    static let retentionRange = 6...120

    static let names = (
        webhook: "chat_webhook_url", digests: "chat_webhook_digests", reminders: "chat_webhook_reminders",
        retention: "retention_months"
    )

    /// Whether the reminder goes to the chat webhook too.
    func sendsToWebhook(_ kind: ReminderKind) -> Bool {
        webhook != nil && (kind == .digest ? webhookDigests : webhookReminders)
    }

    /// What an HR administrator typed, checked: each problem names its field.
    static func parse(webhook: String, digests: Bool, reminders: Bool, retention: String) -> Result<Self, FieldProblems> {
        var problems = FieldProblems()
        var settings = OrganisationReminders(webhookDigests: digests, webhookReminders: reminders)
        let address = webhook.trimmingCharacters(in: .whitespaces)
        if !address.isEmpty {
            if let problem = webhookProblem(address) { problems.add("webhook", problem) } else { settings.webhook = address }
        } else if digests || reminders {
            problems.add("webhook", "Enter the webhook address to send reminders to, or untick both kinds")
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

    /// An https:// address; http:// only to this machine (a relay running beside Foothold).
    static func webhookProblem(_ address: String) -> String? {
        guard address.count <= 500, let url = URL(string: address), let scheme = url.scheme?.lowercased(),
            let host = url.host, !host.isEmpty, address.allSatisfy({ !$0.isWhitespace })
        else { return "Enter a web address such as https://hooks.slack.com/services/…" }
        if scheme == "https" { return nil }
        if scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) { return nil }
        return "The webhook address must start with https:// (http:// only to this machine), so what is sent cannot be read on the way"
    }

    static func load(on reads: Reads) async throws -> OrganisationReminders {
        var values: [String: String] = [:]
        let wanted = [names.webhook, names.digests, names.reminders, names.retention]
        for row in try await reads.rows("SELECT name, value FROM organisation_settings WHERE name IN (\(binds: wanted))") {
            values[try row.decode(column: "name", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        return OrganisationReminders(
            webhook: values[names.webhook].flatMap { $0.isEmpty ? nil : $0 }, webhookDigests: values[names.digests] == "yes",
            webhookReminders: values[names.reminders] == "yes",
            retentionMonths: values[names.retention].flatMap(Int.init).flatMap { retentionRange.contains($0) ? $0 : nil })
    }

    func save(by person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            let sql = database.sql
            for (name, value) in [
                (Self.names.webhook, webhook ?? ""), (Self.names.digests, webhookDigests ? "yes" : "no"),
                (Self.names.reminders, webhookReminders ? "yes" : "no"), (Self.names.retention, retentionMonths.map(String.init) ?? ""),
            ] {
                try await sql.raw(
                    """
                    INSERT INTO organisation_settings (id, name, value, updated_at) \
                    VALUES (\(bind: UUID()), \(bind: name), \(bind: value), \
                    \(bind: now)) ON CONFLICT (name) DO UPDATE SET value = \(bind: value), updated_at = \(bind: now)
                    """
                ).run()
            }
            let chat =
                webhook == nil
                ? "no chat webhook"
                : "a chat webhook for " + (webhookDigests ? "digests" : "")
                    + (webhookDigests && webhookReminders ? " and " : "") + (webhookReminders ? "reminders" : "")
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

import Foundation

/// What HR administrators choose for the whole organisation: a chat webhook for reminders, and how
/// long private notes and preparation are kept (SPEC §7). Kept in `organisation_settings`.
public struct OrganisationReminders: Sendable, Equatable {
    /// A Slack-compatible incoming webhook, or nil for none.
    public var webhook: String?
    /// Directors' weekly digests go to the webhook. Nothing else ever does: a channel is shared,
    /// and every other reminder names whom someone meets.
    public var webhookDigests = false
    /// Private notes and preparation last changed longer ago than this are deleted; nil keeps them.
    public var retentionMonths: Int?

    public static let retentionRange = 6...120

    public init(webhook: String? = nil, webhookDigests: Bool = false, retentionMonths: Int? = nil) {
        self.webhook = webhook
        self.webhookDigests = webhookDigests
        self.retentionMonths = retentionMonths
    }

    /// Whether the reminder goes to the chat webhook too.
    public func sendsToWebhook(_ kind: ReminderKind) -> Bool {
        webhook != nil && webhookDigests && kind.goesToSharedChannel
    }

    /// What an HR administrator typed, checked: each problem names its field.
    /// `webhookProblem` says what is wrong with an address Foothold may not send to (decision 0020).
    public static func parse(
        webhook: String, digests: Bool, retention: String, webhookProblem: (String) -> String?
    ) -> Result<Self, FieldProblems> {
        var problems = FieldProblems()
        var settings = OrganisationReminders(webhookDigests: digests)
        let address = webhook.trimmingCharacters(in: .whitespaces)
        if !address.isEmpty {
            if let problem = webhookProblem(address) { problems.add("webhook", problem) } else { settings.webhook = address }
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
}

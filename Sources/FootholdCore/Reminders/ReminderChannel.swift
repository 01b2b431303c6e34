import Foundation

/// Where a reminder or a piece of news is delivered besides the app itself.
public enum ReminderChannel: String, Sendable, CaseIterable {
    /// To the person, by e-mail.
    case email
    /// To the organisation's chat channel, counted and never named (decision 0019).
    case chat
}

import Foundation

/// The links that let a person in: an invitation to set a first password, or a link to choose a
/// new one (decision 0022). Each works once, and only for a while.
public enum AccountLink {
    /// How long an invitation link works.
    public static let invitationLifetime: TimeInterval = 7 * 24 * 60 * 60
    /// How long a link to choose a new password works.
    public static let resetLifetime: TimeInterval = 30 * 60
}

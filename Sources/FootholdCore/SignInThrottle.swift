import Foundation

/// Repeated wrong passwords for one email address are slowed down: the first few are free, then
/// each further try must wait twice as long as the last, up to a quarter of an hour. The same rule
/// applies whether or not the address belongs to anyone, so it reveals nothing.
public enum SignInThrottle {
    public static let freeAttempts = 5
    public static let firstWait: TimeInterval = 30
    public static let longestWait: TimeInterval = 15 * 60

    /// How long someone must still wait before trying again, or nil when they may try now.
    public static func waitRemaining(failures: Int, lastFailure: Date, now: Date) -> TimeInterval? {
        guard failures >= freeAttempts else { return nil }
        let doublings = min(failures - freeAttempts, 10)
        let wait = min(firstWait * pow(2, Double(doublings)), longestWait)
        let remaining = lastFailure.addingTimeInterval(wait).timeIntervalSince(now)
        return remaining > 0 ? remaining : nil
    }
}

/// What a password must be.
public enum PasswordRules {
    public static let minimumLength = 10
    public static let maximumLength = 72  // bcrypt reads no further

    public static func problem(with password: String) -> String? {
        if password.isEmpty { return "Enter a password" }
        if password.count < minimumLength { return "Use at least \(minimumLength) characters" }
        if password.utf8.count > maximumLength { return "Use no more than \(maximumLength) characters" }
        if password.trimmingCharacters(in: .whitespaces).isEmpty { return "Use some characters other than spaces" }
        return nil
    }
}

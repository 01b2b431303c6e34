import Foundation

/// Email addresses in Foothold compare case-insensitively, so they are kept in one normal form.
public enum EmailAddress {
    /// The normal form: trimmed and lower-cased.
    public static func normalised(_ raw: String) -> String {
        raw.trimmed().lowercased()
    }

    /// Why `raw` is not a usable email address, in plain words, or nil when it is fine.
    public static func problem(with raw: String) -> String? {
        let email = normalised(raw)
        if email.isEmpty { return "is empty" }
        if email.count > 254 { return "is longer than 254 characters" }
        if email.contains(where: { $0.isWhitespace }) { return "'\(raw)' contains a space" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "'\(raw)' should contain exactly one @" }
        let (local, domain) = (parts[0], parts[1])
        if local.isEmpty { return "'\(raw)' has nothing before the @" }
        if domain.isEmpty { return "'\(raw)' has nothing after the @" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 || labels.contains(where: \.isEmpty) {
            return "'\(raw)' does not end in a domain such as example.org"
        }
        return nil
    }
}

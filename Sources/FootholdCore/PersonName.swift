import Foundation

/// Names Foothold makes up when it has none to go by.
public enum PersonName {
    /// "anna.o-brien@example.org" reads as "Anna O Brien": for someone added by their address alone.
    public static func fromEmail(_ email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        return local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}

import Foundation

/// Where someone may be sent after signing in or after a form: a path on this site and nothing
/// else, so that no link can use Foothold to send a person to another site (an open redirect).
public enum SafeDestination {
    /// Longer than any address Foothold makes.
    static let longest = 2_000

    /// The path when it is one of this site's, or nil. Refused: anything not starting with a
    /// single "/" (a scheme, "//host"), a backslash anywhere (browsers read it as "/"), control
    /// characters (browsers drop tabs and newlines, so "/\t/x" becomes "//x"), and the same
    /// tricks written with %-escapes, however many times escaped.
    public static func path(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text.utf8.count <= longest else { return nil }
        var current = text
        for round in 0..<4 {
            guard isPlainSitePath(current) else { return nil }
            guard current.contains("%") else { return text }
            // A broken escape is not a path Foothold made; after a round of decoding, a "%" left
            // over is the text's own ("50%25" is "50%").
            guard let decoded = current.removingPercentEncoding else { return round == 0 ? nil : text }
            if decoded == current { return text }
            current = decoded
        }
        return nil
    }

    private static func isPlainSitePath(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return false }
        }
        // Unicode spaces and format characters that a browser may strip or fold.
        return !text.unicodeScalars.contains { $0.properties.generalCategory == .format || $0.properties.isWhitespace && $0 != " " }
    }
}

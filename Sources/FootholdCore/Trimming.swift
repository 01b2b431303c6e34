/// Trimming without Foundation's bridge to NSString, which is slow on Linux and runs for every cell
/// of a 50,000-row import.
extension StringProtocol {
    /// Without spaces and tabs at either end (like `.whitespaces`), and line breaks too when asked
    /// (like `.whitespacesAndNewlines`).
    public func trimmed(newlines: Bool = true) -> String {
        func isBlank(_ c: Character) -> Bool { c.isWhitespace && (newlines || !c.isNewline) }
        guard let first = firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = lastIndex(where: { !isBlank($0) })!
        return String(self[first...last])
    }

    /// The text with its first letter upper-cased: "Changed a role" from "changed a role".
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import FootholdCore
import Foundation
import Vapor

extension Request {
    /// One value of the URL's query, as `request.query[String.self, at: name]` reads it, without
    /// building Vapor's decoder: pages read one or two values, and the decoder parsed the whole
    /// query into a tree for each (3% of a directory search). "+" is a space and %XX an escaped
    /// byte; a name given twice takes its last value. Anything unusual (a bracketed name, a broken
    /// escape) is left to Vapor, so the answer is always Vapor's.
    func queryValue(_ name: String) -> String? {
        guard let query = url.query, !query.isEmpty else { return nil }
        if query.utf8.contains(UInt8(ascii: "[")) { return self.query[String.self, at: name] }
        var found: String?
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            // A name without "=" is a flag, which Vapor does not read as a string.
            guard let equals = pair.firstIndex(of: "=") else { continue }
            guard Self.decoded(pair[..<equals]) == name else { continue }
            guard let text = Self.decoded(pair[pair.index(after: equals)...]) else { return self.query[String.self, at: name] }
            found = text
        }
        return found
    }

    /// A whole number from the query within `range`, or nil when it is missing, not one or outside it.
    func queryInt(_ name: String, in range: ClosedRange<Int>) -> Int? {
        queryValue(name).flatMap { Int($0) }.flatMap { range.contains($0) ? $0 : nil }
    }

    /// The page number asked for, from 1 to `Paging.largestPage`, whatever was typed.
    func queryPage() -> Int { Paging.number(queryValue("page")) }

    /// `+` as a space and %XX escapes decoded; nil when an escape is broken.
    private static func decoded(_ text: Substring) -> String? {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
        return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

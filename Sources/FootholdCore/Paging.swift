import Foundation

/// Which page of a long list someone asked for, read from what they typed in a URL. Every list that
/// pages goes through here, so no page number, however large, can make the offset arithmetic trap.
public struct Paging: Sendable, Equatable {
    /// Far beyond any real list (a page of 100 audit events here is ten million events in), and
    /// small enough that `largestPage * size` stays far from overflowing.
    public static let largestPage = 100_000
    /// The biggest page any list shows.
    public static let largestSize = 1_000

    /// From 1 to `largestPage`.
    public let number: Int
    /// From 1 to `largestSize`.
    public let size: Int

    /// A page number as typed: missing, not a number or below 1 is the first page; beyond the
    /// largest page is the largest page.
    public init(_ text: String?, size: Int) {
        self.init(number: Self.number(text), size: size)
    }

    public init(number: Int, size: Int) {
        self.number = min(max(number, 1), Self.largestPage)
        self.size = min(max(size, 1), Self.largestSize)
    }

    /// How many rows come before the page.
    public var offset: Int { (number - 1) * size }
    /// One more row than the page holds, to tell whether a next page exists.
    public var limitWithOneMore: Int { size + 1 }

    /// A page number from text: digits only (an optional leading "+"), at most `largestPage`.
    public static func number(_ text: String?) -> Int {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return 1 }
        let digits = text.hasPrefix("+") ? Substring(text.dropFirst()) : Substring(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return 1 }
        // Leading zeros aside, more than six digits is beyond the largest page.
        let significant = digits.drop { $0 == "0" }
        if significant.count > 6 { return largestPage }
        return Int(significant).map { min(max($0, 1), largestPage) } ?? 1
    }
}

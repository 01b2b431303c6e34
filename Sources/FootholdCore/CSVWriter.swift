/// Writes a table as CSV by RFC 4180: UTF-8, CRLF line ends, fields in double quotes when they
/// hold a comma, a quote or a line break. A cell that a spreadsheet would take as a formula
/// (starting with `=`, `+`, `-`, `@`, or a tab or carriage return before one) is written with a
/// leading apostrophe, so opening an export never runs anything (OWASP's advice on CSV injection).
/// Numbers are passed as `Int` and never altered: a negative figure stays a number.
public struct CSVWriter: Sendable {
    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Int)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(integerLiteral value: Int) { self = .number(value) }
    }

    public private(set) var text = ""

    public init(header: [String]) { row(header.map(Cell.text)) }

    public mutating func row(_ cells: [Cell]) {
        var first = true
        for cell in cells {
            if !first { text += "," }
            first = false
            switch cell {
            case .number(let value): text += String(value)
            case .text(let value): text += Self.field(value)
            }
        }
        text += "\r\n"
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// One text field, neutralised and quoted as needed.
    public static func field(_ value: String) -> String {
        var value = value
        // By scalar, not by character: "\r\n" is one character in Swift.
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}

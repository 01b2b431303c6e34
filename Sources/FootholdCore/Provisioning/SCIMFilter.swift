import Foundation

/// The part of SCIM's filter language (RFC 7644 §3.4.2.2) identity providers use to find a
/// person or a group before they change it: `attribute eq "value"`, joined by `and`. Operators
/// and attribute names are read in any letter case; anything else is refused with SCIM's
/// `invalidFilter`, never guessed at.
public struct SCIMFilter: Sendable, Equatable {
    public enum Attribute: String, Sendable, CaseIterable {
        case id
        case userName
        case externalId
        case displayName
    }

    public struct Condition: Sendable, Equatable {
        public var attribute: Attribute
        public var value: String
    }

    public var conditions: [Condition]

    /// The longest filter read.
    public static let longest = 1_000

    public static func parse(_ text: String) -> Result<SCIMFilter, SCIMProblem> {
        guard text.utf8.count <= longest else { return .failure(.invalidFilter("The filter is longer than \(longest) characters")) }
        var tokens: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "\"" {
                // A quoted value; \" and \\ stand for themselves.
                var value = ""
                var at = text.index(after: index)
                var closed = false
                while at < text.endIndex {
                    let next = text[at]
                    if next == "\\", text.index(after: at) < text.endIndex {
                        at = text.index(after: at)
                        value.append(text[at])
                    } else if next == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(next)
                    }
                    at = text.index(after: at)
                }
                guard closed else { return .failure(.invalidFilter("A quoted value in the filter is not closed")) }
                tokens.append("\"" + value)
                index = text.index(after: at)
            } else {
                var word = ""
                while index < text.endIndex, !text[index].isWhitespace, text[index] != "\"" {
                    word.append(text[index])
                    index = text.index(after: index)
                }
                tokens.append(word)
            }
        }
        var conditions: [Condition] = []
        var position = 0
        while position < tokens.count {
            if !conditions.isEmpty {
                guard tokens[position].lowercased() == "and" else {
                    return .failure(.invalidFilter("Only conditions joined by 'and' are understood, not '\(tokens[position].prefix(20))'"))
                }
                position += 1
            }
            guard position + 2 < tokens.count else { return .failure(.invalidFilter("The filter ends before its condition does")) }
            let name = tokens[position]
            guard let attribute = Attribute.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                return .failure(
                    .invalidFilter("Filtering by '\(name.prefix(40))' is not supported: use id, userName, externalId or displayName"))
            }
            guard tokens[position + 1].lowercased() == "eq" else {
                return .failure(.invalidFilter("Only the operator 'eq' is supported, not '\(tokens[position + 1].prefix(20))'"))
            }
            let quoted = tokens[position + 2]
            guard quoted.hasPrefix("\"") else { return .failure(.invalidFilter("A value in the filter must be in double quotes")) }
            guard !quoted.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                return .failure(.invalidFilter("A value in the filter holds a control character"))
            }
            conditions.append(Condition(attribute: attribute, value: String(quoted.dropFirst())))
            position += 3
        }
        guard !conditions.isEmpty else { return .failure(.invalidFilter("The filter is empty")) }
        return .success(SCIMFilter(conditions: conditions))
    }
}

/// What is wrong with a SCIM request, as SCIM's error document says it (RFC 7644 §3.12).
public struct SCIMProblem: Error, Sendable, Equatable {
    public var status: Int
    /// SCIM's `scimType`, when one fits.
    public var type: String?
    public var detail: String

    public init(status: Int, type: String?, detail: String) {
        self.status = status
        self.type = type
        self.detail = detail
    }

    public static func invalidFilter(_ detail: String) -> SCIMProblem { SCIMProblem(status: 400, type: "invalidFilter", detail: detail) }
    public static func invalidValue(_ detail: String) -> SCIMProblem { SCIMProblem(status: 400, type: "invalidValue", detail: detail) }
    public static func invalidSyntax(_ detail: String) -> SCIMProblem { SCIMProblem(status: 400, type: "invalidSyntax", detail: detail) }
    public static func uniqueness(_ detail: String) -> SCIMProblem { SCIMProblem(status: 409, type: "uniqueness", detail: detail) }
    public static func notFound(_ detail: String) -> SCIMProblem { SCIMProblem(status: 404, type: nil, detail: detail) }
}

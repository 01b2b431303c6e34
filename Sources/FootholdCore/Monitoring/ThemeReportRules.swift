import Foundation

/// What a line manager's report of their team's common themes must be (seed 000): for each theme,
/// how many of the people it draws on raised it, a whole number from none to all of them; and an
/// optional note of reasonable length.
public enum ThemeReportRules {
    public static let noteLimit = 2_000
    public static let requestLimit = 500

    public struct Typed: Sendable {
        public var themeID: UUID
        public var name: String
        public var text: String

        public init(themeID: UUID, name: String, text: String) {
            self.themeID = themeID
            self.name = name
            self.text = text
        }
    }

    /// The field a theme's count is typed in.
    public static func field(_ themeID: UUID) -> String { "theme-" + themeID.uuidString.lowercased() }

    /// The counts, or each problem beside its field.
    public static func check(_ typed: [Typed], people: Int, note: String) -> Result<[UUID: Int], FieldProblems> {
        var problems = FieldProblems()
        var counts: [UUID: Int] = [:]
        for entry in typed {
            let text = entry.text.trimmed(newlines: true)
            if text.isEmpty {
                counts[entry.themeID] = 0
                continue
            }
            guard let number = Int(text), (0...people).contains(number) else {
                problems.add(
                    field(entry.themeID),
                    "“\(entry.name)”: enter how many of the \(people) people raised it, a whole number from 0 to \(people)")
                continue
            }
            counts[entry.themeID] = number
        }
        if note.count > noteLimit {
            problems.add("note", "The note is \(note.count) characters long: keep it to \(noteLimit)")
        }
        return problems.isEmpty ? .success(counts) : .failure(problems)
    }

    /// A team's request that can be actioned locally: some words, not too many.
    public static func checkRequest(_ text: String) -> String? {
        let trimmed = text.trimmed(newlines: true)
        if trimmed.isEmpty { return "Write what your team asks for, such as “a monthly hour to learn from another team”" }
        if trimmed.count > requestLimit { return "The request is \(trimmed.count) characters long: keep it to \(requestLimit)" }
        return nil
    }
}

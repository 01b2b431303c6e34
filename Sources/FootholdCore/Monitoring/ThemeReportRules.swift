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

/// What the Leadership Team records for a unit and theme (seed 000: "what more can be done at a
/// unit level"): what will be done, by whom, and optionally by when.
public enum UnitResponseRules {
    public static let responseLimit = 1_000
    public static let byWhomLimit = 200

    public struct Checked: Sendable, Equatable {
        public var response: String
        public var byWhom: String
        public var dueOn: CalendarDate?
    }

    public static func check(response: String, byWhom: String, dueOn: String, today: CalendarDate) -> Result<Checked, FieldProblems> {
        var problems = FieldProblems()
        let response = response.trimmed(newlines: true)
        let byWhom = byWhom.trimmed(newlines: true)
        let due = dueOn.trimmed(newlines: true)
        if response.isEmpty {
            problems.add("response", "Write what more will be done, such as “a lunchtime talk each month on moving between teams”")
        } else if response.count > responseLimit {
            problems.add("response", "This is \(response.count) characters long: keep it to \(responseLimit)")
        }
        if byWhom.isEmpty {
            problems.add("by_whom", "Say who will do it: a person, a team or a role")
        } else if byWhom.count > byWhomLimit {
            problems.add("by_whom", "This is \(byWhom.count) characters long: keep it to \(byWhomLimit)")
        }
        var date: CalendarDate?
        if !due.isEmpty {
            if let parsed = CalendarDate(iso: due) {
                if parsed < today { problems.add("due_on", "Choose a day from today on, not one that has passed") } else { date = parsed }
            } else {
                problems.add("due_on", "Enter the day as a date, such as \(today.adding(days: 30).iso)")
            }
        }
        return problems.isEmpty ? .success(Checked(response: response, byWhom: byWhom, dueOn: date)) : .failure(problems)
    }
}

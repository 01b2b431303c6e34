import Foundation

/// A person's living personal development plan (SPEC §3, Career plan), owned by them. Stored as
/// one JSON document per career year and in each snapshot, so a year's plan and every snapshot
/// read back exactly as they were.
public struct CareerPlan: Codable, Equatable, Sendable {
    /// The plan's written parts, in the order the page shows them.
    public enum Field: String, CaseIterable, Codable, Sendable {
        case whereIAm = "where_i_am"
        case progress
        case inThreeYears = "in_three_years"
        case strengths
        case roles
        case barriers
        case support

        public var label: String {
            switch self {
            case .whereIAm: "Where I am now"
            case .progress: "Progress so far"
            case .inThreeYears: "Where I want to be in three years and beyond"
            case .strengths: "My strengths and interests"
            case .roles: "Roles that interest me, inside or outside the organisation"
            case .barriers: "Barriers, including to promotion"
            case .support: "Support I need, and where it could come from"
            }
        }

        public var hint: String {
            switch self {
            case .whereIAm: "Your role today, what you do well in it and what you would change."
            case .progress: "What you have done, learnt or taken on since you last looked at this plan."
            case .inThreeYears: "Roles, kinds of work or ways of working you are aiming for."
            case .strengths: "What you are good at, and the tasks that make time fly."
            case .roles: "Name them where you can: a team, a job title, a kind of role elsewhere."
            case .barriers: "What stands in the way: experience, a qualification, time, confidence, how promotion works here."
            case .support: "From your manager, a mentor, training, the organisation or people outside it."
            }
        }
    }

    /// Whether the person wants to broaden their experience or deepen it.
    public enum Direction: String, CaseIterable, Codable, Sendable {
        case breadth, depth, both

        public var label: String {
            switch self {
            case .breadth: "Breadth: try different kinds of work"
            case .depth: "Depth: become expert in what I do"
            case .both: "Some of both"
            }
        }
    }

    /// A development goal; actions and journal entries link to its id, which stays the same from
    /// year to year.
    public struct Goal: Codable, Equatable, Sendable, Identifiable {
        public var id: UUID
        public var text: String

        public init(id: UUID, text: String) {
            self.id = id
            self.text = text
        }
    }

    /// Each field's text, by `Field.rawValue`; a missing key is an empty field.
    public var fields: [String: String]
    public var direction: Direction?
    public var goals: [Goal]

    public init(fields: [Field: String] = [:], direction: Direction? = nil, goals: [Goal] = []) {
        self.fields = Dictionary(uniqueKeysWithValues: fields.filter { !$0.value.isEmpty }.map { ($0.key.rawValue, $0.value) })
        self.direction = direction
        self.goals = goals
    }

    public subscript(field: Field) -> String {
        get { fields[field.rawValue] ?? "" }
        set { fields[field.rawValue] = newValue.isEmpty ? nil : newValue }
    }

    public var isEmpty: Bool { fields.values.allSatisfy(\.isEmpty) && direction == nil && goals.isEmpty }

    public static let maximumFieldLength = 4_000
    public static let maximumGoalLength = 300
    public static let maximumGoals = 12

    /// The stored form: JSON with sorted keys, so equal plans are equal text.
    public var document: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// The plan a stored document holds; an empty plan for a document that does not read.
    public init(document: String) {
        self = (try? JSONDecoder().decode(CareerPlan.self, from: Data(document.utf8))) ?? CareerPlan()
    }
}

/// What changed between two versions of a plan, field by field and goal by goal.
public struct PlanChanges: Equatable, Sendable {
    public enum Kind: String, Sendable { case added, changed, removed }

    public struct FieldChange: Equatable, Sendable {
        public var label: String
        public var kind: Kind
        /// The words, each kept, added or struck out.
        public var words: [WordDiff.Piece]
    }

    public struct GoalChange: Equatable, Sendable {
        public var kind: Kind
        public var words: [WordDiff.Piece]
    }

    public var fields: [FieldChange]
    public var goals: [GoalChange]

    public var isEmpty: Bool { fields.isEmpty && goals.isEmpty }

    public init(from old: CareerPlan, to new: CareerPlan) {
        var fields: [FieldChange] = []
        func compare(_ label: String, _ before: String, _ after: String) {
            guard before != after else { return }
            let kind: Kind = before.trimmed().isEmpty ? .added : (after.trimmed().isEmpty ? .removed : .changed)
            fields.append(FieldChange(label: label, kind: kind, words: WordDiff.diff(before, after)))
        }
        compare("Breadth or depth", old.direction?.label ?? "", new.direction?.label ?? "")
        for field in CareerPlan.Field.allCases { compare(field.label, old[field], new[field]) }
        self.fields = fields

        var goals: [GoalChange] = []
        let before = Dictionary(old.goals.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        let afterIDs = Set(new.goals.map(\.id))
        for goal in new.goals {
            if let earlier = before[goal.id] {
                if earlier != goal.text { goals.append(GoalChange(kind: .changed, words: WordDiff.diff(earlier, goal.text))) }
            } else {
                goals.append(GoalChange(kind: .added, words: WordDiff.diff("", goal.text)))
            }
        }
        for goal in old.goals where !afterIDs.contains(goal.id) {
            goals.append(GoalChange(kind: .removed, words: WordDiff.diff(goal.text, "")))
        }
        self.goals = goals
    }
}

/// Which words were kept, added and struck out between two texts: the longest common
/// subsequence of their words, so a small edit shows as a small change.
public enum WordDiff {
    public enum Piece: Equatable, Sendable {
        case same(String), added(String), removed(String)

        public var text: String {
            switch self {
            case .same(let text), .added(let text), .removed(let text): text
            }
        }
    }

    /// Beyond this many word pairs the texts are shown as all removed and all added.
    static let largestTable = 4_000_000

    public static func diff(_ old: String, _ new: String) -> [Piece] {
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        if a.isEmpty && b.isEmpty { return [] }
        guard a.count * b.count <= largestTable else { return merge(a.map(Piece.removed) + b.map(Piece.added)) }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...], in one flat array.
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var pieces: [Piece] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                pieces.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                // Struck-out words come before the words that replace them.
                pieces.append(.removed(a[i]))
                i += 1
            } else {
                pieces.append(.added(b[j]))
                j += 1
            }
        }
        return merge(pieces)
    }

    /// Runs of the same kind joined into one piece: "struck out: the old words".
    static func merge(_ pieces: [Piece]) -> [Piece] {
        var merged: [Piece] = []
        for piece in pieces {
            switch (merged.last, piece) {
            case (.same(let x)?, .same(let y)): merged[merged.count - 1] = .same(x + " " + y)
            case (.added(let x)?, .added(let y)): merged[merged.count - 1] = .added(x + " " + y)
            case (.removed(let x)?, .removed(let y)): merged[merged.count - 1] = .removed(x + " " + y)
            default: merged.append(piece)
            }
        }
        return merged
    }
}

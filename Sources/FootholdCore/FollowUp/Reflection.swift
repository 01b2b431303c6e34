import Foundation

/// The employee's private look back at a held conversation (seed 004): was the influence
/// objective met, did they ask their questions, state what they wanted and share their feedback,
/// where their time went between Push and Pull, what worked, and what they would do differently.
public struct Reflection: Codable, Equatable, Sendable {
    public enum Answer: String, CaseIterable, Codable, Sendable {
        case yes, partly, no

        public var label: String {
            switch self {
            case .yes: "Yes"
            case .partly: "Partly"
            case .no: "No"
            }
        }
    }

    /// Where the time went: putting forward (Push) or asking and listening (Pull).
    public enum Balance: String, CaseIterable, Codable, Sendable {
        case mostlyPush = "mostly_push"
        case balanced
        case mostlyPull = "mostly_pull"

        public var label: String {
            switch self {
            case .mostlyPush: "Mostly Push: putting forward what I wanted"
            case .balanced: "About even"
            case .mostlyPull: "Mostly Pull: asking questions and listening"
            }
        }
    }

    /// The yes, partly or no questions, in the order the page asks them.
    public enum Question: String, CaseIterable, Codable, Sendable {
        case influenceMet = "influence_met"
        case askedQuestions = "asked_questions"
        case statedWants = "stated_wants"
        case sharedFeedback = "shared_feedback"
        case movedEasily = "moved_easily"

        public var wording: String {
            switch self {
            case .influenceMet: "Was your influence objective met?"
            case .askedQuestions: "Did you ask the questions you had prepared?"
            case .statedWants: "Did you say clearly what you wanted?"
            case .sharedFeedback: "Did you share the feedback you meant to?"
            case .movedEasily: "Was it easy to move between Push and Pull?"
            }
        }
    }

    public var answers: [String: Answer]
    public var balance: Balance?
    public var whatWorked: String
    public var differently: String

    public init(answers: [Question: Answer] = [:], balance: Balance? = nil, whatWorked: String = "", differently: String = "") {
        self.answers = Dictionary(uniqueKeysWithValues: answers.map { ($0.key.rawValue, $0.value) })
        self.balance = balance
        self.whatWorked = whatWorked
        self.differently = differently
    }

    public subscript(question: Question) -> Answer? {
        get { answers[question.rawValue] }
        set { answers[question.rawValue] = newValue }
    }

    public var isEmpty: Bool { answers.isEmpty && balance == nil && whatWorked.isEmpty && differently.isEmpty }

    public static let maximumLength = 4_000

    public var document: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    public init(document: String) {
        self = (try? JSONDecoder().decode(Reflection.self, from: Data(document.utf8))) ?? Reflection()
    }
}

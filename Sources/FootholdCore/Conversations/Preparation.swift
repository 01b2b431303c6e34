/// The questions each side answers before a conversation (SPEC §3, step 3). The keys are fixed;
/// the wording comes from the question bank, which HR administrators may edit.
public enum PreparationField: String, CaseIterable, Sendable, Codable {
    // The employee's side (seed 001, seed 004).
    case whatMattersNow = "what_matters_now"
    case interests
    case motivators
    case strengths
    case timeFlies = "time_flies"
    case inTwelveMonths = "in_twelve_months"
    case inThreeYears = "in_three_years"
    case areasToGrow = "areas_to_grow"
    case supportWanted = "support_wanted"
    case influenceObjective = "influence_objective"
    case pushProposals = "push_proposals"
    case pushWants = "push_wants"
    case pullQuestions = "pull_questions"
    case pullCommonGround = "pull_common_ground"
    case profileLink = "profile_link"
    // The guide's side (seed 001).
    case noticed
    case fullyEngaged = "fully_engaged"
    case strategyFit = "strategy_fit"
    case opportunities
    case organisationSupport = "organisation_support"

    public var side: ConversationSide {
        switch self {
        case .noticed, .fullyEngaged, .strategyFit, .opportunities, .organisationSupport: .guide
        default: .employee
        }
    }

    /// Groups the employee's questions into the parts of the preparation page.
    public var group: PreparationGroup {
        switch self {
        case .influenceObjective: .influence
        case .pushProposals, .pushWants: .push
        case .pullQuestions, .pullCommonGround: .pull
        case .profileLink: .profile
        default: .reflection
        }
    }

    public static func fields(for side: ConversationSide) -> [PreparationField] { allCases.filter { $0.side == side } }

    public static let maximumAnswerLength = 4_000
}

public enum PreparationGroup: String, Sendable, CaseIterable {
    case reflection, influence, push, pull, profile

    public var title: String {
        switch self {
        case .reflection: "Think about yourself"
        case .influence: "What you want from this conversation"
        case .push: "What you will put forward (Push)"
        case .pull: "What you will ask and build on (Pull)"
        case .profile: "Your CV or profile"
        }
    }
}

/// One side's answers, checked before they are saved.
public struct PreparationAnswers: Sendable, Equatable, Codable {
    public var answers: [PreparationField: String]

    public init(_ answers: [PreparationField: String] = [:]) { self.answers = answers }

    /// Keeps the fields of `side` that have something in them; reports answers that are too long
    /// and a profile link that is not a web address.
    public static func from(_ raw: [String: String], side: ConversationSide) -> Result<PreparationAnswers, FieldProblems> {
        var problems = FieldProblems()
        var answers: [PreparationField: String] = [:]
        for field in PreparationField.fields(for: side) {
            var text = (raw[field.rawValue] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            if field == .profileLink { text = Self.webAddress(text) }
            if text.count > PreparationField.maximumAnswerLength {
                problems.add(field.rawValue, "Keep this to \(PreparationField.maximumAnswerLength) characters or fewer")
            }
            if field == .profileLink, !(text.hasPrefix("https://") || text.hasPrefix("http://")) || text.contains(" ") {
                problems.add(field.rawValue, "Enter a web address, such as https://www.linkedin.com/in/your-name")
            }
            answers[field] = text
        }
        return problems.isEmpty ? .success(PreparationAnswers(answers)) : .failure(problems)
    }

    public var isEmpty: Bool { answers.isEmpty }

    /// "linkedin.com/in/ann" as people type it, made "https://linkedin.com/in/ann"; anything with
    /// a scheme, or that is not a host name with a dot, stays as typed for the check to judge.
    static func webAddress(_ text: String) -> String {
        guard !text.contains("://"), !text.contains(" "), !text.contains(":") else { return text }
        let host = text.split(separator: "/", maxSplits: 1).first ?? ""
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
        else { return text }
        return "https://" + text
    }
}

/// The themes an organisation reports on (SPEC §5), before HR administrators change the list.
public enum DefaultThemes {
    public static let names = [
        "Learning and development",
        "Promotion and progression",
        "Moving to a different role or area",
        "Skills and experience to build",
        "Recognition",
        "Workload and wellbeing",
        "Flexible working",
        "Management and support",
        "Mentoring and networks",
        "Leaving or retirement plans",
    ]
}

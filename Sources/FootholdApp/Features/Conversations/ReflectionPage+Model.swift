import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The employee's private reflection after a held conversation (seed 004).
enum ReflectionPage {
    struct Form: Content {
        var influence_met: String?
        var asked_questions: String?
        var stated_wants: String?
        var shared_feedback: String?
        var moved_easily: String?
        var balance: String?
        var what_worked: String?
        var differently: String?

        func answer(_ question: Reflection.Question) -> String? {
            switch question {
            case .influenceMet: influence_met
            case .askedQuestions: asked_questions
            case .statedWants: stated_wants
            case .sharedFeedback: shared_feedback
            case .movedEasily: moved_easily
            }
        }

        init() {}

        init(_ reflection: Reflection) {
            influence_met = reflection[.influenceMet]?.rawValue
            asked_questions = reflection[.askedQuestions]?.rawValue
            stated_wants = reflection[.statedWants]?.rawValue
            shared_feedback = reflection[.sharedFeedback]?.rawValue
            moved_easily = reflection[.movedEasily]?.rawValue
            balance = reflection.balance?.rawValue
            what_worked = reflection.whatWorked
            differently = reflection.differently
        }

        func reflection() -> Result<Reflection, FieldProblems> {
            var problems = FieldProblems()
            var reflection = Reflection()
            for question in Reflection.Question.allCases {
                let text = (answer(question) ?? "").trimmed()
                guard !text.isEmpty else { continue }
                if let answer = Reflection.Answer(rawValue: text) {
                    reflection[question] = answer
                } else {
                    problems.add(question.rawValue, "Answer yes, partly or no, or leave it")
                }
            }
            let balanceText = (balance ?? "").trimmed()
            reflection.balance = Reflection.Balance(rawValue: balanceText)
            if !balanceText.isEmpty && reflection.balance == nil { problems.add("balance", "Choose where your time went, or leave it") }
            reflection.whatWorked = (what_worked ?? "").trimmed()
            reflection.differently = (differently ?? "").trimmed()
            for (name, text) in [("what_worked", reflection.whatWorked), ("differently", reflection.differently)]
            where text.count > Reflection.maximumLength {
                problems.add(name, "Keep this to \(Reflection.maximumLength) characters; it has \(text.count)")
            }
            return problems.isEmpty ? .success(reflection) : .failure(problems)
        }
    }
}

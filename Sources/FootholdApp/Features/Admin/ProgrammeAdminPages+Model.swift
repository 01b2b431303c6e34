import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The pages of the programme's administration: what they show and the forms they keep.
enum ProgrammeAdminPages {
    typealias AuditEntry = FootholdData.AuditEntry

    struct CheckpointForm: Content {
        var name: String?
        var opens: String?
        var closes: String?
        var suggested_minutes: String?
        var focus: String?
        var stage: String?

        var draft: CheckpointDraft {
            CheckpointDraft(
                name: name ?? "", opens: opens ?? "", closes: closes ?? "", suggestedMinutes: suggested_minutes ?? "",
                focus: focus ?? "", stage: stage ?? "")
        }
    }

    struct ThemeForm: Content {
        var name: String?
        var theme: UUID?
        var active: Ticked?
    }

    struct ImportForm: Content {
        var file: File?
    }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The bank as the editing form sends it: one field per preparation question, a title, tip and
    /// questions (one per line) per stage, and questions per point of the year.
    static func bank(fromForm raw: [String: String]) -> QuestionBank {
        var preparation: [PreparationField: String] = [:]
        for field in PreparationField.allCases {
            preparation[field] = (raw["preparation.\(field.rawValue)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let stages = ConversationStage.allCases.map { stage in
            QuestionBank.Stage(
                stage: stage, title: (raw["stages.\(stage.rawValue).title"] ?? "").trimmingCharacters(in: .whitespaces),
                tip: (raw["stages.\(stage.rawValue).tip"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                questions: lines(raw["stages.\(stage.rawValue).questions"] ?? ""))
        }
        var checkpoints: [CheckpointStage: [String]] = [:]
        for stage in CheckpointStage.allCases { checkpoints[stage] = lines(raw["checkpoints.\(stage.rawValue)"] ?? "") }
        return QuestionBank(preparation: preparation, stages: stages, checkpoints: checkpoints)
    }
}

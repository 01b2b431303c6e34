import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The conversation itself: the eight stages in order, each with its tip and suggested questions,
/// the employee's shared preparation where it helps, the expectations agreed at the start, and
/// what was agreed before.
enum GuidedPage {
    struct Model {
        var record: ConversationForViewer
        var bank: QuestionBank
        /// The employee's preparation, when the viewer may read it.
        var preparation: PreparationAnswers?
        var history: ConversationHistory
        /// The opportunities the two put on the agenda while preparing.
        var agenda: [(id: UUID, title: String, kind: OpportunityKind)] = []

        static func load(_ record: ConversationForViewer, on reads: Reads) async throws -> Model {
            let readsPreparation = record.allows(.employeePreparation)
            let (bank, answers) = try await ConversationStore.questionBankAndPreparations(
                of: record.id, sides: readsPreparation ? [.employee] : [], on: reads)
            return Model(
                record: record, bank: bank, preparation: readsPreparation ? answers[.employee] : nil,
                history: try await ConversationStore.history(of: record, on: reads),
                agenda: record.allows(.purpose) ? try await OpportunitiesStore.agenda(of: record.id, on: reads) : [])
        }
    }

    /// Which of the employee's answers help at each stage.
    static func preparationFields(for stage: ConversationStage) -> [PreparationField] {
        switch stage {
        case .agreeOutcomes: [.influenceObjective]
        case .explore: [.whatMattersNow, .interests, .motivators, .strengths, .timeFlies, .inTwelveMonths, .inThreeYears]
        case .shareInformation: [.pullQuestions, .pullCommonGround, .areasToGrow]
        case .agreeActions: [.pushProposals, .pushWants, .supportWanted]
        default: []
        }
    }

    struct ExpectationsForm: Content {
        var expectations: String?
    }

    struct TalkToForm: Content {
        var colleague: String?
        var about: String?
    }
}

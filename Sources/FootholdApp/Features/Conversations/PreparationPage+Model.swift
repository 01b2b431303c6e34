import FootholdCore
import Foundation

/// Each side's private preparation, with what the other side has chosen to share.
enum PreparationPage {
    struct Model {
        var record: ConversationForViewer
        var side: ConversationSide
        var own: PreparationAnswers
        var sharedOwn: Bool
        /// The other side's answers, when they have shared them.
        var other: PreparationAnswers?
        var bank: QuestionBank
        var history: ConversationHistory

        static func load(_ record: ConversationForViewer, side: ConversationSide, on reads: Reads, banks: QuestionBanks) async throws
            -> Model
        {
            let otherSide: ConversationSide = side == .employee ? .guide : .employee
            let otherPart: ConversationAccess.Part = side == .employee ? .guidePreparation : .employeePreparation
            let (bank, answers) = try await ConversationStore.questionBankAndPreparations(
                of: record.id, sides: record.allows(otherPart) ? [side, otherSide] : [side], on: reads, banks: banks)
            return Model(
                record: record, side: side,
                own: answers[side] ?? PreparationAnswers(),
                sharedOwn: side == .employee ? record.conversation.employeePreparationShared : record.conversation.guidePreparationShared,
                other: answers[otherSide], bank: bank,
                history: try await ConversationStore.history(of: record, on: reads))
        }
    }
}

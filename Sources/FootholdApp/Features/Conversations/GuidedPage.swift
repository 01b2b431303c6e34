import Fluent
import FootholdCore
import Foundation

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

        static func load(_ record: ConversationForViewer, on reads: Reads, banks: QuestionBanks) async throws -> Model {
            let readsPreparation = record.allows(.employeePreparation)
            let (bank, answers) = try await ConversationStore.questionBankAndPreparations(
                of: record.id, sides: readsPreparation ? [.employee] : [], on: reads, banks: banks)
            return Model(
                record: record, bank: bank, preparation: readsPreparation ? answers[.employee] : nil,
                history: try await ConversationStore.history(of: record, on: reads))
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

    static func content(
        _ model: Model, display: DisplayDate, csrf: String, typedExpectations: String? = nil,
        problems: FieldProblems = FieldProblems()
    ) -> [BodyNode] {
        let record = model.record
        let employee = ConversationPages.firstName(record.employee)
        let checkpointQuestions = record.checkpoint.map { model.bank.checkpoints[$0.stage] ?? [] } ?? []
        var nodes: [BodyNode] = [
            H.errorSummary(problems.items),
            H.heading(1, "Your conversation with \(ConversationPages.firstName(record.other))"),
            H.paragraph(
                record.side == .guide
                    ? "Walk the stages at \(employee)'s pace. Ask, listen, and guide rather than direct."
                    : "Your guide will walk these stages with you. It is your conversation: say what you want from it.", class: "lead"),
            H.stepper(
                label: "Stages of the conversation", steps: model.bank.stages.map { ($0.title, "stage-\($0.stage.rawValue)") }),
        ]

        if record.allows(.expectations) {
            nodes.append(
                H.el(
                    "section", [H.attr("class", "card"), H.attr("id", "expectations"), H.attr("aria-labelledby", "expectations-title")],
                    H.heading(2, "Agree how you will work together", id: "expectations-title"),
                    H.paragraph(
                        "At the start, agree how long you both have, what each of you wants to focus on, and how the conversation will be recorded."
                    ),
                    H.form(
                        action: SiteURL.guided(record.id).path, csrf: csrf,
                        [
                            H.textarea(
                                name: "expectations", label: "What you agreed",
                                value: typedExpectations ?? record.conversation.expectations,
                                hint: "For example: 45 minutes; focus on the policy secondment; Ben drafts the summary, Freya confirms it.",
                                error: problems.message(for: "expectations"), rows: 3,
                                privacy: "You and \(ConversationPages.firstName(record.other))"),
                            H.button("Save", style: .secondary),
                        ])))
        }

        for stage in model.bank.stages {
            var body: [BodyNode] = [
                H.stageHeading(number: stage.stage.number, title: stage.title, tip: stage.tip)
            ]
            var questions = stage.questions
            if stage.stage == .explore { questions += checkpointQuestions }
            if !questions.isEmpty {
                body.append(H.list(questions, class: "questions"))
            }
            if let preparation = model.preparation {
                let answers = preparationFields(for: stage.stage).compactMap { field in preparation.answers[field].map { (field, $0) } }
                if !answers.isEmpty {
                    body.append(H.privacy(record.side == .employee ? "Your preparation" : "Shared by \(employee)"))
                    body.append(H.summaryList(answers.map { (model.bank.wording(for: $0.0), H.paragraph($0.1, class: "answer")) }))
                }
            }
            if stage.stage == .setUp && !model.history.openActions.isEmpty {
                body.append(H.paragraph("Start by looking back at the actions still open:"))
                body.append(
                    HistoryViews.actionsTable(
                        model.history.openActions, record: record, display: display, csrf: csrf,
                        returnTo: SiteURL.guided(record.id).path, caption: "Actions still open"))
            }
            if stage.stage == .close && record.conversation.state == .scheduled && record.may(.markHeld) {
                body.append(
                    H.link("Mark the conversation as held and write the record", to: SiteURL.markHeld(record.id).path, class: "button"))
            }
            nodes.append(H.el("section", [H.attr("class", "card stage"), H.attr("id", "stage-\(stage.stage.rawValue)")] + body))
        }
        return nodes
    }
}

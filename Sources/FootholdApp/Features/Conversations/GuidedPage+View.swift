import FootholdCore
import FootholdData
import Foundation

extension GuidedPage {
    static func content(
        _ model: Model, display: DisplayDate, csrf: String, typedExpectations: String? = nil,
        problems: FieldProblems = FieldProblems(), typedTalkTo: TalkToForm? = nil, suggested: Bool = false
    ) -> [BodyNode] {
        let record = model.record
        let employee = record.employee.name.firstName
        var nodes: [BodyNode] = [
            H.errorSummary(problems.items),
            suggested
                ? H.notice(
                    "Suggested. \(employee) has a new action, and the colleague has a request to talk with \(employee).", style: "success")
                : H.nothing,
            H.heading(1, "Your conversation with \(record.other.name.firstName)"),
            H.paragraph(
                record.side == .guide
                    ? "Walk the stages at \(employee)'s pace. Ask, listen, and guide rather than direct."
                    : "Your guide will walk these stages with you. It is your conversation: say what you want from it.", class: "lead"),
            H.stepper(
                label: "Stages of the conversation", steps: model.bank.stages.map { ($0.title, "stage-\($0.stage.rawValue)") }),
        ]

        if record.allows(.expectations) {
            nodes.append(expectations(record, typed: typedExpectations, problems: problems, csrf: csrf))
        }
        for stage in model.bank.stages {
            nodes.append(
                H.el(
                    "section",
                    [H.attr("class", "card stage"), H.attr("id", "stage-\(stage.stage.rawValue)")]
                        + stageBody(stage, model: model, display: display, csrf: csrf)
                        + (stage.stage == .shareInformation && record.side == .guide
                            ? [talkToForm(record, typed: typedTalkTo, problems: problems, csrf: csrf)] : [])))
        }
        return nodes
    }

    /// Where the two agree, at the start, how they will work together.
    static func expectations(_ record: ConversationForViewer, typed: String?, problems: FieldProblems, csrf: String) -> BodyNode {
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
                        value: typed ?? record.conversation.expectations,
                        hint: "For example: 45 minutes; focus on the policy secondment; Ben drafts the summary, Freya confirms it.",
                        error: problems.message(for: "expectations"), rows: 3,
                        privacy: "You and \(record.other.name.firstName)"),
                    H.button("Save", style: .secondary),
                ]))
    }

    /// One stage: its tip and questions, the employee's preparation that helps at it, and at the
    /// start the actions still open, at the end the way to the record.
    static func stageBody(_ stage: QuestionBank.Stage, model: Model, display: DisplayDate, csrf: String) -> [BodyNode] {
        let record = model.record
        let employee = record.employee.name.firstName
        let checkpointQuestions = record.checkpoint.map { model.bank.checkpoints[$0.stage] ?? [] } ?? []
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
        if stage.stage == .shareInformation && !model.agenda.isEmpty {
            body.append(H.paragraph("Opportunities you put on the agenda:"))
            body.append(
                H.linkList(model.agenda.map { (label: $0.title, path: SiteURL.opportunity($0.id).path, after: " (\($0.kind.title))") }))
        }
        if stage.stage == .setUp && !model.history.openActions.isEmpty {
            body.append(H.paragraph("Start by looking back at the actions still open:"))
            body.append(
                ConversationHistory.actionsTable(
                    model.history.openActions, record: record, display: display, csrf: csrf,
                    returnTo: SiteURL.guided(record.id).path, caption: "Actions still open"))
        }
        if stage.stage == .close && record.conversation.state == .scheduled && record.may(.markHeld) {
            body.append(
                H.link("Mark the conversation as held and write the record", to: SiteURL.markHeld(record.id).path, class: "button"))
        }
        return body
    }
}

extension GuidedPage {
    /// "Suggest other people to talk to" (seed 001): a colleague from the directory, and what about.
    static func talkToForm(_ record: ConversationForViewer, typed: TalkToForm?, problems: FieldProblems, csrf: String) -> BodyNode {
        let employee = record.employee.name.firstName
        return H.el(
            "div", class: "muted-box",
            H.heading(3, "Suggest someone \(employee) could talk to"),
            H.paragraph(
                "\(employee) gets an action to talk to them, and they get a request for a conversation with \(employee), saying you suggested it."
            ),
            H.form(
                action: SiteURL.talkTo(record.id).path, csrf: csrf,
                [
                    H.field(
                        name: "colleague", label: "Who", value: typed?.colleague ?? "", hint: "Their name or work e-mail address.",
                        error: problems.message(for: "colleague")),
                    H.field(
                        name: "about", label: "About what", value: typed?.about ?? "", hint: "Such as: the housing secondment.",
                        error: problems.message(for: "about")),
                    H.button("Suggest them", style: .secondary),
                ]))
    }
}

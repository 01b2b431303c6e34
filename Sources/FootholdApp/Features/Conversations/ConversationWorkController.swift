import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The work of a conversation: preparing, the guided view, and the record afterwards.
struct ConversationWorkController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.prepare, use: preparation)
        routes.post(SiteURL.prepare, use: savePreparation)
        routes.get(SiteURL.guided, use: guided)
        routes.post(SiteURL.guided, use: saveExpectations)
        routes.post(SiteURL.talkTo, use: suggestTalkTo)
        routes.get(SiteURL.record, use: record)
        routes.post(SiteURL.record, use: saveRecord)
        routes.post(SiteURL.actions, use: addAction)
        routes.post(SiteURL.action, use: updateAction)
    }

    /// The two people only: a line manager who is not the guide never reaches these pages.
    static func participant(_ req: Request) async throws -> (ConversationForViewer, ConversationSide) {
        let record = try await ConversationsController.record(req)
        guard let side = record.side else { throw SiteError.forbidden }
        return (record, side)
    }

    // MARK: - Preparation

    @Sendable func preparation(req: Request) async throws -> Response {
        let (record, side) = try await Self.participant(req)
        req.auditRead("viewed preparation", of: record)
        var model = try await PreparationPage.Model.load(record, side: side, on: req.reads)
        model.opportunities = try await .load(
            for: model, today: req.display.today(), catalogue: req.application.opportunityCatalogue, on: req.reads)
        let own = model.own.answers.reduce(into: [String: String]()) { $0[$1.key.rawValue] = $1.value }
        return req.page(
            PreparationPage.title(record), breadcrumbs: ConversationsController.crumbs(record),
            PreparationPage.content(
                model, typed: own, shared: model.sharedOwn, problems: FieldProblems(),
                saved: req.queryValue("saved") != nil, display: req.display, csrf: req.csrfToken))
    }

    @Sendable func savePreparation(req: Request) async throws -> Response {
        let (record, side) = try await Self.participant(req)
        guard ConversationRules.allows(.prepare, in: record.conversation.state) else { throw SiteError.forbidden }
        var raw = try req.content.decode([String: String].self)
        let share = Ticked(field: raw["share"]).isTicked
        // "Bring in" adds a part of the plan or a journal entry to its question, then saves as usual.
        var anchor = ""
        if side == .employee, let bring = raw["bring"], !bring.isEmpty,
            let (field, text) = try await PreparationPage.Model.bringing(
                bring, employeeID: record.employee.id, on: req.reads, display: req.display)
        {
            let existing = (raw[field.rawValue] ?? "").trimmed()
            if !existing.contains(text) { raw[field.rawValue] = existing.isEmpty ? text : existing + "\n\n" + text }
            anchor = "#field-\(field.rawValue)"
        }
        switch PreparationAnswers.from(raw, side: side) {
        case .failure(let problems):
            var model = try await PreparationPage.Model.load(record, side: side, on: req.reads)
            model.opportunities = try await .load(
                for: model, today: req.display.today(), catalogue: req.application.opportunityCatalogue, on: req.reads)
            return req.page(
                PreparationPage.title(record), status: .badRequest, breadcrumbs: ConversationsController.crumbs(record),
                PreparationPage.content(
                    model, typed: raw, shared: share, problems: problems, saved: false, display: req.display, csrf: req.csrfToken))
        case .success(let answers):
            try await ConversationWrites.savePreparation(record, side: side, answers: answers, share: share, now: req.now, on: req.database)
            return .redirect(to: SiteURL.prepare(record.id).with(query: [("saved", "1")]) + anchor)
        }
    }

    // MARK: - The guided conversation

    @Sendable func guided(req: Request) async throws -> Response {
        let (record, _) = try await Self.participant(req)
        guard ConversationRules.allows(.agreeExpectations, in: record.conversation.state) else { throw SiteError.notFound }
        req.auditRead("viewed guided conversation", of: record)
        let model = try await GuidedPage.Model.load(record, on: req.reads)
        let suggested = req.queryValue("suggested") != nil
        return req.page(
            "Guided conversation", breadcrumbs: ConversationsController.crumbs(record),
            GuidedPage.content(model, display: req.display, csrf: req.csrfToken, suggested: suggested))
    }

    /// The guide suggests a colleague to talk to: an action for the employee, and a request to
    /// the colleague.
    @Sendable func suggestTalkTo(req: Request) async throws -> Response {
        let (record, side) = try await Self.participant(req)
        guard side == .guide, ConversationRules.allows(.agreeExpectations, in: record.conversation.state) else {
            throw SiteError.forbidden
        }
        let form = try req.content.decode(GuidedPage.TalkToForm.self)
        var problems = FieldProblems()
        var colleague: (id: UUID, name: String)?
        switch try await ActionStore.colleague(named: form.colleague ?? "", on: req.reads) {
        case .success(let found):
            if TalkToSuggestion.mayBeSuggested(found.id, employeeID: record.employee.id, guideID: record.guide.id) {
                colleague = found
            } else {
                problems.add("colleague", "Suggest someone other than the two of you")
            }
        case .failure(let problem):
            problems.add(
                "colleague", problem == .missing ? "Name the colleague to talk to, or type their work e-mail address" : problem.message)
        }
        var suggestion: TalkToSuggestion?
        switch TalkToSuggestion.parse(about: form.about ?? "") {
        case .success(let value): suggestion = value
        case .failure(let more): for item in more.items { problems.add(item.field, item.message) }
        }
        guard problems.isEmpty, let colleague, let suggestion else {
            let model = try await GuidedPage.Model.load(record, on: req.reads)
            return req.page(
                "Guided conversation", status: .badRequest, breadcrumbs: ConversationsController.crumbs(record),
                GuidedPage.content(model, display: req.display, csrf: req.csrfToken, problems: problems, typedTalkTo: form))
        }
        let clients = req.clients
        try await TalkToStore.suggest(
            suggestion, in: record, colleague: colleague, actionID: clients.makeID(), requestID: clients.makeID(), at: req.now,
            on: req.database)
        return .redirect(to: SiteURL.guided(record.id).with(query: [("suggested", "1")]) + "#stage-share_information")
    }

    @Sendable func saveExpectations(req: Request) async throws -> Response {
        let (record, _) = try await Self.participant(req)
        guard ConversationRules.allows(.agreeExpectations, in: record.conversation.state) else { throw SiteError.forbidden }
        try record.require(.expectations)
        let text = (try req.content.decode(GuidedPage.ExpectationsForm.self).expectations ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        guard ConversationRules.check(text, .expectations, into: &problems) else {
            let model = try await GuidedPage.Model.load(record, on: req.reads)
            return req.page(
                "Guided conversation", status: .badRequest, breadcrumbs: ConversationsController.crumbs(record),
                GuidedPage.content(model, display: req.display, csrf: req.csrfToken, typedExpectations: text, problems: problems))
        }
        try await ConversationWrites.saveExpectations(record, text: text, now: req.now, on: req.database)
        return .redirect(to: SiteURL.guided(record.id).path + "#expectations")
    }

    // MARK: - The record

    @Sendable func record(req: Request) async throws -> Response {
        let (record, side) = try await Self.participant(req)
        guard ConversationRules.allows(.record, in: record.conversation.state) else { throw SiteError.notFound }
        req.auditRead("viewed record", of: record)
        let model = try await RecordPage.Model.load(record, side: side, today: req.display.today(), on: req.reads)
        return req.page(
            "The record", breadcrumbs: ConversationsController.crumbs(record),
            RecordPage.content(
                model, typed: nil, problems: FieldProblems(), saved: req.saved(),
                display: req.display, csrf: req.csrfToken))
    }

    @Sendable func saveRecord(req: Request) async throws -> Response {
        let (record, side) = try await Self.participant(req)
        guard ConversationRules.allows(.record, in: record.conversation.state) else { throw SiteError.forbidden }
        let form = try req.content.decode(RecordPage.RecordForm.self)
        let summary = (form.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let notes = (form.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        ConversationRules.check(summary, .summary, into: &problems)
        ConversationRules.check(notes, .notes, into: &problems)
        let offered = try await ConversationStore.offeredThemeIDs(of: record.id, on: req.reads)
        var chosen: [UUID] = []
        switch ThemeChoice.chosen(form.themes ?? [], offered: offered) {
        case .success(let themes): chosen = themes
        case .failure(let wrong): for item in wrong.items { problems.add(item.field, item.message) }
        }
        // A new action, when one is described, is saved with the rest or not at all.
        var model: RecordPage.Model?
        var draft: ActionStore.Draft?
        if let action = form.action {
            let loaded = try await RecordPage.Model.load(record, side: side, today: req.display.today(), on: req.reads)
            model = loaded
            switch try await action.draft(goals: loaded.goals, today: req.display.today(), on: req.reads) {
            case .success(let made): draft = made
            case .failure(let wrong): for item in wrong.items { problems.add(item.field, item.message) }
            }
        }
        guard problems.isEmpty else {
            var shown = model
            if shown == nil { shown = try await RecordPage.Model.load(record, side: side, today: req.display.today(), on: req.reads) }
            return req.page(
                "The record", status: .badRequest, breadcrumbs: ConversationsController.crumbs(record),
                RecordPage.content(
                    shown!, typed: form, typedAction: form.action, problems: problems, saved: nil, display: req.display,
                    csrf: req.csrfToken))
        }
        let confirms = side == .employee && form.confirm.isTicked && !summary.isEmpty
        try await ConversationWrites.saveRecord(
            record, side: side, summary: summary, notes: notes, themes: chosen,
            confirm: confirms, adding: draft.map { ($0, req.clients.makeID()) }, now: req.now, on: req.database)
        let saved: RecordPage.Saved = draft != nil ? .action : (confirms ? .confirmed : .record)
        return .redirect(to: SiteURL.record(record.id).saved(saved) + (draft != nil ? "#actions" : ""))
    }

    @Sendable func addAction(req: Request) async throws -> Response {
        let (record, side) = try await Self.participant(req)
        guard ConversationRules.allows(.record, in: record.conversation.state) else { throw SiteError.forbidden }
        let form = try req.content.decode(RecordPage.ActionForm.self)
        let model = try await RecordPage.Model.load(record, side: side, today: req.display.today(), on: req.reads)
        switch try await form.draft(goals: model.goals, today: req.display.today(), on: req.reads) {
        case .failure(let problems):
            return req.page(
                "The record", status: .badRequest, breadcrumbs: ConversationsController.crumbs(record),
                RecordPage.content(
                    model, typed: nil, typedAction: form, problems: problems, saved: nil, display: req.display, csrf: req.csrfToken))
        case .success(let draft):
            try await ActionStore.add(
                draft, id: req.clients.makeID(), employeeID: record.employee.id, conversation: (record.id, record.guide.id),
                by: record.viewerID,
                at: req.now, on: req.database)
            return .redirect(to: SiteURL.record(record.id).saved(RecordPage.Saved.action) + "#actions")
        }
    }

    /// Ticks off or reopens an action from a conversation's pages; the action's own policy decides.
    @Sendable func updateAction(req: Request) async throws -> Response {
        let (record, _) = try await Self.participant(req)
        let loaded = try await ActionsController.loaded(req)
        let form = try req.content.decode(ConversationHistory.ActionStatusForm.self)
        guard let status = AgreedAction.Status(rawValue: form.status ?? ""), status != .dropped else { throw Abort(.badRequest) }
        try await ActionStore.setStatus(status, dropReason: nil, of: loaded, at: req.now, on: req.database)
        return .redirect(to: (SafeDestination.path(form.return_to) ?? SiteURL.record(record.id).path) + "#actions")
    }
}

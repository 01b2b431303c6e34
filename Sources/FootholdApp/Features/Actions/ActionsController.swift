import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The actions page, one action's page, and every change to an action: add, edit, move on, note,
/// confirm. Who may do what is the access policy's (`ConversationAccess` for kept records).
struct ActionsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.myActions, use: list)
        routes.post(SiteURL.myActions, use: add)
        routes.get(SiteURL.actionPage, use: show)
        routes.post(SiteURL.actionPage, use: edit)
        routes.post(SiteURL.actionStatus, use: setStatus)
        routes.post(SiteURL.actionNotes, use: addNote)
        routes.post(SiteURL.actionConfirm, use: confirm)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path)]

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let filter = req.queryValue("status").flatMap(ActionsPage.Filter.init(rawValue:)) ?? .live
        let model = try await ActionsPage.Model.load(
            for: viewer, filter: filter, today: req.display.today(), now: req.now, on: req.reads)
        return req.page(
            "Actions", breadcrumbs: Self.crumbs,
            ActionsPage.content(
                model, typed: nil, problems: FieldProblems(), saved: req.saved(), display: req.display, csrf: req.csrfToken))
    }

    @Sendable func add(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(ActionsPage.Form.self)
        // Checking needs only the goals and the conversations; the whole page is read only to show a problem.
        let goals = try await PlanStore.goals(of: viewer.personID, today: req.display.today(), on: req.reads)
        let conversations = try await ActionStore.conversationsToLink(for: viewer.personID, on: req.reads)
        var result = try await form.draft(goals: goals, today: req.display.today(), on: req.reads)
        // An action of the person's own may follow from one of their conversations.
        var conversationID: UUID?
        if let text = form.conversation?.trimmed(), !text.isEmpty {
            conversationID = UUID(uuidString: text)
            if conversationID == nil || !conversations.contains(where: { $0.id == conversationID }) {
                var problems = result.failure ?? FieldProblems()
                problems.add("conversation", "Choose one of your conversations, or none")
                result = .failure(problems.ordered(by: ActionsPage.Form.fieldOrder))
            }
        }
        switch result {
        case .failure(let problems):
            let model = try await ActionsPage.Model.load(
                for: viewer, filter: .live, today: req.display.today(), now: req.now, on: req.reads)
            return req.page(
                "Actions", status: .badRequest, breadcrumbs: Self.crumbs,
                ActionsPage.content(model, typed: form, problems: problems, saved: nil, display: req.display, csrf: req.csrfToken))
        case .success(let draft):
            let conversation = conversations.first { $0.id == conversationID }.map { ($0.id, $0.guideID) }
            try await ActionStore.add(
                draft, id: req.clients.makeID(), employeeID: viewer.personID, conversation: conversation, by: viewer.personID,
                at: req.now, on: req.database)
            return .redirect(to: SiteURL.myActions.saved(ActionsPage.Saved.added))
        }
    }

    static func loaded(_ req: Request) async throws -> ActionForViewer {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.actionParameter, as: UUID.self) else { throw SiteError.notFound }
        return try await ActionStore.load(id, for: viewer, on: req.reads)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let loaded = try await Self.loaded(req)
        let model = try await ActionPage.Model.load(loaded, today: req.display.today(), on: req.reads)
        return req.page(
            "Action", breadcrumbs: Self.crumbs + [(label: "Actions", path: SiteURL.myActions.path)],
            ActionPage.content(
                model, typed: nil, problems: FieldProblems(), saved: req.saved(), display: req.display, csrf: req.csrfToken))
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let loaded = try await Self.loaded(req)
        try loaded.require(.edit)
        let form = try req.content.decode(ActionsPage.Form.self)
        let model = try await ActionPage.Model.load(loaded, today: req.display.today(), on: req.reads)
        // A guide who may not read the plan keeps the goal link as it is.
        var typed = form
        if model.goals.isEmpty { typed.goal = loaded.action.goalID?.uuidString ?? (loaded.action.forInfluenceObjective ? "influence" : "") }
        let goals = model.goals.isEmpty ? loaded.action.goalID.map { [CareerPlan.Goal(id: $0, text: "")] } ?? [] : model.goals
        switch try await typed.draft(
            goals: goals, today: req.display.today(), alreadyDue: loaded.action.dueOn.flatMap(CalendarDate.init(iso:)), on: req.reads)
        {
        case .failure(let problems):
            return req.page(
                "Action", status: .badRequest, breadcrumbs: Self.crumbs + [(label: "Actions", path: SiteURL.myActions.path)],
                ActionPage.content(model, typed: form, problems: problems, saved: nil, display: req.display, csrf: req.csrfToken))
        case .success(let draft):
            try await ActionStore.edit(loaded, to: draft, at: req.now, on: req.database)
            return .redirect(to: SiteURL.actionPage(loaded.action.id).saved(ActionPage.Saved.changed))
        }
    }

    @Sendable func setStatus(req: Request) async throws -> Response {
        let loaded = try await Self.loaded(req)
        try loaded.require(.progress)
        let form = try req.content.decode(ActionsPage.StatusForm.self)
        guard let status = ActionStatus(rawValue: form.status ?? "") else {
            return try await badStatus(req, loaded, "Choose what has happened: open, in progress, done or dropped")
        }
        let reason = (form.drop_reason ?? "").trimmed()
        if status == .dropped && reason.isEmpty {
            return try await badStatus(req, loaded, "Say why it is being dropped, so you both remember next time")
        }
        if reason.count > ActionRules.maximumDropReasonLength {
            return try await badStatus(
                req, loaded, "Keep the reason to \(ActionRules.maximumDropReasonLength) characters; it has \(reason.count)")
        }
        try await ActionStore.setStatus(status, dropReason: reason, of: loaded, at: req.now, on: req.database)
        return .redirect(
            to: SafeDestination.path(form.return_to) ?? SiteURL.actionPage(loaded.action.id).saved(ActionPage.Saved.status))
    }

    private func badStatus(_ req: Request, _ loaded: ActionForViewer, _ message: String) async throws -> Response {
        var problems = FieldProblems()
        problems.add("drop_reason", message)
        let model = try await ActionPage.Model.load(loaded, today: req.display.today(), on: req.reads)
        let form = try? req.content.decode(ActionsPage.StatusForm.self)
        return req.page(
            "Action", status: .badRequest, breadcrumbs: Self.crumbs + [(label: "Actions", path: SiteURL.myActions.path)],
            ActionPage.content(
                model, typed: nil, typedStatus: form, problems: problems, saved: nil, display: req.display, csrf: req.csrfToken))
    }

    @Sendable func addNote(req: Request) async throws -> Response {
        let loaded = try await Self.loaded(req)
        try loaded.require(.progress)
        let form = try req.content.decode(ActionsPage.NoteForm.self)
        let body = (form.body ?? "").trimmed()
        var problems = FieldProblems()
        if body.isEmpty { problems.add("body", "Write what has happened before adding the note") }
        if body.count > ActionRules.maximumNoteLength {
            problems.add("body", "Keep a note to \(ActionRules.maximumNoteLength) characters; it has \(body.count)")
        }
        guard problems.isEmpty else {
            let model = try await ActionPage.Model.load(loaded, today: req.display.today(), on: req.reads)
            return req.page(
                "Action", status: .badRequest, breadcrumbs: Self.crumbs + [(label: "Actions", path: SiteURL.myActions.path)],
                ActionPage.content(
                    model, typed: nil, typedNote: form.body, problems: problems, saved: nil, display: req.display, csrf: req.csrfToken))
        }
        try await ActionStore.addNote(body, id: req.clients.makeID(), to: loaded, at: req.now, on: req.database)
        return .redirect(to: SiteURL.actionPage(loaded.action.id).saved(ActionPage.Saved.note) + "#progress")
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let loaded = try await Self.loaded(req)
        try await ActionStore.confirm(loaded, at: req.now, on: req.database)
        let form = try? req.content.decode(ActionsPage.StatusForm.self)
        return .redirect(
            to: SafeDestination.path(form?.return_to) ?? SiteURL.actionPage(loaded.action.id).saved(ActionPage.Saved.confirmed))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

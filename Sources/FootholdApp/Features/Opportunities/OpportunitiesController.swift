import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The opportunities catalogue: everyone reads it ranked for them; HR administrators keep it
/// anywhere and line managers for their own unit; a conversation's two people put one on its agenda.
struct OpportunitiesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.opportunities, use: list)
        routes.get(SiteURL.newOpportunity, use: new)
        routes.post(SiteURL.newOpportunity, use: create)
        routes.get(SiteURL.opportunity, use: show)
        routes.get(SiteURL.opportunityEdit, use: edit)
        routes.post(SiteURL.opportunityEdit, use: change)
        routes.post(SiteURL.opportunityDelete, use: delete)
        routes.post(SiteURL.agendaAdd, use: addToAgenda)
        routes.post(SiteURL.agendaRemove, use: removeFromAgenda)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path), (label: "Opportunities", path: SiteURL.opportunities.path)]

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await OpportunitiesPage.Model.load(
            viewer: viewer, kindText: req.queryValue("kind"), page: req.queryPage(), today: req.display.today(),
            catalogue: req.application.opportunityCatalogue, on: req.reads)
        let message: String? =
            switch req.queryValue("done") {
            case "deleted": "Opportunity deleted."
            default: nil
            }
        return req.page(
            "Opportunities", breadcrumbs: [(label: "Home", path: SiteURL.home.path)],
            OpportunitiesPage.content(model, message: message, display: req.display))
    }

    static func item(_ req: Request) async throws -> CatalogueItem {
        guard let id = req.parameters.get(SiteURL.itemParameter, as: UUID.self),
            let item = try await OpportunitiesStore.find(id, on: req.reads)
        else { throw SiteError.notFound }
        return item
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.itemParameter, as: UUID.self) else { throw SiteError.notFound }
        let model = try await OpportunitiesPage.DetailModel.load(
            id, viewer: viewer, today: req.display.today(), catalogue: req.application.opportunityCatalogue, on: req.reads)
        return req.page(
            model.entry.opportunity.title, breadcrumbs: Self.crumbs,
            OpportunitiesPage.detailContent(model, display: req.display, today: req.display.today(), csrf: req.csrfToken))
    }

    @Sendable func new(req: Request) async throws -> Response {
        let model = try await OpportunitiesPage.FormModel.load(viewer: try req.requireViewer(), existing: nil, on: req.reads)
        var form = OpportunitiesPage.Form()
        form.kind = OpportunityKind.project.rawValue
        return req.page(
            "Add an opportunity", breadcrumbs: Self.crumbs,
            OpportunitiesPage.formContent(model, typed: form, problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let item = try await Self.item(req)
        let model = try await OpportunitiesPage.FormModel.load(viewer: try req.requireViewer(), existing: item, on: req.reads)
        var email: String?
        if let contact = item.contactID { email = try await OpportunitiesStore.email(of: contact, on: req.reads) }
        return req.page(
            "Change an opportunity", breadcrumbs: Self.crumbs,
            OpportunitiesPage.formContent(
                model, typed: OpportunitiesPage.Form(item, contactEmail: email), problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let model = try await OpportunitiesPage.FormModel.load(viewer: try req.requireViewer(), existing: nil, on: req.reads)
        return try await save(req, model: model, id: req.clients.makeID())
    }

    @Sendable func change(req: Request) async throws -> Response {
        let item = try await Self.item(req)
        let model = try await OpportunitiesPage.FormModel.load(viewer: try req.requireViewer(), existing: item, on: req.reads)
        return try await save(req, model: model, id: item.opportunity.id)
    }

    func save(_ req: Request, model: OpportunitiesPage.FormModel, id: UUID) async throws -> Response {
        let form = try req.content.decode(OpportunitiesPage.Form.self)
        let today = req.display.today()
        var problems: FieldProblems
        var draft: OpportunityDraft?
        switch OpportunityDraft.parse(
            kind: form.kind ?? "", title: form.title ?? "", description: form.description ?? "", skills: form.skills ?? "",
            tags: form.tags ?? "", closesOn: form.closes_on ?? "", today: today, previousClosing: model.existing?.opportunity.closesOn)
        {
        case .success(let value): (draft, problems) = (value, FieldProblems())
        case .failure(let found): problems = found
        }
        let unitID = form.unitID(in: model, problems: &problems)
        var contactID: UUID?
        let contactText = (form.contact ?? "").trimmed()
        if !contactText.isEmpty {
            switch try await ActionStore.colleague(named: contactText, on: req.reads) {
            case .success(let found): contactID = found.id
            case .failure(let problem): problems.add("contact", problem.message)
            }
        }
        guard problems.isEmpty, let draft else {
            let ordered = problems.ordered(by: ["kind", "title", "description", "skills", "tags", "unit", "contact", "closes_on"])
            return req.page(
                model.existing == nil ? "Add an opportunity" : "Change an opportunity", status: .badRequest, breadcrumbs: Self.crumbs,
                OpportunitiesPage.formContent(model, typed: form, problems: ordered, csrf: req.csrfToken))
        }
        try await OpportunitiesStore.save(
            draft, id: id, isNew: model.existing == nil, unitID: unitID, contactID: contactID, by: model.keeper.personID, at: req.now,
            on: req.database)
        return .redirect(to: SiteURL.opportunity(id).path)
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let item = try await Self.item(req)
        _ = try await OpportunitiesPage.FormModel.load(viewer: try req.requireViewer(), existing: item, on: req.reads)
        try await OpportunitiesStore.delete(item.opportunity.id, by: try req.requireViewer().personID, at: req.now, on: req.database)
        return .redirect(to: SiteURL.opportunities.with(query: [("done", "deleted")]))
    }

    struct AgendaForm: Content {
        var opportunity: String?
    }

    /// The conversation, for one of its two people while it can still be prepared for, and the
    /// opportunity named in the form.
    static func agendaRequest(_ req: Request) async throws -> (ConversationForViewer, UUID) {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.conversationParameter, as: UUID.self) else { throw SiteError.notFound }
        let record = try await ConversationStore.load(id, for: viewer, on: req.reads)
        try record.require(.purpose)
        guard ConversationRules.allows(.prepare, in: record.conversation.state) else { throw SiteError.forbidden }
        guard let text = try req.content.decode(AgendaForm.self).opportunity, let opportunityID = UUID(uuidString: text.trimmed()),
            try await OpportunitiesStore.find(opportunityID, on: req.reads) != nil
        else { throw SiteError.badInput("Choose an opportunity from the list.") }
        return (record, opportunityID)
    }

    @Sendable func addToAgenda(req: Request) async throws -> Response {
        let (record, opportunityID) = try await Self.agendaRequest(req)
        try await OpportunitiesStore.addToAgenda(
            opportunityID: opportunityID, conversationID: record.id, by: record.viewerID, id: req.clients.makeID(), at: req.now,
            on: req.database)
        return .redirect(to: SiteURL.prepare(record.id).path + "#agenda")
    }

    @Sendable func removeFromAgenda(req: Request) async throws -> Response {
        let (record, opportunityID) = try await Self.agendaRequest(req)
        try await OpportunitiesStore.removeFromAgenda(opportunityID: opportunityID, conversationID: record.id, on: req.database)
        return .redirect(to: SiteURL.prepare(record.id).path + "#agenda")
    }
}

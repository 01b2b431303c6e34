import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR administrators keep the resources; everyone sees theirs on the opportunities page and in
/// their preparation.
struct ResourcesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminResources, use: list)
        routes.get(SiteURL.newResource, use: new)
        routes.post(SiteURL.newResource, use: add)
        routes.post(SiteURL.adminResourceDelete, use: delete)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path), (label: "Administration", path: SiteURL.admin.path)]

    @Sendable func list(req: Request) async throws -> Response {
        let model = try await ResourcesPage.Model.load(on: req.reads)
        return req.page(
            "Resources", breadcrumbs: Self.crumbs,
            ResourcesPage.content(model, saved: req.queryValue("saved") != nil, csrf: req.csrfToken))
    }

    static let formCrumbs = crumbs + [(label: "Resources", path: SiteURL.adminResources.path)]

    @Sendable func new(req: Request) async throws -> Response {
        let model = try await ResourcesPage.NewModel.load(on: req.reads)
        return req.page(
            "Add a resource", breadcrumbs: Self.formCrumbs,
            ResourcesPage.new(model, typed: nil, problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func add(req: Request) async throws -> Response {
        let form = try req.content.decode(ResourcesPage.Form.self)
        let model = try await ResourcesPage.NewModel.load(on: req.reads)
        var problems = FieldProblems()
        var draft: ResourceDraft?
        switch ResourceDraft.parse(title: form.title ?? "", url: form.url ?? "", description: form.description ?? "") {
        case .success(let value): draft = value
        case .failure(let found): problems = found
        }
        var unitID: UUID?
        let unitText = (form.unit ?? "").trimmed()
        if !unitText.isEmpty {
            unitID = UUID(uuidString: unitText).flatMap { id in model.units.contains { $0.id == id } ? id : nil }
            if unitID == nil { problems.add("unit", "Choose a unit from the list, or everyone") }
        }
        guard problems.isEmpty, let draft else {
            return req.page(
                "Add a resource", status: .badRequest, breadcrumbs: Self.formCrumbs,
                ResourcesPage.new(model, typed: form, problems: problems, csrf: req.csrfToken))
        }
        try await ResourcesStore.add(
            draft, unitID: unitID, id: req.clients.makeID(), by: try req.requireViewer().personID, at: req.now, on: req.database)
        return .redirect(to: SiteURL.adminResources.with(query: [("saved", "1")]))
    }

    @Sendable func delete(req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.itemParameter, as: UUID.self) else { throw SiteError.notFound }
        try await ResourcesStore.delete(id, by: try req.requireViewer().personID, at: req.now, on: req.database)
        return .redirect(to: SiteURL.adminResources.with(query: [("saved", "1")]))
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The person's career plan: read it, change it, choose whom it is shown to, see how it changed;
/// and a guide's read-only view of a plan shown to them.
struct PlanController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.plan, use: show)
        routes.get(SiteURL.planEdit, use: editPage)
        routes.post(SiteURL.planEdit, use: save)
        routes.post(SiteURL.planSharing, use: share)
        routes.get(SiteURL.planChanges, use: changes)
        routes.get(SiteURL.personPlan, use: guideView)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path)]
    static let planCrumbs = crumbs + [(label: "Your career plan", path: SiteURL.plan.path)]

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await PlanPage.Model.load(for: viewer.personID, today: req.display.today(), now: req.now, on: req.reads)
        return req.page(
            "Your career plan", breadcrumbs: Self.crumbs,
            PlanPage.content(model, saved: req.saved(), display: req.display, csrf: req.csrfToken))
    }

    @Sendable func editPage(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let stored = try await PlanStore.current(of: viewer.personID, today: req.display.today(), now: req.now, on: req.reads)
        return req.page(
            "Change your career plan", breadcrumbs: Self.planCrumbs,
            PlanPage.editContent(stored.plan, typed: nil, problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(PlanPage.Form.self)
        let stored = try await PlanStore.current(of: viewer.personID, today: req.display.today(), now: req.now, on: req.reads)
        let clients = req.clients
        switch form.plan(from: stored.plan, makeID: { clients.makeID() }) {
        case .failure(let problems):
            return req.page(
                "Change your career plan", status: .badRequest, breadcrumbs: Self.planCrumbs,
                PlanPage.editContent(stored.plan, typed: form, problems: problems, csrf: req.csrfToken))
        case .success(let plan):
            try await PlanStore.save(
                plan, for: viewer.personID, in: stored, snapshotID: clients.makeID(), planID: clients.makeID(), at: req.now,
                on: req.database)
            return .redirect(to: SiteURL.plan.saved(PlanPage.Saved.plan))
        }
    }

    @Sendable func share(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(PlanPage.SharingForm.self)
        let guides = try await PlanStore.guides(of: viewer.personID, on: req.reads)
        let chosen = Set((form.guides ?? []).compactMap(UUID.init(uuidString:)))
        // Only the person's own guides can be chosen; anything else is refused, not ignored.
        guard chosen.isSubset(of: Set(guides.map(\.id))), chosen.count == (form.guides ?? []).count else { throw Abort(.badRequest) }
        let clients = req.clients
        try await PlanStore.show(to: chosen, planOf: viewer.personID, makeID: { clients.makeID() }, at: req.now, on: req.database)
        return .redirect(to: SiteURL.plan.saved(PlanPage.Saved.sharing) + "#sharing")
    }

    @Sendable func changes(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let changes = try await PlanPage.Changes.load(
            for: viewer.personID, from: req.queryValue("from"), to: req.queryValue("to"), today: req.display.today(), now: req.now,
            display: req.display, on: req.reads)
        return req.page(
            "How your plan changed", breadcrumbs: Self.planCrumbs, PlanPage.changesContent(changes, display: req.display))
    }

    @Sendable func guideView(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let personID = req.parameters.get(SiteURL.personParameter, as: UUID.self) else { throw SiteError.notFound }
        if personID == viewer.personID { return .redirect(to: SiteURL.plan.path) }
        // Someone the plan is not shown to learns nothing, not even that there is one.
        guard try await PlanStore.mayRead(planOf: personID, viewerID: viewer.personID, on: req.reads),
            let person = try await OrganisationStore.person(personID, on: req.reads)
        else { throw SiteError.notFound }
        let stored = try await PlanStore.current(of: personID, today: req.display.today(), now: req.now, on: req.reads)
        try await PlanStore.auditRead(by: viewer.personID, planOf: personID, at: req.now, on: req.database)
        return req.page(
            "\(person.name)\u{2019}s career plan",
            breadcrumbs: Self.crumbs + [(label: person.name, path: SiteURL.person(personID).path)],
            PlanPage.guideContent(stored, name: person.name, display: req.display))
    }
}

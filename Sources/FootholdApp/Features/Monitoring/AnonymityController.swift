import FootholdCore
import Foundation
import Vapor

/// HR administrators set the anonymity threshold (SPEC §5): from 3 to 10 people, 5 to begin with.
struct AnonymityController {
    struct Form: Content {
        var threshold: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminAnonymity.pathComponents, use: form)
        routes.post(SiteURL.adminAnonymity.pathComponents, use: save)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let threshold = try await MonitoringStore.threshold(on: req.reads)
        return req.page(
            AnonymityPage.title, breadcrumbs: ProgrammeAdminController.crumbs,
            AnonymityPage.content(value: String(threshold.people), error: nil, saved: req.queryValue("saved") != nil, csrf: req.csrfToken))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let typed = try req.content.decode(Form.self).threshold ?? ""
        switch AnonymityThreshold.parse(typed) {
        case .failure(let problem):
            return req.page(
                AnonymityPage.title, status: .badRequest, breadcrumbs: ProgrammeAdminController.crumbs,
                AnonymityPage.content(value: typed, error: problem.description, saved: false, csrf: req.csrfToken))
        case .success(let threshold):
            try await MonitoringStore.setThreshold(threshold, by: viewer.personID, at: req.now, on: req.database)
            return .redirect(to: SiteURL.adminAnonymity.with(query: [("saved", "1")]))
        }
    }
}

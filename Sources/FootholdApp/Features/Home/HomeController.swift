import FootholdCore
import Foundation
import Vapor

/// The home page: what this person can do in Foothold, by their roles.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.home.pathComponents, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await HomePage.Model.load(for: viewer.personID, on: req.reads)
        return req.page("Home", HomePage.content(model, display: req.display, csrf: req.csrfToken))
    }
}

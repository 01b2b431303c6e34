import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The home page: what this person can do in Foothold, by their roles.
struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.home, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await HomePage.Model.load(for: viewer.personID, display: req.display, on: req.reads)
        var nodes = HomePage.content(model, display: req.display, csrf: req.csrfToken)
        if let invited = req.queryValue("invited"), model.team?.names.contains(invited) == true {
            nodes.insert(
                H.notice("\(invited) has been invited. They will see it on their home page and by e-mail.", style: "success"), at: 0)
        }
        return req.page("Home", nodes)
    }
}

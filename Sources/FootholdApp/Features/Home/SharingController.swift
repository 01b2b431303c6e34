import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The employee's choice of whether their line manager may read the summaries, themes and actions
/// of conversations held with someone else, such as an earlier manager (SPEC §7). The choice is
/// given to the manager named on the page, and to no one who manages them later.
struct SharingController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.sharing, use: show)
        routes.post(SiteURL.sharing, use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let standing = try await SharingStore.standing(of: viewer.personID, on: req.reads) else { throw SiteError.notFound }
        return req.page(
            "What your line manager can see",
            SharingPage.content(standing, csrf: req.csrfToken, saved: req.queryValue("saved") != nil, changed: false))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(SharingPage.Form.self)
        guard let standing = try await SharingStore.standing(of: viewer.personID, on: req.reads) else { throw SiteError.notFound }
        // The page named one manager; if another has taken their place since, nothing is given to them.
        guard
            form.manager.flatMap(UUID.init(uuidString:)) == standing.managerID || (form.manager ?? "").isEmpty && standing.managerID == nil
        else {
            return req.page(
                "What your line manager can see", status: .conflict,
                SharingPage.content(standing, csrf: req.csrfToken, saved: false, changed: true))
        }
        let share = form.share.isTicked && standing.managerID != nil
        try await SharingStore.choose(share: share, for: viewer.personID, standing: standing, at: req.now, on: req.database)
        return .redirect(to: SiteURL.sharing.with(query: [("saved", "1")]))
    }
}

import Fluent
import Foundation
import SQLKit
import Vapor

/// The employee's choice of whether their line manager may read the summaries, themes and actions
/// of conversations held with someone else, such as an earlier manager (SPEC §7).
struct SharingController {
    struct SharingForm: Content {
        var share: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.sharing.pathComponents, use: show)
        routes.post(SiteURL.sharing.pathComponents, use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let query: SQLQueryString = """
            SELECT p.share_history_with_manager AS shares, m.name AS manager_name FROM people p LEFT JOIN people m ON m.id = p.manager_id \
            WHERE p.id = \(bind: viewer.personID)
            """
        guard let row = try await req.db.firstRow(query) else { throw SiteError.notFound }
        let manager = try row.decodeNil(column: "manager_name") ? nil : try row.decode(column: "manager_name", as: String.self)
        return req.page("What your line manager can see", content(shares: try row.decode(column: "shares", as: Bool.self), manager: manager,
                                                                  csrf: req.csrfToken, saved: req.queryValue("saved") != nil))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let person = try await PersonModel.find(viewer.personID, on: req.db) else { throw SiteError.notFound }
        person.sharesHistoryWithManager = try req.content.decode(SharingForm.self).share == "yes"
        try await person.save(on: req.db)
        return .redirect(to: SiteURL.sharing.with(query: [("saved", "1")]))
    }

    func content(shares: Bool, manager: String?, csrf: String, saved: Bool) -> [BodyNode] {
        let manager = manager ?? "your line manager"
        return [
            saved ? H.notice("Saved.", style: "success") : .empty,
            H.heading(1, "What your line manager can see"),
            H.paragraph("Your line manager always sees whether your checkpoint conversations have happened, so they can offer them. What was said stays between you and the person you talked to.", class: "lead"),
            H.paragraph("If you have moved to a new manager, you may want them to read what you agreed with your previous one, so you do not start again from scratch. Your private notes, your preparation and your reasons for saying not now are never shared."),
            H.form(action: SiteURL.sharing.path, csrf: csrf, [
                H.checkbox(name: "share", label: "Let \(manager) read the summaries, themes and actions of my conversations with other guides",
                           checked: shares,
                           hint: "You can change your mind at any time; it applies to whoever is your line manager."),
                H.button("Save"),
            ]),
        ]
    }
}

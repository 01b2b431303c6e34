import Fluent
import FootholdCore
import Foundation
import SQLKit
import Vapor

/// The employee's choice of whether their line manager may read the summaries, themes and actions
/// of conversations held with someone else, such as an earlier manager (SPEC §7). The choice is
/// given to the manager named on the page, and to no one who manages them later.
struct SharingController {
    struct SharingForm: Content {
        var share: String?
        /// The manager the page was shown for, so the choice goes to the person it named.
        var manager: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.sharing.pathComponents, use: show)
        routes.post(SiteURL.sharing.pathComponents, use: save)
    }

    struct Standing {
        var managerID: UUID?
        var managerName: String?
        var shares: Bool
    }

    static func standing(of personID: UUID, on reads: Reads) async throws -> Standing? {
        let query: SQLQueryString = """
            SELECT p.manager_id, p.history_shared_with_id, m.name AS manager_name FROM people p LEFT JOIN people m ON m.id = p.manager_id \
            WHERE p.id = \(bind: personID)
            """
        guard let row = try await reads.firstRow(query) else { return nil }
        let managerID = try row.decodeNil(column: "manager_id") ? nil : try row.decode(column: "manager_id", as: UUID.self)
        let sharedWith =
            try row.decodeNil(column: "history_shared_with_id") ? nil : try row.decode(column: "history_shared_with_id", as: UUID.self)
        let name = try row.decodeNil(column: "manager_name") ? nil : try row.decode(column: "manager_name", as: String.self)
        return Standing(managerID: managerID, managerName: name, shares: HistoryConsent.applies(sharedWith: sharedWith, manager: managerID))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let standing = try await Self.standing(of: viewer.personID, on: req.reads) else { throw SiteError.notFound }
        return req.page(
            "What your line manager can see", content(standing, csrf: req.csrfToken, saved: req.queryValue("saved") != nil, changed: false))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(SharingForm.self)
        guard let standing = try await Self.standing(of: viewer.personID, on: req.reads) else { throw SiteError.notFound }
        // The page named one manager; if another has taken their place since, nothing is given to them.
        guard
            form.manager.flatMap(UUID.init(uuidString:)) == standing.managerID || (form.manager ?? "").isEmpty && standing.managerID == nil
        else {
            return req.page(
                "What your line manager can see", status: .conflict, content(standing, csrf: req.csrfToken, saved: false, changed: true))
        }
        let share = form.share == "yes" && standing.managerID != nil
        try await req.db.transaction { database in
            try await PersonModel.query(on: database).filter(\.$id == viewer.personID)
                .set(\.$historySharedWithID, to: share ? standing.managerID : nil)
                .set(\.$historyChoiceManagerID, to: standing.managerID)
                .update()
            try await AuditLog.record(
                .sharingChanged, by: viewer.personID, about: viewer.personID,
                detail: share ? "shared with \(standing.managerName ?? "their line manager")" : "not shared", at: req.now, on: database)
        }
        return .redirect(to: SiteURL.sharing.with(query: [("saved", "1")]))
    }

    func content(_ standing: Standing, csrf: String, saved: Bool, changed: Bool) -> [BodyNode] {
        let manager = standing.managerName ?? "your line manager"
        return [
            saved ? H.notice("Saved.", style: "success") : H.nothing,
            changed
                ? H.notice(
                    "Your line manager changed while this page was open, so nothing was saved. Choose again for \(manager).",
                    style: "warning") : H.nothing,
            H.heading(1, "What your line manager can see"),
            H.paragraph(
                "Your line manager always sees whether your checkpoint conversations have happened, so they can offer them. What was said stays between you and the person you talked to.",
                class: "lead"),
            H.paragraph(
                "If you have moved to a new manager, you may want them to read what you agreed with your previous one, so you do not start again from scratch. Your private notes, your preparation and your reasons for saying not now are never shared."
            ),
            standing.managerID == nil
                ? H.paragraph("You have no line manager in Foothold at the moment, so there is no one to share with.")
                : H.form(
                    action: SiteURL.sharing.path, csrf: csrf,
                    [
                        H.hidden(name: "manager", value: standing.managerID?.lowerText ?? ""),
                        H.checkbox(
                            name: "share",
                            label: "Let \(manager) read the summaries, themes and actions of my conversations with other guides",
                            checked: standing.shares,
                            hint:
                                "This is for \(manager) only. If your line manager changes, the new one sees none of it until you choose for them. You can change your mind at any time."
                        ),
                        H.button("Save"),
                    ]),
        ]
    }
}

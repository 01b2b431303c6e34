import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR lets people in from the web (decision 0022): an invitation or a password reset for the people
/// ticked on the people list, or an invitation for everyone who has not signed in yet.
struct InvitationsController {
    struct LinksForm: Content {
        /// `invitation` or `reset`.
        var send: String?
        var people: [String]?
        /// `not_signed_in`: everyone active who has not set a password.
        var everyone: String?
        /// The list's search, to go back to.
        var q: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteURL.adminPeopleLinks, use: send)
    }

    @Sendable func send(req: Request) async throws -> Response {
        let form = try req.content.decode(LinksForm.self)
        let viewer = try req.requireViewer()
        let kind: ReminderKind = form.send == "reset" ? .passwordReset : .invitation
        let chosen = Array(Set((form.people ?? []).compactMap(UUID.init(uuidString:)))).sorted { $0.uuidString < $1.uuidString }
        if (form.people ?? []).count > 2_000 { throw SiteError.badInput("Choose at most 2,000 people at a time.") }
        let people =
            form.everyone == "not_signed_in" && kind == .invitation
            ? try await AccountEmails.notSignedIn(on: req.reads) : try await AccountEmails.active(chosen, on: req.reads)
        let back = SiteURL.adminPeople.with(query: [("q", form.q ?? "")])
        guard !people.isEmpty else {
            return .redirect(to: SiteURL.adminPeople.with(query: [("q", form.q ?? ""), ("sent", "none")]))
        }
        guard req.application.footholdConfiguration.mail.transport != .none else {
            // No mail: one person's link is shown to pass on by hand; many are refused.
            guard people.count == 1 else {
                return req.page(
                    "No e-mail is set up", status: .conflict, breadcrumbs: [("People", SiteURL.adminPeople.path)],
                    AdminPages.noMail(count: people.count, back: back))
            }
            let link = try await Accounts(app: req.application).link(kind, for: people[0], by: viewer.personID)
            return req.page(
                "A link to pass on", breadcrumbs: [("People", SiteURL.adminPeople.path)],
                AdminPages.linkToPassOn(kind, link: link, back: back))
        }
        let count = try await AccountEmails.record(
            kind, to: people, by: viewer.personID, at: req.now, makeID: { req.clients.makeID() }, on: req.database)
        req.deliverSoon()
        return .redirect(
            to: SiteURL.adminPeople.with(query: [
                ("q", form.q ?? ""), ("sent", kind == .invitation ? "invitation" : "reset"), ("count", String(count)),
            ]))
    }
}

import FootholdCore
import Foundation
import Vapor

/// A signed-in person changes their own password; the current one is asked for first.
struct PasswordController {
    struct ChangeForm: Content {
        var current: String?
        var password: String?
        var confirmation: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.changePassword.pathComponents, use: show)
        routes.post(SiteURL.changePassword.pathComponents, use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.requireViewer()
        return req.page(
            "Change your password", Self.content(csrf: req.csrfToken, problems: FieldProblems(), saved: req.queryValue("saved") != nil))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(ChangeForm.self)
        let password = form.password ?? ""
        var problems = try await Accounts(app: req.application).changePassword(
            personID: viewer.personID, current: form.current ?? "", new: password,
            keepingSession: viewer.sessionID, confirmedBy: form.confirmation ?? "")
        if problems.isEmpty { return .redirect(to: SiteURL.changePassword.with(query: [("saved", "1")])) }
        problems = problems.ordered(by: ["current", "password", "confirmation"])
        return req.page("Change your password", status: .badRequest, Self.content(csrf: req.csrfToken, problems: problems, saved: false))
    }

    static func content(csrf: String, problems: FieldProblems, saved: Bool) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                saved
                    ? H.notice("Your password is changed. Anywhere else you were signed in, you have been signed out.", style: "success")
                    : H.nothing,
                H.errorSummary(problems.items),
                H.heading(1, "Change your password"),
                H.paragraph(
                    "Choose a password of at least \(PasswordRules.minimumLength) characters. A short sentence you will remember works well. Changing it signs you out everywhere else."
                ),
                H.form(
                    action: SiteURL.changePassword.path, csrf: csrf,
                    [
                        H.field(
                            name: "current", label: "Your current password", type: "password",
                            error: problems.message(for: "current"), autocomplete: "current-password"),
                        H.field(
                            name: "password", label: "New password", type: "password",
                            error: problems.message(for: "password"), autocomplete: "new-password"),
                        H.field(
                            name: "confirmation", label: "The new password again", type: "password",
                            error: problems.message(for: "confirmation"), autocomplete: "new-password"),
                        H.button("Change password"),
                    ]))
        ]
    }
}

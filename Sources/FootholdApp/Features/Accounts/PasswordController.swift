import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A signed-in person changes their own password; the current one is asked for first.
struct PasswordController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.changePassword, use: show)
        routes.post(SiteURL.changePassword, use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        _ = try req.requireViewer()
        return req.page(
            "Change your password",
            PasswordPage.content(csrf: req.csrfToken, problems: FieldProblems(), saved: req.queryValue("saved") != nil))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(PasswordPage.ChangeForm.self)
        let password = form.password ?? ""
        let email = try await Accounts(app: req.application).email(of: viewer.personID) ?? ""
        var (problems, wait) = try await Accounts(app: req.application).changePassword(
            personID: viewer.personID, email: email, address: req.clientAddress, current: form.current ?? "", new: password,
            keepingSession: viewer.sessionID, confirmedBy: form.confirmation ?? "")
        if problems.isEmpty { return .redirect(to: SiteURL.changePassword.with(query: [("saved", "1")])) }
        problems = problems.ordered(by: ["current", "password", "confirmation"])
        let response = req.page(
            "Change your password", status: wait == nil ? .badRequest : .tooManyRequests,
            PasswordPage.content(csrf: req.csrfToken, problems: problems, saved: false))
        if let wait { response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up)))) }
        return response
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// "Forgot your password?" (decision 0022): anyone may ask for a link to choose a new one. The
/// answer is the same whether or not the address belongs to anyone; requests are throttled per
/// account and per address; the link works once, for 30 minutes, and is made when it is sent.
struct ForgotPasswordController {
    struct Form: Content {
        var email: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.forgotPassword, use: form)
        routes.post(SiteURL.forgotPassword, use: ask)
    }

    @Sendable func form(req: Request) async throws -> Response {
        req.page(
            "Forgot your password?", SignInPage.forgotPassword(csrf: req.csrfToken, email: "", error: nil, passwordsOff: passwordsOff(req)))
    }

    @Sendable func ask(req: Request) async throws -> Response {
        let typed = (try req.content.decode(Form.self).email ?? "").trimmingCharacters(in: .whitespaces)
        if let problem = typed.isEmpty ? "Enter your email address" : EmailAddress.problem(with: typed).map({ "The email address \($0)" }) {
            return req.page(
                "Forgot your password?", status: .badRequest,
                SignInPage.forgotPassword(csrf: req.csrfToken, email: typed, error: problem, passwordsOff: passwordsOff(req)))
        }
        let email = EmailAddress.normalised(typed)
        let now = req.now
        let keys = SignInThrottle.resetKeys(email: email, address: req.clientAddress)
        let reservation = try await SignInAttempts.reserve(keys: keys, now: now, on: req.database)
        if let wait = reservation.wait {
            let minutes = max(1, Int((wait / 60).rounded(.up)))
            let response = req.page(
                "Forgot your password?", status: .tooManyRequests,
                SignInPage.forgotPassword(
                    csrf: req.csrfToken, email: typed,
                    error: "Links have been asked for too often. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again"))
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return response
        }
        // When passwords are only for named administrators, nobody else is sent a link; the answer
        // is the same, so it tells nobody who they are.
        if req.application.footholdConfiguration.passwordSignIn.allows(email),
            let person = try await Accounts(app: req.application).signInCandidate(email: email),
            req.application.footholdConfiguration.mail.transport != .none
        {
            try await AccountEmails.record(
                .passwordReset, to: [person.personID], by: person.personID, at: now, makeID: { req.clients.makeID() }, on: req.database)
            req.deliverSoon()
        }
        return req.page("Check your e-mail", SignInPage.resetAsked(email: typed))
    }

    private func passwordsOff(_ req: Request) -> Bool {
        req.application.footholdConfiguration.passwordSignIn != .everyone
    }
}

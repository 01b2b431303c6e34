import FootholdCore
import Foundation

/// The pages of signing in.
extension SignInPage {
    static func content(csrf: String, email: String, next: String?, errors: [(field: String, message: String)]) -> [BodyNode] {
        let emailError = errors.first { $0.field == "email" }?.message
        let passwordError = errors.first { $0.field == "password" }?.message
        return [
            H.el(
                "div", class: "narrow",
                H.errorSummary(errors),
                H.heading(1, "Sign in to Foothold"),
                H.paragraph("Foothold is where you prepare for, hold and follow up your career conversations.", class: "lead"),
                H.form(
                    action: SiteURL.signIn.path, csrf: csrf,
                    [
                        H.field(
                            name: "email", label: "Email address", value: email, type: "email", error: emailError,
                            autocomplete: "username"),
                        H.field(
                            name: "password", label: "Password", type: "password", error: passwordError, autocomplete: "current-password"),
                        next.map { H.hidden(name: "next", value: $0) } ?? H.nothing,
                        H.button("Sign in"),
                    ]),
                H.el(
                    "p", class: "muted", H.link("Forgot your password?", to: SiteURL.forgotPassword.path),
                    H.text(" New to Foothold and not yet invited? The same link sets your first one."))
            )
        ]
    }

    static func setPassword(csrf: String, token: String, errors: [(field: String, message: String)]) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                H.errorSummary(errors),
                H.heading(1, "Set your password"),
                H.paragraph(
                    "Choose a password of at least \(PasswordRules.minimumLength) characters. A short sentence you will remember works well."
                ),
                H.form(
                    action: SiteURL.setPassword(token: token).path, csrf: csrf,
                    [
                        H.field(
                            name: "password", label: "New password", type: "password",
                            error: errors.first { $0.field == "password" }?.message, autocomplete: "new-password"),
                        H.field(
                            name: "confirmation", label: "The same password again", type: "password",
                            error: errors.first { $0.field == "confirmation" }?.message, autocomplete: "new-password"),
                        H.button("Set password and sign in"),
                    ]))
        ]
    }

    static func linkNotUsable() -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                H.heading(1, "This link no longer works"),
                H.paragraph(
                    "A link to set a password works once: an invitation for seven days, a link to choose a new password for 30 minutes. "
                        + "Ask for a new one below, or ask your HR administrator."),
                H.link("Send me a new link", to: SiteURL.forgotPassword.path, class: "button"),
                H.link("Go to sign in", to: SiteURL.signIn.path, class: "button button--secondary"))
        ]
    }
}

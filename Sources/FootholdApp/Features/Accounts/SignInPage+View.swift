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
                H.paragraph("New to Foothold, or forgotten your password? Ask your HR administrator for a link to set one.", class: "muted")
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
                H.paragraph("Links to set a password work once, for seven days. Ask your HR administrator for a new one."),
                H.link("Go to sign in", to: SiteURL.signIn.path, class: "button button--secondary"))
        ]
    }
}

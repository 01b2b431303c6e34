import FootholdCore
import Foundation

/// The pages of signing in.
extension SignInPage {
    static func content(
        csrf: String, email: String, next: String?, errors: [(field: String, message: String)], ways: Ways = .passwordsOnly
    ) -> [BodyNode] {
        let showForm = ways.passwords != .administratorsBehindLink || !errors.isEmpty
        return [
            H.el(
                "div", class: "narrow",
                H.errorSummary(errors),
                H.heading(1, "Sign in to Foothold"),
                H.paragraph("Foothold is where you prepare for, hold and follow up your career conversations.", class: "lead"),
                ways.provider.map { provider in
                    H.el(
                        "div", class: "button-row",
                        H.link(provider.label, to: provider.address, class: "button button--primary"),
                        ways.passwords == .everyone ? H.paragraph("Or sign in with your Foothold password:", class: "muted") : H.nothing)
                } ?? H.nothing,
                ways.passwords == .administratorsShown
                    ? H.paragraph(
                        "Only administrators your organisation has named can sign in with a password here; everyone else uses the "
                            + "button above.", class: "muted")
                    : H.nothing,
                showForm ? passwordForm(csrf: csrf, email: email, next: next, errors: errors) : H.nothing,
                ways.passwords == .everyone
                    ? H.el(
                        "p", class: "muted", H.link("Forgot your password?", to: SiteURL.forgotPassword.path),
                        H.text(" New to Foothold and not yet invited? The same link sets your first one."))
                    : H.nothing,
                ways.passwords == .administratorsBehindLink && showForm == false
                    ? H.el(
                        "p", class: "muted",
                        H.link("Sign in with a password", to: SiteURL.signIn.with(query: [("with", "password"), ("next", next)])),
                        H.text(" (only for administrators your organisation has named)"))
                    : H.nothing
            )
        ]
    }

    private static func passwordForm(csrf: String, email: String, next: String?, errors: [(field: String, message: String)]) -> BodyNode {
        H.form(
            action: SiteURL.signIn.path, csrf: csrf,
            [
                H.field(
                    name: "email", label: "Email address", value: email, type: "email",
                    error: errors.first { $0.field == "email" }?.message, autocomplete: "username"),
                H.field(
                    name: "password", label: "Password", type: "password", error: errors.first { $0.field == "password" }?.message,
                    autocomplete: "current-password"),
                next.map { H.hidden(name: "next", value: $0) } ?? H.nothing,
                H.button("Sign in"),
            ])
    }

    /// A sign-in with the organisation's account that did not let the person in: why, and the way back.
    static func refused(_ message: String) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                H.heading(1, "You are not signed in"),
                H.paragraph(message),
                H.link("Back to the sign-in page", to: SiteURL.signIn.path, class: "button"))
        ]
    }

    /// A link to set a password, when the organisation signs people in with its own accounts.
    static func passwordsOffPage(ways: Ways) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                H.heading(1, "Sign in with your organisation's account"),
                H.paragraph(
                    "Your organisation signs you in to Foothold with the account you use for your other work systems, so you do not "
                        + "need a Foothold password."),
                ways.provider.map { H.link($0.label, to: $0.address, class: "button") } ?? H.nothing)
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

import FootholdCore
import Foundation

extension SignInPage {
    static func forgotPassword(csrf: String, email: String, error: String?, passwordsOff: Bool = false) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                H.errorSummary(error.map { [(field: "email", message: $0)] } ?? []),
                H.heading(1, "Forgot your password?"),
                passwordsOff
                    ? H.notice(
                        "Your organisation signs you in with its own account, so you need no Foothold password. Only administrators "
                            + "it has named for emergencies can be sent a link here.", link: ("Go to sign in", SiteURL.signIn.path))
                    : H.nothing,
                H.paragraph(
                    "Enter the email address you use at work. If it belongs to someone in Foothold, we will send a link to choose "
                        + "a new password. It works once, for 30 minutes.",
                    class: "lead"),
                H.form(
                    action: SiteURL.forgotPassword.path, csrf: csrf,
                    [
                        H.field(name: "email", label: "Email address", value: email, type: "email", error: error, autocomplete: "username"),
                        H.button("Send me a link"),
                    ]),
                H.paragraph(
                    "Never signed in? The same link lets you set your first password. Or ask your HR administrator to invite you.",
                    class: "muted"),
                H.link("Back to sign in", to: SiteURL.signIn.path))
        ]
    }

    static func resetAsked(email: String) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow",
                H.heading(1, "Check your e-mail"),
                H.paragraph(
                    "If \(email) belongs to someone in Foothold, a link to choose a new password is on its way to it. "
                        + "It works once, for 30 minutes, and using it signs you out everywhere else.",
                    class: "lead"),
                H.paragraph(
                    "Nothing after a few minutes? Check your junk folder, check the address, or ask your HR administrator.",
                    class: "muted"),
                H.link("Back to sign in", to: SiteURL.signIn.path, class: "button button--secondary"))
        ]
    }
}

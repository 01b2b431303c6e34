import FootholdCore
import Foundation

extension PasswordPage {
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

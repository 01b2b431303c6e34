import Foundation
import Vapor

/// Signing in, and setting a password from an invitation link: the forms they post.
enum SignInPage {
    /// The ways in the sign-in page offers.
    struct Ways: Sendable {
        enum Passwords: Sendable {
            /// Everyone signs in with a password (or may).
            case everyone
            /// Only the organisation's named administrators, behind a link.
            case administratorsBehindLink
            /// Only they, and they asked for the form.
            case administratorsShown
        }

        /// The organisation's account, when single sign-on is set up: the button's words and where it goes.
        var provider: (label: String, address: String)?
        var passwords: Passwords
        var next: String?

        /// Passwords only: no single sign-on.
        static let passwordsOnly = Ways(provider: nil, passwords: .everyone, next: nil)
    }

    /// A wrong password, or an address that may not use one: the same words for both.
    static let wrongOrPasswordsOff =
        "The email address or password is not right, or this address signs in with your organisation's account. "
        + "Check both, or use the button at the top of this page."

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    struct SetPasswordForm: Content {
        var password: String?
        var confirmation: String?
    }
}

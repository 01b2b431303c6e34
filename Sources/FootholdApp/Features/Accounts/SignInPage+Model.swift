import Foundation
import Vapor

/// Signing in, and setting a password from an invitation link: the forms they post.
enum SignInPage {
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

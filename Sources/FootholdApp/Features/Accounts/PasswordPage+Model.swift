import Foundation
import Vapor

/// Changing your own password: the form it posts.
enum PasswordPage {
    struct ChangeForm: Content {
        var current: String?
        var password: String?
        var confirmation: String?
    }
}

import FootholdCore
import Foundation

/// A person's roles as tags, in a fixed order.
enum RoleTags {
    static func tags(_ roles: Set<Role>) -> [BodyNode] {
        // Spaces between the tags, so they read as separate words to everyone.
        roles.sorted().flatMap { [H.tag($0.title, .brand), H.text(" ")] }
    }
}

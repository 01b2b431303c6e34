import Foundation

/// A report, with only what the board shows.
struct TeamMember: Sendable {
    var id: UUID
    var name: String
    var joined: Date
}

import Foundation

/// A report, with only what the board shows.
package struct TeamMember: Sendable {
    package var id: UUID
    package var name: String
    package var joined: Date
}

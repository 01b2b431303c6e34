import FootholdCore
import Foundation

/// A dated note of progress on an action.
package struct ActionNote: Equatable {
    package var id: UUID
    package var authorName: String
    package var body: String
    package var createdAt: Date
}

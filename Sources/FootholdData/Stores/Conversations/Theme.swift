import FootholdCore
import Foundation

/// A theme a conversation can be tagged with.
package struct Theme: Equatable {
    package var id: UUID
    package var name: String
    package var position: Int
    package var isActive: Bool
}

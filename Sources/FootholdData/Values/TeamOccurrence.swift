import FootholdCore
import Foundation

/// A report's conversation, with only what the board works out from it.
package struct TeamOccurrence: Sendable {
    package var id: UUID
    package var employeeID: UUID
    package var guideID: UUID
    package var kind: ConversationKind
    package var checkpointID: UUID?
    package var state: ConversationState
    package var withLineManager: Bool
    package var heldAt: Date?
    package var startsAt: Date?
    package var returnOn: String?
}

import FootholdCore
import Foundation

/// A report's conversation, with only what the board works out from it.
struct TeamOccurrence: Sendable {
    var id: UUID
    var employeeID: UUID
    var guideID: UUID
    var kind: ConversationKind
    var checkpointID: UUID?
    var state: ConversationState
    var withLineManager: Bool
    var heldAt: Date?
    var startsAt: Date?
    var returnOn: String?
}

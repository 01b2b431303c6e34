import FootholdCore
import Foundation

/// A conversation as stored, as plain values: what was arranged, where it stands and what the two
/// wrote together. Pages get it only inside a `ConversationForViewer`, whose access policy says
/// which of it the viewer may read.
package struct ConversationRecord: Equatable {
    package var id: UUID
    package var kind: ConversationKind
    package var state: ConversationState
    package var requestedBy: ConversationSide
    /// Whether the guide was the employee's line manager when it was arranged or held.
    package var withLineManager: Bool
    package var purpose: String
    package var startsAt: Date?
    package var minutes: Int
    package var place: String
    package var heldAt: Date?
    package var heldMinutes: Int?
    /// Only the employee ever reads this.
    package var declineReason: String?
    /// When a declined invitation should be offered again, as `YYYY-MM-DD`.
    package var returnOn: String?
    package var expectations: String
    package var summary: String
    package var summaryConfirmedAt: Date?
    package var employeePreparationShared: Bool
    package var guidePreparationShared: Bool
    package var checkpointID: UUID?
    package var createdAt: Date
    package var updatedAt: Date
}

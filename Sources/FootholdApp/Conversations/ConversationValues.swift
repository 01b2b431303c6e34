import FootholdCore
import Fluent
import Foundation

/// A conversation as stored, as plain values: what was arranged, where it stands and what the two
/// wrote together. Pages get it only inside a `ConversationForViewer`, whose access policy says
/// which of it the viewer may read.
struct ConversationRecord: Equatable {
    var id: UUID
    var kind: ConversationKind
    var state: ConversationState
    var requestedBy: ConversationSide
    /// Whether the guide was the employee's line manager when it was arranged or held.
    var withLineManager: Bool
    var purpose: String
    var startsAt: Date?
    var minutes: Int
    var place: String
    var heldAt: Date?
    var heldMinutes: Int?
    /// Only the employee ever reads this.
    var declineReason: String?
    /// When a declined invitation should be offered again, as `YYYY-MM-DD`.
    var returnOn: String?
    var expectations: String
    var summary: String
    var summaryConfirmedAt: Date?
    var employeePreparationShared: Bool
    var guidePreparationShared: Bool
    var checkpointID: UUID?
    var createdAt: Date
    var updatedAt: Date
}

/// One of the two people in a conversation, with what the pages and the policy need of them.
struct ConversationPerson: Equatable {
    var id: UUID
    var name: String
    var managerID: UUID?
    var historySharedWithID: UUID?
}

/// Something agreed in a conversation.
struct AgreedAction: Equatable {
    enum Owner: String, Codable, CaseIterable {
        case employee, guide, organisation
    }

    enum Status: String, Codable, CaseIterable {
        case open, done
    }

    var id: UUID
    var conversationID: UUID
    var employeeID: UUID
    var description: String
    var owner: Owner
    /// `YYYY-MM-DD`, when one was agreed.
    var dueOn: String?
    var status: Status
    var createdAt: Date
    var updatedAt: Date
}

/// A theme a conversation can be tagged with.
struct Theme: Equatable {
    var id: UUID
    var name: String
    var position: Int
    var isActive: Bool
}

extension ConversationModel {
    var record: ConversationRecord {
        ConversationRecord(
            id: id!, kind: kind, state: state, requestedBy: requestedBy, withLineManager: withLineManager, purpose: purpose,
            startsAt: startsAt, minutes: minutes, place: place, heldAt: heldAt, heldMinutes: heldMinutes, declineReason: declineReason,
            returnOn: returnOn, expectations: expectations, summary: summary, summaryConfirmedAt: summaryConfirmedAt,
            employeePreparationShared: employeePreparationShared, guidePreparationShared: guidePreparationShared,
            checkpointID: $checkpoint.id, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension PersonModel {
    var conversationPerson: ConversationPerson {
        ConversationPerson(id: id!, name: name, managerID: $manager.id, historySharedWithID: historySharedWithID)
    }
}

extension AgreedActionModel {
    var action: AgreedAction {
        AgreedAction(
            id: id!, conversationID: $conversation.id, employeeID: $employee.id, description: description, owner: owner, dueOn: dueOn,
            status: status, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension ThemeModel {
    var theme: Theme { Theme(id: id!, name: name, position: position, isActive: isActive) }
}

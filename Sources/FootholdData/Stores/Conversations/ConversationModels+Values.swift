import FootholdCore
import Fluent
import Foundation
import NIOConcurrencyHelpers

extension ConversationModel {
    package var record: ConversationRecord {
        ConversationRecord(
            id: id!, kind: kind, state: state, requestedBy: requestedBy, withLineManager: withLineManager, purpose: purpose,
            startsAt: startsAt, minutes: minutes, place: place, heldAt: heldAt, heldMinutes: heldMinutes, declineReason: declineReason,
            returnOn: returnOn, expectations: expectations, summary: summary, summaryConfirmedAt: summaryConfirmedAt,
            employeePreparationShared: employeePreparationShared, guidePreparationShared: guidePreparationShared,
            checkpointID: $checkpoint.id, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension PersonModel {
    package var conversationPerson: ConversationPerson {
        ConversationPerson(id: id!, name: name, managerID: $manager.id, historySharedWithID: historySharedWithID)
    }
}

extension AgreedActionModel {
    package var action: AgreedAction {
        AgreedAction(
            id: id!, conversationID: $conversation.id, employeeID: $employee.id, ownerPersonID: $ownerPerson.id,
            createdByID: $createdBy.id, description: description, successMeasure: successMeasure, owner: owner, dueOn: dueOn,
            status: status, dropReason: dropReason, confirmedAt: confirmedAt, goalID: goalID,
            forInfluenceObjective: forInfluenceObjective, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension ThemeModel {
    package var theme: Theme { Theme(id: id!, name: name, position: position, isActive: isActive) }
}

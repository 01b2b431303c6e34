import FootholdCore
import Fluent
import Foundation
import NIOConcurrencyHelpers

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

/// One of the two people in a conversation, with what the pages and the policy need of them.
package struct ConversationPerson: Equatable {
    package var id: UUID
    package var name: String
    package var managerID: UUID?
    package var historySharedWithID: UUID?
}

/// Something to be done after a conversation: agreed in one, or added later by the employee.
package struct AgreedAction: Equatable {
    package typealias Owner = ActionOwner
    package typealias Status = ActionStatus

    package var id: UUID
    /// None for an action the employee added on their own.
    package var conversationID: UUID?
    package var employeeID: UUID
    /// The named colleague who owns it, when `owner` is `.colleague`.
    package var ownerPersonID: UUID?
    package var createdByID: UUID?
    package var description: String
    package var successMeasure: String
    package var owner: Owner
    /// `YYYY-MM-DD`, when one was agreed.
    package var dueOn: String?
    package var status: Status
    package var dropReason: String?
    package var confirmedAt: Date?
    package var goalID: UUID?
    package var forInfluenceObjective: Bool
    package var createdAt: Date
    package var updatedAt: Date

    package var due: CalendarDate? { dueOn.flatMap(CalendarDate.init(iso:)) }

    /// Owned by the guide or the organisation and not yet confirmed by the guide.
    package var awaitsConfirmation: Bool { owner.needsGuideConfirmation && confirmedAt == nil && status.isLive }

    /// The SMART check, counted from the day it was written. Every change to an action moves its
    /// `updatedAt`, so a verdict is kept for each (id, updatedAt) and lists do not check the same
    /// action again on every view.
    package func smart(in timeZone: TimeZone) -> SmartVerdict {
        let key = SmartVerdicts.Key(id: id, updatedAt: updatedAt, timeZone: timeZone.identifier)
        if let known = SmartVerdicts.shared.verdict(for: key) { return known }
        let verdict = SmartCheck.check(
            .init(
                description: description, successMeasure: successMeasure, owner: owner, deliveryConfirmed: confirmedAt != nil,
                dueOn: due, writtenOn: CalendarDate(createdAt, in: timeZone), linkedToGoal: goalID != nil,
                linkedToInfluenceObjective: forInfluenceObjective))
        SmartVerdicts.shared.keep(verdict, for: key)
        return verdict
    }
}

/// Verdicts of the SMART check already made, by action and version; cleared when it grows large.
package final class SmartVerdicts: Sendable {
    package struct Key: Hashable, Sendable {
        package var id: UUID
        package var updatedAt: Date
        package var timeZone: String
    }

    package static let shared = SmartVerdicts()
    private let verdicts = NIOLockedValueBox<[Key: SmartVerdict]>([:])

    package func verdict(for key: Key) -> SmartVerdict? { verdicts.withLockedValue { $0[key] } }

    package func keep(_ verdict: SmartVerdict, for key: Key) {
        verdicts.withLockedValue {
            if $0.count >= 100_000 { $0.removeAll(keepingCapacity: true) }
            $0[key] = verdict
        }
    }
}

/// A theme a conversation can be tagged with.
package struct Theme: Equatable {
    package var id: UUID
    package var name: String
    package var position: Int
    package var isActive: Bool
}

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

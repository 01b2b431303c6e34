import FootholdCore
import Fluent
import Foundation
import NIOConcurrencyHelpers

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

/// Something to be done after a conversation: agreed in one, or added later by the employee.
struct AgreedAction: Equatable {
    typealias Owner = ActionOwner
    typealias Status = ActionStatus

    var id: UUID
    /// None for an action the employee added on their own.
    var conversationID: UUID?
    var employeeID: UUID
    /// The named colleague who owns it, when `owner` is `.colleague`.
    var ownerPersonID: UUID?
    var createdByID: UUID?
    var description: String
    var successMeasure: String
    var owner: Owner
    /// `YYYY-MM-DD`, when one was agreed.
    var dueOn: String?
    var status: Status
    var dropReason: String?
    var confirmedAt: Date?
    var goalID: UUID?
    var forInfluenceObjective: Bool
    var createdAt: Date
    var updatedAt: Date

    var due: CalendarDate? { dueOn.flatMap(CalendarDate.init(iso:)) }

    /// Owned by the guide or the organisation and not yet confirmed by the guide.
    var awaitsConfirmation: Bool { owner.needsGuideConfirmation && confirmedAt == nil && status.isLive }

    /// The SMART check, counted from the day it was written. Every change to an action moves its
    /// `updatedAt`, so a verdict is kept for each (id, updatedAt) and lists do not check the same
    /// action again on every view.
    func smart(in timeZone: TimeZone) -> SmartVerdict {
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
final class SmartVerdicts: Sendable {
    struct Key: Hashable, Sendable {
        var id: UUID
        var updatedAt: Date
        var timeZone: String
    }

    static let shared = SmartVerdicts()
    private let verdicts = NIOLockedValueBox<[Key: SmartVerdict]>([:])

    func verdict(for key: Key) -> SmartVerdict? { verdicts.withLockedValue { $0[key] } }

    func keep(_ verdict: SmartVerdict, for key: Key) {
        verdicts.withLockedValue {
            if $0.count >= 100_000 { $0.removeAll(keepingCapacity: true) }
            $0[key] = verdict
        }
    }
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
            id: id!, conversationID: $conversation.id, employeeID: $employee.id, ownerPersonID: $ownerPerson.id,
            createdByID: $createdBy.id, description: description, successMeasure: successMeasure, owner: owner, dueOn: dueOn,
            status: status, dropReason: dropReason, confirmedAt: confirmedAt, goalID: goalID,
            forInfluenceObjective: forInfluenceObjective, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension ThemeModel {
    var theme: Theme { Theme(id: id!, name: name, position: position, isActive: isActive) }
}

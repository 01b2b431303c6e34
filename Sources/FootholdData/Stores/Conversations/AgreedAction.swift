import FootholdCore
import Foundation

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

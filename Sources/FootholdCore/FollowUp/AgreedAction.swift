import Foundation

/// Something to be done after a conversation: agreed in one, or added later by the employee.
public struct AgreedAction: Equatable, Sendable {
    public typealias Owner = ActionOwner
    public typealias Status = ActionStatus

    public var id: UUID
    /// None for an action the employee added on their own.
    public var conversationID: UUID?
    public var employeeID: UUID
    /// The named colleague who owns it, when `owner` is `.colleague`.
    public var ownerPersonID: UUID?
    public var createdByID: UUID?
    public var description: String
    public var successMeasure: String
    public var owner: Owner
    /// `YYYY-MM-DD`, when one was agreed.
    public var dueOn: String?
    public var status: Status
    public var dropReason: String?
    public var confirmedAt: Date?
    public var goalID: UUID?
    public var forInfluenceObjective: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, conversationID: UUID?, employeeID: UUID, ownerPersonID: UUID?, createdByID: UUID?, description: String,
        successMeasure: String, owner: Owner, dueOn: String?, status: Status, dropReason: String?, confirmedAt: Date?, goalID: UUID?,
        forInfluenceObjective: Bool, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.conversationID = conversationID
        self.employeeID = employeeID
        self.ownerPersonID = ownerPersonID
        self.createdByID = createdByID
        self.description = description
        self.successMeasure = successMeasure
        self.owner = owner
        self.dueOn = dueOn
        self.status = status
        self.dropReason = dropReason
        self.confirmedAt = confirmedAt
        self.goalID = goalID
        self.forInfluenceObjective = forInfluenceObjective
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var due: CalendarDate? { dueOn.flatMap(CalendarDate.init(iso:)) }

    /// Owned by the guide or the organisation and not yet confirmed by the guide.
    public var awaitsConfirmation: Bool { owner.needsGuideConfirmation && confirmedAt == nil && status.isLive }

    /// What the SMART check looks at, counted from the day it was written in `timeZone`.
    public func smartCheckInput(in timeZone: TimeZone) -> SmartCheck.Action {
        .init(
            description: description, successMeasure: successMeasure, owner: owner, deliveryConfirmed: confirmedAt != nil,
            dueOn: due, writtenOn: CalendarDate(createdAt, in: timeZone), linkedToGoal: goalID != nil,
            linkedToInfluenceObjective: forInfluenceObjective)
    }
}

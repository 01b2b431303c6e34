import Fluent
import FootholdCore
import Foundation

/// A career conversation between an employee and a guide.
package final class ConversationModel: Model, @unchecked Sendable {
    package static let schema = "conversations"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Enum(key: "kind") package var kind: ConversationKind
    @Enum(key: "state") package var state: ConversationState
    @Enum(key: "requested_by") package var requestedBy: ConversationSide
    /// Whether the guide was the employee's line manager when it was arranged or held.
    @Field(key: "with_line_manager") package var withLineManager: Bool
    /// What the invitation or request says it is for.
    @Field(key: "purpose") package var purpose: String
    @OptionalField(key: "starts_at") package var startsAt: Date?
    @Field(key: "minutes") package var minutes: Int
    @Field(key: "place") package var place: String
    @OptionalField(key: "held_at") package var heldAt: Date?
    @OptionalField(key: "held_minutes") package var heldMinutes: Int?
    /// Only the employee ever reads this.
    @OptionalField(key: "decline_reason") package var declineReason: String?
    /// When a declined invitation should be offered again, as `YYYY-MM-DD`.
    @OptionalField(key: "return_on") package var returnOn: String?
    /// What both agreed at the start: time, focus, how it is recorded.
    @Field(key: "expectations") package var expectations: String
    @Field(key: "summary") package var summary: String
    @OptionalField(key: "summary_confirmed_at") package var summaryConfirmedAt: Date?
    @Field(key: "employee_prep_shared") package var employeePreparationShared: Bool
    @Field(key: "guide_prep_shared") package var guidePreparationShared: Bool

    // relationships
    @Parent(key: "employee_id") package var employee: PersonModel
    @Parent(key: "guide_id") package var guide: PersonModel
    @OptionalParent(key: "checkpoint_id") package var checkpoint: CheckpointModel?

    package init() {}
}

/// One side's preparation for one conversation.
package final class PreparationModel: Model, @unchecked Sendable {
    package static let schema = "preparations"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Enum(key: "side") package var side: ConversationSide
    /// The answers as JSON, keyed by `PreparationField`.
    @Field(key: "answers") package var answers: String

    // relationships
    @Parent(key: "conversation_id") package var conversation: ConversationModel

    package init() {}
}

/// Notes only their author ever reads.
package final class PrivateNoteModel: Model, @unchecked Sendable {
    package static let schema = "private_notes"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Field(key: "body") package var body: String

    // relationships
    @Parent(key: "conversation_id") package var conversation: ConversationModel
    @Parent(key: "author_id") package var author: PersonModel

    package init() {}
}

package final class ConversationThemeModel: Model, @unchecked Sendable {
    package static let schema = "conversation_themes"

    // managed
    @ID(key: .id) package var id: UUID?

    // relationships
    @Parent(key: "conversation_id") package var conversation: ConversationModel
    @Parent(key: "theme_id") package var theme: ThemeModel

    package init() {}
}

/// Something to be done after a conversation: agreed in one, or added later by the employee.
package final class AgreedActionModel: Model, @unchecked Sendable {
    package static let schema = "agreed_actions"

    package typealias Owner = AgreedAction.Owner
    package typealias Status = AgreedAction.Status

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Field(key: "description") package var description: String
    /// "How we will know it is done"; empty when none was written.
    @Field(key: "success_measure") package var successMeasure: String
    @Enum(key: "owner") package var owner: Owner
    @OptionalField(key: "due_on") package var dueOn: String?
    @Enum(key: "status") package var status: Status
    /// Why it was dropped; only when it was.
    @OptionalField(key: "drop_reason") package var dropReason: String?
    /// When the guide confirmed an action owned by the guide or the organisation can be delivered.
    @OptionalField(key: "confirmed_at") package var confirmedAt: Date?
    /// The development goal of the employee's plan it serves (an id inside the plan's document).
    @OptionalField(key: "goal_id") package var goalID: UUID?
    /// It serves the influence objective the employee prepared.
    @Field(key: "for_influence_objective") package var forInfluenceObjective: Bool
    /// For an action to talk to a colleague: the conversation it asked them for.
    @OptionalField(key: "talk_request_id") package var talkRequestID: UUID?

    // relationships
    /// The conversation it was agreed in; none for an action the employee added on their own.
    @OptionalParent(key: "conversation_id") package var conversation: ConversationModel?
    /// The employee the action belongs to, so their actions are one indexed query.
    @Parent(key: "employee_id") package var employee: PersonModel
    /// The named colleague who owns it, when the owner is a colleague.
    @OptionalParent(key: "owner_person_id") package var ownerPerson: PersonModel?
    @OptionalParent(key: "created_by_id") package var createdBy: PersonModel?
    /// The guide of its conversation, kept on the action so what waits for a guide is one index read.
    @OptionalParent(key: "guide_id") package var guide: PersonModel?

    package init() {}

    /// A new action, open and unconfirmed, with no measure or link until they are given.
    package init(id: UUID, employeeID: UUID, conversationID: UUID?, description: String, owner: Owner, at now: Date) {
        self.id = id
        self.$employee.id = employeeID
        self.$conversation.id = conversationID
        self.description = description
        self.owner = owner
        self.successMeasure = ""
        self.status = .open
        self.forInfluenceObjective = false
        self.createdAt = now
        self.updatedAt = now
    }
}

/// A dated note of progress on an action.
package final class ActionNoteModel: Model, @unchecked Sendable {
    package static let schema = "action_notes"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date

    // data
    @Field(key: "body") package var body: String

    // relationships
    @Parent(key: "action_id") package var action: AgreedActionModel
    @Parent(key: "author_id") package var author: PersonModel

    package init() {}
}

/// One audited event: who did what, when, to whose records. Never what anything said.
package final class AuditLogModel: Model, @unchecked Sendable {
    package static let schema = "audit_log"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "at") package var at: Date
    @Field(key: "event") package var event: String
    /// Facts about the event that are not content: "12 added, 3 updated", "from Ben Khan to Kate Iqbal".
    @Field(key: "detail") package var detail: String

    // relationships
    /// Nobody, for a sign-in with an unknown address.
    @OptionalParent(key: "actor_id") package var actor: PersonModel?
    @OptionalParent(key: "conversation_id") package var conversation: ConversationModel?
    /// Whose records the event concerns: a conversation's employee, the person whose role changed.
    @OptionalParent(key: "subject_id") package var subject: PersonModel?

    package init() {}
}

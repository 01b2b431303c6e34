import Fluent
import FootholdCore
import Foundation

/// A career conversation between an employee and a guide.
final class ConversationModel: Model, @unchecked Sendable {
    static let schema = "conversations"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Enum(key: "kind") var kind: ConversationKind
    @Enum(key: "state") var state: ConversationState
    @Enum(key: "requested_by") var requestedBy: ConversationSide
    /// Whether the guide was the employee's line manager when it was arranged or held.
    @Field(key: "with_line_manager") var withLineManager: Bool
    /// What the invitation or request says it is for.
    @Field(key: "purpose") var purpose: String
    @OptionalField(key: "starts_at") var startsAt: Date?
    @Field(key: "minutes") var minutes: Int
    @Field(key: "place") var place: String
    @OptionalField(key: "held_at") var heldAt: Date?
    @OptionalField(key: "held_minutes") var heldMinutes: Int?
    /// Only the employee ever reads this.
    @OptionalField(key: "decline_reason") var declineReason: String?
    /// When a declined invitation should be offered again, as `YYYY-MM-DD`.
    @OptionalField(key: "return_on") var returnOn: String?
    /// What both agreed at the start: time, focus, how it is recorded.
    @Field(key: "expectations") var expectations: String
    @Field(key: "summary") var summary: String
    @OptionalField(key: "summary_confirmed_at") var summaryConfirmedAt: Date?
    @Field(key: "employee_prep_shared") var employeePreparationShared: Bool
    @Field(key: "guide_prep_shared") var guidePreparationShared: Bool

    // relationships
    @Parent(key: "employee_id") var employee: PersonModel
    @Parent(key: "guide_id") var guide: PersonModel
    @OptionalParent(key: "checkpoint_id") var checkpoint: CheckpointModel?

    init() {}
}

/// One side's preparation for one conversation.
final class PreparationModel: Model, @unchecked Sendable {
    static let schema = "preparations"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Enum(key: "side") var side: ConversationSide
    /// The answers as JSON, keyed by `PreparationField`.
    @Field(key: "answers") var answers: String

    // relationships
    @Parent(key: "conversation_id") var conversation: ConversationModel

    init() {}
}

/// Notes only their author ever reads.
final class PrivateNoteModel: Model, @unchecked Sendable {
    static let schema = "private_notes"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "body") var body: String

    // relationships
    @Parent(key: "conversation_id") var conversation: ConversationModel
    @Parent(key: "author_id") var author: PersonModel

    init() {}
}

final class ConversationThemeModel: Model, @unchecked Sendable {
    static let schema = "conversation_themes"

    // managed
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "conversation_id") var conversation: ConversationModel
    @Parent(key: "theme_id") var theme: ThemeModel

    init() {}
}

/// Something to be done after a conversation: agreed in one, or added later by the employee.
final class AgreedActionModel: Model, @unchecked Sendable {
    static let schema = "agreed_actions"

    typealias Owner = AgreedAction.Owner
    typealias Status = AgreedAction.Status

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "description") var description: String
    /// "How we will know it is done"; empty when none was written.
    @Field(key: "success_measure") var successMeasure: String
    @Enum(key: "owner") var owner: Owner
    @OptionalField(key: "due_on") var dueOn: String?
    @Enum(key: "status") var status: Status
    /// Why it was dropped; only when it was.
    @OptionalField(key: "drop_reason") var dropReason: String?
    /// When the guide confirmed an action owned by the guide or the organisation can be delivered.
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    /// The development goal of the employee's plan it serves (an id inside the plan's document).
    @OptionalField(key: "goal_id") var goalID: UUID?
    /// It serves the influence objective the employee prepared.
    @Field(key: "for_influence_objective") var forInfluenceObjective: Bool
    /// For an action to talk to a colleague: the conversation it asked them for.
    @OptionalField(key: "talk_request_id") var talkRequestID: UUID?

    // relationships
    /// The conversation it was agreed in; none for an action the employee added on their own.
    @OptionalParent(key: "conversation_id") var conversation: ConversationModel?
    /// The employee the action belongs to, so their actions are one indexed query.
    @Parent(key: "employee_id") var employee: PersonModel
    /// The named colleague who owns it, when the owner is a colleague.
    @OptionalParent(key: "owner_person_id") var ownerPerson: PersonModel?
    @OptionalParent(key: "created_by_id") var createdBy: PersonModel?
    /// The guide of its conversation, kept on the action so what waits for a guide is one index read.
    @OptionalParent(key: "guide_id") var guide: PersonModel?

    init() {}

    /// A new action, open and unconfirmed, with no measure or link until they are given.
    init(id: UUID, employeeID: UUID, conversationID: UUID?, description: String, owner: Owner, at now: Date) {
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
final class ActionNoteModel: Model, @unchecked Sendable {
    static let schema = "action_notes"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data
    @Field(key: "body") var body: String

    // relationships
    @Parent(key: "action_id") var action: AgreedActionModel
    @Parent(key: "author_id") var author: PersonModel

    init() {}
}

/// One audited event: who did what, when, to whose records. Never what anything said.
final class AuditLogModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "at") var at: Date
    @Field(key: "event") var event: String
    /// Facts about the event that are not content: "12 added, 3 updated", "from Ben Khan to Kate Iqbal".
    @Field(key: "detail") var detail: String

    // relationships
    /// Nobody, for a sign-in with an unknown address.
    @OptionalParent(key: "actor_id") var actor: PersonModel?
    @OptionalParent(key: "conversation_id") var conversation: ConversationModel?
    /// Whose records the event concerns: a conversation's employee, the person whose role changed.
    @OptionalParent(key: "subject_id") var subject: PersonModel?

    init() {}
}

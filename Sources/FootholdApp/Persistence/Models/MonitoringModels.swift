import Fluent
import Foundation

/// One setting of the organisation, as text under a name (the anonymity threshold).
final class OrganisationSettingModel: Model, @unchecked Sendable {
    static let schema = "organisation_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "value") var value: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A line manager's report to their director of the common themes of a checkpoint (seed 000).
final class ThemeReportModel: Model, @unchecked Sendable {
    static let schema = "theme_reports"

    @ID(key: .id) var id: UUID?
    /// How many people's conversations the report draws on.
    @Field(key: "people") var people: Int
    /// Optional words for the director; the form warns not to name anyone.
    @Field(key: "note") var note: String
    @Field(key: "submitted_at") var submittedAt: Date

    @Parent(key: "manager_id") var manager: PersonModel
    /// The manager's unit when they reported: the figures count there.
    @OptionalParent(key: "unit_id") var unit: UnitModel?
    @Parent(key: "checkpoint_id") var checkpoint: CheckpointModel

    init() {}
}

/// How many of a report's people raised one theme.
final class ThemeReportCountModel: Model, @unchecked Sendable {
    static let schema = "theme_report_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "people") var people: Int

    @Parent(key: "report_id") var report: ThemeReportModel
    @Parent(key: "theme_id") var theme: ThemeModel

    init() {}
}

/// A director told that a checkpoint conversation was held in their unit: who with whom, which
/// checkpoint, when. Never what was said.
final class NoticeModel: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "held_at") var heldAt: Date
    @Field(key: "created_at") var createdAt: Date

    @Parent(key: "recipient_id") var recipient: PersonModel
    @Parent(key: "conversation_id") var conversation: ConversationModel
    @Parent(key: "employee_id") var employee: PersonModel
    @Parent(key: "guide_id") var guide: PersonModel
    @OptionalParent(key: "checkpoint_id") var checkpoint: CheckpointModel?

    init() {}
}

/// What the Leadership Team will do about a theme a unit raised ("you said, we are doing").
final class UnitResponseModel: Model, @unchecked Sendable {
    static let schema = "unit_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "response") var response: String
    @Field(key: "by_whom") var byWhom: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    @Parent(key: "unit_id") var unit: UnitModel
    @Parent(key: "theme_id") var theme: ThemeModel
    @Parent(key: "created_by_id") var createdBy: PersonModel

    init() {}
}

/// A request a team has agreed can be actioned locally, recorded by its line manager (seed 000).
final class TeamRequestModel: Model, @unchecked Sendable {
    static let schema = "team_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "request") var request: String
    @Field(key: "done") var done: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    @Parent(key: "manager_id") var manager: PersonModel
    @OptionalParent(key: "unit_id") var unit: UnitModel?

    init() {}
}

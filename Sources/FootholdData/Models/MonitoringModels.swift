import Fluent
import Foundation

/// One setting of the organisation, as text under a name (the anonymity threshold).
package final class OrganisationSettingModel: Model, @unchecked Sendable {
    package static let schema = "organisation_settings"

    @ID(key: .id) package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "value") package var value: String
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}
}

/// A line manager's report to their director of the common themes of a checkpoint (seed 000).
package final class ThemeReportModel: Model, @unchecked Sendable {
    package static let schema = "theme_reports"

    @ID(key: .id) package var id: UUID?
    /// How many people's conversations the report draws on.
    @Field(key: "people") package var people: Int
    /// Optional words for the director; the form warns not to name anyone.
    @Field(key: "note") package var note: String
    @Field(key: "submitted_at") package var submittedAt: Date

    @Parent(key: "manager_id") package var manager: PersonModel
    /// The manager's unit when they reported: the figures count there.
    @OptionalParent(key: "unit_id") package var unit: UnitModel?
    @Parent(key: "checkpoint_id") package var checkpoint: CheckpointModel

    package init() {}
}

/// How many of a report's people raised one theme.
package final class ThemeReportCountModel: Model, @unchecked Sendable {
    package static let schema = "theme_report_counts"

    @ID(key: .id) package var id: UUID?
    @Field(key: "people") package var people: Int

    @Parent(key: "report_id") package var report: ThemeReportModel
    @Parent(key: "theme_id") package var theme: ThemeModel

    package init() {}
}

/// A director told that a checkpoint conversation was held in their unit: who with whom, which
/// checkpoint, when. Never what was said.
package final class NoticeModel: Model, @unchecked Sendable {
    package static let schema = "notices"

    @ID(key: .id) package var id: UUID?
    @Field(key: "held_at") package var heldAt: Date
    @Field(key: "created_at") package var createdAt: Date

    @Parent(key: "recipient_id") package var recipient: PersonModel
    @Parent(key: "conversation_id") package var conversation: ConversationModel
    @Parent(key: "employee_id") package var employee: PersonModel
    @Parent(key: "guide_id") package var guide: PersonModel
    @OptionalParent(key: "checkpoint_id") package var checkpoint: CheckpointModel?

    package init() {}
}

/// What the Leadership Team will do about a theme a unit raised ("you said, we are doing").
package final class UnitResponseModel: Model, @unchecked Sendable {
    package static let schema = "unit_responses"

    @ID(key: .id) package var id: UUID?
    @Field(key: "response") package var response: String
    @Field(key: "by_whom") package var byWhom: String
    @OptionalField(key: "due_on") package var dueOn: String?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    @Parent(key: "unit_id") package var unit: UnitModel
    @Parent(key: "theme_id") package var theme: ThemeModel
    @Parent(key: "created_by_id") package var createdBy: PersonModel

    package init() {}
}

/// A request a team has agreed can be actioned locally, recorded by its line manager (seed 000).
package final class TeamRequestModel: Model, @unchecked Sendable {
    package static let schema = "team_requests"

    @ID(key: .id) package var id: UUID?
    @Field(key: "request") package var request: String
    @Field(key: "done") package var done: Bool
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    @Parent(key: "manager_id") package var manager: PersonModel
    @OptionalParent(key: "unit_id") package var unit: UnitModel?

    package init() {}
}

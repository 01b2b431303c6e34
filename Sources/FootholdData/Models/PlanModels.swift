import Fluent
import Foundation

/// A person's career plan for one career year, as one JSON document (`CareerPlan`); the next year's
/// starts as a copy, so each year is kept as it was left.
package final class CareerPlanModel: Model, @unchecked Sendable {
    package static let schema = "career_plans"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Field(key: "content") package var content: String

    // relationships
    @Parent(key: "person_id") package var person: PersonModel
    @Parent(key: "career_year_id") package var careerYear: CareerYearModel

    package init() {}
}

/// The plan as it stood at a moment worth keeping: the start of a career year, or a checkpoint
/// conversation marked held.
package final class PlanSnapshotModel: Model, @unchecked Sendable {
    package static let schema = "plan_snapshots"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "taken_at") package var takenAt: Date
    /// What the moment was: "Start of 2026/27", "Mid-year conversation held".
    @Field(key: "label") package var label: String
    @Field(key: "content") package var content: String

    // relationships
    @Parent(key: "person_id") package var person: PersonModel
    @Parent(key: "career_year_id") package var careerYear: CareerYearModel
    @OptionalParent(key: "conversation_id") package var conversation: ConversationModel?

    package init() {}
}

/// A guide the person has chosen to show their plan to.
package final class PlanShareModel: Model, @unchecked Sendable {
    package static let schema = "plan_shares"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date

    // relationships
    @Parent(key: "person_id") package var person: PersonModel
    @Parent(key: "guide_id") package var guide: PersonModel

    package init() {}
}

/// An accomplishment or a challenge, written down when it happened (seed 003).
package final class JournalEntryModel: Model, @unchecked Sendable {
    package static let schema = "journal_entries"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    /// `YYYY-MM-DD`.
    @Field(key: "written_on") package var writtenOn: String
    @Field(key: "kind") package var kind: String
    @Field(key: "body") package var body: String
    @OptionalField(key: "goal_id") package var goalID: UUID?

    // relationships
    @Parent(key: "person_id") package var person: PersonModel
    @OptionalParent(key: "action_id") package var action: AgreedActionModel?

    package init() {}
}

/// A guide the person has shown one journal entry to.
package final class JournalShareModel: Model, @unchecked Sendable {
    package static let schema = "journal_shares"

    // managed
    @ID(key: .id) package var id: UUID?

    // relationships
    @Parent(key: "entry_id") package var entry: JournalEntryModel
    @Parent(key: "guide_id") package var guide: PersonModel

    package init() {}
}

/// The employee's private reflection on a held conversation (seed 004), as one JSON document.
package final class ReflectionModel: Model, @unchecked Sendable {
    package static let schema = "reflections"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Field(key: "content") package var content: String

    // relationships
    @Parent(key: "conversation_id") package var conversation: ConversationModel
    @Parent(key: "person_id") package var person: PersonModel

    package init() {}
}

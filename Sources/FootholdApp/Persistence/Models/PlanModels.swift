import Fluent
import Foundation

/// A person's career plan for one career year, as one JSON document (`CareerPlan`); the next year's
/// starts as a copy, so each year is kept as it was left.
final class CareerPlanModel: Model, @unchecked Sendable {
    static let schema = "career_plans"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "content") var content: String

    // relationships
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "career_year_id") var careerYear: CareerYearModel

    init() {}
}

/// The plan as it stood at a moment worth keeping: the start of a career year, or a checkpoint
/// conversation marked held.
final class PlanSnapshotModel: Model, @unchecked Sendable {
    static let schema = "plan_snapshots"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "taken_at") var takenAt: Date
    /// What the moment was: "Start of 2026/27", "Mid-year conversation held".
    @Field(key: "label") var label: String
    @Field(key: "content") var content: String

    // relationships
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "career_year_id") var careerYear: CareerYearModel
    @OptionalParent(key: "conversation_id") var conversation: ConversationModel?

    init() {}
}

/// A guide the person has chosen to show their plan to.
final class PlanShareModel: Model, @unchecked Sendable {
    static let schema = "plan_shares"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // relationships
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "guide_id") var guide: PersonModel

    init() {}
}

/// An accomplishment or a challenge, written down when it happened (seed 003).
final class JournalEntryModel: Model, @unchecked Sendable {
    static let schema = "journal_entries"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    /// `YYYY-MM-DD`.
    @Field(key: "written_on") var writtenOn: String
    @Field(key: "kind") var kind: String
    @Field(key: "body") var body: String
    @OptionalField(key: "goal_id") var goalID: UUID?

    // relationships
    @Parent(key: "person_id") var person: PersonModel
    @OptionalParent(key: "action_id") var action: AgreedActionModel?

    init() {}
}

/// A guide the person has shown one journal entry to.
final class JournalShareModel: Model, @unchecked Sendable {
    static let schema = "journal_shares"

    // managed
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "entry_id") var entry: JournalEntryModel
    @Parent(key: "guide_id") var guide: PersonModel

    init() {}
}

/// The employee's private reflection on a held conversation (seed 004), as one JSON document.
final class ReflectionModel: Model, @unchecked Sendable {
    static let schema = "reflections"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "content") var content: String

    // relationships
    @Parent(key: "conversation_id") var conversation: ConversationModel
    @Parent(key: "person_id") var person: PersonModel

    init() {}
}

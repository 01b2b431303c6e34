import Fluent
import FootholdCore
import Foundation

package final class CareerYearModel: Model, @unchecked Sendable {
    package static let schema = "career_years"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "start_year") package var startYear: Int
    @Field(key: "created_at") package var createdAt: Date

    // relationships
    @Children(for: \.$careerYear) package var checkpoints: [CheckpointModel]

    package init() {}
}

package final class CheckpointModel: Model, @unchecked Sendable {
    package static let schema = "checkpoints"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "name") package var name: String
    /// Days as `YYYY-MM-DD`, which sort and compare the same on every database.
    @Field(key: "opens") package var opens: String
    @Field(key: "closes") package var closes: String
    @Field(key: "suggested_minutes") package var suggestedMinutes: Int
    @Field(key: "focus") package var focus: String
    @Field(key: "stage") package var stage: String

    // relationships
    @Parent(key: "career_year_id") package var careerYear: CareerYearModel

    package init() {}

    package var checkpoint: Checkpoint {
        Checkpoint(
            id: id!, name: name, opens: CalendarDate(iso: opens)!, closes: CalendarDate(iso: closes)!,
            suggestedMinutes: suggestedMinutes, focus: focus, stage: CheckpointStage(rawValue: stage) ?? .mid)
    }

    package func update(from checkpoint: Checkpoint) {
        name = checkpoint.name
        opens = checkpoint.opens.iso
        closes = checkpoint.closes.iso
        suggestedMinutes = checkpoint.suggestedMinutes
        focus = checkpoint.focus
        stage = checkpoint.stage.rawValue
    }
}

package final class ThemeModel: Model, @unchecked Sendable {
    package static let schema = "themes"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "name") package var name: String
    @Field(key: "position") package var position: Int
    @Field(key: "active") package var isActive: Bool

    package init() {}
}

/// The organisation's question bank, kept whole as the JSON document it is exported as.
package final class QuestionBankModel: Model, @unchecked Sendable {
    package static let schema = "question_banks"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "document") package var document: String
    @Field(key: "updated_at") package var updatedAt: Date

    package init() {}
}

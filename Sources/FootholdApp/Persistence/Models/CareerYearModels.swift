import Fluent
import FootholdCore
import Foundation

final class CareerYearModel: Model, @unchecked Sendable {
    static let schema = "career_years"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "start_year") var startYear: Int
    @Field(key: "created_at") var createdAt: Date

    // relationships
    @Children(for: \.$careerYear) var checkpoints: [CheckpointModel]

    init() {}
}

final class CheckpointModel: Model, @unchecked Sendable {
    static let schema = "checkpoints"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "name") var name: String
    /// Days as `YYYY-MM-DD`, which sort and compare the same on every database.
    @Field(key: "opens") var opens: String
    @Field(key: "closes") var closes: String
    @Field(key: "suggested_minutes") var suggestedMinutes: Int
    @Field(key: "focus") var focus: String
    @Field(key: "stage") var stage: String

    // relationships
    @Parent(key: "career_year_id") var careerYear: CareerYearModel

    init() {}

    var checkpoint: Checkpoint {
        Checkpoint(
            id: id!, name: name, opens: CalendarDate(iso: opens)!, closes: CalendarDate(iso: closes)!,
            suggestedMinutes: suggestedMinutes, focus: focus, stage: CheckpointStage(rawValue: stage) ?? .mid)
    }

    func update(from checkpoint: Checkpoint) {
        name = checkpoint.name
        opens = checkpoint.opens.iso
        closes = checkpoint.closes.iso
        suggestedMinutes = checkpoint.suggestedMinutes
        focus = checkpoint.focus
        stage = checkpoint.stage.rawValue
    }
}

final class ThemeModel: Model, @unchecked Sendable {
    static let schema = "themes"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int
    @Field(key: "active") var isActive: Bool

    init() {}
}

/// The organisation's question bank, kept whole as the JSON document it is exported as.
final class QuestionBankModel: Model, @unchecked Sendable {
    static let schema = "question_banks"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

import Fluent
import Foundation

/// A slot a Leadership Team member offers for a career conversation (seed 000's summer slots).
final class LeadershipSlotModel: Model, @unchecked Sendable {
    static let schema = "leadership_slots"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data
    /// The slots published together share one series.
    @Field(key: "series_id") var seriesID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "minutes") var minutes: Int
    @Field(key: "place") var place: String
    @Field(key: "theme") var theme: String
    /// How many of the member's slots one person may hold at once.
    @Field(key: "per_person") var perPerson: Int
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    // relationships
    @Parent(key: "member_id") var member: PersonModel

    init() {}
}

/// A booking of a slot: the person and the conversation it became (what they would like to talk
/// about is that conversation's purpose, read through the access policy). `slot_id` is unique: the
/// database itself refuses a second booking of one
/// slot, however many servers take bookings at the same moment. Cancelling deletes the row, which
/// frees the slot; a withdrawn slot keeps its booking so the booker can be told.
final class SlotBookingModel: Model, @unchecked Sendable {
    static let schema = "slot_bookings"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "booked_at") var bookedAt: Date

    // relationships
    @Parent(key: "slot_id") var slot: LeadershipSlotModel
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "conversation_id") var conversation: ConversationModel

    init() {}
}

/// An opportunity in the catalogue: a role, project, secondment, course, mentoring, shadowing or
/// someone to talk to.
final class OpportunityModel: Model, @unchecked Sendable {
    static let schema = "opportunities"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    /// Comma-separated, as typed.
    @Field(key: "skills") var skills: String
    @Field(key: "tags") var tags: String
    /// `YYYY-MM-DD`; none for an opportunity that stays open.
    @OptionalField(key: "closes_on") var closesOn: String?

    // relationships
    /// None for the whole organisation.
    @OptionalParent(key: "unit_id") var unit: UnitModel?
    @OptionalParent(key: "contact_id") var contact: PersonModel?
    @Parent(key: "created_by_id") var createdBy: PersonModel

    init() {}
}

/// A short account of someone who moved or grew, published only while they consent.
final class SuccessStoryModel: Model, @unchecked Sendable {
    static let schema = "success_stories"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    // data
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "tags") var tags: String
    /// When the person it is about agreed to its publication; none while they have not, or after
    /// they withdrew.
    @OptionalField(key: "consented_at") var consentedAt: Date?
    /// Raised whenever its words change; consent is to one version (M026).
    @Field(key: "version") var version: Int

    // relationships
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "written_by_id") var writtenBy: PersonModel

    init() {}
}

/// A link or template for a unit's people (seed 000's departmental resources).
final class ResourceModel: Model, @unchecked Sendable {
    static let schema = "resources"

    // managed
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date

    // data
    @Field(key: "title") var title: String
    @Field(key: "url") var url: String
    @Field(key: "description") var description: String

    // relationships
    /// None for everyone.
    @OptionalParent(key: "unit_id") var unit: UnitModel?

    init() {}
}

/// An opportunity the guide put on a conversation's agenda.
final class AgendaOpportunityModel: Model, @unchecked Sendable {
    static let schema = "agenda_opportunities"

    @ID(key: .id) var id: UUID?
    @Field(key: "added_at") var addedAt: Date

    @Parent(key: "conversation_id") var conversation: ConversationModel
    @Parent(key: "opportunity_id") var opportunity: OpportunityModel
    @Parent(key: "added_by_id") var addedBy: PersonModel

    init() {}
}

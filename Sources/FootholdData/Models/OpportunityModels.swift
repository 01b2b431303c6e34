import Fluent
import Foundation

/// A slot a Leadership Team member offers for a career conversation (seed 000's summer slots).
package final class LeadershipSlotModel: Model, @unchecked Sendable {
    package static let schema = "leadership_slots"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date

    // data
    /// The slots published together share one series.
    @Field(key: "series_id") package var seriesID: UUID
    @Field(key: "starts_at") package var startsAt: Date
    @Field(key: "minutes") package var minutes: Int
    @Field(key: "place") package var place: String
    @Field(key: "theme") package var theme: String
    /// How many of the member's slots one person may hold at once.
    @Field(key: "per_person") package var perPerson: Int
    @OptionalField(key: "withdrawn_at") package var withdrawnAt: Date?

    // relationships
    @Parent(key: "member_id") package var member: PersonModel

    package init() {}
}

/// A booking of a slot: the person and the conversation it became (what they would like to talk
/// about is that conversation's purpose, read through the access policy). `slot_id` is unique: the
/// database itself refuses a second booking of one
/// slot, however many servers take bookings at the same moment. Cancelling deletes the row, which
/// frees the slot; a withdrawn slot keeps its booking so the booker can be told.
package final class SlotBookingModel: Model, @unchecked Sendable {
    package static let schema = "slot_bookings"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "booked_at") package var bookedAt: Date

    // relationships
    @Parent(key: "slot_id") package var slot: LeadershipSlotModel
    @Parent(key: "person_id") package var person: PersonModel
    @Parent(key: "conversation_id") package var conversation: ConversationModel

    package init() {}
}

/// An opportunity in the catalogue: a role, project, secondment, course, mentoring, shadowing or
/// someone to talk to.
package final class OpportunityModel: Model, @unchecked Sendable {
    package static let schema = "opportunities"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Field(key: "kind") package var kind: String
    @Field(key: "title") package var title: String
    @Field(key: "description") package var description: String
    /// Comma-separated, as typed.
    @Field(key: "skills") package var skills: String
    @Field(key: "tags") package var tags: String
    /// `YYYY-MM-DD`; none for an opportunity that stays open.
    @OptionalField(key: "closes_on") package var closesOn: String?

    // relationships
    /// None for the whole organisation.
    @OptionalParent(key: "unit_id") package var unit: UnitModel?
    @OptionalParent(key: "contact_id") package var contact: PersonModel?
    @Parent(key: "created_by_id") package var createdBy: PersonModel

    package init() {}
}

/// A short account of someone who moved or grew, published only while they consent.
package final class SuccessStoryModel: Model, @unchecked Sendable {
    package static let schema = "success_stories"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "updated_at") package var updatedAt: Date

    // data
    @Field(key: "title") package var title: String
    @Field(key: "body") package var body: String
    @Field(key: "tags") package var tags: String
    /// When the person it is about agreed to its publication; none while they have not, or after
    /// they withdrew.
    @OptionalField(key: "consented_at") package var consentedAt: Date?
    /// Raised whenever its words change; consent is to one version (M026).
    @Field(key: "version") package var version: Int

    // relationships
    @Parent(key: "person_id") package var person: PersonModel
    @Parent(key: "written_by_id") package var writtenBy: PersonModel

    package init() {}
}

/// A link or template for a unit's people (seed 000's departmental resources).
package final class ResourceModel: Model, @unchecked Sendable {
    package static let schema = "resources"

    // managed
    @ID(key: .id) package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date

    // data
    @Field(key: "title") package var title: String
    @Field(key: "url") package var url: String
    @Field(key: "description") package var description: String

    // relationships
    /// None for everyone.
    @OptionalParent(key: "unit_id") package var unit: UnitModel?

    package init() {}
}

/// An opportunity the guide put on a conversation's agenda.
package final class AgendaOpportunityModel: Model, @unchecked Sendable {
    package static let schema = "agenda_opportunities"

    @ID(key: .id) package var id: UUID?
    @Field(key: "added_at") package var addedAt: Date

    @Parent(key: "conversation_id") package var conversation: ConversationModel
    @Parent(key: "opportunity_id") package var opportunity: OpportunityModel
    @Parent(key: "added_by_id") package var addedBy: PersonModel

    package init() {}
}

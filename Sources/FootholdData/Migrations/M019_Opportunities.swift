import Fluent
import SQLKit

/// Leadership Team slots and their bookings, the opportunities catalogue, success stories,
/// resources, opportunities on a conversation's agenda, and the request an action to talk to
/// someone made (issue "Leadership Team slots, the opportunities catalogue…"). A slot is booked at
/// most once: `slot_bookings.slot_id` is unique.
package struct M019_Opportunities: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(LeadershipSlotModel.schema)
            .id()
            .field("member_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("series_id", .uuid, .required)
            .field("starts_at", .datetime, .required)
            .field("minutes", .int, .required)
            .field("place", .string, .required)
            .field("theme", .string, .required)
            .field("per_person", .int, .required)
            .field("withdrawn_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(SlotBookingModel.schema)
            .id()
            .field("slot_id", .uuid, .required, .references(LeadershipSlotModel.schema, .id, onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("booked_at", .datetime, .required)
            .unique(on: "slot_id")
            .create()
        try await database.schema(OpportunityModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("skills", .string, .required)
            .field("tags", .string, .required)
            .field("closes_on", .string)
            .field("unit_id", .uuid, .references(UnitModel.schema, .id, onDelete: .setNull))
            .field("contact_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("created_by_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(SuccessStoryModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("written_by_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("tags", .string, .required)
            .field("consented_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(ResourceModel.schema)
            .id()
            .field("unit_id", .uuid, .references(UnitModel.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("url", .string, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(AgendaOpportunityModel.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("opportunity_id", .uuid, .required, .references(OpportunityModel.schema, .id, onDelete: .cascade))
            .field("added_by_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("added_at", .datetime, .required)
            .unique(on: "conversation_id", "opportunity_id")
            .create()
        // A suggestion of someone to talk to: the action and the request it made to that colleague.
        try await database.schema(AgreedActionModel.schema).field("talk_request_id", .uuid).update()
        let sql = database as! any SQLDatabase
        // Open slots by time, and a member's own by time.
        try await sql.create(index: "leadership_slots_starts_at_idx").on(LeadershipSlotModel.schema).column("starts_at").run()
        try await sql.create(index: "leadership_slots_member_idx").on(LeadershipSlotModel.schema).column("member_id")
            .column("starts_at").run()
        try await sql.create(index: "slot_bookings_person_idx").on(SlotBookingModel.schema).column("person_id").run()
        try await sql.create(index: "slot_bookings_conversation_idx").on(SlotBookingModel.schema).column("conversation_id").run()
        // The open ones, and when the last of them changed, from the index alone (decision 0017).
        try await sql.create(index: "opportunities_closes_on_idx").on(OpportunityModel.schema).column("closes_on").column("updated_at")
            .run()
        try await sql.create(index: "opportunities_unit_idx").on(OpportunityModel.schema).column("unit_id").run()
        try await sql.create(index: "success_stories_person_idx").on(SuccessStoryModel.schema).column("person_id").run()
        try await sql.create(index: "success_stories_writer_idx").on(SuccessStoryModel.schema).column("written_by_id").run()
        // Published stories, newest first.
        try await sql.create(index: "success_stories_published_idx").on(SuccessStoryModel.schema).column("consented_at")
            .column("updated_at").run()
        try await sql.create(index: "resources_unit_idx").on(ResourceModel.schema).column("unit_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AgreedActionModel.schema).deleteField("talk_request_id").update()
        for schema in [
            AgendaOpportunityModel.schema, ResourceModel.schema, SuccessStoryModel.schema, OpportunityModel.schema,
            SlotBookingModel.schema, LeadershipSlotModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

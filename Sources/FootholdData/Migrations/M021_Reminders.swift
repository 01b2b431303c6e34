import Fluent
import SQLKit

/// The reminder outbox (issue "Reminders and calendars…", decision 0019): each reminder once, by
/// its unique key, recorded before anything is sent; each way it goes out (e-mail, chat) once, by
/// a unique (reminder, channel), claimed by one pass at a time for a limited while; the kinds each
/// person has switched off; each person's calendar feed address, and each conversation's calendar sequence.
package struct M021_Reminders: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(RemindersStore.reminders)
            .id()
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("recipient_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("text", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema(RemindersStore.deliveries)
            .id()
            .field("reminder_id", .uuid, .required, .references(RemindersStore.reminders, .id, onDelete: .cascade))
            .field("channel", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_by", .uuid)
            .field("claimed_until", .datetime)
            .field("sent_at", .datetime)
            .field("problem", .string)
            // The SHA-256 of the one-click unsubscribe token the e-mail carries.
            .field("unsubscribe_hash", .string)
            .unique(on: "reminder_id", "channel")
            .create()
        try await database.schema(RemindersStore.switchedOff)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "person_id", "kind")
            .create()
        // Each person's secret calendar feed address; resetting it makes a new one.
        try await database.schema(CalendarFeedStore.feeds)
            .field("id", .uuid, .identifier(auto: false), .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("token", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token")
            .create()
        // How many times a conversation's time changed or it was cancelled: its events' SEQUENCE.
        try await database.schema(CalendarFeedStore.sequences)
            .field("id", .uuid, .identifier(auto: false), .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("sequence", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        // A person's notifications, newest first; and their unread count, on every page.
        try await sql.create(index: "reminders_recipient_idx").on(RemindersStore.reminders).column("recipient_id").column("created_at")
            .run()
        try await sql.create(index: "reminders_unread_idx").on(RemindersStore.reminders).column("recipient_id").column("read_at").run()
        // What a pass has recorded lately: the keys it need not record again.
        try await sql.create(index: "reminders_created_idx").on(RemindersStore.reminders).column("created_at").run()
        // The deliveries waiting for a pass.
        try await sql.create(index: "reminder_deliveries_waiting_idx").on(RemindersStore.deliveries)
            .column("state").column("next_attempt_at").run()
        // What a pass reads to decide: actions by due date, conversations scheduled soon, "not now"s by the day to ask again.
        try await sql.create(index: "agreed_actions_due_on_idx").on(AgreedActionModel.schema).column("due_on").run()
        try await sql.create(index: "conversations_state_starts_idx").on(ConversationModel.schema).column("state").column("starts_at").run()
        try await sql.create(index: "conversations_return_on_idx").on(ConversationModel.schema).column("return_on").run()
        // Retention finds private notes and preparation by when they were last changed.
        try await sql.create(index: "private_notes_updated_at_idx").on(PrivateNoteModel.schema).column("updated_at").run()
        try await sql.create(index: "preparations_updated_at_idx").on(PreparationModel.schema).column("updated_at").run()
        try await sql.create(index: "reminder_deliveries_unsubscribe_idx").on(RemindersStore.deliveries).column("unsubscribe_hash").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CalendarFeedStore.sequences).delete()
        try await database.schema(CalendarFeedStore.feeds).delete()
        try await database.schema(RemindersStore.switchedOff).delete()
        try await database.schema(RemindersStore.deliveries).delete()
        try await database.schema(RemindersStore.reminders).delete()
    }
}

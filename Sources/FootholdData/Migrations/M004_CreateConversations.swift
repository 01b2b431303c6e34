import Fluent
import SQLKit

/// Conversations and everything recorded about them, and the audit log.
package struct M004_CreateConversations: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        // Enums are stored as plain strings, the same on SQLite and PostgreSQL.
        try await database.schema(ConversationModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("requested_by", .string, .required)
            .field("employee_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("guide_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("checkpoint_id", .uuid, .references(CheckpointModel.schema, .id, onDelete: .setNull))
            .field("with_line_manager", .bool, .required)
            .field("purpose", .string, .required)
            .field("starts_at", .datetime)
            .field("minutes", .int, .required)
            .field("place", .string, .required)
            .field("held_at", .datetime)
            .field("held_minutes", .int)
            .field("decline_reason", .string)
            .field("return_on", .string)
            .field("expectations", .string, .required)
            .field("summary", .string, .required)
            .field("summary_confirmed_at", .datetime)
            .field("employee_prep_shared", .bool, .required)
            .field("guide_prep_shared", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(PreparationModel.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("side", .string, .required)
            .field("answers", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "conversation_id", "side")
            .create()
        try await database.schema(PrivateNoteModel.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("author_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("body", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "conversation_id", "author_id")
            .create()
        try await database.schema(ConversationThemeModel.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("theme_id", .uuid, .required, .references(ThemeModel.schema, .id, onDelete: .cascade))
            .unique(on: "conversation_id", "theme_id")
            .create()
        try await database.schema(AgreedActionModel.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("description", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("event", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        for (table, column) in [
            ("conversations", "employee_id"), ("conversations", "guide_id"), ("conversations", "checkpoint_id"),
            ("agreed_actions", "employee_id"), ("agreed_actions", "conversation_id"),
            ("conversation_themes", "theme_id"), ("audit_events", "conversation_id"), ("audit_events", "at"),
        ] {
            try await sql.create(index: "\(table)_\(column)_idx").on(table).column(column).run()
        }
    }

    package func revert(on database: any Database) async throws {
        for schema in [
            "audit_events", AgreedActionModel.schema, ConversationThemeModel.schema, PrivateNoteModel.schema,
            PreparationModel.schema, ConversationModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

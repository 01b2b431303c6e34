import Fluent
import SQLKit

/// One audit log for everything audited: reads and changes of conversation records (moved here
/// from `audit_events`), sign-ins, imports, role and reporting-line changes, the programme's
/// settings and sharing choices (decision 0013). Each row names whose records it concerns, so
/// "who opened this person's records" is one indexed read. It never holds what anything said.
package struct M014_CreateAuditLog: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditLogModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("event", .string, .required)
            .field("conversation_id", .uuid, .references(ConversationModel.schema, .id, onDelete: .setNull))
            .field("subject_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("detail", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_log_at_idx").on(AuditLogModel.schema).column("at").run()
        try await sql.create(index: "audit_log_subject_at_idx").on(AuditLogModel.schema).column("subject_id").column("at").run()
        try await sql.create(index: "audit_log_conversation_id_idx").on(AuditLogModel.schema).column("conversation_id").run()
        try await sql.raw(
            """
            INSERT INTO audit_log (id, at, actor_id, event, conversation_id, subject_id, detail) \
            SELECT a.id, a.at, a.actor_id, a.event, a.conversation_id, c.employee_id, '' \
            FROM audit_events a JOIN conversations c ON c.id = a.conversation_id
            """
        ).run()
        try await database.schema("audit_events").delete()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("event", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            INSERT INTO audit_events (id, at, actor_id, conversation_id, event) \
            SELECT id, at, actor_id, conversation_id, event FROM audit_log WHERE conversation_id IS NOT NULL AND actor_id IS NOT NULL
            """
        ).run()
        try await database.schema(AuditLogModel.schema).delete()
    }
}

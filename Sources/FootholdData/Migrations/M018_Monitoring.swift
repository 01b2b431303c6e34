import Fluent
import SQLKit

/// What monitoring keeps: the organisation's settings, line managers' theme reports and their
/// counts, directors' notices of conversations held, the Leadership Team's responses per unit and
/// theme, and teams' local requests. Coverage itself is counted from the conversations (decision 0016).
package struct M018_Monitoring: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationSettingModel.schema)
            .id()
            .field("name", .string, .required)
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "name")
            .create()
        try await database.schema(ThemeReportModel.schema)
            .id()
            .field("manager_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .references(UnitModel.schema, .id, onDelete: .setNull))
            .field("checkpoint_id", .uuid, .required, .references(CheckpointModel.schema, .id, onDelete: .cascade))
            .field("people", .int, .required)
            .field("note", .string, .required)
            .field("submitted_at", .datetime, .required)
            .unique(on: "manager_id", "checkpoint_id")
            .create()
        try await database.schema(ThemeReportCountModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ThemeReportModel.schema, .id, onDelete: .cascade))
            .field("theme_id", .uuid, .required, .references(ThemeModel.schema, .id, onDelete: .cascade))
            .field("people", .int, .required)
            .unique(on: "report_id", "theme_id")
            .create()
        try await database.schema(NoticeModel.schema)
            .id()
            .field("recipient_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("employee_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("guide_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("checkpoint_id", .uuid, .references(CheckpointModel.schema, .id, onDelete: .setNull))
            .field("held_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "recipient_id", "conversation_id")
            .create()
        try await database.schema(UnitResponseModel.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, .id, onDelete: .cascade))
            .field("theme_id", .uuid, .required, .references(ThemeModel.schema, .id, onDelete: .cascade))
            .field("response", .string, .required)
            .field("by_whom", .string, .required)
            .field("due_on", .string)
            .field("created_by_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(TeamRequestModel.schema)
            .id()
            .field("manager_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .references(UnitModel.schema, .id, onDelete: .setNull))
            .field("request", .string, .required)
            .field("done", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "theme_reports_checkpoint_idx").on(ThemeReportModel.schema).column("checkpoint_id").run()
        // A unit's notes at a checkpoint, on the theme view.
        try await sql.create(index: "theme_reports_unit_idx").on(ThemeReportModel.schema).column("unit_id").column("checkpoint_id").run()
        try await sql.create(index: "theme_report_counts_report_idx").on(ThemeReportCountModel.schema).column("report_id").run()
        try await sql.create(index: "notices_recipient_idx").on(NoticeModel.schema).column("recipient_id").column("held_at").run()
        try await sql.create(index: "notices_conversation_idx").on(NoticeModel.schema).column("conversation_id").run()
        try await sql.create(index: "unit_responses_unit_idx").on(UnitResponseModel.schema).column("unit_id").run()
        try await sql.create(index: "team_requests_manager_idx").on(TeamRequestModel.schema).column("manager_id").run()
        // Coverage is counted from every conversation at a checkpoint: kept in one index, so the
        // count reads no table rows (decision 0016).
        try await sql.create(index: "conversations_checkpoint_standing_idx").on(ConversationModel.schema)
            .column("checkpoint_id").column("employee_id").column("state").column("with_line_manager").column("held_at").run()
        // And who held a conversation of which kind lately: a short range of this one.
        try await sql.create(index: "conversations_held_at_idx").on(ConversationModel.schema)
            .column("held_at").column("state").column("employee_id").column("kind").run()
    }

    package func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX conversations_held_at_idx").run()
        try await (database as! any SQLDatabase).raw("DROP INDEX conversations_checkpoint_standing_idx").run()
        for schema in [
            TeamRequestModel.schema, UnitResponseModel.schema, NoticeModel.schema, ThemeReportCountModel.schema,
            ThemeReportModel.schema, OrganisationSettingModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}

import Fluent
import SQLKit

/// What happens after a conversation (issue "Following up"): actions gain a success measure,
/// progress, a named colleague as owner, the guide's confirmation and a link to a goal, and may
/// stand without a conversation; progress notes; the career plan, its snapshots and who it is
/// shown to; the journal; reflections. `agreed_actions` is rebuilt, because SQLite cannot make
/// `conversation_id` optional in place; its rows are copied across unchanged.
package struct M016_FollowUp: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await actions(named: "agreed_actions_next", conversationRequired: false, on: database)
        try await sql.raw(
            """
            INSERT INTO agreed_actions_next (id, conversation_id, employee_id, description, success_measure, owner, due_on, status, \
            for_influence_objective, created_at, updated_at) \
            SELECT id, conversation_id, employee_id, description, '', owner, due_on, status, \(bind: false), created_at, updated_at \
            FROM agreed_actions
            """
        ).run()
        try await database.schema(AgreedActionModel.schema).delete()
        try await sql.raw("ALTER TABLE agreed_actions_next RENAME TO agreed_actions").run()
        for column in ["employee_id", "conversation_id", "owner_person_id"] {
            try await sql.create(index: "agreed_actions_\(column)_idx").on(AgreedActionModel.schema).column(column).run()
        }

        try await database.schema(ActionNoteModel.schema)
            .id()
            .field("action_id", .uuid, .required, .references(AgreedActionModel.schema, .id, onDelete: .cascade))
            .field("author_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "action_notes_action_id_idx").on(ActionNoteModel.schema).column("action_id").run()

        try await database.schema(CareerPlanModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("career_year_id", .uuid, .required, .references(CareerYearModel.schema, .id, onDelete: .cascade))
            .field("content", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "person_id", "career_year_id")
            .create()
        try await database.schema(PlanSnapshotModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("career_year_id", .uuid, .required, .references(CareerYearModel.schema, .id, onDelete: .cascade))
            .field("conversation_id", .uuid, .references(ConversationModel.schema, .id, onDelete: .setNull))
            .field("taken_at", .datetime, .required)
            .field("label", .string, .required)
            .field("content", .string, .required)
            .create()
        try await sql.create(index: "plan_snapshots_person_taken_idx").on(PlanSnapshotModel.schema).column("person_id").column("taken_at")
            .run()
        try await sql.create(index: "plan_snapshots_conversation_id_idx").on(PlanSnapshotModel.schema).column("conversation_id").run()
        try await database.schema(PlanShareModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("guide_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "person_id", "guide_id")
            .create()
        try await sql.create(index: "plan_shares_guide_id_idx").on(PlanShareModel.schema).column("guide_id").run()

        try await database.schema(JournalEntryModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("action_id", .uuid, .references(AgreedActionModel.schema, .id, onDelete: .setNull))
            .field("goal_id", .uuid)
            .field("written_on", .string, .required)
            .field("kind", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await sql.create(index: "journal_entries_person_written_idx").on(JournalEntryModel.schema).column("person_id")
            .column("written_on").run()
        try await sql.create(index: "journal_entries_action_id_idx").on(JournalEntryModel.schema).column("action_id").run()
        try await database.schema(JournalShareModel.schema)
            .id()
            .field("entry_id", .uuid, .required, .references(JournalEntryModel.schema, .id, onDelete: .cascade))
            .field("guide_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .unique(on: "entry_id", "guide_id")
            .create()
        try await sql.create(index: "journal_shares_guide_id_idx").on(JournalShareModel.schema).column("guide_id").run()

        try await database.schema(ReflectionModel.schema)
            .id()
            .field("conversation_id", .uuid, .required, .references(ConversationModel.schema, .id, onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("content", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "conversation_id", "person_id")
            .create()
        try await sql.create(index: "reflections_person_id_idx").on(ReflectionModel.schema).column("person_id").run()
    }

    /// The actions table in this migration's shape.
    private func actions(named name: String, conversationRequired: Bool, on database: any Database) async throws {
        let conversation: DatabaseSchema.FieldConstraint = .references(ConversationModel.schema, .id, onDelete: .cascade)
        var builder = database.schema(name).id()
        builder =
            conversationRequired
            ? builder.field("conversation_id", .uuid, .required, conversation) : builder.field("conversation_id", .uuid, conversation)
        try await builder
            .field("employee_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("owner_person_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("created_by_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("description", .string, .required)
            .field("success_measure", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("drop_reason", .string)
            .field("confirmed_at", .datetime)
            .field("goal_id", .uuid)
            .field("for_influence_objective", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    package func revert(on database: any Database) async throws {
        for schema in [
            ReflectionModel.schema, JournalShareModel.schema, JournalEntryModel.schema, PlanShareModel.schema,
            PlanSnapshotModel.schema, CareerPlanModel.schema, ActionNoteModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE agreed_actions RENAME TO agreed_actions_followup").run()
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
        // What the earlier shape cannot hold is lost: actions without a conversation, colleagues as
        // owners, the statuses in progress and dropped.
        try await sql.raw(
            """
            INSERT INTO agreed_actions (id, conversation_id, employee_id, description, owner, due_on, status, created_at, updated_at) \
            SELECT id, conversation_id, employee_id, description, \
            CASE WHEN owner = 'colleague' THEN 'employee' ELSE owner END, due_on, \
            CASE WHEN status = 'done' THEN 'done' ELSE 'open' END, created_at, updated_at \
            FROM agreed_actions_followup WHERE conversation_id IS NOT NULL
            """
        ).run()
        try await database.schema("agreed_actions_followup").delete()
        for column in ["employee_id", "conversation_id"] {
            try await sql.create(index: "agreed_actions_\(column)_idx").on(AgreedActionModel.schema).column(column).run()
        }
    }
}

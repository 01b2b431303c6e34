import Fluent
import SQLKit

/// A team board asks for each report's conversations at the current year's checkpoints. With only
/// an index on the employee, that meant reading every conversation of ten years to keep this
/// year's; with (employee, checkpoint) it seeks the four it wants.
///
/// The single-column indexes on the employee and on the guide go: (employee, state), (employee,
/// checkpoint) and (guide, state) begin with those columns, so lookups and cascades by either still
/// use an index, and the demo and imports build two fewer. Without statistics SQLite weighs a
/// one-column index like a two-column one, and chose the guide's index (a manager's hundreds of
/// conversations) over (employee, state) for the history of one pair; with it gone, it no longer can.
package struct M010_IndexConversationsByCheckpoint: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_checkpoint_idx").on(ConversationModel.schema)
            .column("employee_id").column("checkpoint_id").run()
        try await sql.drop(index: "conversations_employee_id_idx").run()
        try await sql.drop(index: "conversations_guide_id_idx").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_id_idx").on(ConversationModel.schema).column("employee_id").run()
        try await sql.create(index: "conversations_guide_id_idx").on(ConversationModel.schema).column("guide_id").run()
        try await sql.drop(index: "conversations_employee_checkpoint_idx").run()
    }
}

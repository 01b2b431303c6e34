import Fluent
import SQLKit

/// A team board asks for each report's conversations at the current year's checkpoints. With only
/// an index on the employee, that meant reading every conversation of ten years to keep this
/// year's; with (employee, checkpoint) it seeks the four it wants. The single-column index on the
/// employee it replaces was redundant: (employee, state) and now (employee, checkpoint) both begin
/// with it, so lookups and cascades by employee still use an index.
struct M010_IndexConversationsByCheckpoint: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_checkpoint_idx").on(ConversationModel.schema)
            .column("employee_id").column("checkpoint_id").run()
        try await sql.drop(index: "conversations_employee_id_idx").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_id_idx").on(ConversationModel.schema).column("employee_id").run()
        try await sql.drop(index: "conversations_employee_checkpoint_idx").run()
    }
}

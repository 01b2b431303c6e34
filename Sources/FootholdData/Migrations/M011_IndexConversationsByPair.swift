import Fluent
import SQLKit

/// The record, preparation and guided pages show the last few conversations the same two people
/// held. With (employee, state) or (guide, state) that meant reading all of a person's held
/// conversations — a manager's hundreds — and sorting them. (employee, state, guide, held, id)
/// seeks exactly the pair's held conversations and reads them newest first, stopping at the few it
/// shows. It begins with (employee, state), so it replaces that index for every other lookup.
package struct M011_IndexConversationsByPair: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_state_guide_idx").on(ConversationModel.schema)
            .column("employee_id").column("state").column("guide_id").column("held_at").column("id").run()
        try await sql.drop(index: "conversations_employee_state_idx").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_state_idx").on(ConversationModel.schema).column("employee_id").column("state")
            .run()
        try await sql.drop(index: "conversations_employee_state_guide_idx").run()
    }
}

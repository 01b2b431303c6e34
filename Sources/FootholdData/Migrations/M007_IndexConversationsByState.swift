import Fluent
import SQLKit

/// Open conversations are looked up by person and state on every home page; these indexes let both
/// databases find them without reading a person's whole history.
package struct M007_IndexConversationsByState: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversations_employee_state_idx").on(ConversationModel.schema).column("employee_id").column("state")
            .run()
        try await sql.create(index: "conversations_guide_state_idx").on(ConversationModel.schema).column("guide_id").column("state").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "conversations_guide_state_idx").run()
        try await sql.drop(index: "conversations_employee_state_idx").run()
    }
}

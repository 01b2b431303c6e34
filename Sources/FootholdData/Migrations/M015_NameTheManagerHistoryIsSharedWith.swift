import FluentSQL
import Fluent
import SQLKit

/// Sharing earlier history is a choice made for a named manager, not for whoever manages the
/// person next (SPEC §7): `history_shared_with_id` is the manager it was given to, and
/// `history_choice_manager_id` the manager the person last chose for, so that a new manager is
/// noticed and the person is asked. Existing choices stay with the manager they were made under.
package struct M015_NameTheManagerHistoryIsSharedWith: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .field("history_shared_with_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .update()
        try await database.schema(PersonModel.schema)
            .field("history_choice_manager_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE people SET history_shared_with_id = manager_id WHERE share_history_with_manager = \(bind: true)").run()
        try await sql.raw("UPDATE people SET history_choice_manager_id = manager_id").run()
        try await sql.raw("ALTER TABLE people DROP COLUMN share_history_with_manager").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .field("share_history_with_manager", .bool, .required, .sql(.default(false)))
            .update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE people SET share_history_with_manager = \(bind: true) WHERE history_shared_with_id = manager_id").run()
        try await database.schema(PersonModel.schema).deleteField("history_choice_manager_id").update()
        try await database.schema(PersonModel.schema).deleteField("history_shared_with_id").update()
    }
}

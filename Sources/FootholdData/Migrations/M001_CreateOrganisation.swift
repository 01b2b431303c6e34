import Fluent
import SQLKit

/// Units and people.
package struct M001_CreateOrganisation: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(UnitModel.schema)
            .id()
            .field("name", .string, .required)
            .field("path", .string, .required)
            .field("parent_id", .uuid, .references(UnitModel.schema, .id, onDelete: .restrict))
            .field("head_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "path")
            .create()
        try await database.schema(PersonModel.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("job_title", .string, .required)
            .field("search_text", .string, .required)
            .field("unit_id", .uuid, .references(UnitModel.schema, .id, onDelete: .restrict))
            .field("manager_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("leadership_team", .bool, .required)
            .field("hr_admin", .bool, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "units_parent_id_idx").on(UnitModel.schema).column("parent_id").run()
        try await sql.create(index: "units_head_id_idx").on(UnitModel.schema).column("head_id").run()
        try await sql.create(index: "people_manager_id_idx").on(PersonModel.schema).column("manager_id").run()
        try await sql.create(index: "people_unit_id_idx").on(PersonModel.schema).column("unit_id").run()
        try await sql.create(index: "people_name_idx").on(PersonModel.schema).column("name").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PersonModel.schema).delete()
        try await database.schema(UnitModel.schema).delete()
    }
}

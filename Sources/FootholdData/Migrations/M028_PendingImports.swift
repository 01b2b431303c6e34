import Fluent
import SQLKit

/// The web import is checked and shown before it is written: the file waits here, for the HR
/// administrator who previewed it, until they confirm it (or a day passes). Several servers behind
/// a load balancer see the same waiting file.
package struct M028_PendingImports: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(PendingImports.table)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("filename", .string, .required)
            .field("csv", .string, .required)
            .field("deactivate_missing", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PendingImports.table).delete()
    }
}

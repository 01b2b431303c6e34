import FluentSQL
import Fluent
import SQLKit

/// A success story's consent is given to the words its person read: each story carries a version,
/// raised whenever its words change, and consent names the version it was given to.
package struct M026_StoryVersions: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SuccessStoryModel.schema)
            .field("version", .int, .required, .sql(.default(0)))
            .update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(SuccessStoryModel.schema).deleteField("version").update()
    }
}

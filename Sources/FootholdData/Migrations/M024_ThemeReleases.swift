import Fluent
import SQLKit

/// Theme figures are published, not streamed (decision 0021): each checkpoint's protected figures
/// are stored once, as a release, when its reporting period ends. One release a checkpoint; the
/// figures are a JSON document of the protected table (held-back figures carry no value).
package struct M024_ThemeReleases: FootholdMigration {
    package static let schema = "theme_releases"

    package func prepare(on database: any Database) async throws {
        try await database.schema(Self.schema)
            .id()
            .field("checkpoint_id", .uuid, .required, .references(CheckpointModel.schema, .id, onDelete: .cascade))
            .field("released_at", .datetime, .required)
            .field("reports_until", .datetime, .required)
            .field("figures", .string, .required)
            .unique(on: "checkpoint_id")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(Self.schema).delete()
    }
}

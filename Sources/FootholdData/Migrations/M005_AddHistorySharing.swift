import FluentSQL
import SQLKit
import Fluent

/// The employee's choice to let their line manager read summaries of conversations held with
/// someone else, such as an earlier manager. Off until they turn it on.
package struct M005_AddHistorySharing: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .field("share_history_with_manager", .bool, .required, .sql(.default(false)))
            .update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PersonModel.schema).deleteField("share_history_with_manager").update()
    }
}

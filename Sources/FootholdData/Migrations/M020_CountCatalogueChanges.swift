import Fluent
import SQLKit

/// The opportunities catalogue is kept in memory, one version at a time (decision 0017). Telling
/// whether it changed by counting the opportunities and finding the latest change walks an index
/// of thousands on every page; a number that every change to the catalogue raises, in the same
/// transaction, is one row read by its key.
package struct M020_CountCatalogueChanges: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(OpportunitiesStore.changesTable)
            .field("id", .int, .identifier(auto: false))
            .field("changes", .int64, .required)
            .create()
        try await (database as! any SQLDatabase).raw(
            "INSERT INTO \(unsafeRaw: OpportunitiesStore.changesTable) (id, changes) VALUES (1, 0)"
        ).run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(OpportunitiesStore.changesTable).delete()
    }
}

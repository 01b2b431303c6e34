import Fluent
import FluentSQL
import SQLKit

/// Provisioning from the organisation's identity provider over SCIM 2.0 (issue of single sign-on
/// and provisioning): a connection per provider, known by the SHA-256 of its bearer token; and the
/// id each person has in the provider (`externalId`), by which it finds them again.
package struct M030_Provisioning: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(ProvisioningStore.connections)
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_by", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(PersonModel.schema).field("external_id", .string).update()
        try await database.sql.raw("CREATE INDEX people_external_id_idx ON people (external_id)").run()
        // Who a person is at the identity provider once they have signed in there (decision 0025).
        try await database.schema(PersonModel.schema).field("identity_subject", .string).update()
        try await database.sql.raw("CREATE UNIQUE INDEX people_identity_subject_idx ON people (identity_subject)").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX people_identity_subject_idx").run()
        try await database.schema(PersonModel.schema).deleteField("identity_subject").update()
        try await database.sql.raw("DROP INDEX people_external_id_idx").run()
        try await database.schema(PersonModel.schema).deleteField("external_id").update()
        try await database.schema(ProvisioningStore.connections).delete()
    }
}

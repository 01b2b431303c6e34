import Fluent
import SQLKit

/// Passwords, sessions, invitation links and the sign-in throttle.
package struct M002_CreateAccounts: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CredentialModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("password_hash", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "person_id")
            .create()
        try await database.schema(SessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(InvitationModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("person_id", .uuid, .required, .references(PersonModel.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_throttles")
            .id()
            .field("email", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .unique(on: "email")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sessions_person_id_idx").on(SessionModel.schema).column("person_id").run()
    }

    package func revert(on database: any Database) async throws {
        for schema in ["sign_in_throttles", InvitationModel.schema, SessionModel.schema, CredentialModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}

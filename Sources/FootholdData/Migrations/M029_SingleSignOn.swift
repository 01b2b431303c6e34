import Fluent
import FluentSQL
import SQLKit

/// Signing in with the organisation's accounts (decision 0025): each sign-in begun waits here for
/// the provider to send the person back, on whichever server they come back to; and a session
/// remembers whether it began at the provider, so signing out can end the provider's session too.
package struct M029_SingleSignOn: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SingleSignOnStarts.table)
            .id()
            .field("state_hash", .string, .required)
            .field("nonce", .string, .required)
            .field("verifier", .string, .required)
            .field("destination", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "state_hash")
            .create()
        // Sign-ins not finished are forgotten by age.
        try await database.sql.raw("CREATE INDEX single_sign_on_starts_created_idx ON single_sign_on_starts (created_at)").run()
        try await database.schema(SessionModel.schema)
            .field("single_sign_on", .bool, .required, .sql(.default(false)))
            .update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(SessionModel.schema).deleteField("single_sign_on").update()
        try await database.schema(SingleSignOnStarts.table).delete()
    }
}

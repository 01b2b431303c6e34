import Fluent
import SQLKit

/// Sessions that end when left idle, and a sign-in throttle counted per account and address, per
/// address and per account (decision 0012). The old throttle, counted per email alone, goes.
package struct M013_HardenSignIn: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SessionModel.schema).field("last_seen_at", .datetime).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE sessions SET last_seen_at = created_at").run()
        try await sql.create(index: "sessions_expires_at_idx").on(SessionModel.schema).column("expires_at").run()
        try await database.schema(SignInAttemptModel.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .unique(on: "key")
            .create()
        try await sql.create(index: "sign_in_attempts_last_failure_at_idx").on(SignInAttemptModel.schema).column("last_failure_at").run()
        try await database.schema("sign_in_throttles").delete()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema("sign_in_throttles")
            .id()
            .field("email", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema(SignInAttemptModel.schema).delete()
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "sessions_expires_at_idx").run()
        try await database.schema(SessionModel.schema).deleteField("last_seen_at").update()
    }
}

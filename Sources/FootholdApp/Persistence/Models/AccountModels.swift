import Fluent
import Foundation

/// A person's password, kept apart from the organisation's data about them.
final class CredentialModel: Model, @unchecked Sendable {
    static let schema = "credentials"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "updated_at") var updatedAt: Date

    // relationships
    @Parent(key: "person_id") var person: PersonModel

    init() {}
}

/// A signed-in browser. Kept in the database so that several app instances share them; only a
/// hash of the cookie's token is stored.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// When the session was last used, to within `Sessions.touchInterval`; idle sessions end.
    @OptionalField(key: "last_seen_at") var lastSeenAt: Date?

    // relationships
    @Parent(key: "person_id") var person: PersonModel

    init() {}
}

/// A one-time link to set a password.
final class InvitationModel: Model, @unchecked Sendable {
    static let schema = "invitations"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    // relationships
    @Parent(key: "person_id") var person: PersonModel

    init() {}
}

/// Failed sign-ins under one key: an account from one address, an address, or an account from
/// anywhere (`SignInThrottle.Scope`). Rows quiet for a day are purged.
final class SignInAttemptModel: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date

    init() {}
}

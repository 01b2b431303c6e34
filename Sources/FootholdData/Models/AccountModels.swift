import Fluent
import Foundation

/// A person's password, kept apart from the organisation's data about them.
package final class CredentialModel: Model, @unchecked Sendable {
    package static let schema = "credentials"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "updated_at") package var updatedAt: Date

    // relationships
    @Parent(key: "person_id") package var person: PersonModel

    package init() {}
}

/// A signed-in browser. Kept in the database so that several app instances share them; only a
/// hash of the cookie's token is stored.
package final class SessionModel: Model, @unchecked Sendable {
    package static let schema = "sessions"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    /// When the session was last used, to within `Sessions.touchInterval`; idle sessions end.
    @OptionalField(key: "last_seen_at") package var lastSeenAt: Date?
    /// Begun at the organisation's identity provider (decision 0025).
    @Field(key: "single_sign_on") package var singleSignOn: Bool

    // relationships
    @Parent(key: "person_id") package var person: PersonModel

    package init() {}
}

/// A one-time link to set a password.
package final class InvitationModel: Model, @unchecked Sendable {
    package static let schema = "invitations"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "used_at") package var usedAt: Date?

    // relationships
    @Parent(key: "person_id") package var person: PersonModel

    package init() {}
}

/// Failed sign-ins under one key: an account from one address, an address, or an account from
/// anywhere (`SignInThrottle.Scope`). Rows quiet for a day are purged.
package final class SignInAttemptModel: Model, @unchecked Sendable {
    package static let schema = "sign_in_attempts"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "key") package var key: String
    @Field(key: "failures") package var failures: Int
    @Field(key: "last_failure_at") package var lastFailureAt: Date

    package init() {}
}

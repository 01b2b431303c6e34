import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query about signing in: who may, their passwords, and the links that let them set one.
package enum AccountsStore {
    /// The person with this (normalised) email address: their id and whether they are still here.
    package static func person(email: String, on database: any Database) async throws -> (id: UUID, isActive: Bool)? {
        guard let person = try await PersonModel.query(on: database).filter(\.$email == email).first() else { return nil }
        return (try person.requireID(), person.isActive)
    }

    /// Makes the person with this address an HR administrator, adding them when Foothold does not
    /// know them yet (named `name`, or as their address reads). Returns their id and whether they
    /// were added.
    package static func makeAdministrator(email: String, name: String?, at now: Date, on database: any Database) async throws -> (
        id: UUID, created: Bool
    ) {
        var created = false
        let person: PersonModel
        if let existing = try await PersonModel.query(on: database).filter(\.$email == email).first() {
            person = existing
        } else {
            person = PersonModel()
            person.email = email
            person.name = name ?? PersonName.fromEmail(email)
            person.jobTitle = "HR administrator"
            person.isLeadershipTeam = false
            person.createdAt = now
            created = true
        }
        if let name, !name.isEmpty { person.name = name }
        let wasAdministrator = !created && person.isHRAdministrator
        person.isHRAdministrator = true
        person.isActive = true
        person.searchText = PersonModel.searchText(name: person.name, email: person.email, jobTitle: person.jobTitle)
        try await database.transaction { database in
            try await person.save(on: database)
            if !wasAdministrator {
                try await AuditLog.record(
                    .roleChanged, by: nil, about: try person.requireID(), detail: "made an HR administrator from the command line",
                    at: now, on: database)
            }
        }
        try await SearchWords.replace([try SearchWords.person(person)], on: database)
        // Someone who had left may be back in a unit: its stored headcounts must count them again.
        try await OrganisationWriter.refreshHeadcounts(on: database)
        return (try person.requireID(), created)
    }

    /// Claims an unused, unexpired link for an active person, in one statement that only such a
    /// link satisfies, so two uses at the same moment cannot both win. Returns whose it was.
    package static func claimLink(token: String, at now: Date, on database: any Database) async throws -> UUID? {
        let claimed = try await database.sql.raw(
            """
            UPDATE invitations SET used_at = \(bind: now) WHERE token_hash = \(bind: TokenHash.of(token)) AND used_at IS NULL \
            AND expires_at > \(bind: now) AND person_id IN (SELECT id FROM people WHERE active = \(bind: true)) RETURNING person_id
            """
        ).all()
        return try claimed.first?.decode(column: "person_id", as: UUID.self)
    }

    /// Whether the link can still be used: unused, unexpired, and for someone still here.
    package static func linkIsUsable(token: String, at now: Date, on database: any Database) async throws -> Bool {
        try await linkHolder(token: token, at: now, on: database) != nil
    }

    /// The e-mail address of whoever a usable link is for, or nil when it cannot be used.
    package static func linkHolder(token: String, at now: Date, on database: any Database) async throws -> String? {
        try await InvitationModel.query(on: database)
            .join(PersonModel.self, on: \InvitationModel.$person.$id == \PersonModel.$id)
            .filter(\.$tokenHash == TokenHash.of(token))
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now)
            .filter(PersonModel.self, \.$isActive == true)
            .first()?.joined(PersonModel.self).email
    }

    /// Keeps a new link for the person (only its token's hash), working for `lifetime`.
    package static func addLink(
        token: String, id: UUID, for personID: UUID, at now: Date, lifetime: TimeInterval, on database: any Database
    )
        async throws
    {
        let invitation = InvitationModel()
        invitation.id = id
        invitation.tokenHash = TokenHash.of(token)
        invitation.$person.id = personID
        invitation.createdAt = now
        invitation.expiresAt = now.addingTimeInterval(lifetime)
        try await invitation.create(on: database)
    }

    /// The person's password hash, if they have set one.
    package static func passwordHash(of personID: UUID, on database: any Database) async throws -> String? {
        try await CredentialModel.query(on: database).filter(\.$person.$id == personID).first()?.passwordHash
    }

    /// A person's email address.
    package static func email(of personID: UUID, on database: any Database) async throws -> String? {
        try await PersonModel.find(personID, on: database)?.email
    }

    /// The active person with this (normalised) email address and their password hash, if they
    /// have set one: what signing in checks. One query.
    package static func signInCandidate(email: String, on database: any Database) async throws -> (personID: UUID, passwordHash: String?)? {
        let row = try await database.sql.raw(
            """
            SELECT p.id, c.password_hash FROM people p LEFT JOIN credentials c ON c.person_id = p.id \
            WHERE p.email = \(bind: email) AND p.active = \(bind: true)
            """
        ).first()
        guard let row else { return nil }
        return (
            try row.decode(column: "id", as: UUID.self),
            try row.decodeNil(column: "password_hash") ? nil : try row.decode(column: "password_hash", as: String.self)
        )
    }

    /// Who an identity provider's sign-in is (decision 0025).
    package enum ProviderMatch: Sendable, Equatable {
        /// The person, active or not; `known` when they have signed in there before.
        case person(UUID, isActive: Bool, known: Bool)
        /// Nobody Foothold knows.
        case nobody
        /// The address is someone's who signs in there as someone else.
        case anotherAccount
    }

    /// The person whose provider identity this is; failing that, whoever has the address, unless
    /// they are known at this provider as someone else. `subject` is "issuer subject".
    package static func providerMatch(subject: String, issuer: String, email: String, on reads: Reads) async throws -> ProviderMatch {
        if let row = try await reads.firstRow("SELECT id, active FROM people WHERE identity_subject = \(bind: subject)") {
            return .person(
                try row.decode(column: "id", as: UUID.self), isActive: try row.decode(column: "active", as: Bool.self), known: true)
        }
        guard let row = try await reads.firstRow("SELECT id, active, identity_subject FROM people WHERE email = \(bind: email)") else {
            return .nobody
        }
        // Known at this provider as someone else; at another provider (the organisation moved), not.
        if let recorded = try row.decode(column: "identity_subject", as: String?.self), recorded.hasPrefix(issuer + " ") {
            return .anotherAccount
        }
        return .person(try row.decode(column: "id", as: UUID.self), isActive: try row.decode(column: "active", as: Bool.self), known: false)
    }

    /// Keeps who the person is at the provider, at their first sign-in there.
    package static func recordProviderSubject(_ subject: String, for person: UUID, on database: any Database) async throws {
        try await database.sql.raw("UPDATE people SET identity_subject = \(bind: subject) WHERE id = \(bind: person)").run()
    }

    /// Sets the password from a link and uses the link up, in one transaction. Returns whose it
    /// was, or nil when the link cannot be used (`claimLink`).
    package static func setPassword(_ hash: String, fromLink token: String, at now: Date, on database: any Database) async throws -> UUID? {
        try await database.transaction { database in
            guard let personID = try await claimLink(token: token, at: now, on: database) else { return nil }
            try await replacePassword(
                hash, for: personID, keepingSession: nil, now: now, by: personID, how: "from an invitation link", on: database)
            return personID
        }
    }

    /// The new password, every other session but `keepingSession` ended, every unused link revoked,
    /// in one transaction; `how` is what the audit line says.
    package static func setPassword(
        _ hash: String, for personID: UUID, keepingSession: UUID?, at now: Date, by actorID: UUID?, how: String,
        on database: any Database
    ) async throws {
        try await database.transaction { database in
            try await replacePassword(hash, for: personID, keepingSession: keepingSession, now: now, by: actorID, how: how, on: database)
        }
    }

    private static func replacePassword(
        _ hash: String, for personID: UUID, keepingSession: UUID?, now: Date, by actorID: UUID?, how: String,
        on database: any Database
    ) async throws {
        // Writes before reads (see `ConversationWrites`).
        try await Sessions.endAll(of: personID, keeping: keepingSession, on: database)
        try await InvitationModel.query(on: database).filter(\.$person.$id == personID).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now).update()
        let credential = try await CredentialModel.query(on: database).filter(\.$person.$id == personID).first() ?? CredentialModel()
        credential.$person.id = personID
        credential.passwordHash = hash
        credential.updatedAt = now
        try await credential.save(on: database)
        try await AuditLog.record(.passwordSet, by: actorID, about: personID, detail: how, at: now, on: database)
    }
}

import SQLKit
import Fluent
import FootholdCore
import Foundation
import Vapor

/// Accounts for the command line and the web app alike: invitations, passwords, administrators.
public struct Accounts: Sendable {
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case invalidEmail(String, String)
        case noSuchPerson(String)
        case inactive(String)
        case weakPassword(String)
        case linkNotUsable

        public var description: String {
            switch self {
            case .invalidEmail(let email, let why): "The email address \(email) \(why)."
            case .noSuchPerson(let email):
                "No one with the email \(email) is in Foothold. Import them first (foothold import), or use create-admin."
            case .inactive(let email): "\(email) is no longer active in Foothold."
            case .weakPassword(let why): "That password will not do: \(why.prefix(1).lowercased() + why.dropFirst())."
            case .linkNotUsable: "This link has expired or has already been used."
            }
        }
    }

    let app: Application

    public init(app: Application) { self.app = app }

    var database: any Database { app.db }

    /// A one-time link, valid for seven days, with which the person sets their password.
    public func invite(email raw: String) async throws -> String {
        let person = try await activePerson(email: raw)
        return try await invitationLink(for: try person.requireID())
    }

    /// Makes someone an HR administrator, adding them when Foothold does not know them yet, and
    /// returns whether they were added and a link to set their password.
    public func createAdministrator(email raw: String, name: String?) async throws -> (created: Bool, link: String) {
        if let problem = EmailAddress.problem(with: raw) { throw Problem.invalidEmail(raw, problem) }
        let email = EmailAddress.normalised(raw)
        var created = false
        let person: PersonModel
        if let existing = try await PersonModel.query(on: database).filter(\.$email == email).first() {
            person = existing
        } else {
            person = PersonModel()
            person.email = email
            person.name = name ?? Self.nameFromEmail(email)
            person.jobTitle = "HR administrator"
            person.isLeadershipTeam = false
            person.createdAt = app.clients.now()
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
                    .roleChanged, by: nil, about: try person.requireID(),
                    detail: "made an HR administrator from the command line", at: app.clients.now(), on: database)
            }
        }
        try await SearchWords.replace([try SearchWords.person(person)], on: database)
        // Someone who had left may be back in a unit: its stored headcounts must count them again.
        try await OrganisationWriter.refreshHeadcounts(on: database)
        return (created, try await invitationLink(for: try person.requireID()))
    }

    /// Sets a password from the command line: every session of the person ends and every link
    /// they were sent stops working.
    public func setPassword(email raw: String, password: String) async throws {
        if let problem = PasswordRules.problem(with: password) { throw Problem.weakPassword(problem) }
        let person = try await activePerson(email: raw)
        let personID = try person.requireID()
        let hash = try await hashed(password)
        try await database.transaction { database in
            try await Self.replacePassword(
                hash, for: personID, keepingSession: nil, now: app.clients.now(), by: nil,
                how: "from the command line", on: database)
        }
    }

    /// Sets the password from an invitation link and uses the link up. Returns the person's id.
    /// Two uses of one link at the same moment: one wins (the link is claimed by one statement
    /// that only an unused link satisfies), the other is told the link no longer works. Every
    /// other session of the person ends and every older link stops working.
    func redeemInvitation(token: String, password: String) async throws -> UUID {
        if let problem = PasswordRules.problem(with: password) { throw Problem.weakPassword(problem) }
        let hash = try await hashed(password)
        let now = app.clients.now()
        return try await database.transaction { database in
            let claimed = try await database.sql.raw(
                """
                UPDATE invitations SET used_at = \(bind: now) WHERE token_hash = \(bind: TokenHash.of(token)) AND used_at IS NULL \
                AND expires_at > \(bind: now) AND person_id IN (SELECT id FROM people WHERE active = \(bind: true)) RETURNING person_id
                """
            ).all()
            guard let row = claimed.first else { throw Problem.linkNotUsable }
            let personID = try row.decode(column: "person_id", as: UUID.self)
            try await Self.replacePassword(
                hash, for: personID, keepingSession: nil, now: now, by: personID,
                how: "from an invitation link", on: database)
            return personID
        }
    }

    /// Changes a signed-in person's own password: the current one must be right, and guesses at it
    /// are throttled as sign-ins are, counted before each is checked (decision 0012). Their other
    /// sessions end; the one they are using stays. Returns the problems, and how long to wait when
    /// the throttle held the attempt back.
    func changePassword(
        personID: UUID, email: String, address: String, current: String, new password: String, keepingSession sessionID: UUID,
        confirmedBy confirmation: String
    ) async throws -> (problems: FieldProblems, wait: TimeInterval?) {
        var problems = FieldProblems()
        if current.isEmpty {
            problems.add("current", "Enter your current password")
        } else {
            let now = app.clients.now()
            let keys = SignInThrottle.keys(email: email, address: address)
            let reservation = try await SignInAttempts.reserve(keys: keys, now: now, on: database)
            if let wait = reservation.wait {
                let minutes = max(1, Int((wait / 60).rounded(.up)))
                problems.add(
                    "current",
                    "There have been too many wrong passwords. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again")
                return (problems, wait)
            }
            let credential = try await CredentialModel.query(on: database).filter(\.$person.$id == personID).first()
            let matches: Bool
            do {
                matches = try await app.passwordWork.verify(current, against: credential?.passwordHash ?? app.signInDecoyHash)
            } catch let busy as PasswordWork.Busy {
                try await SignInAttempts.refund(keys: keys, reservation, on: database)
                throw busy
            }
            if !matches || credential == nil {
                problems.add("current", "Your current password is not right")
            } else {
                try await SignInAttempts.succeeded(keys: keys, reservation, on: database)
            }
        }
        if let problem = PasswordRules.problem(with: password) {
            problems.add("password", problem)
        } else if password != confirmation {
            problems.add("confirmation", "The two new passwords are not the same")
        }
        guard problems.isEmpty else { return (problems, nil) }
        let hash = try await hashed(password)
        try await database.transaction { database in
            try await Self.replacePassword(
                hash, for: personID, keepingSession: sessionID, now: app.clients.now(), by: personID,
                how: "changed their own", on: database)
        }
        return (problems, nil)
    }

    /// A person's email address, the key their guesses are counted under.
    func email(of personID: UUID) async throws -> String? {
        try await PersonModel.find(personID, on: database)?.email
    }

    /// The active person with this (normalised) email address and their password hash, if they
    /// have set one: what signing in checks. One query.
    func signInCandidate(email: String) async throws -> (personID: UUID, passwordHash: String?)? {
        let row = try await app.db.sql.raw(
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

    func hashed(_ password: String) async throws -> String {
        try await app.passwordWork.hash(password)
    }

    /// The new password, every other session ended, every unused link revoked.
    static func replacePassword(
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

    func usableInvitation(token: String) async throws -> InvitationModel? {
        try await InvitationModel.query(on: database)
            .join(PersonModel.self, on: \InvitationModel.$person.$id == \PersonModel.$id)
            .filter(\.$tokenHash == TokenHash.of(token))
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > app.clients.now())
            .filter(PersonModel.self, \.$isActive == true)
            .first()
    }

    func invitationLink(for personID: UUID, lifetime: TimeInterval = AccountLink.invitationLifetime) async throws -> String {
        let token = app.clients.makeToken()
        let invitation = InvitationModel()
        invitation.id = app.clients.makeID()
        invitation.tokenHash = TokenHash.of(token)
        invitation.$person.id = personID
        invitation.createdAt = app.clients.now()
        invitation.expiresAt = invitation.createdAt.addingTimeInterval(lifetime)
        try await invitation.create(on: database)
        return app.footholdConfiguration.baseURL + SiteURL.setPassword(token: token).path
    }

    /// A link of `kind` (an invitation or a reset) made at once, for HR to pass on by hand when
    /// no mail is set up; audited as sent by `actor`.
    func link(_ kind: ReminderKind, for personID: UUID, by actor: UUID) async throws -> String {
        let link = try await invitationLink(for: personID, lifetime: AccountEmails.lifetime(kind))
        try await AuditLog.record(
            kind == .passwordReset ? .passwordResetSent : .invitationSent, by: actor, about: personID, detail: "shown to pass on by hand",
            at: app.clients.now(), on: database)
        return link
    }

    func activePerson(email raw: String) async throws -> PersonModel {
        if let problem = EmailAddress.problem(with: raw) { throw Problem.invalidEmail(raw, problem) }
        let email = EmailAddress.normalised(raw)
        guard let person = try await PersonModel.query(on: database).filter(\.$email == email).first() else {
            throw Problem.noSuchPerson(email)
        }
        guard person.isActive else { throw Problem.inactive(email) }
        return person
    }

    static func nameFromEmail(_ email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        return local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}

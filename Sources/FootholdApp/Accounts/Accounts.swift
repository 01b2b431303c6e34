import FootholdCore
import FootholdData
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

    /// A one-time link, valid for seven days, with which the person sets their password.
    public func invite(email raw: String) async throws -> String {
        return try await invitationLink(for: try await activePerson(email: raw))
    }

    /// Makes someone an HR administrator, adding them when Foothold does not know them yet, and
    /// returns whether they were added and a link to set their password.
    public func createAdministrator(email raw: String, name: String?) async throws -> (created: Bool, link: String) {
        if let problem = EmailAddress.problem(with: raw) { throw Problem.invalidEmail(raw, problem) }
        let made = try await AccountsStore.makeAdministrator(
            email: EmailAddress.normalised(raw), name: name, at: app.clients.now(), on: app.writes)
        return (made.created, try await invitationLink(for: made.id))
    }

    /// Sets a password from the command line: every session of the person ends and every link
    /// they were sent stops working.
    public func setPassword(email raw: String, password: String) async throws {
        if let problem = PasswordRules.problem(with: password) { throw Problem.weakPassword(problem) }
        let personID = try await activePerson(email: raw)
        let hash = try await hashed(password)
        try await AccountsStore.setPassword(
            hash, for: personID, keepingSession: nil, at: app.clients.now(), by: nil, how: "from the command line", on: app.writes)
    }

    /// Sets the password from an invitation link and uses the link up. Returns the person's id.
    /// Two uses of one link at the same moment: one wins (the link is claimed by one statement
    /// that only an unused link satisfies), the other is told the link no longer works. Every
    /// other session of the person ends and every older link stops working.
    func redeemInvitation(token: String, password: String) async throws -> UUID {
        if let problem = PasswordRules.problem(with: password) { throw Problem.weakPassword(problem) }
        let hash = try await hashed(password)
        guard let personID = try await AccountsStore.setPassword(hash, fromLink: token, at: app.clients.now(), on: app.writes) else {
            throw Problem.linkNotUsable
        }
        return personID
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
            let reservation = try await SignInAttempts.reserve(keys: keys, now: now, on: app.writes)
            if let wait = reservation.wait {
                let minutes = max(1, Int((wait / 60).rounded(.up)))
                problems.add(
                    "current",
                    "There have been too many wrong passwords. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again")
                return (problems, wait)
            }
            let stored = try await AccountsStore.passwordHash(of: personID, on: app.writes)
            let matches: Bool
            do {
                matches = try await app.passwordWork.verify(current, against: stored ?? app.foothold.signInDecoyHash)
            } catch let busy as PasswordWork.Busy {
                try await SignInAttempts.refund(keys: keys, reservation, on: app.writes)
                throw busy
            }
            if !matches || stored == nil {
                problems.add("current", "Your current password is not right")
            } else {
                try await SignInAttempts.succeeded(keys: keys, reservation, on: app.writes)
            }
        }
        if let problem = PasswordRules.problem(with: password) {
            problems.add("password", problem)
        } else if password != confirmation {
            problems.add("confirmation", "The two new passwords are not the same")
        }
        guard problems.isEmpty else { return (problems, nil) }
        let hash = try await hashed(password)
        try await AccountsStore.setPassword(
            hash, for: personID, keepingSession: sessionID, at: app.clients.now(), by: personID, how: "changed their own",
            on: app.writes)
        return (problems, nil)
    }

    /// A person's email address, the key their guesses are counted under.
    func email(of personID: UUID) async throws -> String? {
        try await AccountsStore.email(of: personID, on: app.writes)
    }

    /// The active person with this (normalised) email address and their password hash, if they
    /// have set one: what signing in checks.
    func signInCandidate(email: String) async throws -> (personID: UUID, passwordHash: String?)? {
        try await AccountsStore.signInCandidate(email: email, on: app.writes)
    }

    func hashed(_ password: String) async throws -> String {
        try await app.passwordWork.hash(password)
    }

    /// Whether the link can still be used to set a password.
    func linkIsUsable(token: String) async throws -> Bool {
        try await AccountsStore.linkIsUsable(token: token, at: app.clients.now(), on: app.writes)
    }

    /// The e-mail address of whoever a usable link is for; nil when it cannot be used.
    func linkHolder(token: String) async throws -> String? {
        try await AccountsStore.linkHolder(token: token, at: app.clients.now(), on: app.writes)
    }

    func invitationLink(for personID: UUID, lifetime: TimeInterval = AccountLink.invitationLifetime) async throws -> String {
        let token = app.clients.makeToken()
        try await AccountsStore.addLink(
            token: token, id: app.clients.makeID(), for: personID, at: app.clients.now(), lifetime: lifetime, on: app.writes)
        return app.footholdConfiguration.baseURL + SiteURL.setPassword(token: token).path
    }

    /// A link of `kind` (an invitation or a reset) made at once, for HR to pass on by hand when
    /// no mail is set up; audited as sent by `actor`.
    func link(_ kind: ReminderKind, for personID: UUID, by actor: UUID) async throws -> String {
        let link = try await invitationLink(for: personID, lifetime: AccountEmails.lifetime(kind))
        try await AuditLog.record(
            kind == .passwordReset ? .passwordResetSent : .invitationSent, by: actor, about: personID, detail: "shown to pass on by hand",
            at: app.clients.now(), on: app.writes)
        return link
    }

    /// The id of the person with this address, who must still be here.
    func activePerson(email raw: String) async throws -> UUID {
        if let problem = EmailAddress.problem(with: raw) { throw Problem.invalidEmail(raw, problem) }
        let email = EmailAddress.normalised(raw)
        guard let person = try await AccountsStore.person(email: email, on: app.writes) else { throw Problem.noSuchPerson(email) }
        guard person.isActive else { throw Problem.inactive(email) }
        return person.id
    }
}

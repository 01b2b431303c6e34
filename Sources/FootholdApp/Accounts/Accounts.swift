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
            case .noSuchPerson(let email): "No one with the email \(email) is in Foothold. Import them first (foothold import), or use create-admin."
            case .inactive(let email): "\(email) is no longer active in Foothold."
            case .weakPassword(let why): "That password will not do: \(why.prefix(1).lowercased() + why.dropFirst())."
            case .linkNotUsable: "This link has expired or has already been used."
            }
        }
    }

    /// How long an invitation link works.
    public static let invitationLifetime: TimeInterval = 7 * 24 * 60 * 60

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
            person.sharesHistoryWithManager = false
            person.createdAt = app.clients.now()
            created = true
        }
        if let name, !name.isEmpty { person.name = name }
        person.isHRAdministrator = true
        person.isActive = true
        person.searchText = PersonModel.searchText(name: person.name, email: person.email, jobTitle: person.jobTitle)
        try await person.save(on: database)
        try await SearchWords.replace([try SearchWords.person(person)], on: database)
        // Someone who had left may be back in a unit: its stored headcounts must count them again.
        try await OrganisationWriter.refreshHeadcounts(on: database)
        return (created, try await invitationLink(for: try person.requireID()))
    }

    public func setPassword(email raw: String, password: String) async throws {
        if let problem = PasswordRules.problem(with: password) { throw Problem.weakPassword(problem) }
        let person = try await activePerson(email: raw)
        try await storePassword(password, for: try person.requireID())
    }

    /// Sets the password from an invitation link and uses the link up. Returns the person's id.
    func redeemInvitation(token: String, password: String) async throws -> UUID {
        if let problem = PasswordRules.problem(with: password) { throw Problem.weakPassword(problem) }
        guard let invitation = try await usableInvitation(token: token) else { throw Problem.linkNotUsable }
        let personID = invitation.$person.id
        invitation.usedAt = app.clients.now()
        try await invitation.save(on: database)
        try await storePassword(password, for: personID)
        return personID
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

    func storePassword(_ password: String, for personID: UUID) async throws {
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password).get()
        let credential = try await CredentialModel.query(on: database).filter(\.$person.$id == personID).first() ?? CredentialModel()
        credential.$person.id = personID
        credential.passwordHash = hash
        credential.updatedAt = app.clients.now()
        try await credential.save(on: database)
    }

    func invitationLink(for personID: UUID) async throws -> String {
        let token = app.clients.makeToken()
        let invitation = InvitationModel()
        invitation.tokenHash = TokenHash.of(token)
        invitation.$person.id = personID
        invitation.createdAt = app.clients.now()
        invitation.expiresAt = invitation.createdAt.addingTimeInterval(Self.invitationLifetime)
        try await invitation.create(on: database)
        return app.footholdConfiguration.baseURL + SiteURL.setPassword(token: token).path
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

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR administrators connect the organisation's identity provider: each connection has a token,
/// shown once when it is made, that the provider sends with every SCIM request; a connection can
/// be revoked at once.
struct ProvisioningController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminProvisioning, use: list)
        routes.post(SiteURL.adminProvisioning, use: make)
        routes.post(SiteURL.adminProvisioningRevoke, use: revoke)
    }

    struct Form: Content {
        var name: String?
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path), (label: "Administration", path: SiteURL.admin.path)]
    static let longestName = 80

    @Sendable func list(req: Request) async throws -> Response {
        let connections = try await ProvisioningStore.all(on: req.reads)
        return req.page(
            "Provisioning", breadcrumbs: Self.crumbs,
            ProvisioningPage.content(
                connections: connections, made: nil, typed: "", problem: nil, revoked: req.queryValue("revoked") != nil,
                scimBase: Self.scimBase(req), display: req.display, csrf: req.csrfToken))
    }

    @Sendable func make(req: Request) async throws -> Response {
        let name = (try req.content.decode(Form.self).name ?? "").trimmed()
        var problem: String?
        if name.isEmpty {
            problem = "Enter a name for the connection, such as Entra ID"
        } else if name.count > Self.longestName {
            problem = "Keep the name to \(Self.longestName) characters"
        } else if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            problem = "Write the name on one line"
        }
        if let problem {
            let connections = try await ProvisioningStore.all(on: req.reads)
            return req.page(
                "Provisioning", status: .badRequest, breadcrumbs: Self.crumbs,
                ProvisioningPage.content(
                    connections: connections, made: nil, typed: name, problem: problem, revoked: false, scimBase: Self.scimBase(req),
                    display: req.display, csrf: req.csrfToken))
        }
        let token = req.clients.makeToken()
        try await ProvisioningStore.make(
            name: name, token: token, id: req.clients.makeID(), by: try req.requireViewer().personID, at: req.now, on: req.database)
        let connections = try await ProvisioningStore.all(on: req.reads)
        return req.page(
            "Provisioning", breadcrumbs: Self.crumbs,
            ProvisioningPage.content(
                connections: connections, made: (name, token), typed: "", problem: nil, revoked: false, scimBase: Self.scimBase(req),
                display: req.display, csrf: req.csrfToken))
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.itemParameter, as: UUID.self) else { throw SiteError.notFound }
        guard try await ProvisioningStore.revoke(id, by: try req.requireViewer().personID, at: req.now, on: req.database) else {
            throw SiteError.notFound
        }
        return .redirect(to: SiteURL.adminProvisioning.with(query: [("revoked", "1")]))
    }

    static func scimBase(_ req: Request) -> String { req.application.footholdConfiguration.baseURL + "/scim/v2" }
}

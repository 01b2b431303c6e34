import Crypto
import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Signing in with the organisation's own account (decision 0025): the authorization code flow of
/// OpenID Connect with PKCE, `state` and `nonce`. Foothold begins a sign-in, the provider asks the
/// person who they are, and sends them back with a code, which Foothold exchanges for an ID token
/// and checks before it lets anyone in. Only someone active in Foothold gets in; nobody gets an
/// account this way.
struct SingleSignOnController {
    /// The cookie that ties a sign-in to the browser that began it: it holds the `state`. Over
    /// https it is a `__Host-` cookie, which no other host (a sibling subdomain) can set.
    static let cookie = "foothold_sign_in"

    static func cookieName(https: Bool) -> String { https ? "__Host-" + cookie : cookie }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.signInWithProvider, use: begin)
        routes.get(SiteURL.providerReturn, use: finish)
    }

    @Sendable func begin(req: Request) async throws -> Response {
        guard let provider = req.application.foothold.identityProvider else { throw Abort(.notFound) }
        let discovery: OpenIDProvider.Discovery
        do {
            discovery = try await provider.discovery(on: req.application)
        } catch {
            return try await refuse(error, req: req)
        }
        let clients = req.clients
        let (state, nonce, verifier) = (clients.makeToken(), clients.makeToken(), clients.makeToken())
        try await SingleSignOnStarts.begin(
            state: state,
            .init(nonce: nonce, verifier: verifier, destination: SafeDestination.path(req.queryValue("next"))),
            id: clients.makeID(), at: clients.now(), on: req.database)
        let challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        let response = Response.redirect(
            to: provider.authorizationAddress(
                discovery: discovery, state: state, nonce: nonce, challenge: challenge, redirectURI: Self.returnAddress(req)))
        let https = req.application.footholdConfiguration.usesHTTPS
        response.cookies[Self.cookieName(https: https)] = HTTPCookies.Value(
            string: state, maxAge: Int(SingleSignOnStarts.lifetime), path: "/", isSecure: https, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    @Sendable func finish(req: Request) async throws -> Response {
        guard let provider = req.application.foothold.identityProvider else { throw Abort(.notFound) }
        let https = req.application.footholdConfiguration.usesHTTPS
        let state = req.queryValue("state") ?? ""
        // Only a return to a sign-in this browser began is looked up, or audited: anything else
        // is answered without writing anything.
        guard !state.isEmpty, state.utf8.count <= 128, req.cookieValue(Self.cookieName(https: https)) == state,
            let start = try await SingleSignOnStarts.take(state: state, at: req.now, on: req.database)
        else {
            let response = page(for: .notStartedHere, req: req)
            forget(response, req: req)
            return response
        }
        do {
            if let error = req.queryValue("error") { throw SingleSignOnRefusal.providerSaidNo(String(error.prefix(64))) }
            guard let code = req.queryValue("code"), !code.isEmpty, code.utf8.count <= 4096 else {
                throw SingleSignOnRefusal.providerSaidNo("no code")
            }
            let verified = try await provider.redeem(
                code: code, verifier: start.verifier, nonce: start.nonce, redirectURI: Self.returnAddress(req), on: req.application)
            let email = try IDTokenRules.matchValue(claim: provider.settings.claim, claims: verified.claims).get()
            let subject = verified.subject(issuer: provider.settings.issuer)
            let personID: UUID
            switch try await AccountsStore.providerMatch(subject: subject, issuer: provider.settings.issuer, email: email, on: req.reads) {
            case .nobody: throw SingleSignOnRefusal.unknownPerson
            case .anotherAccount: throw SingleSignOnRefusal.anotherAccount
            case .person(let id, isActive: false, known: _):
                try await AuditLog.record(
                    .providerSignInRefused, by: nil, about: id, detail: SingleSignOnRefusal.personLeft.auditDetail, at: req.now,
                    on: req.database)
                return page(for: .personLeft, req: req)
            case .person(let id, isActive: true, let known):
                if !known { try await AccountsStore.recordProviderSubject(subject, for: id, on: req.database) }
                personID = id
            }
            try await AuditLog.record(.signedInWithProvider, by: personID, about: personID, at: req.now, on: req.database)
            let response = try await SignInController.signedIn(
                personID, req: req, to: start.destination ?? SiteURL.home.path, singleSignOn: true)
            forget(response, req: req)
            return response
        } catch {
            return try await refuse(error, req: req)
        }
    }

    /// The page for a refusal, its audit line, and the begun sign-in's cookie gone.
    private func refuse(_ error: any Error, req: Request) async throws -> Response {
        guard let refusal = error as? SingleSignOnRefusal else { throw error }
        try await AuditLog.record(.providerSignInRefused, by: nil, detail: refusal.auditDetail, at: req.now, on: req.database)
        let response = page(for: refusal, req: req)
        forget(response, req: req)
        return response
    }

    private func page(for refusal: SingleSignOnRefusal, req: Request) -> Response {
        let status: HTTPResponseStatus =
            switch refusal {
            case .providerUnavailable: .serviceUnavailable
            case .unknownPerson, .personLeft, .anotherAccount, .emailNotVerified, .providerSaidNo: .forbidden
            default: .badRequest
            }
        return req.page("You are not signed in", status: status, SignInPage.refused(refusal.message))
    }

    private func forget(_ response: Response, req: Request) {
        let https = req.application.footholdConfiguration.usesHTTPS
        response.cookies[Self.cookieName(https: https)] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: https, isHTTPOnly: true,
            sameSite: .lax)
    }

    /// Where the provider sends people back: registered with the provider as Foothold's redirect URI.
    static func returnAddress(_ req: Request) -> String {
        req.application.footholdConfiguration.baseURL + SiteURL.providerReturn.path
    }
}

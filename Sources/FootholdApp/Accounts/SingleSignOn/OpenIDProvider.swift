import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// The organisation's identity provider, as Foothold talks to it (decision 0025): its discovery
/// document and its keys, each kept for a while, and the exchange of a sign-in's code for an ID
/// token, which is checked here before anyone is believed. Every request goes through
/// `OutboundHTTP`, so the provider must be on https and, unless the operator allows its host, on
/// the internet.
final class OpenIDProvider: Sendable {
    /// What the provider says about itself (OpenID Connect Discovery §3): the parts Foothold uses.
    struct Discovery: Sendable, Equatable {
        var issuer: String
        var authorizationEndpoint: String
        var tokenEndpoint: String
        var keysAddress: String
        var endSessionEndpoint: String?
        /// How the provider wants the client secret sent to its token endpoint.
        var secretInBody: Bool
    }

    /// The ID token's claims, once every check has passed.
    struct Verified: Sendable {
        var claims: [String: IDTokenValue]

        /// Who the person is at the provider, as Foothold keeps it: "issuer subject".
        func subject(issuer: String) -> String {
            if case .text(let subject)? = claims["sub"] { return issuer + " " + subject }
            return issuer + " "
        }
    }

    let settings: SingleSignOnSettings
    private let outbound: OutboundHTTP
    private let state = NIOLockedValueBox(Kept())

    private struct Kept {
        var discovery: (value: Discovery, until: Date)?
        var keys: (value: ProviderKeys, fetched: Date)?
        /// After the discovery document could not be read, it is not asked for again before this,
        /// so sign-ins begun while the provider is down do not each wait for it.
        var discoveryFailedUntil: Date?
    }

    /// How long a failure to read the discovery document is remembered.
    static let failureRemembered: TimeInterval = 30

    /// How long the discovery document and the keys are kept before they are read again.
    static let keepFor: TimeInterval = 60 * 60
    /// A token signed with a key id Foothold has not seen makes it read the keys again (the
    /// provider has rolled them), but not more often than this, so such tokens cannot make it
    /// hammer the provider.
    static let soonestKeysAgain: TimeInterval = 60
    static let timeout = TimeAmount.seconds(10)
    static let longestDocument = 512 * 1024

    init(settings: SingleSignOnSettings, outbound: OutboundHTTP) {
        self.settings = settings
        self.outbound = outbound
    }

    /// The discovery document, read again after an hour.
    func discovery(on app: Application) async throws(SingleSignOnRefusal) -> Discovery {
        let now = app.clients.now()
        let (kept, failedUntil) = state.withLockedValue { ($0.discovery, $0.discoveryFailedUntil) }
        if let kept, kept.until > now { return kept.value }
        if let failedUntil, failedUntil > now { throw .providerUnavailable }
        do {
            return try await readDiscovery(now: now, on: app)
        } catch {
            state.withLockedValue { $0.discoveryFailedUntil = now.addingTimeInterval(Self.failureRemembered) }
            throw error
        }
    }

    private func readDiscovery(now: Date, on app: Application) async throws(SingleSignOnRefusal) -> Discovery {
        let trimmed = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let json = try await fetch(trimmed + "/.well-known/openid-configuration", on: app)
        guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any],
            let issuer = object["issuer"] as? String, let authorization = object["authorization_endpoint"] as? String,
            let token = object["token_endpoint"] as? String, let keys = object["jwks_uri"] as? String
        else {
            app.logger.error("Single sign-on: the provider's discovery document lacks what Foothold needs")
            throw .providerUnavailable
        }
        // The document must be the configured issuer's own (Discovery §4.3).
        guard issuer == settings.issuer || issuer == trimmed || issuer == trimmed + "/" else {
            app.logger.error("Single sign-on: the discovery document names another issuer than FOOTHOLD_OIDC_ISSUER")
            throw .providerUnavailable
        }
        // Every address the document gives must be https, as the issuer's is.
        let addresses = [authorization, token, keys] + [object["end_session_endpoint"] as? String].compactMap { $0 }
        guard addresses.allSatisfy({ URL(string: $0)?.scheme?.lowercased() == "https" && URL(string: $0)?.host != nil }) else {
            app.logger.error("Single sign-on: the discovery document gives an address that is not https")
            throw .providerUnavailable
        }
        let methods = object["token_endpoint_auth_methods_supported"] as? [String] ?? ["client_secret_basic"]
        let discovery = Discovery(
            issuer: issuer, authorizationEndpoint: authorization, tokenEndpoint: token, keysAddress: keys,
            endSessionEndpoint: object["end_session_endpoint"] as? String,
            secretInBody: !methods.contains("client_secret_basic") && methods.contains("client_secret_post"))
        state.withLockedValue {
            $0.discovery = (discovery, now.addingTimeInterval(Self.keepFor))
            $0.discoveryFailedUntil = nil
        }
        return discovery
    }

    /// Exchanges a sign-in's code for its ID token and checks the token: its signature with the
    /// provider's keys, then what it says (`IDTokenRules`).
    func redeem(code: String, verifier: String, nonce: String, redirectURI: String, on app: Application) async throws(SingleSignOnRefusal)
        -> Verified
    {
        let discovery = try await discovery(on: app)
        var form: [(String, String)] = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier),
        ]
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        headers.add(name: "Accept", value: "application/json")
        if let secret = settings.clientSecret, !discovery.secretInBody {
            // RFC 6749 §2.3.1: each part form-encoded, then joined and encoded in base64.
            let pair = Self.formEncoded(settings.clientID) + ":" + Self.formEncoded(secret)
            headers.add(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        } else {
            form.append(("client_id", settings.clientID))
            if let secret = settings.clientSecret { form.append(("client_secret", secret)) }
        }
        let body = form.map { Self.formEncoded($0.0) + "=" + Self.formEncoded($0.1) }.joined(separator: "&")
        let answer: OutboundHTTP.Answer
        do {
            answer = try await outbound.send(
                .POST, to: discovery.tokenEndpoint, headers: headers, body: Data(body.utf8), keeping: Self.longestDocument,
                timeout: Self.timeout, on: app)
        } catch {
            app.logger.error("Single sign-on: the token endpoint could not be reached: \(error)")
            throw .providerUnavailable
        }
        guard answer.status == .ok, let object = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any],
            let idToken = object["id_token"] as? String
        else {
            app.logger.warning("Single sign-on: the token endpoint answered \(answer.status.code) without an ID token")
            throw .providerSaidNo("token endpoint")
        }
        let token = try SignedToken(compact: idToken)
        try await checkSignature(token, discovery: discovery, on: app)
        let expected = IDTokenRules.Expected(issuer: discovery.issuer, clientID: settings.clientID, nonce: nonce, now: app.clients.now())
        if let problem = IDTokenRules.problem(token.ruleClaims, expected: expected) { throw problem }
        return Verified(claims: token.claims)
    }

    /// Checks the signature with the keys kept, reading them again once when the token names a
    /// key id they do not have (the provider has rolled its keys).
    private func checkSignature(_ token: SignedToken, discovery: Discovery, on app: Application) async throws(SingleSignOnRefusal) {
        let now = app.clients.now()
        var keys = state.withLockedValue { kept in kept.keys.flatMap { $0.fetched.addingTimeInterval(Self.keepFor) > now ? $0 : nil } }
        if keys == nil
            || (token.keyID.map { !keys!.value.has(keyID: $0) } ?? false)
                && now.timeIntervalSince(keys!.fetched) >= Self.soonestKeysAgain
        {
            let json = try await fetch(discovery.keysAddress, on: app)
            guard let fresh = ProviderKeys(json: json) else {
                app.logger.error("Single sign-on: the provider's keys (jwks_uri) could not be read")
                throw .providerUnavailable
            }
            keys = (fresh, now)
            state.withLockedValue { $0.keys = (fresh, now) }
        }
        guard let keys else { throw .providerUnavailable }
        if let keyID = token.keyID, !keys.value.has(keyID: keyID) { throw .unknownKey }
        let candidates = keys.value.candidates(keyID: token.keyID, algorithm: token.algorithm)
        guard !candidates.isEmpty else { throw .unknownKey }
        guard token.isSigned(byOneOf: candidates) else { throw .badSignature }
    }

    private func fetch(_ address: String, on app: Application) async throws(SingleSignOnRefusal) -> Data {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        let answer: OutboundHTTP.Answer
        do {
            answer = try await outbound.send(
                .GET, to: address, headers: headers, keeping: Self.longestDocument, timeout: Self.timeout, on: app)
        } catch {
            app.logger.error("Single sign-on: \(Self.host(address)) could not be read: \(error)")
            throw .providerUnavailable
        }
        guard answer.status == .ok else {
            app.logger.error("Single sign-on: \(Self.host(address)) answered \(answer.status.code)")
            throw .providerUnavailable
        }
        return answer.body
    }

    /// An address's host, for the log (never the rest of what a provider wrote).
    static func host(_ address: String) -> String { URL(string: address)?.host ?? "an address that could not be read" }

    /// application/x-www-form-urlencoded, as RFC 6749 asks for the client's id and secret too.
    static func formEncoded(_ text: String) -> String {
        queryEncoded(text).replacingOccurrences(of: "%20", with: "+")
    }

    /// A value in an address's query: everything but letters, digits and "-._~" escaped.
    static func queryEncoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The address that starts a sign-in at the provider (authorization code flow with PKCE, RFC 7636).
    func authorizationAddress(discovery: Discovery, state: String, nonce: String, challenge: String, redirectURI: String) -> String {
        let query = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", redirectURI), ("scope", "openid email profile"),
            ("state", state), ("nonce", nonce), ("code_challenge", challenge), ("code_challenge_method", "S256"),
        ].map { Self.queryEncoded($0.0) + "=" + Self.queryEncoded($0.1) }.joined(separator: "&")
        let separator = discovery.authorizationEndpoint.contains("?") ? "&" : "?"
        return discovery.authorizationEndpoint + separator + query
    }

    /// The address that ends the person's session at the provider too (OpenID Connect RP-Initiated
    /// Logout 1.0) and sends them back to `returnTo`, which must be registered with the provider.
    func endSessionAddress(_ endpoint: String, returnTo: String) -> String {
        let query = [("client_id", settings.clientID), ("post_logout_redirect_uri", returnTo)]
            .map { Self.queryEncoded($0.0) + "=" + Self.queryEncoded($0.1) }.joined(separator: "&")
        return endpoint + (endpoint.contains("?") ? "&" : "?") + query
    }
}

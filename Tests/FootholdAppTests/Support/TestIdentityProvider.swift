import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOSSL
import Vapor
import XCTest
import _CryptoExtras

/// An OpenID provider of the tests' own making, over https on this machine: discovery, keys, a
/// token endpoint and an end-session endpoint. The code it is given says what to put in the ID
/// token (the nonce and PKCE challenge Foothold sent), and the test may change the token before it
/// is signed, sign it with the wrong key, or not sign it at all, so every refusal can be shown.
final class TestIdentityProvider: @unchecked Sendable {
    enum Signing: Sendable {
        /// The published RSA key, RS256.
        case published
        /// The published P-256 key, ES256.
        case publishedEC
        /// A key nobody published, under the published key's id.
        case stranger
        /// A key nobody published, under an id nobody published.
        case unknownKeyID
        /// `alg: none` and no signature.
        case none
        /// HS256 with the client secret: a token anyone holding the secret could write.
        case sharedSecret
    }

    struct Tampering: Sendable {
        var signing = Signing.published
        var change: @Sendable (inout [String: Any]) -> Void = { _ in }
    }

    let app: Application
    private(set) var port = 0
    let clientID = "foothold-test-client"
    let clientSecret = "a secret: with & odd characters"
    private let rsa: _RSA.Signing.PrivateKey
    private let stranger: _RSA.Signing.PrivateKey
    private let ec = P256.Signing.PrivateKey()
    private let state = NIOLockedValueBox(State())

    struct State {
        var tampering = Tampering()
        var tokenRequests: [[String: String]] = []
        var authorizations: [String] = []
        var keyFetches = 0
        /// The RSA key's id, which the test may change to roll the keys.
        var keyID = "key-1"
    }

    var issuer: String { "https://localhost:\(port)" }

    static func start(certificate: TestCertificate, now: @escaping @Sendable () -> Date) async throws -> TestIdentityProvider {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.http.server.configuration.tlsConfiguration = .makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate.certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: certificate.key, format: .pem)))
        let provider = try await TestIdentityProvider(app: app, now: now)
        return provider
    }

    private init(app: Application, now: @escaping @Sendable () -> Date) async throws {
        self.app = app
        rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        stranger = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        routes(now: now)
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
    }

    func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }

    func tamper(_ tampering: Tampering) { state.withLockedValue { $0.tampering = tampering } }
    func rollKeys(to id: String) { state.withLockedValue { $0.keyID = id } }
    var tokenRequests: [[String: String]] { state.withLockedValue { $0.tokenRequests } }
    var keyFetches: Int { state.withLockedValue { $0.keyFetches } }

    /// What the provider's sign-in page would send back: a code carrying what the ID token must say.
    static func code(nonce: String, challenge: String, subject: [String: Any]) -> String {
        let json = try! JSONSerialization.data(withJSONObject: ["nonce": nonce, "challenge": challenge, "subject": subject])
        return Self.base64URL(json)
    }

    /// The issuer, as the request reached it (the port is known only once the server listens).
    static func issuer(_ req: Request) -> String { "https://" + (req.headers.first(name: .host) ?? "localhost") }

    private func routes(now: @escaping @Sendable () -> Date) {
        app.get(".well-known", "openid-configuration") { req -> Response in
            let issuer = Self.issuer(req)
            let document: [String: Any] = [
                "issuer": issuer, "authorization_endpoint": issuer + "/authorize", "token_endpoint": issuer + "/token",
                "jwks_uri": issuer + "/keys", "end_session_endpoint": issuer + "/logout",
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            ]
            return Self.json(document)
        }
        app.get("keys") { [self] _ -> Response in
            let keyID = state.withLockedValue { state in
                state.keyFetches += 1
                return state.keyID
            }
            let primitives = try rsa.publicKey.getKeyPrimitives()
            let rsaJWK: [String: Any] = [
                "kty": "RSA", "kid": keyID, "use": "sig", "alg": "RS256", "n": Self.base64URL(primitives.modulus),
                "e": Self.base64URL(primitives.publicExponent),
            ]
            let raw = ec.publicKey.rawRepresentation
            let ecJWK: [String: Any] = [
                "kty": "EC", "crv": "P-256", "kid": "ec-1", "use": "sig", "x": Self.base64URL(raw.prefix(32)),
                "y": Self.base64URL(raw.suffix(32)),
            ]
            return Self.json(["keys": [rsaJWK, ecJWK, ["kty": "oct", "kid": "shared", "k": "c2VjcmV0"]]])
        }
        app.post("token") { [self] req -> Response in
            let issuer = Self.issuer(req)
            var fields = (try? req.content.decode([String: String].self)) ?? [:]
            fields["authorization"] = req.headers.first(name: .authorization) ?? ""
            state.withLockedValue { $0.tokenRequests.append(fields) }
            guard let code = fields["code"], let bytes = Self.unbase64URL(code),
                let said = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
                let challenge = said["challenge"] as? String, let verifier = fields["code_verifier"],
                Self.base64URL(SHA256.hash(data: Data(verifier.utf8))) == challenge
            else { return Self.json(["error": "invalid_grant"], status: .badRequest) }
            let (tampering, keyID) = state.withLockedValue { ($0.tampering, $0.keyID) }
            let moment = now().timeIntervalSince1970
            var claims: [String: Any] = [
                "iss": issuer, "aud": clientID, "exp": moment + 300, "iat": moment, "nonce": said["nonce"] ?? "", "sub": "subject-1",
                "email_verified": true,
            ]
            let subject = said["subject"] as? [String: Any] ?? [:]
            // Each person their own subject at the provider, unless the test names one.
            if let email = subject["email"] as? String { claims["sub"] = "subject-" + email.lowercased() }
            for (name, value) in subject { claims[name] = value }
            tampering.change(&claims)
            return Self.json(["access_token": "opaque", "token_type": "Bearer", "id_token": try sign(claims, tampering.signing, keyID)])
        }
        app.get("logout") { _ in "signed out at the provider" }
    }

    private func sign(_ claims: [String: Any], _ signing: Signing, _ keyID: String) throws -> String {
        var header: [String: Any] = ["typ": "JWT"]
        switch signing {
        case .published, .stranger: header["alg"] = "RS256"; header["kid"] = keyID
        case .unknownKeyID: header["alg"] = "RS256"; header["kid"] = "nobody-published-this"
        case .publishedEC: header["alg"] = "ES256"; header["kid"] = "ec-1"
        case .none: header["alg"] = "none"
        case .sharedSecret: header["alg"] = "HS256"; header["kid"] = "shared"
        }
        let input =
            Self.base64URL(try JSONSerialization.data(withJSONObject: header)) + "."
            + Self.base64URL(try JSONSerialization.data(withJSONObject: claims))
        let data = Data(input.utf8)
        let signature: Data
        switch signing {
        case .published: signature = try rsa.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
        case .stranger, .unknownKeyID:
            signature = try stranger.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
        case .publishedEC: signature = try ec.signature(for: SHA256.hash(data: data)).rawRepresentation
        case .none: signature = Data()
        case .sharedSecret:
            signature = Data(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: Data(clientSecret.utf8))))
        }
        return input + "." + Self.base64URL(signature)
    }

    static func json(_ object: Any, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(data: try! JSONSerialization.data(withJSONObject: object)))
        response.headers.contentType = .json
        return response
    }

    static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func unbase64URL(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { Array($0) }
    }
}

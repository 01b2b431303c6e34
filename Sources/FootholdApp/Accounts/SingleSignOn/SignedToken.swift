import Crypto
import FootholdCore
import Foundation
import _CryptoExtras

/// An ID token as the provider sent it: a JSON Web Signature in compact form (RFC 7515), read
/// and checked here before anything in it is believed. Only asymmetric algorithms are accepted:
/// `none` would let anyone write a token, and a shared-secret algorithm would let anyone holding
/// the client secret write one.
struct SignedToken: Sendable {
    enum Algorithm: String, Sendable, CaseIterable {
        case rs256 = "RS256", rs384 = "RS384", rs512 = "RS512", ps256 = "PS256", es256 = "ES256", es384 = "ES384"

        func fits(_ key: ProviderKeys.Key) -> Bool {
            switch (self, key) {
            case (.rs256, .rsa), (.rs384, .rsa), (.rs512, .rsa), (.ps256, .rsa), (.es256, .p256), (.es384, .p384): true
            default: false
            }
        }
    }

    let algorithm: Algorithm
    let keyID: String?
    let claims: [String: IDTokenValue]
    private let signingInput: [UInt8]
    private let signature: [UInt8]

    /// The longest token read; providers' are a few kilobytes.
    static let longest = 16 * 1024

    /// Reads the token's three parts; refuses anything malformed and any algorithm not allowed.
    init(compact text: String) throws(SingleSignOnRefusal) {
        guard text.utf8.count <= Self.longest else { throw .tokenMalformed }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(String(parts[0])),
            let payloadBytes = Base64URL.decode(String(parts[1])), let signature = Base64URL.decode(String(parts[2])),
            let header = try? JSONDecoder().decode([String: Claim].self, from: Data(headerBytes)),
            let payload = try? JSONDecoder().decode([String: Claim].self, from: Data(payloadBytes))
        else { throw .tokenMalformed }
        guard case .text(let named)? = header["alg"]?.value else { throw .algorithmNotAllowed("") }
        guard let algorithm = Algorithm(rawValue: named) else { throw .algorithmNotAllowed(String(named.prefix(20))) }
        // An extension the token says must be understood is one Foothold does not understand.
        guard header["crit"] == nil else { throw .tokenMalformed }
        switch header["kid"]?.value {
        case nil: keyID = nil
        case .text(let id)?: keyID = id
        default: throw .tokenMalformed
        }
        self.algorithm = algorithm
        self.claims = payload.mapValues(\.value)
        self.signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        self.signature = signature
    }

    /// One value of the header or the claims: JSON's true and false stay apart from its numbers.
    private struct Claim: Decodable {
        var value: IDTokenValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                value = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let text = try? container.decode(String.self) {
                value = .text(text)
            } else if let list = try? container.decode([String].self) {
                value = .list(list)
            } else {
                value = .other
            }
        }
    }

    /// Whether one of these keys made the signature.
    func isSigned(byOneOf keys: [ProviderKeys.Key]) -> Bool {
        keys.contains { isSigned(by: $0) }
    }

    private func isSigned(by key: ProviderKeys.Key) -> Bool {
        switch (algorithm, key) {
        case (.rs256, .rsa(let key)):
            return key.isValidSignature(
                .init(rawRepresentation: signature), for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        case (.rs384, .rsa(let key)):
            return key.isValidSignature(
                .init(rawRepresentation: signature), for: SHA384.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        case (.rs512, .rsa(let key)):
            return key.isValidSignature(
                .init(rawRepresentation: signature), for: SHA512.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        case (.ps256, .rsa(let key)):
            return key.isValidSignature(.init(rawRepresentation: signature), for: SHA256.hash(data: signingInput), padding: .PSS)
        case (.es256, .p256(let key)):
            guard let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(ecdsa, for: SHA256.hash(data: signingInput))
        case (.es384, .p384(let key)):
            guard let ecdsa = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(ecdsa, for: SHA384.hash(data: signingInput))
        default:
            return false
        }
    }

    /// The claims the rules read (`IDTokenRules`).
    var ruleClaims: IDTokenRules.Claims {
        func text(_ name: String) -> String? { if case .text(let value)? = claims[name] { value } else { nil } }
        func time(_ name: String) -> Date? {
            if case .number(let value)? = claims[name] { Date(timeIntervalSince1970: value) } else { nil }
        }
        let audiences: [String] =
            switch claims["aud"] {
            case .text(let one)?: [one]
            case .list(let many)?: many
            default: []
            }
        return IDTokenRules.Claims(
            issuer: text("iss"), audiences: audiences, authorizedParty: text("azp"), expires: time("exp"), issuedAt: time("iat"),
            nonce: text("nonce"))
    }
}

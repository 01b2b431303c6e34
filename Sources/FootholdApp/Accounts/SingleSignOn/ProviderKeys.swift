import Crypto
import FootholdCore
import Foundation
import _CryptoExtras

/// The keys an identity provider publishes (its JWKS, RFC 7517), as Foothold can check signatures
/// with them: RSA keys (RS256, RS384, RS512, PS256) and elliptic-curve keys on P-256 and P-384
/// (ES256, ES384). Keys of any other kind, or marked for encryption only, are left out.
struct ProviderKeys: Sendable {
    enum Key: Sendable {
        case rsa(_RSA.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
    }

    struct Entry: Sendable {
        var id: String?
        /// The algorithm the provider ties the key to, when it says.
        var algorithm: String?
        var key: Key
    }

    var entries: [Entry]

    private struct Document: Decodable {
        var keys: [Raw]
    }

    private struct Raw: Decodable {
        var kty: String?
        var kid: String?
        var use: String?
        var alg: String?
        var n: String?
        var e: String?
        var crv: String?
        var x: String?
        var y: String?
    }

    /// The usable keys of a JWKS document; nil when it is not one.
    init?(json: Data) {
        guard let document = try? JSONDecoder().decode(Document.self, from: json) else { return nil }
        entries = document.keys.compactMap(Self.entry)
    }

    init(entries: [Entry]) { self.entries = entries }

    private static func entry(_ raw: Raw) -> Entry? {
        if let use = raw.use, use != "sig" { return nil }
        switch raw.kty {
        case "RSA":
            guard let n = raw.n.flatMap(Base64URL.decode), let e = raw.e.flatMap(Base64URL.decode),
                let key = try? _RSA.Signing.PublicKey(n: n, e: e)
            else { return nil }
            return Entry(id: raw.kid, algorithm: raw.alg, key: .rsa(key))
        case "EC":
            guard let x = raw.x.flatMap(Base64URL.decode), let y = raw.y.flatMap(Base64URL.decode) else { return nil }
            switch raw.crv {
            case "P-256":
                guard x.count == 32, y.count == 32, let key = try? P256.Signing.PublicKey(rawRepresentation: x + y) else { return nil }
                return Entry(id: raw.kid, algorithm: raw.alg, key: .p256(key))
            case "P-384":
                guard x.count == 48, y.count == 48, let key = try? P384.Signing.PublicKey(rawRepresentation: x + y) else { return nil }
                return Entry(id: raw.kid, algorithm: raw.alg, key: .p384(key))
            default: return nil
            }
        default: return nil
        }
    }

    /// The keys a token signed with `algorithm` under key id `keyID` may have been signed with.
    func candidates(keyID: String?, algorithm: SignedToken.Algorithm) -> [Key] {
        entries.filter { entry in
            (keyID == nil || entry.id == keyID) && (entry.algorithm == nil || entry.algorithm == algorithm.rawValue)
                && algorithm.fits(entry.key)
        }.map(\.key)
    }

    /// Whether the provider publishes a key with this id at all.
    func has(keyID: String) -> Bool { entries.contains { $0.id == keyID } }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), as JOSE writes everything.
enum Base64URL {
    static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 1 << 20,
            text.utf8.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        switch standard.utf8.count % 4 {
        case 2: standard += "=="
        case 3: standard += "="
        case 1: return nil
        default: break
        }
        return Data(base64Encoded: standard).map { Array($0) }
    }

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}

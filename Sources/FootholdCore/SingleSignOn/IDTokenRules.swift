import Foundation

/// What an identity provider's ID token must say before Foothold signs anyone in with it (OpenID
/// Connect Core §3.1.3.7). The signature is checked first, where the keys are; these are the
/// rules about what it says, and the one place that decides them.
public enum IDTokenRules {
    /// The claims the rules read, as the token carried them.
    public struct Claims: Sendable, Equatable {
        public var issuer: String?
        public var audiences: [String]
        /// The party the token was issued to, when it names one (`azp`).
        public var authorizedParty: String?
        public var expires: Date?
        public var issuedAt: Date?
        public var nonce: String?

        public init(
            issuer: String?, audiences: [String], authorizedParty: String? = nil, expires: Date?, issuedAt: Date?, nonce: String?
        ) {
            self.issuer = issuer
            self.audiences = audiences
            self.authorizedParty = authorizedParty
            self.expires = expires
            self.issuedAt = issuedAt
            self.nonce = nonce
        }
    }

    /// What this sign-in expects: the configured provider and client, and the nonce sent with it.
    public struct Expected: Sendable, Equatable {
        public var issuer: String
        public var clientID: String
        public var nonce: String
        public var now: Date

        public init(issuer: String, clientID: String, nonce: String, now: Date) {
            self.issuer = issuer
            self.clientID = clientID
            self.nonce = nonce
            self.now = now
        }
    }

    /// Clocks differ a little between machines; no more than this is forgiven either way.
    public static let allowedClockSkew: TimeInterval = 120
    /// A token issued longer ago than this is not a sign-in happening now.
    public static let longestAge: TimeInterval = 10 * 60

    /// The first rule the claims break, or nil when they keep every one.
    public static func problem(_ claims: Claims, expected: Expected) -> SingleSignOnRefusal? {
        guard claims.issuer == expected.issuer else { return .wrongIssuer }
        guard claims.audiences.contains(expected.clientID) else { return .wrongAudience }
        // A token for several audiences must say it was issued to Foothold.
        if claims.audiences.count > 1 || claims.authorizedParty != nil {
            guard claims.authorizedParty == expected.clientID else { return .wrongAudience }
        }
        guard let expires = claims.expires, expires.addingTimeInterval(allowedClockSkew) > expected.now else { return .expired }
        guard let issuedAt = claims.issuedAt, issuedAt <= expected.now.addingTimeInterval(allowedClockSkew),
            issuedAt >= expected.now.addingTimeInterval(-longestAge - allowedClockSkew)
        else { return .issuedAtWrongTime }
        guard let nonce = claims.nonce, !expected.nonce.isEmpty, nonce == expected.nonce else { return .wrongNonce }
        return nil
    }

    /// The value a person is matched by, from the claim Foothold was told to use. The `email`
    /// claim is used only when the provider says it verified the address (`email_verified`):
    /// where a person can set their own address, anyone could have typed someone else's. (Entra
    /// ID sends no `email_verified`; there `preferred_username`, the sign-in name, is the claim.)
    /// Every ID token names its subject (`sub`); one that does not is not one.
    public static func matchValue(claim: String, claims: [String: IDTokenValue]) -> Result<String, SingleSignOnRefusal> {
        guard case .text(let subject)? = claims["sub"], !subject.isEmpty else { return .failure(.claimMissing("sub")) }
        guard case .text(let raw)? = claims[claim] else { return .failure(.claimMissing(claim)) }
        let value = raw.trimmed()
        guard !value.isEmpty, value.utf8.count <= 320 else { return .failure(.claimMissing(claim)) }
        if claim == "email" {
            switch claims["email_verified"] {
            case .flag(true)?, .text("true")?, .text("True")?: break
            default: return .failure(.emailNotVerified)
            }
        }
        return .success(EmailAddress.normalised(value))
    }
}

/// A claim's value, as much of JSON as the rules need.
public enum IDTokenValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case flag(Bool)
    case list([String])
    /// Anything else (an object, null, a list of other things).
    case other
}

/// Why a sign-in with the organisation's account was refused. Each says what a person can do
/// about it; the audit log keeps `auditDetail`, never a claim's value.
public enum SingleSignOnRefusal: Error, Sendable, Equatable {
    case providerUnavailable
    case providerSaidNo(String)
    case notStartedHere
    case tokenMalformed
    case algorithmNotAllowed(String)
    case unknownKey
    case badSignature
    case wrongIssuer
    case wrongAudience
    case expired
    case issuedAtWrongTime
    case wrongNonce
    case claimMissing(String)
    case emailNotVerified
    case unknownPerson
    case personLeft
    case anotherAccount

    /// For the audit log: what went wrong, in a few words, with nothing the provider or the
    /// person sent in it.
    public var auditDetail: String {
        switch self {
        case .providerUnavailable: "the identity provider could not be reached"
        case .providerSaidNo: "the identity provider refused"
        case .notStartedHere: "the sign-in was not started in this browser, or was used already"
        case .tokenMalformed: "the ID token could not be read"
        case .algorithmNotAllowed: "the ID token's signing algorithm is not allowed"
        case .unknownKey: "the ID token was signed with a key the provider does not publish"
        case .badSignature: "the ID token's signature is wrong"
        case .wrongIssuer: "the ID token is from another issuer"
        case .wrongAudience: "the ID token is for another client"
        case .expired: "the ID token has expired"
        case .issuedAtWrongTime: "the ID token was issued at the wrong time"
        case .wrongNonce: "the ID token's nonce is not this sign-in's"
        case .claimMissing(let claim): "the ID token has no \(claim) claim"
        case .emailNotVerified: "the provider has not verified the e-mail address"
        case .unknownPerson: "no one in Foothold has that account"
        case .personLeft: "the account belongs to someone who has left"
        case .anotherAccount: "the e-mail address belongs to someone who signs in with another account"
        }
    }

    /// What the person is told: what happened and what to do next.
    public var message: String {
        switch self {
        case .providerUnavailable:
            "Foothold could not reach your organisation's sign-in service just now. Try again in a few minutes."
        case .providerSaidNo:
            "Your organisation's sign-in service did not let you in. Try again, or ask your IT service desk if it keeps happening."
        case .notStartedHere:
            "This sign-in was not started from this browser, or it has been used already. Start again from the sign-in page."
        case .unknownPerson:
            "Your organisation's account is not known to Foothold. If you work here, ask your HR team to check that Foothold has "
                + "your work e-mail address."
        case .personLeft:
            "Foothold has you down as having left the organisation, so it cannot sign you in. If that is wrong, ask your HR team."
        case .anotherAccount:
            "The e-mail address your organisation's account gives belongs to someone who signs in to Foothold with a different "
                + "account. Ask your IT service desk or your HR team to check it."
        case .emailNotVerified:
            "Your organisation's sign-in service has not confirmed your e-mail address, so Foothold cannot tell who you are. "
                + "Ask your IT service desk."
        case .claimMissing:
            "Your organisation's sign-in service did not say who you are in the way Foothold was set up to read. "
                + "Ask your IT service desk to check Foothold's single sign-on settings."
        case .tokenMalformed, .algorithmNotAllowed, .unknownKey, .badSignature, .wrongIssuer, .wrongAudience, .expired,
            .issuedAtWrongTime, .wrongNonce:
            "Foothold could not confirm the answer from your organisation's sign-in service, so you are not signed in. "
                + "Start again from the sign-in page; if it keeps happening, ask your IT service desk."
        }
    }
}

import FootholdCore
import Foundation

/// Signing in with the organisation's own accounts through OpenID Connect (decision 0025), read
/// from FOOTHOLD_OIDC_* at start-up.
struct SingleSignOnSettings: Sendable, Equatable {
    /// The provider's issuer, exactly as its ID tokens name it, such as
    /// https://login.microsoftonline.com/TENANT/v2.0.
    var issuer: String
    var clientID: String
    /// Sent to the token endpoint; none for a provider that takes PKCE alone.
    var clientSecret: String?
    /// The claim whose value is a person's e-mail address in Foothold.
    var claim: String
    /// What the button on the sign-in page says.
    var buttonLabel: String

    static let defaultClaim = "email"
    static let defaultButtonLabel = "Sign in with your organisation's account"
}

/// Who may sign in with a password.
enum PasswordSignIn: Sendable, Equatable {
    /// Everyone with a password (the default).
    case everyone
    /// Only these people (lower-cased e-mail addresses): administrators who can still get in when
    /// single sign-on cannot ("break glass"). Everyone else signs in with the organisation's account.
    case only(Set<String>)

    func allows(_ email: String) -> Bool {
        switch self {
        case .everyone: true
        case .only(let named): named.contains(EmailAddress.normalised(email))
        }
    }
}

extension Configuration {
    /// FOOTHOLD_OIDC_ISSUER, FOOTHOLD_OIDC_CLIENT_ID, FOOTHOLD_OIDC_CLIENT_SECRET, FOOTHOLD_OIDC_CLAIM,
    /// FOOTHOLD_OIDC_BUTTON; FOOTHOLD_PASSWORD_SIGN_IN (on or off) and FOOTHOLD_BREAK_GLASS_EMAILS.
    mutating func readSingleSignOn(_ environment: [String: String]) throws(Problem) {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let others = ["FOOTHOLD_OIDC_CLIENT_ID", "FOOTHOLD_OIDC_CLIENT_SECRET", "FOOTHOLD_OIDC_CLAIM", "FOOTHOLD_OIDC_BUTTON"]
        if let issuer = value("FOOTHOLD_OIDC_ISSUER") {
            guard let url = URL(string: issuer), url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty,
                url.query == nil, url.fragment == nil, url.user == nil
            else {
                throw Problem(
                    "FOOTHOLD_OIDC_ISSUER must be the https:// address of your identity provider's issuer, such as "
                        + "https://login.microsoftonline.com/TENANT/v2.0, not '\(issuer)'")
            }
            guard let clientID = value("FOOTHOLD_OIDC_CLIENT_ID") else {
                throw Problem("FOOTHOLD_OIDC_CLIENT_ID must be set with FOOTHOLD_OIDC_ISSUER: the client id the provider gave Foothold")
            }
            guard clientID.utf8.count <= 255, clientID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                throw Problem("FOOTHOLD_OIDC_CLIENT_ID must be the client id, in plain letters and digits, not '\(clientID)'")
            }
            let claim = value("FOOTHOLD_OIDC_CLAIM") ?? SingleSignOnSettings.defaultClaim
            guard claim.utf8.count <= 64,
                claim.unicodeScalars.allSatisfy({
                    CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_-.:".unicodeScalars.contains($0)
                })
            else {
                throw Problem("FOOTHOLD_OIDC_CLAIM must be the name of a claim such as email or preferred_username, not '\(claim)'")
            }
            let label = value("FOOTHOLD_OIDC_BUTTON") ?? SingleSignOnSettings.defaultButtonLabel
            guard label.count <= 60, !label.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
                throw Problem("FOOTHOLD_OIDC_BUTTON must be a label of at most 60 characters on one line, not '\(label)'")
            }
            singleSignOn = SingleSignOnSettings(
                issuer: issuer, clientID: clientID, clientSecret: value("FOOTHOLD_OIDC_CLIENT_SECRET"), claim: claim, buttonLabel: label)
        } else if let stray = others.first(where: { value($0) != nil }) {
            throw Problem("\(stray) is set but FOOTHOLD_OIDC_ISSUER is not: set the issuer too, or remove \(stray)")
        }

        let breakGlass = value("FOOTHOLD_BREAK_GLASS_EMAILS")
        switch value("FOOTHOLD_PASSWORD_SIGN_IN")?.lowercased() {
        case nil, "on":
            guard breakGlass == nil else {
                throw Problem(
                    "FOOTHOLD_BREAK_GLASS_EMAILS names who may still use a password when FOOTHOLD_PASSWORD_SIGN_IN is off; "
                        + "it is on, so everyone may")
            }
            passwordSignIn = .everyone
        case "off":
            guard singleSignOn != nil else {
                throw Problem("FOOTHOLD_PASSWORD_SIGN_IN=off needs single sign-on (FOOTHOLD_OIDC_ISSUER), or nobody could sign in")
            }
            var named = Set<String>()
            for part in (breakGlass ?? "").split(separator: ",") {
                let email = EmailAddress.normalised(String(part))
                if let problem = EmailAddress.problem(with: email) {
                    throw Problem("FOOTHOLD_BREAK_GLASS_EMAILS must be e-mail addresses separated by commas: \(problem)")
                }
                named.insert(email)
            }
            passwordSignIn = .only(named)
        case let other?:
            throw Problem("FOOTHOLD_PASSWORD_SIGN_IN must be 'on' or 'off', not '\(other)'")
        }
    }
}

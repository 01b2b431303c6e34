import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Protects every state-changing form from cross-site requests.
///
/// Signed in, a form's token is bound to the session: an HMAC of the session's id, keyed by the
/// session cookie's secret, which only that browser holds. A token read from one person's page is
/// no use with another session, and it dies with the session. Before signing in (the sign-in form
/// itself) there is no session, so the token is a random value in an HttpOnly, SameSite cookie that
/// the form repeats (double submit): another site can make a browser send the cookie, but can
/// neither read it nor know what to put in the form.
enum CSRF {
    static let cookieName = "foothold_csrf"
    static let fieldName = "csrf_token"

    /// The cookie's name: with `__Host-` over https, so no other host or path can set it.
    static func cookieName(https: Bool) -> String { https ? "__Host-" + cookieName : cookieName }

    /// The double-submit token: the one in the request's cookie, or a new one the response will
    /// set. Forms carry it until someone is signed in.
    static func token(for request: Request) -> (value: String, isNew: Bool) {
        let existing = request.cookieValue(cookieName(https: request.application.footholdConfiguration.usesHTTPS))
            .flatMap { $0.count >= 32 && $0.count <= 128 ? $0 : nil }
        let token = existing ?? request.clients.makeToken()
        request.csrfToken = token
        return (token, existing == nil)
    }

    /// The token a signed-in person's forms carry.
    static func sessionBound(_ viewer: Viewer) -> String {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(viewer.sessionID.lowerText.utf8),
            using: SymmetricKey(data: Data(viewer.sessionToken.utf8)))
        return Data(code).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Anything but a read must repeat the right token in its form. The body has been collected
    /// (within its limit), and the viewer found, before this is asked.
    static func check(_ request: Request, token: (value: String, isNew: Bool)) async throws {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return }
        let submitted = try? request.content.get(String.self, at: fieldName)
        guard let submitted else { throw SiteError.expiredForm }
        if let viewer = request.viewer {
            guard equal(sessionBound(viewer), submitted) else { throw SiteError.expiredForm }
        } else {
            guard !token.isNew, equal(token.value, submitted) else { throw SiteError.expiredForm }
        }
    }

    static func setCookie(on response: Response, token: (value: String, isNew: Bool), request: Request) {
        guard token.isNew else { return }
        let https = request.application.footholdConfiguration.usesHTTPS
        response.cookies[cookieName(https: https)] = HTTPCookies.Value(
            string: token.value, path: "/", isSecure: https, isHTTPOnly: true, sameSite: .lax)
    }

    /// Compares in time that does not depend on where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

extension Request {
    private struct CSRFTokenKey: StorageKey { typealias Value = String }

    /// The token this request's forms carry: bound to the session when someone is signed in.
    var csrfToken: String {
        get { storage[CSRFTokenKey.self] ?? "" }
        set { storage[CSRFTokenKey.self] = newValue }
    }
}

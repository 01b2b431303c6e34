import Foundation
import Vapor

/// Protects every state-changing form from cross-site requests with a double-submit token: a
/// random value in an HttpOnly, SameSite cookie that each form repeats in a hidden field. Another
/// site can make a browser send the cookie, but can neither read it nor know what to put in the form.
enum CSRF {
    static let cookieName = "foothold_csrf"
    static let fieldName = "csrf_token"

    /// The request's token: the one in its cookie, or a new one the response will set. Forms on
    /// the page carry it.
    static func token(for request: Request) -> (value: String, isNew: Bool) {
        let existing = request.cookieValue(cookieName).flatMap { $0.count >= 32 ? $0 : nil }
        let token = existing ?? request.clients.makeToken()
        request.csrfToken = token
        return (token, existing == nil)
    }

    /// Anything but a read must repeat the cookie's token in its form. The body has been collected
    /// (within its limit) before this is asked.
    static func check(_ request: Request, token: (value: String, isNew: Bool)) async throws {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return }
        let submitted = try? request.content.get(String.self, at: fieldName)
        guard !token.isNew, let submitted, equal(token.value, submitted) else { throw SiteError.expiredForm }
    }

    static func setCookie(on response: Response, token: (value: String, isNew: Bool), request: Request) {
        guard token.isNew else { return }
        response.cookies[cookieName] = HTTPCookies.Value(
            string: token.value, path: "/", isSecure: request.application.footholdConfiguration.usesHTTPS,
            isHTTPOnly: true, sameSite: .lax)
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

    var csrfToken: String {
        get { storage[CSRFTokenKey.self] ?? "" }
        set { storage[CSRFTokenKey.self] = newValue }
    }
}

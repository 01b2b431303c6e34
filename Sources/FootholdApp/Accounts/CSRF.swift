import Foundation
import Vapor

/// Protects every state-changing form from cross-site requests with a double-submit token: a
/// random value in an HttpOnly, SameSite cookie that each form repeats in a hidden field. Another
/// site can make a browser send the cookie, but can neither read it nor know what to put in the form.
struct CSRF: AsyncMiddleware {
    static let cookieName = "foothold_csrf"
    static let fieldName = "csrf_token"

    /// Forms are small; the people import is the one upload.
    static func bodyLimit(for path: String) -> Int {
        switch path {
        case SiteURL.adminImport.path: 50 * 1024 * 1024
        case SiteURL.adminQuestionBankImport.path: 2 * 1024 * 1024
        default: 256 * 1024
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = request.cookieValue(Self.cookieName).flatMap { $0.count >= 32 ? $0 : nil }
        let token = existing ?? request.clients.makeToken()
        request.csrfToken = token

        if ![.GET, .HEAD, .OPTIONS].contains(request.method) {
            _ = try await request.body.collect(max: Self.bodyLimit(for: request.url.path)).get()
            let submitted = try? request.content.get(String.self, at: Self.fieldName)
            guard let existing, let submitted, Self.equal(existing, submitted) else { throw SiteError.expiredForm }
        }

        let response = try await next.respond(to: request)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: request.application.footholdConfiguration.usesHTTPS,
                isHTTPOnly: true, sameSite: .lax)
        }
        return response
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

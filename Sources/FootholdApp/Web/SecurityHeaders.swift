import Foundation
import Vapor

/// The headers every response carries, whatever it is: a page, a redirect, the style sheet, a
/// calendar file, a download, an error. Added once, in `SiteMiddleware`, so none can be forgotten.
enum SecurityHeaders {
    /// Foothold's pages use no inline script or style and no other site's resources: only its own
    /// stylesheet and its one script (which warns before unsaved words are left behind).
    static let contentSecurityPolicy = policy(formsAlsoTo: nil)

    /// The policy, with forms allowed to lead to one more origin: the organisation's identity
    /// provider, where signing out of a session begun there goes next (browsers hold a form's
    /// redirect to `form-action` too).
    static func policy(formsAlsoTo origin: String?) -> String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'"
            + (origin.map { " " + $0 } ?? "") + "; frame-ancestors 'none'; base-uri 'none'"
    }

    /// The scheme, host and port of an https address, as a policy names an origin.
    static func origin(of address: String) -> String? {
        guard let url = URL(string: address), url.scheme?.lowercased() == "https", let host = url.host,
            host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })
        else { return nil }
        return "https://" + host.lowercased() + (url.port.map { ":\($0)" } ?? "")
    }

    @discardableResult
    static func add(to response: Response, https: Bool, policy: String = contentSecurityPolicy) -> Response {
        let headers = response.headers
        if !headers.contains(name: "Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy", value: policy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if https { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains") }
        return response
    }
}

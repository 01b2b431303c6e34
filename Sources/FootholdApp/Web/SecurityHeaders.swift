import Vapor

/// The headers every response carries, whatever it is: a page, a redirect, the style sheet, a
/// calendar file, a download, an error. Added once, in `SiteMiddleware`, so none can be forgotten.
enum SecurityHeaders {
    /// Foothold's pages use no inline script or style and no other site's resources: only its own
    /// stylesheet and its one script (which warns before unsaved words are left behind).
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    @discardableResult
    static func add(to response: Response, https: Bool) -> Response {
        let headers = response.headers
        if !headers.contains(name: "Content-Security-Policy") {
            response.headers.add(name: "Content-Security-Policy", value: contentSecurityPolicy)
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if https { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains") }
        return response
    }
}

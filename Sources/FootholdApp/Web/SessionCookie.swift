import FootholdData
import Foundation
import Vapor

/// The session's cookie: a random token, whose hash alone the database keeps (`Sessions`).
enum SessionCookie {
    static let name = "foothold_session"

    /// The cookie's name: with `__Host-` over https, so no other host or path can set it.
    static func name(https: Bool) -> String { https ? "__Host-" + name : name }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(Sessions.lifetime), path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    /// The session cookie's value, under the name this deployment uses.
    var sessionCookie: String? {
        cookieValue(SessionCookie.name(https: application.footholdConfiguration.usesHTTPS))
    }

    /// Where the request comes from, for the sign-in throttle: the connection's peer, or, behind a
    /// proxy that says so (`FOOTHOLD_CLIENT_ADDRESS_HEADER`), the last address that proxy added.
    var clientAddress: String {
        if let header = application.footholdConfiguration.clientAddressHeader,
            let value = headers[header].last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !value.isEmpty
        {
            return String(value.prefix(64))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}

import FootholdData
import Foundation
import Crypto
import Vapor

/// The side effects the app depends on, behind small closures so tests can pin them.
public struct AppClients: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// A fresh secret token: 32 random bytes, URL-safe base64.
    public var makeToken: @Sendable () -> String
    /// A fresh id for something the app creates: a conversation, an action, a theme, a session, an invitation.
    public var makeID: @Sendable () -> UUID
    /// The addresses a host name leads to, for outbound requests (the system's resolver; tests
    /// point a name at an address of their choosing). Blocking: called on the thread pool.
    var resolveHost: @Sendable (_ host: String, _ port: Int) -> [OutboundHTTP.Resolved] = OutboundHTTP.resolve

    public init(
        now: @escaping @Sendable () -> Date, makeToken: @escaping @Sendable () -> String,
        makeID: @escaping @Sendable () -> UUID = { UUID() }
    ) {
        self.now = now
        self.makeToken = makeToken
        self.makeID = makeID
    }

    public static let live = AppClients(
        now: { Date() },
        makeToken: {
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            return Base64URL.encode(bytes)
        }
    )
}

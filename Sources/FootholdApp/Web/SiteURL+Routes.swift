import FootholdCore
import Foundation
import Vapor

extension SiteURL {
    static var stylesheet: SiteURL { .asset(Stylesheet.fileName) }
    static var script: SiteURL { .asset(Script.fileName) }

    /// The route's pattern: the place of each value becomes the parameter it is read as.
    var pattern: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .word(let word): .constant(word)
            case .value(_, let parameter): .parameter(parameter)
            }
        }
    }
}

/// Routes registered from `SiteURL`: an address with values is named by its case alone
/// (`SiteURL.conversation`), so no value has to be made up to register it.
extension RoutesBuilder {
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        get(url.pattern, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        post(url.pattern, use: handler)
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(
        _ url: (UUID) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        get(url(Self.unread).pattern, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ url: (UUID) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        post(url(Self.unread).pattern, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ url: (UUID, UUID) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        post(url(Self.unread, Self.unread).pattern, use: handler)
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(
        _ url: (String) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        get(Self.tokenPattern(url), use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(
        _ url: (String) -> SiteURL, use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        post(Self.tokenPattern(url), use: handler)
    }

    /// The pattern of an address with a token in it. An address whose text is a word of its own
    /// (an asset's name) has no pattern to register.
    private static func tokenPattern(_ url: (String) -> SiteURL) -> [PathComponent] {
        let pattern = url("").pattern
        precondition(pattern.contains { if case .parameter = $0 { true } else { false } }, "\(pattern) has no value to read")
        return pattern
    }

    /// Fills a value's place while the pattern is read; `pattern` turns every such place into a
    /// parameter, so it is never part of a route.
    private static var unread: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}

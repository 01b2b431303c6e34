import Foundation
import Vapor

/// Every page and action of the web app, in one typed list. Routes are registered from
/// `pathComponents` and links are built from `path`, so the two cannot drift apart.
enum SiteURL: Equatable {
    case home
    case signIn
    case signOut
    case setPassword(token: String)
    case people
    case person(UUID)
    case unit(UUID)
    case admin
    case adminPeople
    case adminUnits
    case adminImport
    case stylesheet
    case health

    static let personParameter = "personID"
    static let unitParameter = "unitID"
    static let tokenParameter = "token"

    var pathComponents: [PathComponent] {
        switch self {
        case .home: []
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .setPassword: ["set-password", .parameter(Self.tokenParameter)]
        case .people: ["people"]
        case .person: ["people", .parameter(Self.personParameter)]
        case .unit: ["units", .parameter(Self.unitParameter)]
        case .admin: ["admin"]
        case .adminPeople: ["admin", "people"]
        case .adminUnits: ["admin", "units"]
        case .adminImport: ["admin", "import"]
        case .stylesheet: ["assets", .constant(Stylesheet.fileName)]
        case .health: ["healthz"]
        }
    }

    var path: String {
        switch self {
        case .setPassword(let token): "/set-password/\(token)"
        case .person(let id): "/people/\(id.uuidString.lowercased())"
        case .unit(let id): "/units/\(id.uuidString.lowercased())"
        default: "/" + pathComponents.map(\.description).joined(separator: "/")
        }
    }

    /// The path with a query string; empty values are left out.
    func with(query items: [(String, String?)]) -> String {
        let kept = items.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(Self.encode(name))=\(Self.encode($0))" } }
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }

    private static let queryValueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? text
    }
}

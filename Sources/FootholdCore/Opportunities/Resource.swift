import Foundation

/// A link or template for a unit's people (seed 000's departmental resources; a development-plan
/// template), checked before it is kept: only `http` and `https` links, so nothing a person clicks
/// runs a script or opens a file on their own machine.
public struct ResourceDraft: Sendable, Equatable {
    public var title: String
    public var url: String
    public var description: String

    public static let titleLength = 150
    public static let urlLength = 2_000
    public static let descriptionLength = 500

    public static func parse(title: String, url: String, description: String) -> Result<ResourceDraft, FieldProblems> {
        var problems = FieldProblems()
        let title = title.trimmed()
        if title.isEmpty { problems.add("title", "Give the resource a title") }
        if title.count > titleLength { problems.add("title", "Keep the title to \(titleLength) characters; it has \(title.count)") }
        let url = url.trimmed()
        if url.isEmpty {
            problems.add("url", "Enter the link, starting with https://")
        } else if let problem = linkProblem(url) {
            problems.add("url", problem)
        }
        let description = description.trimmed()
        if description.count > descriptionLength {
            problems.add("description", "Keep the description to \(descriptionLength) characters; it has \(description.count)")
        }
        guard problems.isEmpty else { return .failure(problems) }
        return .success(ResourceDraft(title: title, url: url, description: description))
    }

    /// Why a link cannot be kept, or nil: a web address with a host, and nothing else.
    public static func linkProblem(_ text: String) -> String? {
        if text.utf8.count > urlLength { return "Keep the link to \(urlLength) characters" }
        if text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }) {
            return "A link has no spaces, line breaks or backslashes"
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return "Only web links can be kept: start it with https:// or http://"
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
            ["http", "https"].contains(components.scheme?.lowercased() ?? "")
        else { return "Enter a whole web address, such as https://intranet.example/templates/development-plan" }
        return nil
    }
}

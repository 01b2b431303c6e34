import Foundation

/// A guide's suggestion of a colleague to talk to (seed 001: "suggest other people to talk to"):
/// it becomes an action for the employee ("Talk to Amara about the housing secondment") and a
/// request to that colleague for a conversation with the employee.
public struct TalkToSuggestion: Sendable, Equatable {
    public var about: String

    public static let aboutLength = 200

    /// What the conversation with the colleague would be about, or what is wrong with it.
    public static func parse(about: String) -> Result<TalkToSuggestion, FieldProblems> {
        var problems = FieldProblems()
        var text = about.trimmed()
        // "about the housing secondment" and "the housing secondment" read the same.
        if text.lowercased() == "about" || text.lowercased().hasPrefix("about ") { text = String(text.dropFirst(5)).trimmed() }
        if text.isEmpty { problems.add("about", "Say what they could talk about, such as \u{201C}the housing secondment\u{201D}") }
        if text.count > aboutLength { problems.add("about", "Keep it to \(aboutLength) characters; it has \(text.count)") }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 }) { problems.add("about", "Write it on one line") }
        guard problems.isEmpty else { return .failure(problems) }
        return .success(TalkToSuggestion(about: text))
    }

    /// Who may be suggested: someone other than the two people in the conversation.
    public static func mayBeSuggested(_ colleagueID: UUID, employeeID: UUID, guideID: UUID) -> Bool {
        colleagueID != employeeID && colleagueID != guideID
    }

    /// "Talk to Amara about the housing secondment".
    public func action(colleagueFirstName: String) -> String { "Talk to \(colleagueFirstName) about \(about)" }

    /// The request the colleague receives: who suggested it, and what about.
    public func request(guideName: String, employeeFirstName: String) -> String {
        "\(guideName) suggested that \(employeeFirstName) talks with you about \(about)."
    }
}

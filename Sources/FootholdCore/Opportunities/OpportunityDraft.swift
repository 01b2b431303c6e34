import Foundation

/// An opportunity as the catalogue's form gave it, checked field by field.
public struct OpportunityDraft: Sendable, Equatable {
    public var kind: OpportunityKind
    public var title: String
    public var description: String
    public var skills: [String]
    public var tags: [String]
    public var closesOn: CalendarDate?

    public static let titleLength = 150
    public static let descriptionLength = 4_000
    public static let listLength = 300

    /// Checks each field; a closing date may not be in the past when it is set or changed.
    public static func parse(
        kind: String, title: String, description: String, skills: String, tags: String, closesOn: String, today: CalendarDate,
        previousClosing: CalendarDate? = nil
    ) -> Result<OpportunityDraft, FieldProblems> {
        var problems = FieldProblems()
        let kind = OpportunityKind(rawValue: kind.trimmed())
        if kind == nil { problems.add("kind", "Choose what kind of opportunity it is") }
        let title = title.trimmed()
        if title.isEmpty { problems.add("title", "Give the opportunity a title") }
        if title.count > titleLength { problems.add("title", "Keep the title to \(titleLength) characters; it has \(title.count)") }
        if title.unicodeScalars.contains(where: { $0.value < 0x20 }) { problems.add("title", "Write the title on one line") }
        let description = description.trimmed()
        if description.count > descriptionLength {
            problems.add("description", "Keep the description to \(descriptionLength) characters; it has \(description.count)")
        }
        for (field, text, label) in [("skills", skills, "skills"), ("tags", tags, "tags")] where text.trimmed().count > listLength {
            problems.add(field, "Keep the \(label) to \(listLength) characters; they have \(text.trimmed().count)")
        }
        var closing: CalendarDate?
        let closingText = closesOn.trimmed()
        if !closingText.isEmpty {
            closing = CalendarDate(iso: closingText)
            if closing == nil {
                problems.add(
                    "closes_on", "Enter the closing date as year-month-day, such as \(today.adding(days: 30).iso), or leave it empty")
            } else if closing! < today && closing != previousClosing {
                problems.add("closes_on", "Choose a closing date from today on; an opportunity that has closed drops out of the lists")
            }
        }
        guard problems.isEmpty, let kind else { return .failure(problems) }
        return .success(
            OpportunityDraft(
                kind: kind, title: title, description: description, skills: list(skills), tags: list(tags), closesOn: closing))
    }

    /// "Data analysis, spreadsheets; SQL" → ["Data analysis", "spreadsheets", "SQL"], without repeats.
    public static func list(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { ",;\n".contains($0) }).map { $0.trimmed() }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
    }
}

/// Who keeps the catalogue (SPEC §4): HR administrators anywhere, including the opportunities for
/// the whole organisation; a line manager for their own unit only.
public enum OpportunityKeeping {
    public static func mayKeep(unitID: UUID?, isHRAdministrator: Bool, isLineManager: Bool, ownUnitID: UUID?) -> Bool {
        if isHRAdministrator { return true }
        guard isLineManager, let ownUnitID, let unitID else { return false }
        return unitID == ownUnitID
    }

    /// Whether the person may add opportunities at all.
    public static func mayAdd(isHRAdministrator: Bool, isLineManager: Bool, ownUnitID: UUID?) -> Bool {
        isHRAdministrator || (isLineManager && ownUnitID != nil)
    }
}

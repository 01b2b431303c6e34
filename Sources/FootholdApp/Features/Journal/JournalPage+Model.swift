import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The journal of accomplishments and challenges (seed 003): private unless the person shows an
/// entry to a guide, and ready to bring into a preparation.
enum JournalPage {
    /// What the page says was just done.
    enum Saved: String, SavedState { case added, changed, deleted }

    struct Model {
        var entries: [JournalEntry]
        var guides: [PlanGuide]
        var goals: [CareerPlan.Goal]
        /// The person's own actions an entry can be linked to, newest first.
        var actions: [(id: UUID, description: String)]

        static func load(for personID: UUID, today: CalendarDate, on reads: Reads) async throws -> Model {
            Model(
                entries: try await JournalStore.own(of: personID, on: reads),
                guides: try await PlanStore.guides(of: personID, on: reads),
                goals: try await PlanStore.goals(of: personID, today: today, on: reads),
                actions: try await ActionStore.titles(of: personID, limit: 200, on: reads))
        }
    }

    struct Form: Content {
        var written_on: String?
        var kind: String?
        var body: String?
        var action: String?
        var goal: String?
        var guides: [String]?

        init() {}

        init(_ entry: JournalEntry) {
            written_on = entry.writtenOn.iso
            kind = entry.kind.rawValue
            body = entry.body
            action = entry.actionID?.uuidString ?? ""
            goal = entry.goalID?.uuidString ?? ""
            guides = entry.sharedWith.map(\.uuidString)
        }

        /// The entry it describes, or what is wrong with each field. Links and guides must be the
        /// person's own.
        func entry(id: UUID, personID: UUID, model: Model, today: CalendarDate) -> Result<JournalEntry, FieldProblems> {
            var problems = FieldProblems()
            let dateText = (written_on ?? "").trimmed()
            let date = dateText.isEmpty ? today : CalendarDate(iso: dateText)
            if date == nil { problems.add("written_on", "Enter the date as year-month-day, such as \(today.iso)") }
            if let date, date > today { problems.add("written_on", "Write about something that has happened: the date is in the future") }
            let kind = JournalEntry.Kind(rawValue: self.kind ?? "")
            if kind == nil { problems.add("kind", "Choose whether it is an accomplishment or a challenge") }
            let text = (body ?? "").trimmed()
            if text.isEmpty { problems.add("body", "Write what happened") }
            if text.count > JournalEntry.maximumLength {
                problems.add("body", "Keep an entry to \(JournalEntry.maximumLength) characters; it has \(text.count)")
            }
            let actionID = UUID(uuidString: (action ?? "").trimmed())
            if !(action ?? "").trimmed().isEmpty && (actionID == nil || !model.actions.contains { $0.id == actionID }) {
                problems.add("action", "Choose one of your actions, or none")
            }
            let goalID = UUID(uuidString: (goal ?? "").trimmed())
            if !(goal ?? "").trimmed().isEmpty && (goalID == nil || !model.goals.contains { $0.id == goalID }) {
                problems.add("goal", "Choose one of the goals in your plan, or none")
            }
            let guides = Set((self.guides ?? []).compactMap(UUID.init(uuidString:)))
            if guides.count != (self.guides ?? []).count || !guides.isSubset(of: Set(model.guides.map(\.id))) {
                problems.add("guides", "Choose from the people listed")
            }
            guard problems.isEmpty, let date, let kind else { return .failure(problems) }
            return .success(
                JournalEntry(
                    id: id, personID: personID, writtenOn: date, kind: kind, body: text, actionID: actionID, goalID: goalID,
                    sharedWith: guides))
        }
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// What a held conversation leaves behind: the shared summary, each author's private notes, the
/// themes and the actions agreed.
enum RecordPage {
    /// What the page says was just saved: the record, the record with the summary confirmed, or the record and a new action.
    enum Saved: String, SavedState { case record, confirmed, action }

    struct Model {
        var record: ConversationForViewer
        var side: ConversationSide
        var notes: String
        var themes: [Theme]
        var chosenThemes: Set<UUID>
        var actions: [ActionLine]
        var history: ConversationHistory
        /// The employee's development goals, when the viewer may read their plan.
        var goals: [CareerPlan.Goal] = []

        static func load(_ record: ConversationForViewer, side: ConversationSide, today: CalendarDate, on reads: Reads) async throws
            -> Model
        {
            try record.require(.sharedSummary)
            let notesPart: ConversationAccess.Part = side == .employee ? .employeeNotes : .guideNotes
            try record.require(notesPart)
            let (themes, chosen, notes, goals) = try await ConversationStore.themesAndOwnNotes(of: record, today: today, on: reads)
            // This conversation's actions come with the open ones from before: one query for both.
            let history = try await ConversationStore.history(of: record, on: reads, withOwnActions: true)
            return Model(
                record: record, side: side, notes: notes, themes: themes, chosenThemes: chosen, actions: history.ownActions,
                history: history, goals: goals)
        }
    }

    /// The whole record page is one form, so nothing typed in one part is lost by saving another:
    /// the summary, the notes, the themes, and a new action when one is described.
    struct RecordForm: Content {
        var summary: String?
        var notes: String?
        var themes: [String]?
        /// "yes" when the employee presses "Save and confirm the summary".
        var confirm: Ticked?
        var description: String?
        var success_measure: String?
        var owner: String?
        var colleague: String?
        var due_on: String?
        var goal: String?

        /// The action it describes, when one is.
        var action: ActionForm? {
            guard !(description ?? "").trimmed().isEmpty else { return nil }
            var form = ActionForm()
            (form.description, form.success_measure, form.owner) = (description, success_measure, owner)
            (form.colleague, form.due_on, form.goal) = (colleague, due_on, goal)
            return form
        }
    }

    typealias ActionForm = ActionsPage.Form
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What a held conversation leaves behind: the shared summary, each author's private notes, the
/// themes and the actions agreed.
enum RecordPage {
    struct Model {
        var record: ConversationForViewer
        var side: ConversationSide
        var notes: String
        var themes: [Theme]
        var chosenThemes: Set<UUID>
        var actions: [AgreedAction]
        var history: ConversationHistory

        static func load(_ record: ConversationForViewer, side: ConversationSide, on reads: Reads) async throws -> Model {
            try record.require(.sharedSummary)
            let notesPart: ConversationAccess.Part = side == .employee ? .employeeNotes : .guideNotes
            try record.require(notesPart)
            let (themes, chosen, notes) = try await ConversationStore.themesAndOwnNotes(of: record, on: reads)
            // This conversation's actions come with the open ones from before: one query for both.
            let history = try await ConversationStore.history(of: record, on: reads, withOwnActions: true)
            return Model(
                record: record, side: side, notes: notes, themes: themes, chosenThemes: chosen, actions: history.ownActions,
                history: history)
        }
    }

    static func content(
        _ model: Model, typed: ConversationWorkController.RecordForm?, typedAction: ConversationWorkController.ActionForm? = nil,
        problems: FieldProblems, saved: String?, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let record = model.record
        let c = record.conversation
        let other = ConversationPages.firstName(record.other)
        let employee = ConversationPages.firstName(record.employee)
        let guide = ConversationPages.firstName(record.guide)
        var nodes: [BodyNode] = [H.errorSummary(problems.items)]
        switch saved {
        case "record": nodes.append(H.notice("Saved.", style: "success"))
        case "action": nodes.append(H.notice("Action added.", style: "success"))
        default: break
        }
        nodes.append(H.heading(1, "The record of your conversation with \(other)"))
        nodes.append(
            H.paragraph(
                "Held \(c.heldAt.map(display.day) ?? ""), \(c.heldMinutes ?? c.minutes) minutes\(record.checkpoint.map { ", for \($0.name)" } ?? "").",
                class: "lead"))

        let summaryStatus: String
        if c.summary.isEmpty {
            summaryStatus =
                record.side == .guide
                ? "Draft a short summary of what you talked about and agreed; \(employee) will confirm or amend it."
                : "\(guide) will draft a summary for you to confirm or amend. You can also write it yourself."
        } else if let confirmed = c.summaryConfirmedAt {
            summaryStatus = "Confirmed by \(employee) on \(display.day(confirmed))."
        } else {
            summaryStatus =
                record.side == .employee
                ? "\(guide) has drafted this summary. Read it, change anything that is not right, and save to confirm it."
                : "Waiting for \(employee) to confirm or amend it."
        }
        let themeOptions: [BodyNode] = model.themes.map { theme in
            let chosen = typed.map { Set($0.themes ?? []).contains(theme.id.upperText) } ?? model.chosenThemes.contains(theme.id)
            return H.checkbox(
                name: "themes[]", label: theme.name, checked: chosen, id: "theme-\(theme.id.lowerText.prefix(8))",
                value: theme.id.upperText)
        }
        nodes.append(
            H.form(
                action: SiteURL.record(record.id).path, csrf: csrf,
                [
                    H.el(
                        "section", class: "card",
                        H.heading(2, "Shared summary"),
                        H.paragraph(summaryStatus, class: c.summaryConfirmedAt == nil ? "" : "muted"),
                        H.textarea(
                            name: "summary", label: "What you talked about and agreed", value: typed?.summary ?? c.summary,
                            error: problems.message(for: "summary"), rows: 6, privacy: "You and \(other)")),
                    H.el(
                        "section", class: "card",
                        H.heading(2, "Your private notes"),
                        H.textarea(
                            name: "notes", label: "Notes for yourself", value: typed?.notes ?? model.notes,
                            hint: "No one else can ever read these, not \(other), not HR, not a director.",
                            error: problems.message(for: "notes"), rows: 4, privacy: "Only you")),
                    H.el(
                        "section", class: "card",
                        H.el(
                            "fieldset",
                            [
                                H.attr("class", "fieldset"), H.attr("id", "field-themes"),
                                H.el("legend", class: "field__label", H.text("Themes")),
                                H.paragraph(
                                    "Which themes came up? They are counted anonymously, in groups large enough that no one can be picked out; nothing you wrote is passed on.",
                                    class: "field__hint"),
                            ]
                                + (problems.message(for: "themes").map { [H.el("p", class: "field__error", H.text($0))] } ?? [])
                                + themeOptions)),
                    H.button(
                        record.side == .employee && !c.summary.isEmpty && c.summaryConfirmedAt == nil
                            ? "Save and confirm the summary" : "Save"),
                ]))

        nodes.append(
            H.el(
                "section", [H.attr("class", "card"), H.attr("id", "actions")],
                H.heading(2, "Actions agreed"),
                H.privacy("You and \(other)"),
                model.actions.isEmpty
                    ? H.paragraph(
                        "No actions yet. A few specific steps, each with a date, are worth more than a long list.", class: "muted")
                    : HistoryViews.actionsTable(
                        model.actions, record: record, display: display, csrf: csrf, returnTo: SiteURL.record(record.id).path,
                        caption: "Actions agreed"),
                H.form(
                    action: SiteURL.actions(record.id).path, csrf: csrf,
                    [
                        H.heading(3, "Add an action"),
                        H.textarea(
                            name: "description", label: "What will be done", value: typedAction?.description ?? "",
                            hint: "Start with a verb and say how you will know it is done: “Book a place on the March data course”.",
                            error: problems.message(for: "description"), rows: 2),
                        H.radios(
                            name: "owner", legend: "Who will do it",
                            options: [
                                ("employee", record.side == .employee ? "You" : record.employee.name, nil),
                                ("guide", record.side == .guide ? "You" : record.guide.name, "Agree only to what you can deliver."),
                                ("organisation", "The organisation", nil),
                            ], selected: typedAction?.owner ?? "employee", error: problems.message(for: "owner")),
                        H.field(
                            name: "due_on", label: "By when (optional)", value: typedAction?.due_on ?? "", type: "date",
                            error: problems.message(for: "due_on")),
                        H.button("Add the action", style: .secondary),
                    ])))
        nodes += HistoryViews.earlier(model.history, record: record, display: display, csrf: csrf, returnTo: SiteURL.record(record.id).path)
        return nodes
    }
}

import FootholdCore
import FootholdData
import Foundation

extension RecordPage {
    static func content(
        _ model: Model, typed: RecordForm?, typedAction: ActionForm? = nil,
        problems: FieldProblems, saved: Saved?, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let record = model.record
        let c = record.conversation
        let other = record.other.name.firstName
        var nodes: [BodyNode] = [H.errorSummary(problems.items)]
        switch saved {
        case .record: nodes.append(H.notice("Saved.", style: "success"))
        case .confirmed: nodes.append(H.notice("Saved, and the summary is confirmed.", style: "success"))
        case .action: nodes.append(H.notice("Saved, and the action added.", style: "success"))
        default: break
        }
        nodes.append(H.heading(1, "The record of your conversation with \(other)"))
        nodes.append(
            H.paragraph(
                "Held \(c.heldAt.map(display.day) ?? ""), \(c.heldMinutes ?? c.minutes) minutes\(record.checkpoint.map { ", for \($0.name)" } ?? "").",
                class: "lead"))

        nodes.append(printedRecord(model, display: display))
        nodes.append(recordForm(model, typed: typed, typedAction: typedAction, problems: problems, display: display, csrf: csrf))
        if record.side == .employee {
            nodes.append(
                H.el(
                    "div", [H.attr("class", "no-print")],
                    H.card(
                        labelledBy: "reflect",
                        [
                            H.heading(2, "Reflect on it", id: "reflect"),
                            H.privacy("Only you"),
                            H.paragraph(
                                "Was your influence objective met? Did you ask your questions and say what you wanted? A few minutes now makes the next conversation better."
                            ),
                            H.link("Write your reflection", to: SiteURL.reflection(record.id).path, class: "button button--secondary"),
                        ])))
        }
        nodes += ConversationHistory.earlierSection(
            model.history, record: record, display: display, csrf: csrf, returnTo: SiteURL.record(record.id).path)
        return nodes
    }

    /// The record as a document, for print only: on screen the same words are in the forms, which
    /// print leaves out.
    static func printedRecord(_ model: Model, display: DisplayDate) -> BodyNode {
        let record = model.record, c = record.conversation
        var rows: [(String, BodyNode)] = [
            ("Between", H.text("\(record.employee.name) and \(record.guide.name)")),
            ("Held", H.text("\(c.heldAt.map(display.day) ?? ""), \(c.heldMinutes ?? c.minutes) minutes")),
            ("Shared summary", H.paragraph(c.summary.isEmpty ? "Not written yet." : c.summary, class: "answer")),
            ("Summary", H.text(summaryStatus(record, display: display))),
        ]
        let themes = model.themes.filter { model.chosenThemes.contains($0.id) }.map(\.name)
        if !themes.isEmpty { rows.append(("Themes", H.text(themes.joined(separator: ", ")))) }
        if !model.notes.isEmpty { rows.append(("Your private notes (only you)", H.paragraph(model.notes, class: "answer"))) }
        let today = display.today()
        return H.el(
            "div", [H.attr("class", "print-only")],
            H.summaryList(rows),
            H.heading(2, "Actions agreed"),
            model.actions.isEmpty
                ? H.paragraph("None.")
                : H.table(
                    caption: "Actions agreed", headers: ["Action", "Who", "By", "Status"],
                    cells: model.actions.map { line in
                        [
                            .text(line.action.description), .text(line.ownerName(for: record.viewerID)),
                            ActionsPage.dueCell(line.action, today: today, display: display), ActionsPage.statusCell(line.action),
                        ]
                    }))
    }

    /// Where the summary stands: who drafts it, and whether the employee has confirmed it.
    static func summaryStatus(_ record: ConversationForViewer, display: DisplayDate) -> String {
        let c = record.conversation
        let employee = record.employee.name.firstName
        let guide = record.guide.name.firstName
        if c.summary.isEmpty {
            return
                record.side == .guide
                ? "Draft a short summary of what you talked about and agreed; \(employee) will confirm or amend it."
                : "\(guide) will draft a summary for you to confirm or amend. You can also write it yourself."
        } else if let confirmed = c.summaryConfirmedAt {
            return "Confirmed by \(employee) on \(display.day(confirmed))."
        } else {
            return
                record.side == .employee
                ? "\(guide) has drafted this summary. Read it, change anything that is not right, and save to confirm it."
                : "Waiting for \(employee) to confirm or amend it."
        }
    }

    /// The shared summary, the viewer's private notes, the themes and a new action: one form, saved
    /// together, so nothing typed in one part is lost by saving another.
    static func recordForm(
        _ model: Model, typed: RecordForm?, typedAction: ActionForm?, problems: FieldProblems, display: DisplayDate, csrf: String
    ) -> BodyNode {
        let record = model.record
        let c = record.conversation
        let other = record.other.name.firstName
        let summaryStatus = summaryStatus(record, display: display)
        let confirming = record.side == .employee && !c.summary.isEmpty && c.summaryConfirmedAt == nil
        return H.form(
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
                themesCard(model, typed: typed, problems: problems),
                actionsCard(model, typedAction: typedAction, problems: problems, display: display, csrf: csrf),
                confirming
                    ? H.submitButton("Save and confirm the summary", name: "confirm", value: "yes", style: .primary) : H.button("Save"),
            ])
    }

    /// The themes that came up, as checkboxes.
    static func themesCard(_ model: Model, typed: RecordForm?, problems: FieldProblems) -> BodyNode {
        let themeOptions: [BodyNode] = model.themes.map { theme in
            let chosen = typed.map { Set($0.themes ?? []).contains(theme.id.upperText) } ?? model.chosenThemes.contains(theme.id)
            return H.checkbox(
                name: "themes[]", label: theme.name, checked: chosen, id: "theme-\(theme.id.lowerText.prefix(8))",
                value: theme.id.upperText)
        }
        return H.el(
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
                    + themeOptions))
    }

    /// The actions agreed, and the fields of a new one, saved with the rest of the record.
    static func actionsCard(
        _ model: Model, typedAction: ActionForm?, problems: FieldProblems, display: DisplayDate, csrf: String
    ) -> BodyNode {
        let record = model.record
        let other = record.other.name.firstName
        return H.el(
            "section", [H.attr("class", "card"), H.attr("id", "actions")],
            H.heading(2, "Actions agreed"),
            H.privacy("You and \(other)"),
            model.actions.isEmpty
                ? H.paragraph(
                    "No actions yet. A few specific steps, each with a date, are worth more than a long list.", class: "muted")
                : ConversationHistory.actionsTable(
                    model.actions, record: record, display: display, csrf: csrf, returnTo: SiteURL.record(record.id).path,
                    caption: "Actions agreed", showSource: false, nextStep: false),
            H.el(
                "fieldset",
                [
                    H.attr("class", "fieldset"),
                    H.el("legend", class: "field__label", H.text("Add an action")),
                    H.paragraph(
                        "Describe it and press Save below: it is saved with everything else on this page. Leave it empty to add none.",
                        class: "field__hint"),
                ]
                    + ActionsPage.fields(
                        typed: typedAction, problems: problems,
                        owners: ActionsPage.ownerOptions(
                            employee: record.side == .employee ? "You" : record.employee.name,
                            guide: record.side == .guide ? "You" : record.guide.name),
                        goals: model.goals, ownPlan: record.side == .employee)))
    }
}

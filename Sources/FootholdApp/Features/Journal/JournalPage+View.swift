import FootholdCore
import FootholdData
import Foundation

extension JournalPage {
    static func content(
        _ model: Model, typed: Form?, problems: FieldProblems, saved: Saved?, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let message: String? =
            switch saved {
            case .added: "Entry added."
            case .changed: "Entry saved."
            case .deleted: "Entry deleted."
            case nil: nil
            }
        return [
            H.errorSummary(problems.items),
            message.map { H.notice($0, style: "success") } ?? H.nothing,
            H.heading(1, "Your journal"),
            H.paragraph(
                "Note what went well and what was hard, when it happens. By your next conversation you will have the examples to hand, and you can bring any entry into your preparation with one click.",
                class: "lead"),
            H.privacy("Only you, unless you show an entry to someone"),
            H.card(
                labelledBy: "new-entry",
                [H.heading(2, "Add an entry", id: "new-entry")]
                    + [
                        H.form(
                            action: SiteURL.journal.path, csrf: csrf,
                            fields(model, typed: typed, problems: problems, display: display) + [H.button("Add the entry")])
                    ]),
            entriesCard(model.entries, model: model, display: display),
        ]
    }

    static func entriesCard(_ entries: [JournalEntry], model: Model, display: DisplayDate) -> BodyNode {
        let names = Dictionary(model.guides.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return H.card(
            labelledBy: "entries",
            [
                H.heading(2, "Entries", id: "entries"),
                entries.isEmpty
                    ? H.paragraph("No entries yet.", class: "muted")
                    : H.table(
                        caption: "Your journal entries", headers: ["When", "What", "Entry", "Shown to"],
                        cells: entries.map { entry in
                            let shown = entry.sharedWith.compactMap { names[$0] }.sorted()
                            return [
                                .text(display.day(entry.writtenOn)),
                                .tag(entry.kind.label, entry.kind == .accomplishment ? .met : .due),
                                .span(class: "answer", entry.body) + .text(" ") + .link("Change", to: SiteURL.journalEntry(entry.id).path),
                                .text(shown.isEmpty ? "Only you" : shown.joined(separator: ", ")),
                            ]
                        }),
            ])
    }

    static func fields(_ model: Model, typed: Form?, problems: FieldProblems, display: DisplayDate) -> [BodyNode] {
        let actions = [(value: "", label: "None")] + model.actions.map { ($0.id.uuidString, $0.description) }
        let goals = [(value: "", label: "None")] + model.goals.map { ($0.id.uuidString, $0.text) }
        var nodes: [BodyNode] = [
            H.field(
                name: "written_on", label: "When", value: typed?.written_on ?? display.today().iso, type: "date",
                error: problems.message(for: "written_on")),
            H.radios(
                name: "kind", legend: "What it was",
                options: [
                    ("accomplishment", "An accomplishment", "Something you did, learnt or helped with."),
                    ("challenge", "A challenge", "Something that was hard, or that you would do differently."),
                ], selected: typed?.kind ?? "accomplishment", error: problems.message(for: "kind")),
            H.textarea(name: "body", label: "What happened", value: typed?.body ?? "", error: problems.message(for: "body"), rows: 4),
            H.select(
                name: "action", label: "For an action (optional)", options: actions, selected: typed?.action ?? "",
                error: problems.message(for: "action")),
            H.select(
                name: "goal", label: "For a goal (optional)", options: goals, selected: typed?.goal ?? "",
                error: problems.message(for: "goal")),
        ]
        let chosen = Set(typed?.guides ?? [])
        for (index, guide) in model.guides.enumerated() {
            nodes.append(
                H.checkbox(
                    name: "guides[]", label: "Show this entry to \(guide.name)", checked: chosen.contains(guide.id.uuidString),
                    hint: index == 0 ? "They will see it when preparing a conversation with you. Nobody else will." : nil,
                    id: "field-guides-\(index)", value: guide.id.uuidString))
        }
        if let message = problems.message(for: "guides") { nodes.append(H.el("p", class: "field__error", H.text(message))) }
        return nodes
    }

    static func entryContent(
        _ entry: JournalEntry, model: Model, typed: Form?, problems: FieldProblems, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        [
            H.errorSummary(problems.items),
            H.heading(1, "A journal entry, \(display.day(entry.writtenOn))"),
            H.privacy("Only you, unless you show it to someone"),
            H.form(
                action: SiteURL.journalEntry(entry.id).path, csrf: csrf,
                fields(model, typed: typed ?? Form(entry), problems: problems, display: display) + [H.button("Save the entry")]),
            H.actionButton("Delete this entry", action: SiteURL.journalEntryDelete(entry.id).path, csrf: csrf, style: .warning),
        ]
    }
}

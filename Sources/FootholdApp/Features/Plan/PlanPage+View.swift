import FootholdCore
import FootholdData
import Foundation

extension PlanPage {
    static func content(_ model: Model, saved: Saved?, display: DisplayDate, csrf: String) -> [BodyNode] {
        let stored = model.stored
        let state: String =
            if let updatedAt = stored.updatedAt {
                "Last changed \(display.day(updatedAt))."
            } else if stored.plan.isEmpty {
                "Not written yet."
            } else {
                "Carried forward from last career year: change anything that has moved on."
            }
        return [
            saved == .plan ? H.notice("Your plan is saved.", style: "success") : H.nothing,
            saved == .sharing ? H.notice("Saved: your plan is shown to the people you chose.", style: "success") : H.nothing,
            H.heading(1, "Your career plan"),
            H.paragraph(
                "Where you are, where you want to get to and what will help: yours to keep, and the starting point for every career conversation. \(CareerYear.label(startYear: stored.startYear)).",
                class: "lead"),
            H.privacy(model.guides.contains(where: \.shown) ? "You, and the people you have shown it to below" : "Only you"),
            H.paragraph(state, class: "muted"),
            H.el(
                "p", class: "no-print",
                H.link(stored.plan.isEmpty ? "Start your plan" : "Change your plan", to: SiteURL.planEdit.path, class: "button"),
                H.text(" "), H.link("How it has changed", to: SiteURL.planChanges.path), H.text(" · "),
                H.link("Your journal", to: SiteURL.journal.path)),
            stored.plan.isEmpty
                ? H.emptyState(
                    "Nothing here yet",
                    "Start with where you are now and where you would like to be in three years. A few lines are enough; you can add to it after each conversation."
                )
                : H.card(labelledBy: "plan-goals", planSections(stored.plan)),
            sharingCard(model, csrf: csrf),
            snapshotsCard(model.snapshots, display: display),
            H.paragraph(
                "To print your plan, use your browser\u{2019}s print: it prints as a clean document, without the menus.",
                class: "muted no-print"),
        ]
    }

    /// The plan read-only: each written part, breadth or depth, and the goals.
    static func planSections(_ plan: CareerPlan) -> [BodyNode] {
        var rows: [(String, BodyNode)] = []
        for field in CareerPlan.Field.allCases where !plan[field].isEmpty {
            rows.append((field.label, H.paragraph(plan[field], class: "answer")))
        }
        if let direction = plan.direction { rows.insert(("Breadth or depth", H.text(direction.label)), at: min(rows.count, 3)) }
        var nodes: [BodyNode] = [H.summaryList(rows)]
        nodes.append(H.heading(2, "Development goals", id: "plan-goals"))
        nodes.append(
            plan.goals.isEmpty
                ? H.paragraph("No goals yet.", class: "muted")
                : H.list(plan.goals.map(\.text), class: "goal-list"))
        return nodes
    }

    static func sharingCard(_ model: Model, csrf: String) -> BodyNode {
        guard !model.guides.isEmpty else {
            return H.card(
                H.heading(2, "Who can see it", id: "sharing"),
                H.paragraph("Only you. Once you have a line manager or a conversation with someone, you can choose to show them your plan.")
            )
        }
        return H.card(
            labelledBy: "sharing",
            [
                H.heading(2, "Who can see it", id: "sharing"),
                H.paragraph("Your plan is yours. Show it to a guide before a conversation if it helps; you can stop at any time."),
                H.form(
                    action: SiteURL.planSharing.path, csrf: csrf,
                    model.guides.enumerated().map { index, guide in
                        H.checkbox(
                            name: "guides[]", label: "Show my plan to \(guide.name)", checked: guide.shown, hint: guide.relation,
                            id: "field-guides-\(index)", value: guide.id.uuidString)
                    } + [H.button("Save who can see it", style: .secondary)]),
            ])
    }

    static func snapshotsCard(_ snapshots: [PlanSnapshot], display: DisplayDate) -> BodyNode {
        H.card(
            labelledBy: "versions",
            [
                H.heading(2, "Earlier versions", id: "versions"),
                snapshots.isEmpty
                    ? H.paragraph(
                        "A copy is kept at the start of each career year and whenever a checkpoint conversation is held, so you can see how your plan changed.",
                        class: "muted")
                    : H.linkList(
                        snapshots.reversed().map { snapshot in
                            (
                                label: "\(snapshot.label)",
                                path: SiteURL.planChanges.with(query: [("from", snapshot.id.uuidString), ("to", "current")]),
                                after: ", \(display.day(snapshot.takenAt))"
                            )
                        }),
            ])
    }

    static func editContent(_ plan: CareerPlan, typed: Form?, problems: FieldProblems, csrf: String) -> [BodyNode] {
        var fields: [BodyNode] = CareerPlan.Field.allCases.map { field in
            H.textarea(
                name: field.rawValue, label: field.label, value: typed?.text(field) ?? plan[field], hint: field.hint,
                error: problems.message(for: field.rawValue), rows: field == .whereIAm || field == .inThreeYears ? 4 : 3)
        }
        fields.insert(
            H.radios(
                name: "direction", legend: "Breadth or depth",
                options: CareerPlan.Direction.allCases.map { ($0.rawValue, $0.label, nil) },
                selected: typed?.direction ?? plan.direction?.rawValue,
                error: problems.message(for: "direction")), at: 3)
        fields.append(H.heading(2, "Development goals", id: "field-goals"))
        if let message = problems.message(for: "goals") { fields.append(H.el("p", class: "field__error", H.text(message))) }
        fields.append(H.paragraph("Actions and journal entries can be linked to a goal. Clear a goal to remove it.", class: "muted"))
        for (index, goal) in plan.goals.enumerated() {
            fields.append(
                H.field(
                    name: "goals[\(goal.id.uuidString)]", label: "Goal \(index + 1)",
                    value: typed?.goals?[goal.id.uuidString] ?? goal.text))
        }
        for index in 0..<3 {
            let value = typed?.new_goals.flatMap { index < $0.count ? $0[index] : nil } ?? ""
            fields.append(
                H.field(
                    name: "new_goals[]", label: "New goal (optional)", value: value,
                    hint: index == 0 ? "Such as \u{201C}Lead a project from start to finish\u{201D}." : nil))
        }
        return [
            H.errorSummary(problems.items),
            H.heading(1, plan.isEmpty ? "Start your career plan" : "Change your career plan"),
            H.privacy("Only you, unless you choose to show it"),
            H.form(action: SiteURL.planEdit.path, csrf: csrf, fields + [H.button("Save your plan")]),
        ]
    }

    static func changesContent(_ changes: Changes?, display: DisplayDate) -> [BodyNode] {
        var nodes: [BodyNode] = [H.heading(1, "How your plan changed"), H.privacy("Only you")]
        guard let changes else {
            nodes.append(
                H.emptyState(
                    "No earlier versions yet",
                    "A copy of your plan is kept at the start of each career year and whenever a checkpoint conversation is held. Come back after your next one."
                ))
            return nodes
        }
        let options =
            [(value: "current", label: "Your plan now")]
            + changes.snapshots.map { ($0.id.uuidString, "\($0.label), \(display.day($0.takenAt))") }
        nodes.append(
            H.el(
                "form", [H.attr("method", "get"), H.attr("action", SiteURL.planChanges.path), H.attr("class", "compare no-print")],
                H.select(name: "from", label: "From", options: options, selected: changes.from),
                H.select(name: "to", label: "To", options: options, selected: changes.to), H.button("Compare", style: .secondary)))
        nodes.append(H.paragraph("From \(changes.fromLabel) to \(changes.toLabel).", class: "lead"))
        if changes.changes.isEmpty {
            nodes.append(H.paragraph("Nothing changed between these two versions.", class: "muted"))
            return nodes
        }
        for change in changes.changes.fields {
            nodes.append(
                H.card(
                    H.heading(2, change.label), H.tag(change.kind.label, change.kind.style), wordDiff(change.words)))
        }
        if !changes.changes.goals.isEmpty {
            nodes.append(
                H.card(
                    labelledBy: "goal-changes",
                    [H.heading(2, "Development goals", id: "goal-changes")]
                        + changes.changes.goals.flatMap { [H.tag($0.kind.goalLabel, $0.kind.style), wordDiff($0.words)] }))
        }
        return nodes
    }

    static func wordDiff(_ pieces: [WordDiff.Piece]) -> BodyNode {
        H.wordDiff(
            pieces.map { piece in
                switch piece {
                case .same(let text): ("same", text)
                case .added(let text): ("added", text)
                case .removed(let text): ("removed", text)
                }
            })
    }

    static func guideContent(_ stored: StoredPlan, name: String, display: DisplayDate) -> [BodyNode] {
        let first = name.firstName
        return [
            H.heading(1, "\(name)\u{2019}s career plan"),
            H.privacy("Shown to you by \(first). Only \(first) can change it, and can stop showing it at any time."),
            stored.updatedAt.map { H.paragraph("Last changed \(display.day($0)).", class: "muted") } ?? H.nothing,
            stored.plan.isEmpty
                ? H.paragraph("\(first) has not written anything in it yet.", class: "muted")
                : H.card(labelledBy: "plan-goals", planSections(stored.plan)),
        ]
    }
}

extension PlanChanges.Kind {
    var label: String {
        switch self {
        case .added: "Added"
        case .changed: "Changed"
        case .removed: "Removed"
        }
    }

    var goalLabel: String {
        switch self {
        case .added: "Goal added"
        case .changed: "Goal changed"
        case .removed: "Goal removed"
        }
    }

    var style: H.TagStyle {
        switch self {
        case .added: .met
        case .changed: .scheduled
        case .removed: .declined
        }
    }
}

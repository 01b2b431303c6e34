import FootholdCore
import FootholdData
import Foundation

extension ThemesPage {
    static func title(_ model: Model) -> String {
        model.unitID == nil ? "Common themes across the organisation" : "Common themes in \(model.scopeName)"
    }

    static func content(_ model: Model) -> [BodyNode] {
        let threshold = model.threshold
        var nodes: [BodyNode] = [
            H.heading(1, title(model)),
            H.paragraph(
                "What line managers reported of their teams’ conversations: for each theme, how many people raised it. "
                    + "No one can be picked out: a figure drawn from, or counting, fewer than \(threshold.people) people, one that "
                    + "everyone it is drawn from shares, and one that would let another be worked out by subtraction all show as "
                    + "“held back”, so none of them says which it is.",
                class: "lead"),
        ]
        if let unit = model.unitID {
            nodes.append(
                H.el(
                    "p",
                    H.link(
                        "What the Leadership Team will do about the themes in \(model.scopeName)",
                        to: SiteURL.responses.with(query: [("unit", unit.lowerText)]))))
        }
        nodes.append(
            H.el(
                "form", class: "search no-print", H.attr("method", "get"), H.attr("action", SiteURL.monitoringThemes.path),
                model.unitID.map { H.hidden(name: "unit", value: $0.lowerText) } ?? H.nothing,
                H.select(
                    name: "checkpoint", label: "Checkpoint", options: model.checkpoints.map { ($0.id.lowerText, $0.label) },
                    selected: model.checkpoint.id.lowerText),
                H.button("Show", style: .secondary)))

        guard !model.themes.isEmpty || !model.isPublished else {
            nodes.append(H.emptyState("No themes yet", "When HR administrators set up the theme list, reports count against it here."))
            return nodes
        }
        let scope = model.columns[0]
        guard let releasedOn = model.releasedOn else {
            nodes.append(notYetCard(model))
            nodes.append(trendCard(model))
            return nodes
        }
        nodes.append(
            H.paragraph(
                "Published on \(releasedOn), when reporting for \(model.checkpoint.label) closed. These figures never change: "
                    + "a report sent since is kept for its manager and changes nothing here.", class: "muted"))
        if scope.reports == 0 {
            nodes.append(
                H.emptyState(
                    "No reports for \(model.checkpoint.label) yet",
                    "Line managers report their team’s common themes at each checkpoint, from their Team page. "
                        + "Figures appear here as they do."
                ))
        }

        nodes.append(unitsCard(model))
        if !model.managers.isEmpty { nodes.append(managersCard(model)) }
        nodes.append(trendCard(model))
        nodes.append(notesCard(model))
        return nodes
    }

    /// Before publication: when the figures come, and how many reports are in so far.
    static func notYetCard(_ model: Model) -> BodyNode {
        var nodes: [BodyNode] = [
            H.heading(2, "\(model.checkpoint.label): figures published on \(model.publishedOn)", id: "units-title"),
            H.paragraph(
                "Theme figures are worked out once, when reporting for a checkpoint closes, and never change afterwards, so "
                    + "that nobody can work out one team’s themes by watching the figures move as its report arrives. "
                    + "Until then, here is how many line managers have reported."),
        ]
        nodes.append(
            H.table(
                caption: "Reports received so far for \(model.checkpoint.label)", headers: ["", "Reports received"],
                cells: model.columns.map { [.text($0.name), .text("\($0.reports)")] }))
        return H.card(labelledBy: "units-title", nodes)
    }

    /// Themes by unit: the scope, then each unit below it.
    static func unitsCard(_ model: Model) -> BodyNode {
        let threshold = model.threshold
        let headers = ["Theme"] + model.columns.map(\.name)
        var rows: [[Markup]] = [
            [.text("Reports received")] + model.columns.map { .text("\($0.reports)") },
            [.text("People they draw on")] + model.columns.map { .text("\($0.people)") },
        ]
        // When every figure is held back, the table keeps only how many reports and people it counts.
        let tally = tally(model.cells)
        let everyFigureHeldBack = tally.shown == 0 && tally.heldBack > 0
        for (index, theme) in model.themes.enumerated() where !everyFigureHeldBack {
            rows.append([.text(theme)] + model.cells[index].map { cell($0, threshold) })
        }
        var unitNodes: [BodyNode] = [
            H.heading(2, "\(model.checkpoint.label): people who raised each theme", id: "units-title")
        ]
        if model.columns.count > 1 {
            unitNodes.append(H.paragraph("Each unit’s figures include every unit below it. Choose a unit to see inside it."))
            unitNodes.append(H.linkList(model.columns.dropFirst().compactMap { column in column.link.map { (column.name, $0, "") } }))
        }
        if everyFigureHeldBack {
            unitNodes.append(heldBackNote("Every theme’s figure here is held back", model))
        } else if tally.heldBack > tally.shown {
            unitNodes.append(heldBackNote("Most figures here are held back", model))
        }
        unitNodes.append(H.table(caption: "People who raised each theme at \(model.checkpoint.label)", headers: headers, cells: rows))
        unitNodes.append(
            H.el("p", class: "no-print", H.link("Download every figure you can see at this checkpoint (CSV)", to: csvPath(model))))
        return H.card(labelledBy: "units-title", unitNodes)
    }

    /// One sentence on why figures are held back, and where some can be seen.
    static func heldBackNote(_ opening: String, _ model: Model) -> BodyNode {
        let why =
            "\(opening): the teams in \(model.scopeName) are small, and no count is shown that could point to someone."
        guard let nearer = model.nearerFigures else { return H.paragraph(why, class: "notice") }
        return H.el(
            "p", class: "notice", H.text(why + " "),
            H.link("See the figures for \(nearer.name)", to: nearer.path), H.text(", which take in \(model.scopeName)."))
    }

    static func managersCard(_ model: Model) -> BodyNode {
        let threshold = model.threshold
        if tally(model.managerCells).shown == 0 {
            return H.card(
                labelledBy: "managers-title",
                [
                    H.heading(
                        2, "Reports from line managers in \(model.unitID == nil ? "no unit" : model.scopeName)", id: "managers-title"),
                    H.paragraph(
                        "Each line manager’s report here draws on too few people to be shown on its own. "
                            + "Every one is counted in the figures above."),
                ])
        }
        do {
            var managerRows: [[Markup]] = [[.text("People they draw on")] + model.managers.map { .text("\($0.people)") }]
            for (index, theme) in model.themes.enumerated() {
                managerRows.append([.text(theme)] + model.managerCells[index].map { cell($0, threshold) })
            }
            return
                H.card(
                    labelledBy: "managers-title",
                    [
                        H.heading(
                            2, "Reports from line managers in \(model.unitID == nil ? "no unit" : model.scopeName)", id: "managers-title"),
                        H.table(
                            caption: "Each line manager's report at \(model.checkpoint.label)",
                            headers: ["Theme"] + model.managers.map(\.managerName), cells: managerRows),
                    ])
        }
    }

    static func trendCard(_ model: Model) -> BodyNode {
        // Only published checkpoints count: the others say "not yet published".
        let published = tally(model.trend.map { row in zip(row, model.trendThresholds).filter { $1 != nil }.map(\.0) })
        if published.shown == 0 {
            return H.card(
                labelledBy: "trend-title",
                [
                    H.heading(2, "Across checkpoints: \(model.columns[0].name)", id: "trend-title"),
                    published.heldBack > 0
                        ? heldBackNote("No figure here can be shown at any checkpoint yet", model)
                        : H.paragraph("No figures here yet: they come as line managers report at each checkpoint."),
                ])
        }
        var trendRows: [[Markup]] = []
        for (index, theme) in model.themes.enumerated() {
            trendRows.append([.text(theme)] + zip(model.trend[index], model.trendThresholds).map { cell($0, $1) })
        }
        return
            H.card(
                labelledBy: "trend-title",
                [
                    H.heading(2, "Across checkpoints: \(model.columns[0].name)", id: "trend-title"),
                    H.table(
                        caption: "People who raised each theme in \(model.columns[0].name), checkpoint by checkpoint",
                        headers: ["Theme"] + model.trendCheckpoints, cells: trendRows),
                ])
    }

    static func notesCard(_ model: Model) -> BodyNode {
        let threshold = model.threshold
        var noteNodes: [BodyNode] = [H.heading(2, "In managers’ own words", id: "notes-title")]
        if model.notes.isEmpty {
            noteNodes.append(
                H.paragraph(
                    "No notes for \(model.checkpoint.label). "
                        + "A note shows here when its report draws on at least \(threshold.people) people."
                ))
        } else {
            noteNodes.append(
                H.paragraph(
                    "Notes from reports that draw on at least \(threshold.people) people; the others are held back like their figures."))
            for note in model.notes {
                noteNodes.append(
                    H.mutedBox([H.strongParagraph("\(note.managerName)’s team (\(note.people) people)"), H.paragraph(note.note)]))
            }
        }
        return H.card(labelledBy: "notes-title", noteNodes)
    }

    static func cell(_ figure: ThemeFigures.Figure, _ threshold: AnonymityThreshold?) -> Markup {
        figure.visibility == .shown && threshold != nil ? .text("\(figure.value)") : .span(class: "held-back", text(figure, threshold))
    }

    static func csvPath(_ model: Model) -> String {
        SiteURL.monitoringThemesCSV.with(query: [("unit", model.unitID?.lowerText), ("checkpoint", model.checkpoint.id.lowerText)])
    }
}

import FootholdCore
import FootholdData
import Foundation

extension MonitoringPage {
    static let organisationName = "The whole organisation"

    static func title(_ model: Model) -> String {
        model.unitID == nil ? "Career conversations across the organisation" : "Career conversations in \(model.scopeName)"
    }

    static func content(_ model: Model, display: DisplayDate) -> [BodyNode] {
        var nodes: [BodyNode] = [H.heading(1, title(model))]
        nodes.append(
            H.paragraph(
                "How many people have had their career conversations, "
                    + (model.unitID == nil ? "in every unit. " : "here and in every unit below. ")
                    + "These are counts only: nobody’s conversation can be read from this page.",
                class: "lead"))
        if !model.otherUnits.isEmpty {
            nodes.append(H.paragraph("You also lead:"))
            nodes.append(H.linkList(model.otherUnits.map { ($0.label, $0.path, "") }))
        }

        nodes.append(checkpointForm(model))
        nodes.append(summaryCard(model))
        nodes.append(recentCard(model))
        nodes.append(trendCard(model))
        nodes += tableCards(model)
        nodes.append(moreCard(model, display: display))
        return nodes
    }

    /// Which checkpoint: a form that changes the address, so every view can be linked to.
    static func checkpointForm(_ model: Model) -> BodyNode {

        H.el(
            "form", class: "search no-print", H.attr("method", "get"), H.attr("action", SiteURL.monitoring.path),
            model.unitID.map { H.hidden(name: "unit", value: $0.lowerText) } ?? H.nothing,
            H.select(
                name: "checkpoint", label: "Checkpoint", options: model.checkpoints.map { ($0.id.lowerText, $0.label) },
                selected: model.checkpoint.id.lowerText),
            H.button("Show", style: .secondary))
    }

    static func summaryCard(_ model: Model) -> BodyNode {
        let figures = model.summary
        return
            H.card(
                labelledBy: "summary-title",
                [
                    H.heading(2, model.checkpoint.label, id: "summary-title"),
                    H.figures([
                        ("Staff", "\(figures.staff)"), ("Conversations held", "\(figures.held)"), ("Coverage", figures.coverageText),
                        ("Scheduled", "\(figures.scheduled)"), ("Due", "\(figures.due)"), ("Declined", "\(figures.declined)"),
                        ("Overdue", "\(figures.overdue)"),
                    ]),
                    H.paragraph(
                        "Coverage is conversations held with the line manager inside the window, out of the \(figures.expected) people "
                            + "a conversation was expected of"
                            + (figures.notExpected > 0 ? " (\(figures.notExpected) joined after the window closed)." : ".")
                            + " Declined means offered and turned down for now: not missed."),
                ])
    }

    static func recentCard(_ model: Model) -> BodyNode {
        H.card(
            labelledBy: "recent-title",
            [
                H.heading(2, "Career conversations in the last \(RecentConversationShare.days) days", id: "recent-title"),
                H.figures([
                    ("Had one, of any kind", model.recent.percentText),
                    ("Baseline", "\(RecentConversationShare.baselinePercent)%"),
                ]),
                H.paragraph(
                    "\(model.recent.recent) of \(model.recent.staff) people had a career conversation with anyone in the last "
                        + "\(RecentConversationShare.days) days. The baseline: research found only "
                        + "\(RecentConversationShare.baselinePercent)% of employees have ongoing career conversations.",
                    class: "baseline"),
            ])
    }

    /// The chart, with its figures in a table beside it.
    static func trendCard(_ model: Model) -> BodyNode {
        let chartTitle = "Coverage at each checkpoint, this year and last"
        let chart = H.percentChart(
            title: chartTitle, id: "coverage-chart", categories: model.trendCategories,
            lines: model.trendLines.enumerated().map { index, line in
                H.ChartLine(name: line.name, values: line.values, dashed: model.trendLines.count > 1 && index == 0)
            }, yLabel: "Coverage", xLabel: "Checkpoint")
        let trendRows: [[Markup]] = model.trendCategories.indices.map { index in
            [.text(model.trendCategories[index])]
                + model.trendLines.map { line in .text(line.values[index].map { "\($0)%" } ?? "Not yet open") }
        }
        return
            H.card(
                labelledBy: "trend-title",
                [
                    H.heading(2, "Coverage over time", id: "trend-title"),
                    H.chartPair(
                        chart,
                        H.table(
                            caption: chartTitle, headers: ["Checkpoint"] + model.trendLines.map(\.name), cells: trendRows,
                            captionHidden: true)),
                    csvLink(model, .trend, "Download these figures (CSV)"),
                ])
    }

    static func tableCards(_ model: Model) -> [BodyNode] {
        var nodes: [BodyNode] = []
        let headers = ["Staff", "Held", "Coverage", "Scheduled", "Due", "Declined", "Overdue"]
        func cells(_ row: Row) -> [Markup] {
            let f = row.figures
            return [
                row.link.map { Markup.link(row.name, to: $0) } ?? .text(row.name), .text("\(f.staff)"), .text("\(f.held)"),
                .text(f.coverageText), .text("\(f.scheduled)"), .text("\(f.due)"), .text("\(f.declined)"), .text("\(f.overdue)"),
            ]
        }
        if !model.units.isEmpty {
            nodes.append(
                H.card(
                    labelledBy: "units-title",
                    [
                        H.heading(2, model.unitID == nil ? "By unit" : "By unit below \(model.scopeName)", id: "units-title"),
                        H.table(
                            caption: "Each unit, with every unit below it, at \(model.checkpoint.label)", headers: ["Unit"] + headers,
                            cells: model.units.map(cells)),
                        csvLink(model, .units, "Download this table (CSV)"),
                    ]))
        }
        if !model.managers.isEmpty {
            nodes.append(
                H.card(
                    labelledBy: "managers-title",
                    [
                        H.heading(
                            2, model.unitID == nil ? "People in no unit, by line manager" : "By line manager in \(model.scopeName)",
                            id: "managers-title"),
                        H.paragraph("The people of this unit itself, by whom they report to. Units below have their own."),
                        H.table(
                            caption: "Line managers' teams at \(model.checkpoint.label)", headers: ["Line manager"] + headers,
                            cells: model.managers.map(cells)),
                        csvLink(model, .managers, "Download this table (CSV)"),
                    ]))
        }
        return nodes
    }

    static func moreCard(_ model: Model, display: DisplayDate) -> BodyNode {
        H.card(
            labelledBy: "more-title",
            [
                H.heading(2, "More", id: "more-title"),
                H.linkList([
                    ("Every unit at every checkpoint (CSV)", csvPath(model, .everything), ""),
                    ("Common themes", themesPath(model), ": what teams talk about, counted so that no one can be picked out"),
                    ("Notices of conversations held", SiteURL.notices.path, ""),
                ]),
                H.paragraph("Counted at \(display.dateTime(model.countedAt)); counts are never more than a minute old.", class: "baseline"),
            ])
    }

    static func csvPath(_ model: Model, _ table: Table) -> String {
        SiteURL.monitoringCSV.with(query: [
            ("unit", model.unitID?.lowerText), ("checkpoint", model.checkpoint.id.lowerText), ("table", table.rawValue),
        ])
    }

    static func themesPath(_ model: Model) -> String {
        SiteURL.monitoringThemes.with(query: [("unit", model.unitID?.lowerText), ("checkpoint", model.checkpoint.id.lowerText)])
    }

    static func csvLink(_ model: Model, _ table: Table, _ label: String) -> BodyNode {
        H.el("p", class: "no-print", H.link(label, to: csvPath(model, table)))
    }
}

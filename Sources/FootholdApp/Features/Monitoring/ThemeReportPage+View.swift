import FootholdCore
import FootholdData
import Foundation

extension ThemeReportPage {
    static let title = "Your team's common themes"

    static func content(_ model: Model, display: DisplayDate, csrf: String, sent: Bool) -> [BodyNode] {
        let director = model.director ?? "your director"
        var nodes: [BodyNode] = []
        if sent { nodes.append(H.notice("Your report has gone to \(director). Thank you.", style: "success")) }
        if !model.problems.isEmpty { nodes.append(H.errorSummary(model.problems.items)) }
        nodes.append(H.heading(1, title))
        nodes.append(
            H.paragraph(
                "At each checkpoint, tell \(director) which themes came up in your team’s conversations. They see how often each "
                    + "theme comes up across teams, never who said what: a figure drawn from fewer than \(model.threshold.people) "
                    + "people, or one that could point to someone another way, is held back.",
                class: "lead"))
        nodes.append(
            H.el(
                "form", class: "search no-print", H.attr("method", "get"), H.attr("action", SiteURL.teamThemes.path),
                H.select(
                    name: "checkpoint", label: "Checkpoint", options: model.checkpoints.map { ($0.id.lowerText, $0.label) },
                    selected: model.checkpoint.id.lowerText),
                H.button("Show", style: .secondary)))

        nodes.append(reportCard(model, display: display, csrf: csrf))
        nodes.append(requestsCard(model, display: display, csrf: csrf))
        return nodes
    }

    static func reportCard(_ model: Model, display: DisplayDate, csrf: String) -> BodyNode {
        let director = model.director ?? "your director"
        if model.people == 0 {
            return
                H.emptyState(
                    "Nothing to report for \(model.checkpoint.label) yet",
                    "A report draws on your team’s checkpoint conversations with you. "
                        + "When you mark one held, you can report its themes here.",
                    action: H.link("Go to your team", to: SiteURL.team.path))
        }
        do {
            var fields: [BodyNode] = [
                H.hidden(name: "checkpoint", value: model.checkpoint.id.lowerText),
                H.paragraph(
                    "This report draws on \(model.people) \(model.people == 1 ? "person" : "people"): your reports whose "
                        + "\(model.checkpoint.label) conversation with you was held. Each number starts from the themes you tagged."),
            ]
            if let sentAt = model.sentAt {
                fields.append(
                    H.paragraph("You sent this report on \(display.day(sentAt)). Sending it again replaces it.", class: "baseline"))
            }
            fields.append(
                H.paragraph(
                    model.isPublished
                        ? "Theme figures for \(model.checkpoint.label) were published on \(display.day(model.publishedOn)). "
                            + "You can still send or change your report: it is kept for you, and changes no published figure."
                        : "Your director sees the figures when reporting closes, on \(display.day(model.publishedOn)): until then, "
                            + "change your report as often as you like.",
                    class: "muted"))
            for theme in model.themes {
                let field = ThemeReportRules.field(theme.id)
                let tagged = model.tagged[theme.id] ?? 0
                fields.append(
                    H.field(
                        name: field, label: theme.name, value: model.values[theme.id] ?? "0", type: "number",
                        hint:
                            "How many of the \(model.people) raised it. "
                            + "Tagged in \(tagged) \(tagged == 1 ? "conversation" : "conversations").",
                        error: model.problems.message(for: field)))
            }
            fields.append(
                H.textarea(
                    name: "note", label: "Anything else \(director) should know (optional)", value: model.note,
                    hint: "Write about the team as a whole. Do not name anyone, or say anything that would pick one person out.",
                    error: model.problems.message(for: "note"), rows: 4,
                    privacy:
                        "Seen by \(director) and the Leadership Team when this report draws on at least \(model.threshold.people) people."))
            fields.append(H.button(model.sentAt == nil ? "Send to \(director)" : "Send again to \(director)"))
            return H.card(
                labelledBy: "report-title",
                [H.heading(2, model.checkpoint.label, id: "report-title"), H.form(action: SiteURL.teamThemes.path, csrf: csrf, fields)])
        }
    }

    static func requestsCard(_ model: Model, display: DisplayDate, csrf: String) -> BodyNode {
        var requestNodes: [BodyNode] = [
            H.heading(2, "Requests your team can action locally", id: "requests-title"),
            H.paragraph(
                "Things your team has asked for that can be done here, without waiting for anyone else. "
                    + "Your team sees them on their home page."
            ),
        ]
        if model.requests.isEmpty {
            requestNodes.append(H.paragraph("None yet.", class: "baseline"))
        } else {
            let rows: [[Markup]] = model.requests.map { request in
                [
                    .text(request.request), .text(display.day(request.createdAt)),
                    request.done
                        ? .tag("Done", .met)
                        : .actionButton("Mark as done", action: SiteURL.teamRequestDone(request.id).path, csrf: csrf, style: .secondary),
                ]
            }
            requestNodes.append(H.table(caption: "Your team's requests", headers: ["Request", "Added", ""], cells: rows))
        }
        requestNodes.append(
            H.form(
                action: SiteURL.teamRequests.path, csrf: csrf,
                [
                    H.textarea(
                        name: "request", label: "Add a request", value: model.requestText,
                        hint: "Such as “an hour a month to shadow another team”.", error: model.requestProblem, rows: 2),
                    H.button("Add request", style: .secondary),
                ]))
        return H.card(labelledBy: "requests-title", requestNodes)
    }
}

import FootholdCore
import FootholdData
import Foundation

extension ResponsesPage {
    static func title(_ model: Model) -> String { "Responses for \(model.unitName)" }

    static func content(_ model: Model, display: DisplayDate, csrf: String) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if !model.problems.isEmpty { nodes.append(H.errorSummary(model.problems.items)) }
        nodes.append(H.heading(1, title(model)))
        nodes.append(
            H.paragraph(
                "What more can be done at a unit level about the themes its teams raised, by whom and by when. Everyone in "
                    + "\(model.unitName) and the units below it sees these on their home page.",
                class: "lead"))
        if model.responses.isEmpty {
            nodes.append(
                H.emptyState(
                    "No responses yet",
                    model.themes == nil
                        ? "When the Leadership Team responds to the themes raised here, their responses appear here "
                            + "and on people’s home pages."
                        : "Look at the unit’s common themes, then record what more can be done below."))
        } else {
            let rows: [[Markup]] = model.responses.map { response in
                var cells: [Markup] = [
                    .text(response.themeName), .text(response.response), .text(response.byWhom),
                    .text(response.dueOn.flatMap(CalendarDate.init(iso:)).map(display.day) ?? "No date set"),
                ]
                if model.themes != nil {
                    cells.append(.actionButton("Remove", action: SiteURL.responseDelete(response.id).path, csrf: csrf, style: .link))
                }
                return cells
            }
            nodes.append(
                H.table(
                    caption: "Responses for \(model.unitName)",
                    headers: ["Theme", "What will be done", "By whom", "By when"] + (model.themes == nil ? [] : [""]),
                    cells: rows))
        }
        if let themes = model.themes { nodes.append(formCard(model, themes: themes, csrf: csrf)) }
        return nodes
    }

    static func formCard(_ model: Model, themes: [ThemeReportStore.ThemeRow], csrf: String) -> BodyNode {
        H.card(
            labelledBy: "respond-title",
            [
                H.heading(2, "Record a response", id: "respond-title"),
                H.form(
                    action: SiteURL.responses.path, csrf: csrf,
                    [
                        H.hidden(name: "unit", value: model.unitID.lowerText),
                        H.select(
                            name: "theme", label: "Theme", options: themes.map { ($0.id.lowerText, $0.name) }, selected: model.form.theme,
                            error: model.problems.message(for: "theme")),
                        H.textarea(
                            name: "response", label: "What more will be done", value: model.form.response ?? "",
                            hint: "Plain words the unit’s people will read on their home page.",
                            error: model.problems.message(for: "response"),
                            rows: 3),
                        H.field(
                            name: "by_whom", label: "By whom", value: model.form.by_whom ?? "", hint: "A person, a team or a role.",
                            error: model.problems.message(for: "by_whom")),
                        H.field(
                            name: "due_on", label: "By when (optional)", value: model.form.due_on ?? "", type: "date",
                            error: model.problems.message(for: "due_on")),
                        H.button("Record the response"),
                    ]),
            ])
    }
}

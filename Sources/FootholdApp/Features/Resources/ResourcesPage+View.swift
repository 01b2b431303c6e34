import FootholdCore
import FootholdData
import Foundation

extension ResourcesPage {
    static func content(_ model: Model, saved: Bool, csrf: String) -> [BodyNode] {
        [
            saved ? H.notice("Saved.", style: "success") : H.nothing,
            H.heading(1, "Resources"),
            H.paragraph(
                "Links and templates for each unit's people, such as the development-plan template. People see their own unit's, every unit's above it, and those for everyone, beside their opportunities and in their preparation.",
                class: "lead"),
            H.el("p", class: "button-row", H.link("Add a resource", to: SiteURL.newResource.path, class: "button button--primary")),
            H.card(
                labelledBy: "kept",
                [
                    H.heading(2, "Resources kept", id: "kept"),
                    model.resources.isEmpty
                        ? H.emptyState("No resources yet", "Add a link and the people it is for see it at once.")
                        : H.table(
                            caption: "Resources kept", headers: ["Resource", "For", ""],
                            cells: model.resources.map { resource in
                                [
                                    .link(resource.title, to: resource.url)
                                        + .text(resource.description.isEmpty ? "" : " — " + resource.description),
                                    .text(resource.unitPath ?? "Everyone"),
                                    .actionButton(
                                        "Delete", action: SiteURL.adminResourceDelete(resource.id).path, csrf: csrf, style: .warning),
                                ]
                            }, stacked: true),
                ]),
        ]
    }

    static func new(_ model: NewModel, typed: Form?, problems: FieldProblems, csrf: String) -> [BodyNode] {
        [
            H.errorSummary(problems.items),
            H.heading(1, "Add a resource"),
            H.paragraph(
                "A link to a page or a template people can use. Choose the unit it is for: its people, and everyone in the units below it, see it.",
                class: "lead"),
            H.form(action: SiteURL.newResource.path, csrf: csrf, fields(model, typed: typed, problems: problems) + [H.button("Add it")]),
        ]
    }

    static func fields(_ model: NewModel, typed: Form?, problems: FieldProblems) -> [BodyNode] {
        let units = [(value: "", label: "Everyone")] + model.units.map { (value: $0.id.lowerText, label: $0.path) }
        return [
            H.field(name: "title", label: "Title", value: typed?.title ?? "", error: problems.message(for: "title")),
            H.field(
                name: "url", label: "Link", value: typed?.url ?? "", type: "url", hint: "A web address starting with https://.",
                error: problems.message(for: "url")),
            H.field(
                name: "description", label: "What it is (optional)", value: typed?.description ?? "",
                error: problems.message(for: "description")),
            H.select(name: "unit", label: "For", options: units, selected: typed?.unit ?? "", error: problems.message(for: "unit")),
        ]
    }

    /// The resources a person sees, as a list of links.
    static func list(_ resources: [UnitResource]) -> BodyNode {
        H.linkList(resources.map { (label: $0.title, path: $0.url, after: $0.description.isEmpty ? "" : " — " + $0.description) })
    }
}

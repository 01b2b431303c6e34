import FootholdCore
import FootholdData
import Foundation

extension ResourcesPage {
    static func content(_ model: Model, typed: Form?, problems: FieldProblems, saved: Bool, csrf: String) -> [BodyNode] {
        [
            H.errorSummary(problems.items),
            saved ? H.notice("Saved.", style: "success") : H.nothing,
            H.heading(1, "Resources"),
            H.paragraph(
                "Links and templates for each unit's people, such as the development-plan template. People see their own unit's, every unit's above it, and those for everyone, beside their opportunities and in their preparation.",
                class: "lead"),
            H.card(
                labelledBy: "add",
                [
                    H.heading(2, "Add a resource", id: "add"),
                    H.form(
                        action: SiteURL.adminResources.path, csrf: csrf,
                        fields(model, typed: typed, problems: problems) + [H.button("Add it")]),
                ]),
            H.card(
                labelledBy: "kept",
                [
                    H.heading(2, "Resources kept", id: "kept"),
                    model.resources.isEmpty
                        ? H.emptyState("No resources yet", "Add a link above and the people it is for see it at once.")
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
                            }),
                ]),
        ]
    }

    static func fields(_ model: Model, typed: Form?, problems: FieldProblems) -> [BodyNode] {
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

import FootholdCore
import FootholdData
import Foundation

/// A unit's page, drawn from the organisation store's `UnitOverview`.
enum UnitPage {}

extension UnitPage {
    static func content(_ unit: OrganisationStore.UnitOverview) -> [BodyNode] {
        var nodes: [BodyNode] = [
            H.heading(1, unit.name),
            H.summaryList([
                (
                    "Led by",
                    unit.head.map { H.el("span", H.link($0.name, to: SiteURL.person($0.id).path), H.text(", \($0.jobTitle)")) }
                        ?? H.text("No head recorded")
                ),
                ("People", H.text("\(unit.headcount) in \(unit.name) and the units within it")),
            ]),
        ]
        if !unit.children.isEmpty {
            nodes.append(H.heading(2, "Units within \(unit.name)"))
            nodes.append(
                H.table(
                    caption: "Units within \(unit.name)", headers: ["Unit", "People"],
                    rows: unit.children.map { [H.link($0.name, to: SiteURL.unit($0.id).path), H.text("\($0.headcount)")] }))
        }
        nodes.append(H.heading(2, "People in \(unit.name)"))
        if unit.members.isEmpty {
            nodes.append(H.emptyState("No one works directly in \(unit.name)", "Everyone here is in one of the units within it."))
        } else {
            nodes.append(
                H.table(
                    caption: "People in \(unit.name)", headers: ["Name", "Job title"],
                    rows: unit.members.map { [H.link($0.name, to: SiteURL.person($0.id).path), H.text($0.jobTitle)] }))
        }
        return nodes
    }
}

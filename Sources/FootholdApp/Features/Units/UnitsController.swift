import Fluent
import Foundation
import Vapor

/// A unit: who leads it, the units within it and the people in it.
struct UnitsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.unit(UUID()).pathComponents, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.unitParameter, as: UUID.self),
            let unit = try await OrganisationQueries.unit(id, on: req.reads)
        else { throw SiteError.notFound }
        return req.page(unit.name, breadcrumbs: unit.ancestors.map { ($0.name, SiteURL.unit($0.id).path) }, UnitPage.content(unit))
    }
}

enum UnitPage {
    static func content(_ unit: OrganisationQueries.UnitOverview) -> [BodyNode] {
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

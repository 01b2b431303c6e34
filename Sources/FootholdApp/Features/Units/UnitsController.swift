import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A unit: who leads it, the units within it and the people in it.
struct UnitsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.unit, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.unitParameter, as: UUID.self),
            let unit = try await OrganisationStore.unit(id, on: req.reads)
        else { throw SiteError.notFound }
        return req.page(unit.name, breadcrumbs: unit.ancestors.map { ($0.name, SiteURL.unit($0.id).path) }, UnitPage.content(unit))
    }
}

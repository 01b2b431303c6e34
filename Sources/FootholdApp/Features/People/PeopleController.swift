import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The people directory and each person's page.
struct PeopleController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.people, use: directory)
        routes.get(SiteURL.person, use: person)
    }

    @Sendable func directory(req: Request) async throws -> Response {
        let query = (req.queryValue("q") ?? "").trimmingCharacters(in: .whitespaces)
        let page = req.queryPage()
        let results = try await OrganisationStore.search(query, page: page, includeInactive: false, on: req.reads)
        return req.page("People", PeoplePages.directory(query: query, results: results))
    }

    @Sendable func person(req: Request) async throws -> Response {
        guard let id = req.parameters.get(SiteURL.personParameter, as: UUID.self) else { throw SiteError.notFound }
        let viewer = try req.requireViewer()
        guard let model = try await PeoplePages.Person.load(id, viewer: viewer.personID, display: req.display, on: req.reads) else {
            throw SiteError.notFound
        }
        return req.page(
            model.details.name, breadcrumbs: [("People", SiteURL.people.path)],
            PeoplePages.person(model, viewer: viewer.personID, display: req.display, csrf: req.csrfToken))
    }
}

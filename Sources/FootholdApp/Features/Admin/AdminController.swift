import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR administration: people, units and the people import.
struct AdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.admin, use: overview)
        routes.get(SiteURL.adminPeople, use: people)
        routes.get(SiteURL.adminUnits, use: units)
        routes.get(SiteURL.adminImport, use: importForm)
        routes.on(.POST, SiteURL.adminImport.pattern, body: .collect(maxSize: "50mb"), use: previewImport)
        routes.post(SiteURL.adminImportConfirm, use: confirmImport)
    }

    @Sendable func overview(req: Request) async throws -> Response {
        let counts = try await OrganisationStore.counts(on: req.database)
        return req.page("Administration", AdminPages.overview(counts))
    }

    @Sendable func people(req: Request) async throws -> Response {
        let query = (req.queryValue("q") ?? "").trimmingCharacters(in: .whitespaces)
        let page = req.queryPage()
        let results = try await OrganisationStore.search(query, page: page, includeInactive: true, on: req.reads)
        let standing = try await AccountEmails.standing(of: results.items.map(\.0.id), on: req.reads)
        let sent = req.queryValue("sent").map { ($0, req.queryInt("count", in: 0...1_000_000) ?? 0) }
        return req.page(
            "People", breadcrumbs: [("Administration", SiteURL.admin.path)],
            AdminPages.people(
                query: query, results: results, standing: standing, sent: sent, display: req.display,
                csrf: req.csrfToken))
    }

    @Sendable func units(req: Request) async throws -> Response {
        let units = try await OrganisationStore.allUnits(on: req.database)
        return req.page("Units", breadcrumbs: [("Administration", SiteURL.admin.path)], AdminPages.units(units))
    }

    @Sendable func importForm(req: Request) async throws -> Response {
        req.page(
            "Import people", breadcrumbs: [("Administration", SiteURL.admin.path)],
            AdminPages.importForm(csrf: req.csrfToken, deactivateMissing: false, error: nil))
    }

    /// The file is checked and everything it would do is worked out (a dry run, rolled back); HR
    /// sees that, and the file waits for "Import these changes".
    @Sendable func previewImport(req: Request) async throws -> Response {
        let form = try req.content.decode(AdminPages.ImportForm.self)
        let deactivateMissing = form.deactivate_missing.isTicked
        let viewer = try req.requireViewer()
        func refuse(_ message: String) -> Response {
            req.page(
                "Import people", status: .badRequest, breadcrumbs: Self.importCrumbs,
                AdminPages.importForm(csrf: req.csrfToken, deactivateMissing: deactivateMissing, error: message))
        }
        guard let file = form.file, file.data.readableBytes > 0 else { return refuse("Choose a CSV file to import") }
        guard let text = String(bytes: file.data.readableBytesView, encoding: .utf8) else {
            return refuse("\(file.filename) is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and try again.")
        }
        switch try await PeopleImporter.run(
            csv: text, deactivateMissing: deactivateMissing, on: req.database, now: req.now, by: viewer.personID, dryRun: true)
        {
        case .success(let outcome):
            let id = req.clients.makeID()
            try await PendingImports.keep(
                .init(filename: file.filename, csv: text, deactivateMissing: deactivateMissing), id: id, by: viewer.personID,
                at: req.now, on: req.database)
            return req.page(
                "Check the import", breadcrumbs: Self.importCrumbs,
                AdminPages.importPreview(outcome, filename: file.filename, pending: id, csrf: req.csrfToken))
        case .failure(let failure):
            return req.page(
                "Import people", status: .unprocessableEntity, breadcrumbs: Self.importCrumbs,
                AdminPages.importProblems(failure, filename: file.filename, csrf: req.csrfToken, deactivateMissing: deactivateMissing))
        }
    }

    static let importCrumbs = [(label: "Administration", path: SiteURL.admin.path)]

    /// "Import these changes": the waiting file is imported for real, once.
    @Sendable func confirmImport(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let id = try? req.content.get(UUID.self, at: "pending")
        guard let id, let pending = try await PendingImports.find(id, by: viewer.personID, at: req.now, on: req.database),
            try await PendingImports.remove(id, on: req.database)
        else {
            return req.page(
                "Import people", status: .conflict, breadcrumbs: Self.importCrumbs,
                AdminPages.importForm(
                    csrf: req.csrfToken, deactivateMissing: false,
                    error:
                        "That file has been imported already, or its check is more than a day old. Choose the file again to see what it will do."
                ))
        }
        switch try await PeopleImporter.run(
            csv: pending.csv, deactivateMissing: pending.deactivateMissing, on: req.database, now: req.now, by: viewer.personID)
        {
        case .success(let outcome):
            let notSignedIn = try await AccountEmails.notSignedInCount(on: req.reads)
            return req.page(
                "People imported", breadcrumbs: Self.importCrumbs,
                AdminPages.imported(outcome, filename: pending.filename, notSignedIn: notSignedIn, csrf: req.csrfToken))
        case .failure(let failure):
            // Someone changed the organisation since the check, and the file no longer fits.
            return req.page(
                "Import people", status: .unprocessableEntity, breadcrumbs: Self.importCrumbs,
                AdminPages.importProblems(
                    failure, filename: pending.filename, csrf: req.csrfToken, deactivateMissing: pending.deactivateMissing))
        }
    }
}

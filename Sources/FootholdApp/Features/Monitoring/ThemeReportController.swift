import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A line manager's theme report and their team's local requests.
struct ThemeReportController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.teamThemes, use: form)
        routes.post(SiteURL.teamThemes, use: send)
        routes.post(SiteURL.teamRequests, use: addRequest)
        routes.post(SiteURL.teamRequestDone, use: requestDone)
    }

    /// The page for the viewer, who must have someone reporting to them.
    static func model(_ req: Request, checkpoint: UUID?) async throws -> ThemeReportPage.Model {
        let viewer = try req.requireViewer()
        guard try await !TeamStore.reports(of: viewer.personID, on: req.reads).isEmpty else { throw SiteError.forbidden }
        let year = try await ConversationsController.year(req)
        guard
            let model = try await ThemeReportPage.load(
                manager: viewer.personID, year: year, asked: checkpoint, today: req.display.today(), on: req.reads)
        else { throw SiteError.notFound }
        return model
    }

    @Sendable func form(req: Request) async throws -> Response {
        let model = try await Self.model(req, checkpoint: req.queryValue("checkpoint").flatMap(UUID.init(uuidString:)))
        return req.page(
            ThemeReportPage.title, breadcrumbs: [("Your team", SiteURL.team.path)],
            ThemeReportPage.content(model, display: req.display, csrf: req.csrfToken, sent: req.queryValue("sent") != nil))
    }

    @Sendable func send(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let fields = try req.content.decode([String: String].self)
        guard let asked = fields["checkpoint"].flatMap(UUID.init(uuidString:)) else {
            throw SiteError.badInput("The report did not say which checkpoint it is for.")
        }
        var model = try await Self.model(req, checkpoint: asked)
        guard model.checkpoint.id == asked else {
            throw SiteError.badInput("Reports are for checkpoints of this career year that have opened.")
        }
        guard model.people > 0 else {
            throw SiteError.badInput("There is nothing to report yet: none of your team's conversations for it has been held.")
        }
        let typed = model.themes.map { theme in
            ThemeReportRules.Typed(themeID: theme.id, name: theme.name, text: fields[ThemeReportRules.field(theme.id)] ?? "")
        }
        let note = (fields["note"] ?? "").trimmed(newlines: false)
        switch ThemeReportRules.check(typed, people: model.people, note: note) {
        case .failure(let problems):
            for entry in typed { model.values[entry.themeID] = entry.text }
            model.note = note
            model.problems = problems
            return req.page(
                ThemeReportPage.title, status: .badRequest, breadcrumbs: [("Your team", SiteURL.team.path)],
                ThemeReportPage.content(model, display: req.display, csrf: req.csrfToken, sent: false))
        case .success(let counts):
            let clients = req.clients
            try await ThemeReportStore.saveReport(
                manager: viewer.personID, checkpoint: asked, people: model.people, counts: counts, note: note, ids: { clients.makeID() },
                at: req.now, on: req.database)
            return .redirect(to: SiteURL.teamThemes.with(query: [("checkpoint", asked.lowerText), ("sent", "1")]))
        }
    }

    @Sendable func addRequest(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let text = (try req.content.decode(ThemeReportPage.RequestForm.self).request ?? "").trimmed(newlines: false)
        if let problem = ThemeReportRules.checkRequest(text) {
            var model = try await Self.model(req, checkpoint: nil)
            model.requestText = text
            model.requestProblem = problem
            return req.page(
                ThemeReportPage.title, status: .badRequest, breadcrumbs: [("Your team", SiteURL.team.path)],
                ThemeReportPage.content(model, display: req.display, csrf: req.csrfToken, sent: false))
        }
        _ = try await Self.model(req, checkpoint: nil)
        try await TeamRequestStore.addRequest(text, manager: viewer.personID, id: req.clients.makeID(), at: req.now, on: req.database)
        return .redirect(to: SiteURL.teamThemes.path + "#requests-title")
    }

    @Sendable func requestDone(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.itemParameter).flatMap(UUID.init(uuidString:)) else { throw SiteError.notFound }
        guard try await TeamRequestStore.markRequestDone(id, manager: viewer.personID, at: req.now, on: req.database) else {
            throw SiteError.notFound
        }
        return .redirect(to: SiteURL.teamThemes.path + "#requests-title")
    }
}

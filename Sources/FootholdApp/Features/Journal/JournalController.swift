import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The person's journal: list and add entries, change or delete one.
struct JournalController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.journal, use: list)
        routes.post(SiteURL.journal, use: add)
        routes.get(SiteURL.journalEntry, use: show)
        routes.post(SiteURL.journalEntry, use: save)
        routes.post(SiteURL.journalEntryDelete, use: delete)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path), (label: "Your career plan", path: SiteURL.plan.path)]

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await JournalPage.Model.load(for: viewer.personID, today: req.display.today(), on: req.reads)
        return req.page(
            "Your journal", breadcrumbs: Self.crumbs,
            JournalPage.content(
                model, typed: nil, problems: FieldProblems(), saved: req.saved(), display: req.display, csrf: req.csrfToken))
    }

    @Sendable func add(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(JournalPage.Form.self)
        let model = try await JournalPage.Model.load(for: viewer.personID, today: req.display.today(), on: req.reads)
        switch form.entry(id: req.clients.makeID(), personID: viewer.personID, model: model, today: req.display.today()) {
        case .failure(let problems):
            return req.page(
                "Your journal", status: .badRequest, breadcrumbs: Self.crumbs,
                JournalPage.content(model, typed: form, problems: problems, saved: nil, display: req.display, csrf: req.csrfToken))
        case .success(let entry):
            let clients = req.clients
            try await JournalStore.save(entry, isNew: true, makeID: { clients.makeID() }, at: req.now, on: req.database)
            return .redirect(to: SiteURL.journal.saved(JournalPage.Saved.added))
        }
    }

    static func entry(_ req: Request) async throws -> (Viewer, JournalEntry) {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.entryParameter, as: UUID.self) else { throw SiteError.notFound }
        return (viewer, try await JournalStore.load(id, for: viewer.personID, on: req.reads))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (viewer, entry) = try await Self.entry(req)
        let model = try await JournalPage.Model.load(for: viewer.personID, today: req.display.today(), on: req.reads)
        return req.page(
            "A journal entry", breadcrumbs: Self.crumbs + [(label: "Your journal", path: SiteURL.journal.path)],
            JournalPage.entryContent(entry, model: model, typed: nil, problems: FieldProblems(), display: req.display, csrf: req.csrfToken))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let (viewer, entry) = try await Self.entry(req)
        let form = try req.content.decode(JournalPage.Form.self)
        let model = try await JournalPage.Model.load(for: viewer.personID, today: req.display.today(), on: req.reads)
        switch form.entry(id: entry.id, personID: viewer.personID, model: model, today: req.display.today()) {
        case .failure(let problems):
            return req.page(
                "A journal entry", status: .badRequest, breadcrumbs: Self.crumbs + [(label: "Your journal", path: SiteURL.journal.path)],
                JournalPage.entryContent(entry, model: model, typed: form, problems: problems, display: req.display, csrf: req.csrfToken))
        case .success(let changed):
            let clients = req.clients
            try await JournalStore.save(changed, isNew: false, makeID: { clients.makeID() }, at: req.now, on: req.database)
            return .redirect(to: SiteURL.journal.saved(JournalPage.Saved.changed))
        }
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let (_, entry) = try await Self.entry(req)
        try await JournalStore.delete(entry, at: req.now, on: req.database)
        return .redirect(to: SiteURL.journal.saved(JournalPage.Saved.deleted))
    }
}

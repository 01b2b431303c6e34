import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Success stories: anyone writes one, about themselves or with a colleague; only the person it
/// is about publishes it, and may withdraw at any time.
struct StoriesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.stories, use: list)
        routes.get(SiteURL.newStory, use: new)
        routes.post(SiteURL.newStory, use: create)
        routes.get(SiteURL.story, use: show)
        routes.get(SiteURL.storyEdit, use: edit)
        routes.post(SiteURL.storyEdit, use: change)
        routes.post(SiteURL.storyConsent, use: consent)
        routes.post(SiteURL.storyWithdraw, use: withdraw)
        routes.post(SiteURL.storyDelete, use: delete)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path), (label: "Success stories", path: SiteURL.stories.path)]

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await StoriesPage.Model.load(viewerID: viewer.personID, on: req.reads)
        let message: String? =
            switch req.queryValue("done") {
            case "deleted": "Story deleted."
            default: nil
            }
        return req.page(
            "Success stories", breadcrumbs: [(label: "Home", path: SiteURL.home.path)],
            StoriesPage.content(model, message: message, display: req.display))
    }

    static func line(_ req: Request) async throws -> (Viewer, StoryLine) {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.itemParameter, as: UUID.self) else { throw SiteError.notFound }
        return (viewer, try await StoriesStore.load(id, for: viewer.personID, on: req.reads))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (viewer, line) = try await Self.line(req)
        return req.page(
            line.story.title, breadcrumbs: Self.crumbs, StoriesPage.storyContent(line, viewerID: viewer.personID, csrf: req.csrfToken))
    }

    @Sendable func new(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        return req.page(
            "Write a success story", breadcrumbs: Self.crumbs,
            StoriesPage.formContent(
                nil, typed: StoriesPage.Form(), problems: FieldProblems(), viewerID: viewer.personID, csrf: req.csrfToken))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(StoriesPage.Form.self)
        var problems = FieldProblems()
        var personID = viewer.personID
        let about = (form.about ?? "").trimmed()
        if !about.isEmpty {
            switch try await ActionStore.colleague(named: about, on: req.reads) {
            case .success(let found): personID = found.id
            case .failure(let problem): problems.add("about", problem.message)
            }
        }
        let parsed = SuccessStory.parse(title: form.title ?? "", body: form.body ?? "", tags: form.tags ?? "")
        if case .failure(let more) = parsed { for item in more.items { problems.add(item.field, item.message) } }
        guard problems.isEmpty, case .success(let fields) = parsed else {
            return req.page(
                "Write a success story", status: .badRequest, breadcrumbs: Self.crumbs,
                StoriesPage.formContent(nil, typed: form, problems: problems, viewerID: viewer.personID, csrf: req.csrfToken))
        }
        let story = SuccessStory(
            id: req.clients.makeID(), personID: personID, writerID: viewer.personID, title: fields.title, body: fields.body,
            tags: fields.tags)
        try await StoriesStore.save(story, isNew: true, at: req.now, on: req.database)
        // Only the person it is about publishes it.
        if form.publish != nil && story.mayConsent(viewer.personID) {
            try await StoriesStore.setConsent(story, given: true, version: story.version, at: req.now, on: req.database)
        }
        return .redirect(to: SiteURL.story(story.id).path)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let (viewer, line) = try await Self.line(req)
        guard line.story.mayChange(viewer.personID) else { throw SiteError.forbidden }
        var form = StoriesPage.Form(line)
        if line.story.isPublished && line.story.mayConsent(viewer.personID) { form.publish = "yes" }
        return req.page(
            "Change the story", breadcrumbs: Self.crumbs,
            StoriesPage.formContent(line, typed: form, problems: FieldProblems(), viewerID: viewer.personID, csrf: req.csrfToken))
    }

    @Sendable func change(req: Request) async throws -> Response {
        let (viewer, line) = try await Self.line(req)
        guard line.story.mayChange(viewer.personID) else { throw SiteError.forbidden }
        let form = try req.content.decode(StoriesPage.Form.self)
        switch SuccessStory.parse(title: form.title ?? "", body: form.body ?? "", tags: form.tags ?? "") {
        case .failure(let problems):
            return req.page(
                "Change the story", status: .badRequest, breadcrumbs: Self.crumbs,
                StoriesPage.formContent(line, typed: form, problems: problems, viewerID: viewer.personID, csrf: req.csrfToken))
        case .success(let fields):
            let changed = line.story.changed(by: viewer.personID, title: fields.title, body: fields.body, tags: fields.tags)
            try await StoriesStore.save(changed, isNew: false, at: req.now, on: req.database)
            if changed.mayConsent(viewer.personID) && (form.publish != nil) != changed.isPublished {
                try await StoriesStore.setConsent(
                    changed, given: form.publish != nil, version: changed.version, at: req.now, on: req.database)
            }
            return .redirect(to: SiteURL.story(changed.id).path)
        }
    }

    @Sendable func consent(req: Request) async throws -> Response {
        let (viewer, line) = try await Self.line(req)
        guard line.story.mayConsent(viewer.personID) else { throw SiteError.forbidden }
        let seen = try? req.content.get(String.self, at: "version")
        do {
            guard let seen = seen.flatMap(Int.init), line.story.acceptsConsent(toVersion: seen) else { throw StoriesStore.StaleConsent() }
            try await StoriesStore.setConsent(line.story, given: true, version: seen, at: req.now, on: req.database)
        } catch is StoriesStore.StaleConsent {
            // The words changed after the page was opened: show them as they are now, published nowhere.
            let (_, now) = try await Self.line(req)
            return req.page(
                now.story.title, status: .conflict, breadcrumbs: Self.crumbs,
                [
                    H.errorSummary([
                        (
                            "story",
                            "The story was changed after you opened it, so it was not published. Read it as it is now, and agree "
                                + "again if you are happy for everyone to read these words."
                        )
                    ])
                ] + StoriesPage.storyContent(now, viewerID: viewer.personID, csrf: req.csrfToken))
        }
        return .redirect(to: SiteURL.story(line.story.id).path)
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let (viewer, line) = try await Self.line(req)
        guard line.story.mayConsent(viewer.personID) else { throw SiteError.forbidden }
        try await StoriesStore.setConsent(line.story, given: false, version: line.story.version, at: req.now, on: req.database)
        return .redirect(to: SiteURL.story(line.story.id).path)
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let (viewer, line) = try await Self.line(req)
        guard line.story.mayChange(viewer.personID) else { throw SiteError.forbidden }
        try await StoriesStore.delete(line.story.id, on: req.database)
        return .redirect(to: SiteURL.stories.with(query: [("done", "deleted")]))
    }
}

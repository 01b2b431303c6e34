import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The employee's reflection on a held conversation: only the employee may know it exists.
struct ReflectionController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.reflection, use: show)
        routes.post(SiteURL.reflection, use: save)
    }

    /// The conversation, for its employee once it is held; "not found" for anyone else.
    static func record(_ req: Request) async throws -> ConversationForViewer {
        let record = try await ConversationsController.record(req)
        guard ConversationAccess.allows(.init(isOwner: record.side == .employee), .read, .reflection),
            record.conversation.state == .held
        else { throw SiteError.notFound }
        return record
    }

    @Sendable func show(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let reflection = try await ReflectionStore.load(of: record.id, by: record.employee.id, on: req.reads)
        return req.page(
            "Your reflection", breadcrumbs: ConversationsController.crumbs(record),
            ReflectionPage.content(
                record, typed: ReflectionPage.Form(reflection ?? Reflection()), problems: FieldProblems(),
                saved: req.queryValue("saved") != nil, csrf: req.csrfToken))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let form = try req.content.decode(ReflectionPage.Form.self)
        switch form.reflection() {
        case .failure(let problems):
            return req.page(
                "Your reflection", status: .badRequest, breadcrumbs: ConversationsController.crumbs(record),
                ReflectionPage.content(record, typed: form, problems: problems, saved: false, csrf: req.csrfToken))
        case .success(let reflection):
            try await ReflectionStore.save(reflection, of: record, id: req.clients.makeID(), at: req.now, on: req.database)
            return .redirect(to: SiteURL.reflection(record.id).with(query: [("saved", "1")]))
        }
    }
}

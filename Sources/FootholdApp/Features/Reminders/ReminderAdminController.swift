import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR administrators choose the organisation's chat webhook for reminders and how long private
/// notes and preparation are kept.
struct ReminderAdminController {
    static let title = "Reminders and retention"

    struct Form: Content {
        var webhook: String?
        var digests: Ticked?
        var retention: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminReminders, use: form)
        routes.post(SiteURL.adminReminders, use: save)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let settings = try await OrganisationRemindersStore.load(on: req.reads)
        let form = Form(
            webhook: settings.webhook ?? "", digests: Ticked(settings.webhookDigests),
            retention: settings.retentionMonths.map(String.init) ?? "")
        return req.page(
            Self.title, breadcrumbs: ProgrammeAdminController.crumbs,
            RemindersPages.admin(form, problems: FieldProblems(), saved: req.queryValue("saved") != nil, csrf: req.csrfToken))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(Form.self)
        switch OrganisationReminders.parse(
            webhook: form.webhook ?? "", digests: form.digests.isTicked, retention: form.retention ?? "",
            webhookProblem: req.application.footholdConfiguration.outbound.problem)
        {
        case .failure(let problems):
            return req.page(
                Self.title, status: .badRequest, breadcrumbs: ProgrammeAdminController.crumbs,
                RemindersPages.admin(form, problems: problems, saved: false, csrf: req.csrfToken))
        case .success(let settings):
            try await OrganisationRemindersStore.save(settings, by: viewer.personID, at: req.now, on: req.database)
            return .redirect(to: SiteURL.adminReminders.with(query: [("saved", "1")]))
        }
    }
}

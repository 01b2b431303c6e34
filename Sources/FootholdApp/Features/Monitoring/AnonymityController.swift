import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR administrators set the anonymity threshold (SPEC §5): from 3 to 10 people, 5 to begin with;
/// and how long after a window closes its theme figures are published (decision 0021).
struct AnonymityController {
    struct Form: Content {
        var threshold: String?
        var days: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminAnonymity, use: form)
        routes.post(SiteURL.adminAnonymity, use: save)
    }

    @Sendable func form(req: Request) async throws -> Response {
        let threshold = try await ThemeReportStore.threshold(on: req.reads)
        let days = try await ThemeReleaseStore.reportingDays(on: req.reads)
        return req.page(
            AnonymityPage.title, breadcrumbs: ProgrammeAdminController.crumbs,
            AnonymityPage.content(
                form: Form(threshold: String(threshold.people), days: String(days)), problems: FieldProblems(),
                saved: req.queryValue("saved") != nil, csrf: req.csrfToken))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(Form.self)
        var problems = FieldProblems()
        let threshold = AnonymityThreshold.parse(form.threshold ?? "")
        if case .failure(let problem) = threshold { problems.add("threshold", problem.description) }
        let typedDays = (form.days ?? "").trimmingCharacters(in: .whitespaces)
        var days: Int?
        if !typedDays.isEmpty {
            if let value = Int(typedDays), ThemeRelease.reportingDays.contains(value) {
                days = value
            } else {
                problems.add(
                    "days",
                    "Enter a whole number of days from \(ThemeRelease.reportingDays.lowerBound) to "
                        + "\(ThemeRelease.reportingDays.upperBound), such as \(ThemeRelease.standardReportingDays)")
            }
        }
        guard problems.isEmpty, case .success(let chosen) = threshold else {
            return req.page(
                AnonymityPage.title, status: .badRequest, breadcrumbs: ProgrammeAdminController.crumbs,
                AnonymityPage.content(form: form, problems: problems, saved: false, csrf: req.csrfToken))
        }
        if chosen != (try await ThemeReportStore.threshold(on: req.reads)) {
            try await ThemeReportStore.setThreshold(chosen, by: viewer.personID, at: req.now, on: req.database)
        }
        if let days, days != (try await ThemeReleaseStore.reportingDays(on: req.reads)) {
            try await ThemeReleaseStore.setReportingDays(days, by: viewer.personID, at: req.now, on: req.database)
        }
        return .redirect(to: SiteURL.adminAnonymity.with(query: [("saved", "1")]))
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// HR administration of the programme: the career year and its checkpoints, the theme list, the
/// question bank, and the audit log.
struct ProgrammeAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminCareerYear, use: careerYear)
        routes.post(SiteURL.adminNextYear, use: openNextYear)
        routes.get(SiteURL.adminCheckpoint, use: checkpointForm)
        routes.post(SiteURL.adminCheckpoint, use: saveCheckpoint)
        routes.get(SiteURL.adminThemes, use: themes)
        routes.post(SiteURL.adminThemes, use: saveTheme)
        routes.get(SiteURL.adminQuestionBank, use: questionBank)
        routes.post(SiteURL.adminQuestionBank, use: saveQuestionBank)
        routes.get(SiteURL.adminQuestionBankExport, use: exportQuestionBank)
        routes.post(SiteURL.adminQuestionBankImport, use: importQuestionBank)
        routes.get(SiteURL.adminAudit, use: audit)
    }

    static let crumbs = [("Administration", SiteURL.admin.path)]

    // MARK: - Career year

    @Sendable func careerYear(req: Request) async throws -> Response {
        let current = try await CareerYears.current(today: req.display.today(), on: req.reads, now: req.now)
        let chosenYear = req.queryInt("year", in: CareerYear.plausibleStartYears) ?? current.year.startYear
        guard let shown = try await CareerYears.load(startYear: chosenYear, on: req.reads) else { throw SiteError.notFound }
        let years = try await CareerYears.all(on: req.database)
        return req.page(
            "Career year", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.careerYear(
                shown.year, current: current.year.startYear, years: years, display: req.display, csrf: req.csrfToken,
                opened: req.queryInt("opened", in: CareerYear.plausibleStartYears)))
    }

    @Sendable func openNextYear(req: Request) async throws -> Response {
        let years = try await CareerYears.all(on: req.database)
        let current = try await CareerYears.current(today: req.display.today(), on: req.reads, now: req.now)
        let latest = years.max() ?? current.year.startYear
        guard let base = try await CareerYears.load(startYear: latest, on: req.reads) else { throw SiteError.notFound }
        let next = CareerYears.following(base.year)
        let viewer = try req.requireViewer()
        try await ProgrammeAdminStore.open(next, by: viewer.personID, at: req.now, on: req.database)
        return .redirect(to: SiteURL.adminCareerYear.with(query: [("year", String(next.startYear)), ("opened", String(next.startYear))]))
    }

    static func checkpoint(_ req: Request) async throws -> (checkpoint: Checkpoint, year: CareerYear) {
        guard let id = req.parameters.get(SiteURL.checkpointParameter, as: UUID.self),
            let found = try await ProgrammeAdminStore.checkpoint(id, on: req.reads)
        else { throw SiteError.notFound }
        return found
    }

    @Sendable func checkpointForm(req: Request) async throws -> Response {
        let (checkpoint, year) = try await Self.checkpoint(req)
        return req.page(
            "Change \(checkpoint.name)", breadcrumbs: Self.crumbs + [("Career year", SiteURL.adminCareerYear.path)],
            ProgrammeAdminPages.checkpointForm(
                checkpoint.id, draft: CheckpointDraft(checkpoint), year: year, problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func saveCheckpoint(req: Request) async throws -> Response {
        let (shown, year) = try await Self.checkpoint(req)
        let draft = try req.content.decode(ProgrammeAdminPages.CheckpointForm.self).draft
        switch draft.validated(id: shown.id, in: year) {
        case .failure(let problems):
            return req.page(
                "Change \(shown.name)", status: .badRequest, breadcrumbs: Self.crumbs + [("Career year", SiteURL.adminCareerYear.path)],
                ProgrammeAdminPages.checkpointForm(shown.id, draft: draft, year: year, problems: problems, csrf: req.csrfToken))
        case .success(let checkpoint):
            let viewer = try req.requireViewer()
            try await ProgrammeAdminStore.save(checkpoint, by: viewer.personID, at: req.now, on: req.database)
            return .redirect(to: SiteURL.adminCareerYear.with(query: [("year", String(year.startYear))]))
        }
    }

    // MARK: - Themes

    @Sendable func themes(req: Request) async throws -> Response {
        let themes = try await ProgrammeAdminStore.themes(on: req.database)
        return req.page(
            "Themes", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.themes(themes, typed: "", problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func saveTheme(req: Request) async throws -> Response {
        let form = try req.content.decode(ProgrammeAdminPages.ThemeForm.self)
        if let id = form.theme {
            let viewer = try req.requireViewer()
            guard
                try await ProgrammeAdminStore.setTheme(id, active: form.active.isTicked, by: viewer.personID, at: req.now, on: req.database)
            else { throw SiteError.notFound }
            return .redirect(to: SiteURL.adminThemes.path)
        }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        let existing = try await ProgrammeAdminStore.themes(on: req.database)
        if name.isEmpty { problems.add("name", "Enter the theme's name") }
        ConversationRules.check(name, .themeName, into: &problems)
        if existing.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            problems.add("name", "There is already a theme called \(name)")
        }
        guard problems.isEmpty else {
            return req.page(
                "Themes", status: .badRequest, breadcrumbs: Self.crumbs,
                ProgrammeAdminPages.themes(existing, typed: name, problems: problems, csrf: req.csrfToken))
        }
        let viewer = try req.requireViewer()
        try await ProgrammeAdminStore.addTheme(
            name, id: req.clients.makeID(), position: (existing.map(\.position).max() ?? -1) + 1, by: viewer.personID, at: req.now,
            on: req.database)
        return .redirect(to: SiteURL.adminThemes.path)
    }

    // MARK: - Question bank

    @Sendable func questionBank(req: Request) async throws -> Response {
        let bank = try await ConversationStore.questionBank(on: req.reads)
        return req.page(
            "Question bank", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.questionBank(
                bank, problems: FieldProblems(), csrf: req.csrfToken, saved: req.queryValue("saved") != nil))
    }

    @Sendable func saveQuestionBank(req: Request) async throws -> Response {
        let raw = try req.content.decode([String: String].self)
        let bank = ProgrammeAdminPages.bank(fromForm: raw)
        let problems = bank.validated()
        guard problems.isEmpty else {
            return req.page(
                "Question bank", status: .badRequest, breadcrumbs: Self.crumbs,
                ProgrammeAdminPages.questionBank(bank, problems: problems, csrf: req.csrfToken, saved: false))
        }
        try await store(bank, on: req)
        return .redirect(to: SiteURL.adminQuestionBank.with(query: [("saved", "1")]))
    }

    @Sendable func exportQuestionBank(req: Request) async throws -> Response {
        let bank = try await ConversationStore.questionBank(on: req.reads)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"foothold-question-bank.json\"")
        return Response(status: .ok, headers: headers, body: .init(data: bank.json()))
    }

    @Sendable func importQuestionBank(req: Request) async throws -> Response {
        let current = try await ConversationStore.questionBank(on: req.reads)
        var problems = FieldProblems()
        guard let file = try req.content.decode(ProgrammeAdminPages.ImportForm.self).file, file.data.readableBytes > 0 else {
            problems.add("file", "Choose a question bank file (JSON) to import")
            return req.page(
                "Question bank", status: .badRequest, breadcrumbs: Self.crumbs,
                ProgrammeAdminPages.questionBank(current, problems: problems, csrf: req.csrfToken, saved: false))
        }
        switch QuestionBank.parse(Data(file.data.readableBytesView)) {
        case .failure(let found):
            return req.page(
                "Question bank", status: .unprocessableEntity, breadcrumbs: Self.crumbs,
                ProgrammeAdminPages.questionBank(current, problems: found, csrf: req.csrfToken, saved: false, importFailed: file.filename))
        case .success(let bank):
            try await store(bank, on: req)
            return .redirect(to: SiteURL.adminQuestionBank.with(query: [("saved", "1")]))
        }
    }

    func store(_ bank: QuestionBank, on req: Request) async throws {
        let viewer = try req.requireViewer()
        try await ProgrammeAdminStore.save(bank, by: viewer.personID, at: req.now, on: req.database)
    }

    // MARK: - Audit log

    @Sendable func audit(req: Request) async throws -> Response {
        let paging = Paging(req.queryValue("page"), size: 100)
        let person = (req.queryValue("person") ?? "").trimmingCharacters(in: .whitespaces)
        await req.application.readAudit.flush()
        var subject: (id: UUID, name: String)?
        if !person.isEmpty {
            let email = EmailAddress.normalised(person)
            if email.utf8.count <= 254, let found = try await ProgrammeAdminStore.person(email: email, on: req.reads) {
                subject = found
            } else {
                return req.page(
                    "Audit log", status: .notFound, breadcrumbs: Self.crumbs,
                    ProgrammeAdminPages.audit(
                        [], person: person, subjectName: nil, notFound: true, page: 1, hasNext: false, display: req.display))
            }
        }
        let entries = try await ProgrammeAdminStore.auditEntries(about: subject?.id, paging: paging, on: req.reads)
        return req.page(
            "Audit log", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.audit(
                Array(entries.prefix(paging.size)), person: person, subjectName: subject?.name, notFound: false, page: paging.number,
                hasNext: entries.count > paging.size, display: req.display))
    }
}

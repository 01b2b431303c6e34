import SQLKit
import Fluent
import FootholdCore
import Foundation
import Vapor

/// HR administration of the programme: the career year and its checkpoints, the theme list, the
/// question bank, and the audit log.
struct ProgrammeAdminController {
    struct CheckpointForm: Content {
        var name: String?
        var opens: String?
        var closes: String?
        var suggested_minutes: String?
        var focus: String?
        var stage: String?

        var draft: CheckpointDraft {
            CheckpointDraft(
                name: name ?? "", opens: opens ?? "", closes: closes ?? "", suggestedMinutes: suggested_minutes ?? "",
                focus: focus ?? "", stage: stage ?? "")
        }
    }

    struct ThemeForm: Content {
        var name: String?
        var theme: UUID?
        var active: String?
    }

    struct ImportForm: Content {
        var file: File?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.adminCareerYear.pathComponents, use: careerYear)
        routes.post(SiteURL.adminNextYear.pathComponents, use: openNextYear)
        routes.get(SiteURL.adminCheckpoint(UUID()).pathComponents, use: checkpointForm)
        routes.post(SiteURL.adminCheckpoint(UUID()).pathComponents, use: saveCheckpoint)
        routes.get(SiteURL.adminThemes.pathComponents, use: themes)
        routes.post(SiteURL.adminThemes.pathComponents, use: saveTheme)
        routes.get(SiteURL.adminQuestionBank.pathComponents, use: questionBank)
        routes.post(SiteURL.adminQuestionBank.pathComponents, use: saveQuestionBank)
        routes.get(SiteURL.adminQuestionBankExport.pathComponents, use: exportQuestionBank)
        routes.post(SiteURL.adminQuestionBankImport.pathComponents, use: importQuestionBank)
        routes.get(SiteURL.adminAudit.pathComponents, use: audit)
    }

    static let crumbs = [("Administration", SiteURL.admin.path)]

    // MARK: - Career year

    @Sendable func careerYear(req: Request) async throws -> Response {
        let current = try await CareerYears.current(today: req.display.today(), on: req.reads, now: req.now)
        let chosenYear = req.queryInt("year", in: CareerYear.plausibleStartYears) ?? current.year.startYear
        guard let shown = try await CareerYears.load(startYear: chosenYear, on: req.reads) else { throw SiteError.notFound }
        let years = try await CareerYears.all(on: req.db)
        return req.page(
            "Career year", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.careerYear(
                shown.year, current: current.year.startYear, years: years, display: req.display, csrf: req.csrfToken,
                opened: req.queryInt("opened", in: CareerYear.plausibleStartYears)))
    }

    @Sendable func openNextYear(req: Request) async throws -> Response {
        let years = try await CareerYears.all(on: req.db)
        let current = try await CareerYears.current(today: req.display.today(), on: req.reads, now: req.now)
        let latest = years.max() ?? current.year.startYear
        guard let base = try await CareerYears.load(startYear: latest, on: req.reads) else { throw SiteError.notFound }
        let next = CareerYears.following(base.year)
        let viewer = try req.requireViewer()
        try await req.db.transaction { database in
            try await CareerYears.create(next, on: database, now: req.now)
            try await AuditLog.record(.careerYearChanged, by: viewer.personID, detail: "opened \(next.label)", at: req.now, on: database)
        }
        return .redirect(to: SiteURL.adminCareerYear.with(query: [("year", String(next.startYear)), ("opened", String(next.startYear))]))
    }

    static func checkpoint(_ req: Request) async throws -> (CheckpointModel, CareerYear) {
        guard let id = req.parameters.get(SiteURL.checkpointParameter, as: UUID.self),
            let model = try await CheckpointModel.query(on: req.db).filter(\.$id == id).with(\.$careerYear).first(),
            let year = try await CareerYears.load(startYear: model.careerYear.startYear, on: req.reads)
        else { throw SiteError.notFound }
        return (model, year.year)
    }

    @Sendable func checkpointForm(req: Request) async throws -> Response {
        let (model, year) = try await Self.checkpoint(req)
        let draft = CheckpointDraft(model.checkpoint)
        return req.page(
            "Change \(model.name)", breadcrumbs: Self.crumbs + [("Career year", SiteURL.adminCareerYear.path)],
            ProgrammeAdminPages.checkpointForm(model.id!, draft: draft, year: year, problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func saveCheckpoint(req: Request) async throws -> Response {
        let (model, year) = try await Self.checkpoint(req)
        let draft = try req.content.decode(CheckpointForm.self).draft
        switch draft.validated(id: model.id!, in: year) {
        case .failure(let problems):
            return req.page(
                "Change \(model.name)", status: .badRequest, breadcrumbs: Self.crumbs + [("Career year", SiteURL.adminCareerYear.path)],
                ProgrammeAdminPages.checkpointForm(model.id!, draft: draft, year: year, problems: problems, csrf: req.csrfToken))
        case .success(let checkpoint):
            model.update(from: checkpoint)
            let viewer = try req.requireViewer()
            try await req.db.transaction { database in
                try await model.save(on: database)
                try await AuditLog.record(
                    .careerYearChanged, by: viewer.personID,
                    detail: "\(checkpoint.name), \(checkpoint.opens.iso) to \(checkpoint.closes.iso)", at: req.now, on: database)
            }
            return .redirect(to: SiteURL.adminCareerYear.with(query: [("year", String(year.startYear))]))
        }
    }

    // MARK: - Themes

    @Sendable func themes(req: Request) async throws -> Response {
        let themes = try await ThemeModel.query(on: req.db).sort(\.$position).all()
        return req.page(
            "Themes", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.themes(themes, typed: "", problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func saveTheme(req: Request) async throws -> Response {
        let form = try req.content.decode(ThemeForm.self)
        if let id = form.theme {
            guard let theme = try await ThemeModel.find(id, on: req.db) else { throw SiteError.notFound }
            theme.isActive = form.active == "yes"
            let viewer = try req.requireViewer()
            try await req.db.transaction { database in
                try await theme.save(on: database)
                try await AuditLog.record(
                    .themesChanged, by: viewer.personID,
                    detail: "\(theme.name) \(theme.isActive ? "in use" : "no longer offered")", at: req.now, on: database)
            }
            return .redirect(to: SiteURL.adminThemes.path)
        }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        let existing = try await ThemeModel.query(on: req.db).sort(\.$position).all()
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
        let theme = ThemeModel()
        theme.name = name
        theme.position = (existing.map(\.position).max() ?? -1) + 1
        theme.isActive = true
        let viewer = try req.requireViewer()
        try await req.db.transaction { database in
            try await theme.create(on: database)
            try await AuditLog.record(.themesChanged, by: viewer.personID, detail: "added \(name)", at: req.now, on: database)
        }
        return .redirect(to: SiteURL.adminThemes.path)
    }

    // MARK: - Question bank

    @Sendable func questionBank(req: Request) async throws -> Response {
        let bank = try await ConversationRecords.questionBank(on: req.reads, banks: req.application.questionBanks)
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
        let bank = try await ConversationRecords.questionBank(on: req.reads, banks: req.application.questionBanks)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"foothold-question-bank.json\"")
        return Response(status: .ok, headers: headers, body: .init(data: bank.json()))
    }

    @Sendable func importQuestionBank(req: Request) async throws -> Response {
        let current = try await ConversationRecords.questionBank(on: req.reads, banks: req.application.questionBanks)
        var problems = FieldProblems()
        guard let file = try req.content.decode(ImportForm.self).file, file.data.readableBytes > 0 else {
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
        try await req.db.transaction { database in
            // Writes before reads (see `ConversationWrites`).
            try await AuditLog.record(.questionBankChanged, by: viewer.personID, at: req.now, on: database)
            let row = try await QuestionBankModel.query(on: database).first() ?? QuestionBankModel()
            row.document = String(decoding: bank.json(), as: UTF8.self)
            row.updatedAt = req.now
            try await row.save(on: database)
        }
    }

    // MARK: - Audit log

    @Sendable func audit(req: Request) async throws -> Response {
        let paging = Paging(req.queryValue("page"), size: 100)
        let person = (req.queryValue("person") ?? "").trimmingCharacters(in: .whitespaces)
        await req.application.readAudit.flush()
        var subject: (id: UUID, name: String)?
        if !person.isEmpty {
            let email = EmailAddress.normalised(person)
            if email.utf8.count <= 254, let found = try await PersonModel.query(on: req.db).filter(\.$email == email).first() {
                subject = (try found.requireID(), found.name)
            } else {
                return req.page(
                    "Audit log", status: .notFound, breadcrumbs: Self.crumbs,
                    ProgrammeAdminPages.audit(
                        [], person: person, subjectName: nil, notFound: true, page: 1, hasNext: false))
            }
        }
        var query: SQLQueryString = """
            SELECT a.at, a.event, a.detail, actor.name AS actor_name, subject.name AS subject_name, c.kind, \
            CASE WHEN c.employee_id = a.actor_id THEN 1 ELSE 0 END AS actor_is_employee \
            FROM audit_log a LEFT JOIN people actor ON actor.id = a.actor_id LEFT JOIN people subject ON subject.id = a.subject_id \
            LEFT JOIN conversations c ON c.id = a.conversation_id
            """
        if let subject {
            query.appendLiteral(" WHERE a.subject_id = ")
            query.appendInterpolation(bind: subject.id)
        }
        // In the order of the (at) and (subject_id, at) indexes, so a page reads a page of rows: a
        // tie-break on id made both databases sort every event (the benchmark: 7% of the ceiling).
        query.appendLiteral(" ORDER BY a.at DESC LIMIT ")
        query.appendInterpolation(literal: paging.limitWithOneMore)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: paging.offset)
        let rows = try await req.db.sql.raw(query).all()
        let lines = try rows.map { row in
            let kind = try row.decodeNil(column: "kind") ? nil : ConversationKind(rawValue: try row.decode(column: "kind", as: String.self))
            let facts = AuditLine.Facts(
                event: try row.decode(column: "event", as: String.self), detail: try row.decode(column: "detail", as: String.self),
                actorName: try row.decodeNil(column: "actor_name") ? nil : try row.decode(column: "actor_name", as: String.self),
                subjectName: try row.decodeNil(column: "subject_name") ? nil : try row.decode(column: "subject_name", as: String.self),
                conversationKind: kind, actorIsEmployee: try row.decode(column: "actor_is_employee", as: Int.self) == 1)
            return (at: req.display.dateTime(try row.decode(column: "at", as: Date.self)), line: AuditLine.line(facts))
        }
        return req.page(
            "Audit log", breadcrumbs: Self.crumbs,
            ProgrammeAdminPages.audit(
                Array(lines.prefix(paging.size)), person: person, subjectName: subject?.name, notFound: false, page: paging.number,
                hasNext: lines.count > paging.size))
    }
}

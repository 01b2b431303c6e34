import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The coverage dashboard and its CSV exports, for directors (their units and below), the
/// Leadership Team and HR administrators (the whole organisation).
struct MonitoringController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.monitoring, use: dashboard)
        routes.get(SiteURL.monitoringCSV, use: csv)
        routes.get(SiteURL.notices, use: notices)
        routes.get(SiteURL.monitoringThemes, use: themes)
        routes.get(SiteURL.monitoringThemesCSV, use: themesCSV)
        routes.get(SiteURL.responses, use: responses)
        routes.post(SiteURL.responses, use: respond)
        routes.post(SiteURL.responseDelete, use: removeResponse)
    }

    /// The viewer's scope, the counts, and the part of them asked for.
    static func load(_ req: Request) async throws -> (
        snapshot: MonitoringSnapshot, scope: MonitoringScope, headed: [UUID], place: MonitoringPage.Place, checkpoint: Int
    ) {
        let viewer = try req.requireViewer()
        let headed = try await MonitoringCountsStore.unitsHeaded(by: viewer.personID, on: req.reads)
        let scope = MonitoringScope.of(
            isLeadershipTeam: viewer.isLeadershipTeam, isHRAdministrator: viewer.isHRAdministrator, unitsHeaded: headed)
        guard scope != .nothing else { throw SiteError.forbidden }
        let monitoring = req.application.monitoring
        let snapshot = try await monitoring.value()
        var unit: UUID?
        if let text = req.queryValue("unit"), !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw SiteError.notFound }
            unit = id
        }
        let place: MonitoringPage.Place
        do {
            place = try MonitoringPage.place(snapshot, scope: scope, unit: unit)
        } catch .noScope {
            throw SiteError.forbidden
        } catch .unitOutOfScope {
            throw SiteError.notFound
        }
        let asked = req.queryValue("checkpoint").flatMap(UUID.init(uuidString:))
        guard let checkpoint = MonitoringPage.checkpointIndex(snapshot, asked: asked, today: req.display.today()) else {
            throw SiteError.notFound
        }
        return (snapshot, scope, headed, place, checkpoint)
    }

    @Sendable func dashboard(req: Request) async throws -> Response {
        let (snapshot, scope, headed, place, checkpoint) = try await Self.load(req)
        let model = MonitoringPage.model(
            snapshot, place: place, scope: scope, viewerUnits: headed, checkpoint: checkpoint,
            organisationName: MonitoringPage.organisationName, today: req.display.today())
        return req.page(MonitoringPage.title(model), breadcrumbs: model.crumbs, MonitoringPage.content(model, display: req.display))
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let (snapshot, scope, headed, place, checkpoint) = try await Self.load(req)
        guard let table = req.queryValue("table").flatMap(MonitoringPage.Table.init(rawValue:)) else {
            throw SiteError.badInput("Choose which table to download: units, managers, trend or everything.")
        }
        let today = req.display.today()
        let text: String
        if table == .everything {
            text = MonitoringPage.csvEverything(snapshot, place: place, organisationName: MonitoringPage.organisationName, today: today)
        } else {
            let model = MonitoringPage.model(
                snapshot, place: place, scope: scope, viewerUnits: headed, checkpoint: checkpoint,
                organisationName: MonitoringPage.organisationName, today: today)
            text = MonitoringPage.csv(model, table: table)
        }
        return Self.csvResponse(text, filename: "foothold-coverage-\(table.rawValue).csv")
    }

    @Sendable func themes(req: Request) async throws -> Response {
        let (snapshot, scope, _, place, checkpoint) = try await Self.load(req)
        let model = ThemesPage.model(snapshot, place: place, scope: scope, checkpoint: checkpoint, display: req.display)
        return req.page(
            ThemesPage.title(model), breadcrumbs: [("Monitoring", SiteURL.monitoring.path)] + model.crumbs, ThemesPage.content(model))
    }

    @Sendable func themesCSV(req: Request) async throws -> Response {
        let (snapshot, _, _, place, checkpoint) = try await Self.load(req)
        return Self.csvResponse(ThemesPage.csv(snapshot, place: place, checkpoint: checkpoint), filename: "foothold-themes.csv")
    }

    /// The responses page for a unit the viewer may see; the form only for the Leadership Team.
    static func responsesModel(_ req: Request, unit asked: UUID?) async throws -> ResponsesPage.Model {
        let viewer = try req.requireViewer()
        let headed = try await MonitoringCountsStore.unitsHeaded(by: viewer.personID, on: req.reads)
        let scope = MonitoringScope.of(
            isLeadershipTeam: viewer.isLeadershipTeam, isHRAdministrator: viewer.isHRAdministrator, unitsHeaded: headed)
        guard scope != .nothing else { throw SiteError.forbidden }
        let monitoring = req.application.monitoring
        guard let asked else { throw SiteError.notFound }
        let snapshot = try await monitoring.value()
        guard case .unit(let index) = try? MonitoringPage.place(snapshot, scope: scope, unit: asked) else { throw SiteError.notFound }
        var crumbs: [(label: String, path: String)] = [("Monitoring", SiteURL.monitoring.path)]
        crumbs.append(
            (snapshot.units[index].name, SiteURL.monitoringThemes.with(query: [("unit", asked.lowerText)])))
        let mayRespond = MonitoringScope.mayRespond(isLeadershipTeam: viewer.isLeadershipTeam)
        return ResponsesPage.Model(
            unitID: asked, unitName: snapshot.units[index].name, crumbs: crumbs,
            responses: try await UnitResponseStore.responses(unit: asked, on: req.reads),
            themes: mayRespond ? try await ThemeReportStore.themes(on: req.reads).filter(\.isActive) : nil,
            form: ResponsesPage.Form(), problems: FieldProblems())
    }

    @Sendable func responses(req: Request) async throws -> Response {
        let model = try await Self.responsesModel(req, unit: req.queryValue("unit").flatMap(UUID.init(uuidString:)))
        return req.page(
            ResponsesPage.title(model), breadcrumbs: model.crumbs, ResponsesPage.content(model, display: req.display, csrf: req.csrfToken))
    }

    @Sendable func respond(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(ResponsesPage.Form.self)
        var model = try await Self.responsesModel(req, unit: form.unit.flatMap(UUID.init(uuidString:)))
        guard let themes = model.themes else { throw SiteError.forbidden }
        var problems = FieldProblems()
        let theme = form.theme.flatMap(UUID.init(uuidString:)).flatMap { id in themes.first { $0.id == id } }
        if theme == nil { problems.add("theme", "Choose one of the organisation’s themes") }
        let checked = UnitResponseRules.check(
            response: form.response ?? "", byWhom: form.by_whom ?? "", dueOn: form.due_on ?? "", today: req.display.today())
        if case .failure(let found) = checked { for item in found.items { problems.add(item.field, item.message) } }
        guard problems.isEmpty, let theme, case .success(let response) = checked else {
            model.form = form
            model.problems = problems.ordered(by: ["theme", "response", "by_whom", "due_on"])
            return req.page(
                ResponsesPage.title(model), status: .badRequest, breadcrumbs: model.crumbs,
                ResponsesPage.content(model, display: req.display, csrf: req.csrfToken))
        }
        try await UnitResponseStore.addResponse(
            unit: model.unitID, theme: theme.id, response, by: viewer.personID, id: req.clients.makeID(), at: req.now, on: req.database)
        return .redirect(to: SiteURL.responses.with(query: [("unit", model.unitID.lowerText)]))
    }

    @Sendable func removeResponse(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard MonitoringScope.mayRespond(isLeadershipTeam: viewer.isLeadershipTeam) else { throw SiteError.forbidden }
        guard let id = req.parameters.get(SiteURL.itemParameter).flatMap(UUID.init(uuidString:)),
            let unit = try await UnitResponseStore.deleteResponse(id, by: viewer.personID, at: req.now, on: req.database)
        else { throw SiteError.notFound }
        return .redirect(to: SiteURL.responses.with(query: [("unit", unit.lowerText)]))
    }

    @Sendable func notices(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let (snapshot, scope, headed, _, _) = try await Self.load(req)
        let page = req.queryPage()
        let (lines, more) = try await NoticeStore.notices(
            for: viewer.personID, page: page, perPage: NoticesPage.perPage, on: req.reads)
        let (countedIn, held) = NoticesPage.heldLately(snapshot, scope: scope, headed: headed)
        let model = NoticesPage.Model(
            lines: lines, page: page, hasMore: more, countedIn: countedIn, heldByKind: held, headsUnits: !headed.isEmpty,
            countedAt: snapshot.builtAt)
        return req.page(
            NoticesPage.title, breadcrumbs: [("Monitoring", SiteURL.monitoring.path)], NoticesPage.content(model, display: req.display))
    }

    /// A CSV download, led by UTF-8's byte-order mark so that Excel on Windows reads "2025–26" as
    /// written rather than as Windows-1252.
    static func csvResponse(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + text))
    }
}

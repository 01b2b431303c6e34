import Fluent
import FootholdCore
import Foundation
import SQLKit
import Vapor

/// A line manager's team board: each report's cadence for every checkpoint of the year, the next
/// conversation, and one-click invitations.
struct TeamController {
    struct InviteForm: Content {
        var employee: UUID?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.team.pathComponents, use: board)
        routes.post(SiteURL.teamInvite.pathComponents, use: invite)
    }

    @Sendable func board(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await TeamBoard.Model.load(manager: viewer.personID, display: req.display, on: req.reads, now: req.now)
        return req.page(
            "Your team's career conversations",
            TeamBoard.content(
                model, display: req.display, csrf: req.csrfToken,
                invited: req.queryValue("invited")))
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let employeeID = try req.content.decode(InviteForm.self).employee,
            let employee = try await PersonModel.find(employeeID, on: req.db), employee.$manager.id == viewer.personID, employee.isActive
        else { throw SiteError.forbidden }
        let year = try await ConversationsController.year(req)
        guard let checkpoint = year.current(on: req.display.today()) else { throw SiteError.notFound }
        let proposal = Arranging.Proposal(
            otherID: employeeID, kind: .checkpoint, checkpointID: checkpoint.id,
            purpose: "Our \(checkpoint.name) conversation. \(checkpoint.focus)", meeting: MeetingDraft())
        switch try await Arranging.propose(
            proposal, by: viewer.personID, on: req.db, timeZone: req.display.timeZone, now: req.now, year: year)
        {
        case .success:
            return .redirect(to: SiteURL.team.with(query: [("invited", employee.name)]))
        case .failure:
            throw Abort(.badRequest)
        }
    }
}

enum TeamBoard {
    /// A report, with only what the board shows.
    struct Member {
        var id: UUID
        var name: String
        var joined: Date
    }

    /// A report's conversation, with only what the board works out from it.
    struct Occurrence {
        var id: UUID
        var employeeID: UUID
        var guideID: UUID
        var kind: ConversationKind
        var checkpointID: UUID?
        var state: ConversationState
        var withLineManager: Bool
        var heldAt: Date?
        var startsAt: Date?
        var returnOn: String?

        static let columns =
            "c.id, c.employee_id, c.guide_id, c.kind, c.checkpoint_id, c.state, c.with_line_manager, c.held_at, c.starts_at, c.return_on"

        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            employeeID = try row.decode(column: "employee_id", as: UUID.self)
            guideID = try row.decode(column: "guide_id", as: UUID.self)
            kind = try rawValue(row.decode(column: "kind", as: String.self))
            checkpointID = try row.decodeNil(column: "checkpoint_id") ? nil : try row.decode(column: "checkpoint_id", as: UUID.self)
            state = try rawValue(row.decode(column: "state", as: String.self))
            withLineManager = try row.decode(column: "with_line_manager", as: Bool.self)
            heldAt = try row.decodeNil(column: "held_at") ? nil : try row.decode(column: "held_at", as: Date.self)
            startsAt = try row.decodeNil(column: "starts_at") ? nil : try row.decode(column: "starts_at", as: Date.self)
            returnOn = try row.decodeNil(column: "return_on") ? nil : try row.decode(column: "return_on", as: String.self)
        }
    }

    struct Row {
        var person: Member
        var statuses: [CadenceStatus]
        var next: Occurrence?
        /// An invitation for the current checkpoint is waiting for the person's answer.
        var invitationWaiting: Bool
        var askAgainFrom: CalendarDate?
    }

    struct Model {
        var year: CareerYear
        var current: Checkpoint?
        var rows: [Row]

        /// Three queries for the whole team, whatever its size: the reports, the year, their conversations.
        static func load(manager: UUID, display: DisplayDate, on reads: Reads, now: Date) async throws -> Model {
            let today = display.today()
            let year = try await CareerYears.current(today: today, on: reads, now: now).year
            let reports = try await reads.rows(
                """
                SELECT p.id, p.name, p.created_at FROM people p WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) \
                ORDER BY p.name, p.id
                """
            ).map { row in
                Member(
                    id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                    joined: try row.decode(column: "created_at", as: Date.self))
            }
            // What is arranged or asked for, and anything at this year's checkpoints: two index seeks
            // a person ((employee, state) and (employee, checkpoint)), not a read of ten years.
            let open: [any Encodable & Sendable] = [ConversationState.scheduled.rawValue, ConversationState.requested.rawValue]
            var query: SQLQueryString = """
                SELECT \(unsafeRaw: Occurrence.columns) FROM people p JOIN conversations c ON c.employee_id = p.id \
                WHERE p.manager_id = \(bind: manager) AND p.active = \(bind: true) AND c.state IN (\(binds: open))
                """
            let checkpointIDs: [any Encodable & Sendable] = year.checkpoints.map(\.id)
            if !checkpointIDs.isEmpty {
                query.appendLiteral(" UNION ALL SELECT \(Occurrence.columns) FROM people p JOIN conversations c ON c.employee_id = p.id")
                query.appendLiteral(" WHERE p.manager_id = ")
                query.appendInterpolation(bind: manager)
                query.appendLiteral(" AND p.active = ")
                query.appendInterpolation(bind: true)
                query.appendLiteral(" AND c.checkpoint_id IN (")
                query.appendInterpolation(binds: checkpointIDs)
                query.appendLiteral(") AND c.state NOT IN (")
                query.appendInterpolation(binds: open)
                query.appendLiteral(")")
            }
            let conversations = reports.isEmpty ? [] : try await reads.rows(query).map(Occurrence.init)
            let byEmployee = Dictionary(grouping: conversations) { $0.employeeID }
            let current = year.current(on: today)
            let rows = reports.map { person -> Row in
                // A manager follows only what the access policy lets them know of.
                let visible = (byEmployee[person.id] ?? []).filter { c in
                    ConversationAccess.allows(.init(isGuide: c.guideID == manager, isLineManager: true), .occurrence, .init(kind: c.kind))
                }
                let cadence = visible.map { c in
                    Cadence.Conversation(
                        checkpointID: c.checkpointID, state: c.state, withLineManager: c.withLineManager,
                        heldOn: c.heldAt.map { CalendarDate($0, in: display.timeZone) },
                        scheduledFor: c.startsAt.map { CalendarDate($0, in: display.timeZone) })
                }
                let joined = CalendarDate(person.joined, in: display.timeZone)
                let statuses = year.checkpoints.map { Cadence.status(for: $0, today: today, joinedOn: joined, conversations: cadence) }
                let next = visible.filter { $0.state == .scheduled && ($0.startsAt ?? .distantPast) >= now.addingTimeInterval(-3600) }
                    .min { ($0.startsAt ?? .distantFuture) < ($1.startsAt ?? .distantFuture) }
                let forCurrent = visible.filter { $0.checkpointID == current?.id }
                let waiting = forCurrent.contains { $0.state == .requested }
                let askAgain = forCurrent.filter { $0.state == .declined }.compactMap { $0.returnOn.flatMap(CalendarDate.init(iso:)) }.max()
                return Row(person: person, statuses: statuses, next: next, invitationWaiting: waiting, askAgainFrom: askAgain)
            }
            return Model(year: year, current: current, rows: rows)
        }
    }

    static func tag(_ status: CadenceStatus) -> Markup {
        switch status {
        case .met: .tag(status.title, .met)
        case .scheduled: .tag(status.title, .scheduled)
        case .due: .tag(status.title, .due)
        case .overdue: .tag(status.title, .overdue)
        case .declined: .tag(status.title, .declined)
        case .upcoming, .notExpected: .tag(status.title, .neutral)
        }
    }

    static func content(_ model: Model, display: DisplayDate, csrf: String, invited: String?) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if let invited { nodes.append(H.notice("\(invited) has been invited. They will see it on their home page.", style: "success")) }
        nodes.append(H.heading(1, "Your team's career conversations"))
        nodes.append(
            H.paragraph(
                "Career year \(model.year.label). Everyone is offered a conversation at each checkpoint; “declined” means offered, not missed.",
                class: "lead"))
        guard !model.rows.isEmpty else {
            nodes.append(
                H.emptyState("No one reports to you", "When people report to you, their checkpoints and conversations appear here."))
            return nodes
        }
        let currentIndex = model.current.flatMap { current in model.year.checkpoints.firstIndex { $0.id == current.id } }
        let headers = ["Name"] + model.year.checkpoints.map(\.name) + ["Next conversation", ""]
        let today = display.today()
        let rows: [[Markup]] = model.rows.map { row in
            var cells: [Markup] = [.link(row.person.name, to: SiteURL.person(row.person.id).path)]
            cells += row.statuses.map(tag)
            cells.append(
                row.next.map { c in .link(c.startsAt.map(display.dateTime) ?? "Arranged", to: SiteURL.conversation(c.id).path) }
                    ?? .text("None arranged"))
            var action = Markup.empty
            if let currentIndex, let current = model.current {
                let status = row.statuses[currentIndex]
                let mayAskAgain = status != .declined || (row.askAgainFrom.map { $0 <= today } ?? false)
                if row.invitationWaiting {
                    action = .text("Invitation sent")
                } else if [.due, .upcoming, .declined].contains(status) && mayAskAgain {
                    action = .actionButton(
                        "Invite to \(current.name)", action: SiteURL.teamInvite.path, csrf: csrf, style: .secondary,
                        hidden: [("employee", row.person.id.upperText)])
                } else if status == .declined, let from = row.askAgainFrom {
                    action = .text("Ask again from " + display.day(from))
                } else if status == .declined {
                    action = .text("Said not now: ask again at the next checkpoint")
                }
            }
            cells.append(action)
            return cells
        }
        nodes.append(H.table(caption: "Your team's checkpoints in \(model.year.label)", headers: headers, cells: rows))
        return nodes
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A line manager's team board: each report's cadence for every checkpoint of the year, the next
/// conversation, and one-click invitations.
struct TeamController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.team, use: board)
        routes.post(SiteURL.teamInvite, use: invite)
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
        let form = try req.content.decode(TeamBoard.InviteForm.self)
        guard let employeeID = form.employee,
            let employee = try await TeamStore.activeReport(employeeID, of: viewer.personID, on: req.reads)
        else { throw SiteError.forbidden }
        let year = try await ConversationsController.year(req)
        guard let checkpoint = year.current(on: req.display.today()) else { throw SiteError.notFound }
        let proposal = Arranging.Proposal(
            otherID: employeeID, kind: .checkpoint, checkpointID: checkpoint.id,
            purpose: "Our \(checkpoint.name) conversation. \(checkpoint.focus)", meeting: MeetingDraft())
        switch try await Arranging.propose(
            proposal, id: req.clients.makeID(), by: viewer.personID, on: req.reads, timeZone: req.display.timeZone, now: req.now,
            year: year)
        {
        case .success:
            req.deliverSoon()
            return .redirect(to: (form.back == "home" ? SiteURL.home : SiteURL.team).with(query: [("invited", employee)]))
        case .failure:
            throw Abort(.badRequest)
        }
    }
}

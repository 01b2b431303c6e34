import FootholdCore
import FootholdData
import Foundation

extension PeoplePages {
    /// A person's page: who they are and who reports to them; on your own page, your conversations
    /// too (other people's pages never list them); on your report's page, how they stand.
    struct Person {
        var details: OrganisationStore.PersonDetails
        var reports: [OrganisationStore.PersonSummary]
        var ownConversations: (open: [ConversationLine], earlier: [ConversationLine], hasNext: Bool)?
        var asTheirManager: AsTheirManager?

        static func load(_ id: UUID, viewer: UUID, display: DisplayDate, on reads: Reads) async throws -> Person? {
            guard let details = try await OrganisationStore.person(id, on: reads) else { return nil }
            async let reports = OrganisationStore.directReports(of: id, on: reads)
            var own: (open: [ConversationLine], earlier: [ConversationLine], hasNext: Bool)?
            if id == viewer {
                let open = try await ConversationStore.open(for: id, on: reads)
                let earlier = try await ConversationStore.earlier(for: id, page: 1, size: ConversationPages.earlierPageSize, on: reads)
                own = (open, earlier.items, earlier.hasNext)
            }
            var asManager: AsTheirManager?
            if details.manager?.id == viewer, details.isActive {
                asManager = try await AsTheirManager.load(report: id, manager: viewer, display: display, on: reads)
            }
            return Person(details: details, reports: try await reports, ownConversations: own, asTheirManager: asManager)
        }
    }

    /// What a line manager sees on a report's page: their standing at each checkpoint of the year,
    /// their last conversation the manager may know of, and the open actions agreed with the
    /// manager. The access policy decides each, as on the team board and the actions page.
    struct AsTheirManager {
        var year: CareerYear
        var row: TeamBoard.Row
        var lastHeld: TeamBoard.Occurrence?
        var actions: [ActionLine]

        static func load(report: UUID, manager: UUID, display: DisplayDate, on reads: Reads) async throws -> AsTheirManager? {
            let board = try await TeamBoard.Model.load(manager: manager, only: report, display: display, on: reads, now: display.now)
            guard let row = board.rows.first(where: { $0.person.id == report }) else { return nil }
            let held = try await TeamStore.recentlyHeld(by: report, of: manager, on: reads)
            let lastHeld = held.first { c in
                ConversationAccess.allows(.init(isGuide: c.guideID == manager, isLineManager: true), .occurrence, .init(kind: c.kind))
            }
            let actions = try await ActionStore.guided(by: manager, for: report, on: reads).filter { line in
                ActionForViewer(line: line, viewerID: manager).allows(.read)
            }
            return AsTheirManager(year: board.year, row: row, lastHeld: lastHeld, actions: actions)
        }
    }
}

import FootholdCore
import FootholdData
import Foundation

enum HomePage {
    struct Model {
        var person: OrganisationStore.PersonDetails
        var roles: Set<Role>
        var units: [OrganisationStore.UnitOverview]
        var administration: (activePeople: Int, units: Int, withoutPassword: Int)?
        /// Invitations and requests waiting for this person's answer.
        var waiting: [ConversationLine]
        var upcoming: [ConversationLine]
        /// The person's actions still to do, soonest due first.
        var actions: [ActionLine] = []
        /// Actions the person, as guide, has still to confirm can be delivered.
        var toConfirm: [ActionLine] = []
        /// What the Leadership Team will do about the themes raised in the person's units, and what
        /// their team asked to be done locally ("you said, we are doing").
        var responses: [UnitResponseStore.UnitResponse] = []
        var requests: [String] = []
        /// For a line manager: the team, what each needs next, counted.
        var team: TeamSummary?

        static func load(for personID: UUID, display: DisplayDate, on reads: Reads) async throws -> Model {
            guard let person = try await OrganisationStore.person(personID, on: reads) else { throw SiteError.notFound }
            let roles = person.roleFacts.roles
            let board =
                roles.contains(.lineManager)
                ? try await TeamBoard.Model.load(manager: personID, display: display, on: reads, now: display.now) : nil
            let units = roles.contains(.director) ? try await OrganisationStore.unitsHeaded(by: person.summary, on: reads) : []
            let administration = roles.contains(.hrAdministrator) ? try await OrganisationStore.counts(on: reads.database) : nil
            let open = try await ConversationStore.open(for: personID, on: reads)
            let waiting = open.filter { $0.awaitsAnswer(from: personID) }
            let upcoming = open.filter { !$0.awaitsAnswer(from: personID) }
                .sorted { ($0.startsAt ?? .distantFuture, $0.createdAt) < ($1.startsAt ?? .distantFuture, $1.createdAt) }
            let (actions, toConfirm) = try await ActionStore.forHome(of: personID, on: reads)
            let lineage = person.unit.flatMap { UnitPath(parsing: $0.path) }?.lineage.map(\.description) ?? []
            let heard = try await UnitResponseStore.heard(unitPaths: lineage, manager: person.manager?.id, on: reads)
            return Model(
                person: person, roles: roles, units: units, administration: administration, waiting: waiting,
                upcoming: upcoming, actions: actions, toConfirm: toConfirm, responses: heard.responses, requests: heard.requests,
                team: board.map { TeamSummary($0, waiting: waiting, manager: personID, today: display.today()) })
        }
    }
}

/// A line manager's team at a glance: how many are due, overdue or waiting for them, and the next
/// step for each who needs one (the team board has the whole year).
struct TeamSummary {
    enum Step {
        /// They asked for a conversation: the manager's answer is awaited.
        case answer(conversation: UUID)
        /// The checkpoint's window is open and nothing is arranged.
        case invite(Checkpoint)
        /// The last checkpoint closed with nothing held, and nothing is arranged since.
        case arrange(missed: Checkpoint)
    }

    var size: Int
    /// Everyone in the team, by name.
    var names: Set<String>
    var due: Int
    var overdue: Int
    var waiting: Int
    var steps: [(person: TeamBoard.Member, step: Step)]

    init(_ board: TeamBoard.Model, waiting lines: [ConversationLine], manager: UUID, today: CalendarDate) {
        size = board.rows.count
        names = Set(board.rows.map(\.person.name))
        let currentIndex = board.current.flatMap { current in board.year.checkpoints.firstIndex { $0.id == current.id } }
        let lastClosed = board.year.lastClosed(before: today)
        var answer: [(TeamBoard.Member, Step)] = []
        var invite: [(TeamBoard.Member, Step)] = []
        var arrange: [(TeamBoard.Member, Step)] = []
        for row in board.rows {
            if let line = lines.first(where: { $0.other(than: manager).id == row.person.id }) {
                answer.append((row.person, .answer(conversation: line.id)))
                continue
            }
            let now = currentIndex.map { row.statuses[$0] }
            if let current = board.current, now == .due, !row.invitationWaiting {
                invite.append((row.person, .invite(current)))
            } else if let lastClosed, row.statuses[lastClosed] == .overdue, row.next == nil, !row.invitationWaiting,
                now != .met, now != .scheduled
            {
                arrange.append((row.person, .arrange(missed: board.year.checkpoints[lastClosed])))
            }
        }
        due = invite.count
        overdue = arrange.count
        waiting = answer.count
        steps = (answer + invite + arrange).map { (person: $0.0, step: $0.1) }
    }
}

import FootholdCore
import Foundation

enum HomePage {
    struct Model {
        var person: OrganisationStore.PersonDetails
        var roles: Set<Role>
        var team: [OrganisationStore.PersonSummary]
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
        var responses: [MonitoringStore.UnitResponse] = []
        var requests: [String] = []

        static func load(for personID: UUID, on reads: Reads) async throws -> Model {
            guard let person = try await OrganisationStore.person(personID, on: reads) else { throw SiteError.notFound }
            let roles = person.roleFacts.roles
            let team = roles.contains(.lineManager) ? try await OrganisationStore.directReports(of: personID, on: reads) : []
            let units = roles.contains(.director) ? try await OrganisationStore.unitsHeaded(by: person.summary, on: reads) : []
            let administration = roles.contains(.hrAdministrator) ? try await OrganisationStore.counts(on: reads.database) : nil
            let open = try await ConversationStore.open(for: personID, on: reads)
            let waiting = open.filter { $0.awaitsAnswer(from: personID) }
            let upcoming = open.filter { !$0.awaitsAnswer(from: personID) }
                .sorted { ($0.startsAt ?? .distantFuture, $0.createdAt) < ($1.startsAt ?? .distantFuture, $1.createdAt) }
            let (actions, toConfirm) = try await ActionStore.forHome(of: personID, on: reads)
            let lineage = person.unit.flatMap { UnitPath(parsing: $0.path) }?.lineage.map(\.description) ?? []
            let heard = try await MonitoringStore.heard(unitPaths: lineage, manager: person.manager?.id, on: reads)
            return Model(
                person: person, roles: roles, team: team, units: units, administration: administration, waiting: waiting,
                upcoming: upcoming, actions: actions, toConfirm: toConfirm, responses: heard.responses, requests: heard.requests)
        }
    }
}

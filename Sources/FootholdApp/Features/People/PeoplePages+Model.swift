import FootholdCore
import Foundation

extension PeoplePages {
    /// A person's page: who they are and who reports to them; on your own page, your conversations
    /// too (other people's pages never list them).
    struct Person {
        var details: OrganisationStore.PersonDetails
        var reports: [OrganisationStore.PersonSummary]
        var ownConversations: (open: [ConversationLine], earlier: [ConversationLine], hasNext: Bool)?

        static func load(_ id: UUID, viewer: UUID, on reads: Reads) async throws -> Person? {
            guard let details = try await OrganisationStore.person(id, on: reads) else { return nil }
            async let reports = OrganisationStore.directReports(of: id, on: reads)
            var own: (open: [ConversationLine], earlier: [ConversationLine], hasNext: Bool)?
            if id == viewer {
                let open = try await ConversationStore.open(for: id, on: reads)
                let earlier = try await ConversationStore.earlier(for: id, page: 1, size: ConversationPages.earlierPageSize, on: reads)
                own = (open, earlier.items, earlier.hasNext)
            }
            return Person(details: details, reports: try await reports, ownConversations: own)
        }
    }
}

import FootholdCore
import Foundation
import NIOConcurrencyHelpers

/// An opportunity as the catalogue keeps it: what ranking needs, and where it belongs. A class, so
/// the lists of thousands a page sorts and filters hold one reference each.
package final class CatalogueItem: Sendable {
    package let opportunity: Opportunity
    package let unitID: UUID?
    package let contactID: UUID?
    package let createdByID: UUID
    package let updatedAt: Date
    package let words: OpportunityRanking.MatchWords

    package init(opportunity: Opportunity, unitID: UUID?, contactID: UUID?, createdByID: UUID, updatedAt: Date) {
        self.opportunity = opportunity
        self.unitID = unitID
        self.contactID = contactID
        self.createdByID = createdByID
        self.updatedAt = updatedAt
        words = OpportunityRanking.MatchWords(opportunity)
    }
}

/// The open opportunities of one day, as one version of the catalogue: in closing order, by id,
/// and indexed by word for ranking.
package final class CatalogueSnapshot: Sendable {
    package struct Version: Equatable, Sendable {
        package var today: CalendarDate
        /// How many times the catalogue has changed (M020).
        package var changes: Int
    }

    package let version: Version
    /// Closing soonest first, those with no closing date last, then by title.
    package let items: [CatalogueItem]
    package let byID: [UUID: CatalogueItem]
    package let index: OpportunityRanking.Index

    package init(version: Version, items: [CatalogueItem]) {
        self.version = version
        let far = CalendarDate(year: 9999, month: 12, day: 31)!
        self.items = items.sorted { a, b in
            let (ca, cb) = (a.opportunity.closesOn ?? far, b.opportunity.closesOn ?? far)
            if ca != cb { return ca < cb }
            if a.opportunity.title != b.opportunity.title { return a.opportunity.title < b.opportunity.title }
            return a.opportunity.id.sorts(before: b.opportunity.id)
        }
        byID = Dictionary(items.map { ($0.opportunity.id, $0) }, uniquingKeysWith: { first, _ in first })
        index = OpportunityRanking.Index(self.items.map { ($0.opportunity, $0.words) })
    }
}

/// Keeps the open opportunities, read and worked into words once for each version of the
/// catalogue (decision 0017). A version is the day and how many times the catalogue has changed:
/// adding, changing or deleting one, or a new day, makes a new version, on every instance.
package final class OpportunityCatalogue: Sendable {
    package init() {}

    private let kept = NIOLockedValueBox<CatalogueSnapshot?>(nil)

    package func snapshot(
        _ version: CatalogueSnapshot.Version, read: () async throws -> [CatalogueItem]
    ) async throws -> CatalogueSnapshot {
        if let snapshot = kept.withLockedValue({ $0 }), snapshot.version == version { return snapshot }
        let snapshot = CatalogueSnapshot(version: version, items: try await read())
        kept.withLockedValue { $0 = snapshot }
        return snapshot
    }
}

import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// An opportunity as the catalogue keeps it: what ranking needs, and where it belongs.
struct CatalogueItem: Sendable, Equatable {
    var opportunity: Opportunity
    var unitID: UUID?
    var contactID: UUID?
    var createdByID: UUID
    var updatedAt: Date
    var words: OpportunityRanking.MatchWords
}

/// The open opportunities, each read and worked into words once and kept while it is unchanged:
/// a person's ranking reads only each opportunity's id and when it last changed (decision 0017).
final class OpportunityCatalogue: Sendable {
    private let items = NIOLockedValueBox<[UUID: CatalogueItem]>([:])

    /// The kept items of `stamps` (id and when it changed), reading those that are new or changed.
    func items(
        for stamps: [(id: UUID, updatedAt: Date)], read: ([UUID]) async throws -> [CatalogueItem]
    ) async throws -> [CatalogueItem] {
        let kept = items.withLockedValue { $0 }
        let missing = stamps.filter { kept[$0.id]?.updatedAt != $0.updatedAt }.map(\.id)
        var fresh: [UUID: CatalogueItem] = [:]
        var start = 0
        while start < missing.count {
            let chunk = Array(missing[start..<min(start + 500, missing.count)])
            for item in try await read(chunk) { fresh[item.opportunity.id] = item }
            start += 500
        }
        if !fresh.isEmpty || kept.count > stamps.count {
            let open = Set(stamps.map(\.id))
            items.withLockedValue { items in
                items.merge(fresh) { _, new in new }
                // What closed or was deleted is let go.
                if items.count > open.count { items = items.filter { open.contains($0.key) } }
            }
        }
        return stamps.compactMap { fresh[$0.id] ?? kept[$0.id] }
    }
}

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = OpportunityCatalogue }

    /// Set up by `configure`, before any request.
    var opportunityCatalogue: OpportunityCatalogue {
        get { storage[CatalogueKey.self] ?? OpportunityCatalogue() }
        set { storage[CatalogueKey.self] = newValue }
    }
}

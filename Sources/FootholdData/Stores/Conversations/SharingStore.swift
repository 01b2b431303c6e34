import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query of the sharing page.
package enum SharingStore {
    package static func standing(of personID: UUID, on reads: Reads) async throws -> SharingStanding? {
        let query: SQLQueryString = """
            SELECT p.manager_id, p.history_shared_with_id, m.name AS manager_name FROM people p LEFT JOIN people m ON m.id = p.manager_id \
            WHERE p.id = \(bind: personID)
            """
        guard let row = try await reads.firstRow(query) else { return nil }
        let managerID = try row.decodeNil(column: "manager_id") ? nil : try row.decode(column: "manager_id", as: UUID.self)
        let sharedWith =
            try row.decodeNil(column: "history_shared_with_id") ? nil : try row.decode(column: "history_shared_with_id", as: UUID.self)
        let name = try row.decodeNil(column: "manager_name") ? nil : try row.decode(column: "manager_name", as: String.self)
        return SharingStanding(
            managerID: managerID, managerName: name, shares: HistoryConsent.applies(sharedWith: sharedWith, manager: managerID))
    }

    /// Records the choice for the manager the page named, and audits it, in one transaction.
    package static func choose(share: Bool, for personID: UUID, standing: SharingStanding, at now: Date, on database: any Database)
        async throws
    {
        try await database.transaction { database in
            try await PersonModel.query(on: database).filter(\.$id == personID)
                .set(\.$historySharedWithID, to: share ? standing.managerID : nil)
                .set(\.$historyChoiceManagerID, to: standing.managerID)
                .update()
            try await AuditLog.record(
                .sharingChanged, by: personID, about: personID,
                detail: share ? "shared with \(standing.managerName ?? "their line manager")" : "not shared", at: now, on: database)
        }
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// People files previewed on the web and waiting for the HR administrator's "Import these
/// changes" (M028). Only the person who previewed a file can confirm it; a file waits a day.
package enum PendingImports {
    package static let table = "pending_imports"
    package static let lifetime: TimeInterval = 24 * 60 * 60

    package struct Pending: Equatable {
        package var filename: String
        package var csv: String
        package var deactivateMissing: Bool

        package init(filename: String, csv: String, deactivateMissing: Bool) {
            self.filename = filename
            self.csv = csv
            self.deactivateMissing = deactivateMissing
        }
    }

    /// Keeps a previewed file, and forgets any that waited too long.
    package static func keep(
        _ pending: Pending, id: UUID, by personID: UUID, at now: Date, on database: any Database
    ) async throws {
        try await database.transaction { database in
            try await database.sql.raw("DELETE FROM pending_imports WHERE created_at < \(bind: now.addingTimeInterval(-lifetime))").run()
            try await database.sql.raw(
                """
                INSERT INTO pending_imports (id, person_id, filename, csv, deactivate_missing, created_at) \
                VALUES (\(bind: id), \(bind: personID), \(bind: pending.filename), \(bind: pending.csv), \
                \(bind: pending.deactivateMissing), \(bind: now))
                """
            ).run()
        }
    }

    /// The file this person previewed, unless it was imported already or waited too long.
    package static func find(_ id: UUID, by personID: UUID, at now: Date, on database: any Database) async throws -> Pending? {
        try await database.sql.raw(
            """
            SELECT filename, csv, deactivate_missing FROM pending_imports \
            WHERE id = \(bind: id) AND person_id = \(bind: personID) AND created_at >= \(bind: now.addingTimeInterval(-lifetime))
            """
        ).first().map { row in
            Pending(
                filename: try row.decode(column: "filename", as: String.self), csv: try row.decode(column: "csv", as: String.self),
                deactivateMissing: try row.decode(column: "deactivate_missing", as: Bool.self))
        }
    }

    /// Forgets a file once imported. Returns whether it was still waiting, so that two presses of
    /// "Import" import it once.
    package static func remove(_ id: UUID, on database: any Database) async throws -> Bool {
        let rows = try await database.sql.raw("DELETE FROM pending_imports WHERE id = \(bind: id) RETURNING id").all()
        return !rows.isEmpty
    }
}

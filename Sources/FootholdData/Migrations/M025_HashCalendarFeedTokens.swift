import Foundation
import Fluent
import SQLKit

/// A calendar feed's address is a secret, and the database kept it as it is, unlike sessions,
/// invitations and unsubscribe links. Each stored secret is replaced by its SHA-256 (in the same
/// column), so an address made before keeps working and a copy of the database opens none.
/// Not reversible: the secrets are gone, which is the point; revert leaves the hashes (no address
/// opens until its owner makes a new one).
package struct M025_HashCalendarFeedTokens: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("SELECT id, token FROM \(unsafeRaw: CalendarFeedStore.feeds)").all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let token = try row.decode(column: "token", as: String.self)
            try await sql.raw(
                "UPDATE \(unsafeRaw: CalendarFeedStore.feeds) SET token = \(bind: TokenHash.of(token)) WHERE id = \(bind: id)"
            ).run()
        }
    }

    package func revert(on database: any Database) async throws {}
}

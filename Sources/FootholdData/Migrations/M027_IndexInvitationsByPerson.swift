import Fluent
import Foundation
import SQLKit

/// The people list shows when each person's last link to set a password was sent, and setting a
/// password revokes the person's unused links: both look invitations up by person, which had no
/// index (decision 0022).
package struct M027_IndexInvitationsByPerson: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "invitations_person_created_idx").on(InvitationModel.schema).column("person_id")
            .column("created_at").run()
    }

    package func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "invitations_person_created_idx").run()
    }
}

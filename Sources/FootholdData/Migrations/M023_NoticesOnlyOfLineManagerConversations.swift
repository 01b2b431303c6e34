import Fluent
import SQLKit

/// Only a conversation with the line manager meets a checkpoint (SPEC §2), and a director's notice
/// never names a mentor or a Leadership Team member (decision 0016). Earlier a guide could mark
/// any conversation as meeting a checkpoint; the notices that made are removed. Nothing to put
/// back on revert: those notices should not have been sent.
package struct M023_NoticesOnlyOfLineManagerConversations: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            DELETE FROM notices WHERE conversation_id IN \
            (SELECT id FROM conversations WHERE with_line_manager = \(bind: false) OR with_line_manager IS NULL)
            """
        ).run()
    }

    package func revert(on database: any Database) async throws {}
}

import Fluent
import SQLKit

/// A guide's home page lists the actions waiting for their confirmation. Found through every
/// conversation they have guided, that is hundreds of probes after a few years, and PostgreSQL
/// would rather scan every waiting action in the organisation. So an action carries the guide of
/// its conversation (which never changes once arranged), and a partial index holds only the
/// actions still waiting (owned by the guide or the organisation, live, unconfirmed), by guide:
/// one short index read. The queries state the same condition in the same words
/// (`ActionStore.awaitingIn`), so both databases see they may use it.
package struct M017_AddGuideToActions: FootholdMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AgreedActionModel.schema)
            .field("guide_id", .uuid, .references(PersonModel.schema, .id, onDelete: .setNull))
            .update()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE agreed_actions SET guide_id = (SELECT c.guide_id FROM conversations c WHERE c.id = agreed_actions.conversation_id) \
            WHERE conversation_id IS NOT NULL
            """
        ).run()
        try await sql.raw(
            "CREATE INDEX agreed_actions_guide_awaiting_idx ON agreed_actions (guide_id) WHERE \(unsafeRaw: ActionStore.awaitingIn(nil))"
        ).run()
    }

    package func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX agreed_actions_guide_awaiting_idx").run()
        try await database.schema(AgreedActionModel.schema).deleteField("guide_id").update()
    }
}

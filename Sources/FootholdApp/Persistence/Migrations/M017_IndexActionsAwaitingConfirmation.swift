import Fluent
import SQLKit

/// A guide's home page lists the actions that wait for their confirmation, found through every
/// conversation they have guided: with years of history that is hundreds of conversations, each
/// probed for its actions. This partial index holds only the actions still waiting (owned by the
/// guide or the organisation, live, unconfirmed), so each probe reads a tiny index and no table.
/// The queries that use it state the same condition in the same words (`ActionStore.awaiting`).
struct M017_IndexActionsAwaitingConfirmation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw(
            """
            CREATE INDEX agreed_actions_awaiting_idx ON agreed_actions (conversation_id) WHERE \(unsafeRaw: ActionStore.awaiting)
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX agreed_actions_awaiting_idx").run()
    }
}

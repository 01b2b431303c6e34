import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Writes audited events that are not about one conversation record (those go through
/// `ConversationStore.audit` and the batched `ReadAudit`). Called with the database of the
/// change's own transaction, so an event is stored exactly when its change is.
package enum AuditLog {
    package static func record(
        _ event: AuditEvent, by actorID: UUID?, about subjectID: UUID? = nil, detail: String = "", at: Date,
        on database: any Database
    ) async throws {
        try await database.sql.raw(
            """
            INSERT INTO audit_log (id, at, actor_id, event, conversation_id, subject_id, detail) \
            VALUES (\(bind: UUID()), \(bind: at), \(bind: actorID), \(bind: event.rawValue), NULL, \(bind: subjectID), \(bind: String(detail.prefix(500))))
            """
        ).run()
    }
}

import FootholdData
import Foundation
import Vapor

extension Request {
    /// Records that the signed-in person read a conversation.
    func auditRead(_ event: String, of record: ConversationForViewer) {
        application.readAudit.record(event, conversation: record.id, of: record.employee.id, by: record.viewerID, at: now)
    }
}

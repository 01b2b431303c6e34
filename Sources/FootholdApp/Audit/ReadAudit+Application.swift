import Foundation
import Vapor

extension ReadAudit: LifecycleHandler {
    func shutdownAsync(_ application: Application) async { await flush() }
}

extension Application {
    private struct ReadAuditKey: StorageKey { typealias Value = ReadAudit }

    var readAudit: ReadAudit {
        get {
            guard let audit = storage[ReadAuditKey.self] else { fatalError("configure(_:) sets up the read audit") }
            return audit
        }
        set { storage[ReadAuditKey.self] = newValue }
    }
}

extension Request {
    /// Records that the signed-in person read a conversation.
    func auditRead(_ event: String, of record: ConversationForViewer) {
        application.readAudit.record(event, conversation: record.id, of: record.employee.id, by: record.viewerID, at: now)
    }
}

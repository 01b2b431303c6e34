import Foundation
import Vapor

extension ReadAudit: LifecycleHandler {
    package func shutdownAsync(_ application: Application) async { await flush() }
}

extension Application {
    private struct ReadAuditKey: StorageKey { typealias Value = ReadAudit }

    package var readAudit: ReadAudit {
        get {
            guard let audit = storage[ReadAuditKey.self] else { fatalError("configure(_:) sets up the read audit") }
            return audit
        }
        set { storage[ReadAuditKey.self] = newValue }
    }
}

import Foundation
import Vapor

extension ReadAudit: LifecycleHandler {
    package func shutdownAsync(_ application: Application) async { await flush() }
}

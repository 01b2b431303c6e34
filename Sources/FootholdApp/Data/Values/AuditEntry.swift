import FootholdCore
import Foundation

/// One line of the audit log, as HR may see it (`AuditLine`).
struct AuditEntry: Sendable {
    var at: Date
    var line: AuditLine.Line
}

import FootholdCore
import Foundation

/// One line of the audit log, as HR may see it (`AuditLine`).
package struct AuditEntry: Sendable {
    package var at: Date
    package var line: AuditLine.Line
}

import Foundation

/// Whether an employee's line manager may read the summaries, themes and actions of their
/// conversations held with someone else, and who that manager is.
package struct SharingStanding: Sendable {
    package var managerID: UUID?
    package var managerName: String?
    package var shares: Bool
}

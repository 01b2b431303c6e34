import Foundation

/// Whether an employee's line manager may read the summaries, themes and actions of their
/// conversations held with someone else, and who that manager is.
struct SharingStanding: Sendable {
    var managerID: UUID?
    var managerName: String?
    var shares: Bool
}

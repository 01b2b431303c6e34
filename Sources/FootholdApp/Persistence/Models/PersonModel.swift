import Fluent
import Foundation

/// A member of staff.
final class PersonModel: Model, @unchecked Sendable {
    static let schema = "people"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    /// Lower-cased, so that addresses compare case-insensitively; unique.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "job_title") var jobTitle: String
    /// Name, email and job title in lower case, for the directory search.
    @Field(key: "search_text") var searchText: String
    @Field(key: "leadership_team") var isLeadershipTeam: Bool
    @Field(key: "hr_admin") var isHRAdministrator: Bool
    @Field(key: "active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date
    /// Lets the line manager read summaries of conversations held with someone else.
    @Field(key: "share_history_with_manager") var sharesHistoryWithManager: Bool

    // relationships
    @OptionalParent(key: "unit_id") var unit: UnitModel?
    @OptionalParent(key: "manager_id") var manager: PersonModel?

    init() {}

    static func searchText(name: String, email: String, jobTitle: String) -> String {
        "\(name) \(email) \(jobTitle)".lowercased()
    }
}

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
    /// The manager this person let read the summaries, themes and actions of conversations held
    /// with someone else; it applies to that manager only (`HistoryConsent`).
    @OptionalField(key: "history_shared_with_id") var historySharedWithID: UUID?
    /// The manager this person last made that choice for; a different manager is a new one to ask about.
    @OptionalField(key: "history_choice_manager_id") var historyChoiceManagerID: UUID?

    // relationships
    @OptionalParent(key: "unit_id") var unit: UnitModel?
    @OptionalParent(key: "manager_id") var manager: PersonModel?

    init() {}

    static func searchText(name: String, email: String, jobTitle: String) -> String {
        "\(name) \(email) \(jobTitle)".lowercased()
    }
}

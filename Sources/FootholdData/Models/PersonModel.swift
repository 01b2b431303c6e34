import Fluent
import Foundation

/// A member of staff.
package final class PersonModel: Model, @unchecked Sendable {
    package static let schema = "people"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    /// Lower-cased, so that addresses compare case-insensitively; unique.
    @Field(key: "email") package var email: String
    @Field(key: "name") package var name: String
    @Field(key: "job_title") package var jobTitle: String
    /// Name, email and job title in lower case, for the directory search.
    @Field(key: "search_text") package var searchText: String
    @Field(key: "leadership_team") package var isLeadershipTeam: Bool
    @Field(key: "hr_admin") package var isHRAdministrator: Bool
    @Field(key: "active") package var isActive: Bool
    @Field(key: "created_at") package var createdAt: Date
    /// The manager this person let read the summaries, themes and actions of conversations held
    /// with someone else; it applies to that manager only (`HistoryConsent`).
    @OptionalField(key: "history_shared_with_id") package var historySharedWithID: UUID?
    /// The manager this person last made that choice for; a different manager is a new one to ask about.
    @OptionalField(key: "history_choice_manager_id") package var historyChoiceManagerID: UUID?
    /// The person's id at the organisation's identity provider (SCIM's `externalId`), when it gave one.
    @OptionalField(key: "external_id") package var externalID: String?
    /// Who the person is at the identity provider ("issuer subject"), kept at their first sign-in
    /// there, so a later change of address at the provider cannot lead to someone else's account.
    @OptionalField(key: "identity_subject") package var identitySubject: String?

    // relationships
    @OptionalParent(key: "unit_id") package var unit: UnitModel?
    @OptionalParent(key: "manager_id") package var manager: PersonModel?

    package init() {}

    package static func searchText(name: String, email: String, jobTitle: String) -> String {
        "\(name) \(email) \(jobTitle)".lowercased()
    }
}

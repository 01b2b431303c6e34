import FootholdCore
import Foundation

/// A person's row as stored, as a plain value.
package struct StoredPerson: Equatable, Sendable {
    package var id: UUID
    package var email: String
    package var name: String
    package var jobTitle: String
    package var unitID: UUID?
    package var managerID: UUID?
    package var isLeadershipTeam: Bool
    package var isHRAdministrator: Bool
    package var isActive: Bool
    package var createdAt: Date
    package var historySharedWithID: UUID?
    package var historyChoiceManagerID: UUID?

    /// As one of the two people in a conversation.
    package var conversationPerson: ConversationPerson {
        ConversationPerson(id: id, name: name, managerID: managerID, historySharedWithID: historySharedWithID)
    }
}

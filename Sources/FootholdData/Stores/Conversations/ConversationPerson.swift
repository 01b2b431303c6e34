import FootholdCore
import Foundation

/// One of the two people in a conversation, with what the pages and the policy need of them.
package struct ConversationPerson: Equatable {
    package var id: UUID
    package var name: String
    package var managerID: UUID?
    package var historySharedWithID: UUID?
}

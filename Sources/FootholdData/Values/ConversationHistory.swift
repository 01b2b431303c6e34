import FootholdCore
import Foundation

/// What two people agreed before: the summaries of their earlier conversations and the actions
/// still open. Both sides may read these (the access policy's shared summary and actions).
package struct ConversationHistory {
    package struct Earlier {
        package var id: UUID
        package var heldAt: Date
        package var title: String
        package var summary: String
    }

    package var earlier: [Earlier]
    package var openActions: [ActionLine]
    /// The actions agreed in this conversation itself, when asked for (`withOwnActions`).
    package var ownActions: [ActionLine] = []
}

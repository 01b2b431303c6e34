import FootholdCore
import Foundation

/// What two people agreed before: the summaries of their earlier conversations and the actions
/// still open. Both sides may read these (the access policy's shared summary and actions).
struct ConversationHistory {
    struct Earlier {
        var id: UUID
        var heldAt: Date
        var title: String
        var summary: String
    }

    var earlier: [Earlier]
    var openActions: [ActionLine]
    /// The actions agreed in this conversation itself, when asked for (`withOwnActions`).
    var ownActions: [ActionLine] = []
}

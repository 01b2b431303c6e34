import FootholdCore
import FootholdData
import Foundation
import Vapor

extension ConversationHistory {
    struct ActionStatusForm: Content {
        var status: String?
        var return_to: String?
    }
}

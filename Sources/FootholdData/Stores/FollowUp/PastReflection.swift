import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A reflection as the preparation page shows it again: which conversation, and what was written.
package struct PastReflection: Equatable {
    package var conversationID: UUID
    package var title: String
    package var heldAt: Date?
    package var reflection: Reflection
}

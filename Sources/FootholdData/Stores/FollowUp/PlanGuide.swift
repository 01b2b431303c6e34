import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A guide a person could show their plan to, and whether they do.
package struct PlanGuide: Equatable {
    package var id: UUID
    package var name: String
    package var relation: String
    package var shown: Bool
}

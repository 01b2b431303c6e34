import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A person's plan as the plan page needs it: this career year's version (or last year's, carried
/// forward until it is first saved), and when it was last saved.
package struct StoredPlan: Equatable {
    package var plan: CareerPlan
    package var careerYearID: UUID
    package var startYear: Int
    /// Nil until saved in this career year.
    package var updatedAt: Date?
}

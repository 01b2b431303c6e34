import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A snapshot of a plan, as a line in a list.
package struct PlanSnapshot: Equatable {
    package var id: UUID
    package var label: String
    package var takenAt: Date
    package var startYear: Int
    package var plan: CareerPlan
}

import Foundation

/// A unit's row as stored, as a plain value.
package struct StoredUnit: Equatable, Sendable {
    package var id: UUID
    package var name: String
    package var path: String
    package var parentID: UUID?
    package var headID: UUID?
    package var createdAt: Date
    /// People in the unit itself, and in it with every unit below it (kept by the import).
    package var peopleDirect: Int
    package var peopleTotal: Int
}

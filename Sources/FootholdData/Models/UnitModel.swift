import Fluent
import Foundation

/// A unit of the organisation: a directorate, a division, a team. Units form a tree.
package final class UnitModel: Model, @unchecked Sendable {
    // Fluent models are reference types with property wrappers and cannot be checked for Sendable
    // by the compiler; each instance is used by one request at a time.
    package static let schema = "units"

    // managed
    @ID(key: .id) package var id: UUID?

    // data
    @Field(key: "name") package var name: String
    /// The full path from the top, `Ridgeway/Housing/Planning`; unique.
    @Field(key: "path") package var path: String
    /// The head (director) of the unit. Not a foreign key in the database, because units and
    /// people refer to each other; the import and the demo keep it true.
    @OptionalField(key: "head_id") package var headID: UUID?
    @Field(key: "created_at") package var createdAt: Date
    /// Active people in this unit itself, and in it and every unit below it; kept by
    /// `OrganisationWriter.refreshHeadcounts`.
    @Field(key: "people_direct") package var peopleDirect: Int
    @Field(key: "people_total") package var peopleTotal: Int

    // relationships
    @OptionalParent(key: "parent_id") package var parent: UnitModel?

    package init() {}

    package init(id: UUID = UUID(), name: String, path: String, parentID: UUID?, headID: UUID?, createdAt: Date) {
        self.id = id
        self.name = name
        self.path = path
        self.$parent.id = parentID
        self.headID = headID
        self.createdAt = createdAt
    }
}

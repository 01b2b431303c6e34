import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Links and templates per unit, kept by HR administrators (seed 000's departmental resources).
enum ResourcesPage {
    /// The resources kept, on the list.
    struct Model {
        var resources: [UnitResource]

        static func load(on reads: Reads) async throws -> Model { Model(resources: try await ResourcesStore.all(on: reads)) }
    }

    /// Every unit a new resource can be for, on its own page: an organisation of 50,000 has about a
    /// thousand, too many to send with every look at the list.
    struct NewModel {
        var units: [(id: UUID, path: String)]

        static func load(on reads: Reads) async throws -> NewModel { NewModel(units: try await ResourcesStore.departments(on: reads)) }
    }

    struct Form: Content {
        var title: String?
        var url: String?
        var description: String?
        var unit: String?
    }
}

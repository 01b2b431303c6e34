import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Links and templates per unit, kept by HR administrators (seed 000's departmental resources).
enum ResourcesPage {
    struct Model {
        var resources: [UnitResource]
        var units: [(id: UUID, path: String)]

        static func load(on reads: Reads) async throws -> Model {
            Model(resources: try await ResourcesStore.all(on: reads), units: try await ResourcesStore.departments(on: reads))
        }
    }

    struct Form: Content {
        var title: String?
        var url: String?
        var description: String?
        var unit: String?
    }
}

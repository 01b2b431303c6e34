import FootholdData
import Foundation
import Vapor

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = OpportunityCatalogue }

    /// Set up by `configure`, before any request.
    var opportunityCatalogue: OpportunityCatalogue {
        get { storage[CatalogueKey.self] ?? OpportunityCatalogue() }
        set { storage[CatalogueKey.self] = newValue }
    }
}

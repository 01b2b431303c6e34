import FootholdCore
import FootholdData
import Foundation
import Vapor

/// What the Leadership Team will do about the themes a unit raised: recorded by them, read by
/// the unit's director and shown to the unit's people on their home page ("you said, we are doing").
enum ResponsesPage {
    struct Model: Sendable {
        var unitID: UUID
        var unitName: String
        var crumbs: [(label: String, path: String)]
        var responses: [UnitResponseStore.UnitResponse]
        /// The themes a response may be for, when the viewer may record one.
        var themes: [ThemeReportStore.ThemeRow]?
        var form: Form
        var problems: FieldProblems
    }

    struct Form: Content {
        var unit: String?
        var theme: String?
        var response: String?
        var by_whom: String?
        var due_on: String?
    }
}

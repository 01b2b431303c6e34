import Foundation
import Vapor

/// HR administration's pages: the overview, people, units and the people import.
enum AdminPages {
    /// The people import: a CSV file, and whether people missing from it have left.
    struct ImportForm: Content {
        var file: File?
        var deactivate_missing: Ticked?
    }
}

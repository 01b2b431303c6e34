import FootholdCore
import FootholdData
import Foundation
import Vapor

/// What the sharing page shows: whether the employee's line manager may read the summaries, themes
/// and actions of conversations held with someone else.
enum SharingPage {
    typealias Standing = SharingStanding

    struct Form: Content {
        var share: Ticked?
        /// The manager the page was shown for, so the choice goes to the person it named.
        var manager: String?
    }
}

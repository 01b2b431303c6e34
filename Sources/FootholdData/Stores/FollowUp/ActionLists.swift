import FootholdCore
import Foundation

/// What a person's actions page lists: their own, those agreed with people they guide, those they
/// own for a colleague, and those waiting for them to confirm.
package struct ActionLists {
    package var own: [ActionLine] = []
    package var guided: [ActionLine] = []
    package var asColleague: [ActionLine] = []
    package var awaitingConfirmation: [ActionLine] { guided.filter(\.action.awaitsConfirmation) }
}

import FootholdCore
import Foundation
import NIOConcurrencyHelpers

/// The question bank parsed once for each version of its stored document: a page that shows
/// questions reads the document (one short row) and parses it only when it has changed.
/// One lives in the stores' caches (`StoreCaches.questionBanks`).
package final class QuestionBanks: Sendable {
    package init() {}

    private let parsed = NIOLockedValueBox<(document: String, bank: QuestionBank)?>(nil)

    /// The bank a stored document holds; the standard one if it no longer parses.
    package func bank(document: String) -> QuestionBank {
        if let cached = parsed.withLockedValue({ $0 }), cached.document == document { return cached.bank }
        guard case .success(let bank) = QuestionBank.parse(Data(document.utf8)) else { return .standard }
        parsed.withLockedValue { $0 = (document, bank) }
        return bank
    }
}

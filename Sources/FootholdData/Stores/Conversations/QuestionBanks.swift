import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The question bank parsed once for each version of its stored document: a page that shows
/// questions reads the document (one short row) and parses it only when it has changed.
/// One lives on the `Application` (`app.questionBanks`).
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

extension Application {
    private struct QuestionBanksKey: StorageKey { typealias Value = QuestionBanks }

    /// Set once by `configure`.
    package var questionBanks: QuestionBanks {
        get {
            guard let banks = storage[QuestionBanksKey.self] else { fatalError("configure(_:) sets app.questionBanks") }
            return banks
        }
        set { storage[QuestionBanksKey.self] = newValue }
    }
}

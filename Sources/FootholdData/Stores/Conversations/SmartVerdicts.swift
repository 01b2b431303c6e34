import FootholdCore
import Foundation
import NIOConcurrencyHelpers

/// Verdicts of the SMART check already made, by action and version; cleared when it grows large.
package final class SmartVerdicts: Sendable {
    package struct Key: Hashable, Sendable {
        package var id: UUID
        package var updatedAt: Date
        package var timeZone: String
    }

    package static let shared = SmartVerdicts()
    private let verdicts = NIOLockedValueBox<[Key: SmartVerdict]>([:])

    package func verdict(for key: Key) -> SmartVerdict? { verdicts.withLockedValue { $0[key] } }

    package func keep(_ verdict: SmartVerdict, for key: Key) {
        verdicts.withLockedValue {
            if $0.count >= 100_000 { $0.removeAll(keepingCapacity: true) }
            $0[key] = verdict
        }
    }
}

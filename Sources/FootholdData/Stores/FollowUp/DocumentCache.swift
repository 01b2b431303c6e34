import FootholdCore
import Foundation
import NIOConcurrencyHelpers

/// Plans and reflections are stored as JSON documents and read on busy pages (a preparation, a
/// record); each distinct document is decoded once and kept, as its text is its identity.
package final class DocumentCache<Value: Sendable>: Sendable {
    private let decoded = NIOLockedValueBox<[String: Value]>([:])
    private let decode: @Sendable (String) -> Value

    package init(_ decode: @escaping @Sendable (String) -> Value) { self.decode = decode }

    package func value(of document: String) -> Value {
        if let known = decoded.withLockedValue({ $0[document] }) { return known }
        let value = decode(document)
        decoded.withLockedValue {
            if $0.count >= 2_000 { $0.removeAll(keepingCapacity: true) }
            $0[document] = value
        }
        return value
    }

}

/// The documents read on busy pages, each decoded once.
package enum Decoded {
    package static let plans = DocumentCache<CareerPlan> { CareerPlan(document: $0) }
    package static let reflections = DocumentCache<Reflection> { Reflection(document: $0) }
}

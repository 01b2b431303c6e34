import Foundation

/// What a store cannot do with what it was asked for.
package enum StoreError: Error, Equatable {
    /// No row has that id (it never existed, or has gone).
    case notFound
}

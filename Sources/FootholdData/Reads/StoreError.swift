import Foundation

/// What a store cannot do with what it was asked for.
package enum StoreError: Error, Equatable {
    /// No row has that id (it never existed, or has gone).
    case notFound
    /// A row the store's own query could not have made: a mistake in the store, never the
    /// visitor's; it says which query, and no value from the row.
    case unexpectedRow(String)
}

import FluentKit
import Foundation
import Vapor

/// Counts the queries run through one database handle, with Fluent's own query history, so a
/// test can prove a page's queries do not grow with the data.
final class QueryCounter: @unchecked Sendable {
    let history = QueryHistory()

    var count: Int { history.queries.count }
    var all: [String] { history.queries.map { "\($0.action) \($0.schema)" } }
}

extension Application {
    /// A handle on the default database whose queries `counter` records.
    func database(countingWith counter: QueryCounter) -> any Database {
        databases.database(logger: logger, on: eventLoopGroup.next(), history: counter.history)!
    }
}

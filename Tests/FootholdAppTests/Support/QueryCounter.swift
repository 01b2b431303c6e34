import FluentKit
@testable import FootholdData
import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// Counts the SQL statements run through one database handle, hand-written or built by Fluent, so
/// a test can prove a page's queries do not grow with the data. Both drivers log every statement
/// they execute ("Executing query", with its SQL) at debug level; the counter listens for that.
final class QueryCounter: Sendable {
    private let statements = NIOLockedValueBox<[String]>([])

    var count: Int { statements.withLockedValue { $0.count } }
    var all: [String] { statements.withLockedValue { $0 } }

    fileprivate func record(_ sql: String) { statements.withLockedValue { $0.append(sql) } }

    var logger: Logger {
        var logger = Logger(label: "foothold.tests.query-counter") { _ in Handler(counter: self) }
        logger.logLevel = .debug
        return logger
    }

    private struct Handler: LogHandler {
        let counter: QueryCounter
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if case .string(let sql)? = event.metadata?["sql"] { counter.record(sql) }
        }
    }
}

extension Application {
    /// A handle on the default database whose statements `counter` counts.
    func database(countingWith counter: QueryCounter) -> any Database {
        databases.database(logger: counter.logger, on: eventLoopGroup.next())!
    }
}

import Fluent
import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// On PostgreSQL, the pages' hand-written reads run as named prepared statements, so each
/// connection plans a statement once instead of on every request (decision 0007).
///
/// Sent unnamed, as the driver sends them, every read was parsed and planned afresh: 0.5–2 ms of
/// planning for a few joins against 0.2–0.6 ms of executing, on the same two cores the server
/// uses. A prepared statement is planned for its first few runs and then, when PostgreSQL finds
/// its generic plan as good, never again on that connection.
///
/// PostgresNIO prepares statements by name and keeps them per connection, but asks for the name
/// and the SQL as static properties of a type; `Statement` reads them from a task-local value set
/// for the one call (the only task-local on the read path, and PostgresNIO's requirement, not a
/// choice of route: `Reads` chooses). Rows come back in binary while the prepared description says
/// text (a PostgresNIO slip), so `PreparedRow` reads every cell as binary.
///
/// One lives in the app's `DataEnvironment`, made when the app runs on PostgreSQL.
package final class PostgresPrepared: Sendable {
    /// Distinct statements given a name; beyond this, reads go unnamed as before, so a query
    /// whose text varies without bound cannot fill every connection with statements.
    package let names: Names
    private let served = NIOLockedValueBox(0)

    package init(nameLimit: Int = 400) { names = Names(limit: nameLimit) }

    /// Statements answered here, for tests that prove pages use them.
    package var statementsServed: Int { served.withLockedValue { $0 } }

    /// One name for each statement text, the same on every connection.
    package final class Names: Sendable {
        package let limit: Int
        private let names = NIOLockedValueBox<[String: String]>([:])

        package init(limit: Int) { self.limit = limit }

        /// The name for a statement's text, or nil when the limit is reached.
        package func name(for sql: String) -> String? {
            names.withLockedValue { names in
                if let name = names[sql] { return name }
                guard names.count < limit else { return nil }
                let name = "foothold_\(names.count + 1)"
                names[sql] = name
                return name
            }
        }
    }

    package struct Statement: PostgresPreparedStatement {
        package typealias Row = PostgresRow
        @TaskLocal package static var text: (name: String, sql: String) = ("", "")
        package static var name: String { text.name }
        package static var sql: String { text.sql }

        package let bindings: PostgresBindings
        package func makeBindings() -> PostgresBindings { bindings }
        package func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
    }

    /// The rows of a read, or nil when it cannot go prepared (not PostgreSQL, the limit reached, or
    /// a value PostgresNIO cannot bind directly); the caller then sends it the ordinary way.
    package func rows(_ query: SQLQueryString, on database: any Database) async throws -> [any SQLRow]? {
        let sql = database.sql
        guard sql.dialect.name == "postgresql", let postgres = database as? any PostgresDatabase else { return nil }
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        guard let bindings = Self.bindings(serializer.binds), let name = names.name(for: serializer.sql) else { return nil }
        database.logger.debug("Executing query", metadata: ["sql": .string(serializer.sql), "prepared": .string(name)])
        let text = serializer.sql, logger = database.logger
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await Statement.$text.withValue((name, text)) {
                    var rows: [PostgresRow] = []
                    for try await row in try await connection.execute(Statement(bindings: bindings), logger: logger) { rows.append(row) }
                    return rows
                }
            }
        }.get()
        served.withLockedValue { $0 += 1 }
        return rows.map { PreparedRow(row: $0.makeRandomAccess()) }
    }

    /// The values as PostgresNIO binds them, or nil if any is of a kind it has no direct encoding for.
    package static func bindings(_ values: [any Encodable & Sendable]) -> PostgresBindings? {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            if let encodable = value as? any PostgresThrowingDynamicTypeEncodable {
                guard (try? bindings.append(encodable)) != nil else { return nil }
            } else if let raw = value as? any RawRepresentable, let text = raw.rawValue as? String {
                bindings.append(text)
            } else {
                return nil
            }
        }
        return bindings
    }
}

import Fluent
import Foundation
import SQLKit
import Vapor

/// How the hand-written reads of the stores run: the one seam in front of the fast paths of
/// decisions 0006 and 0007 (decision 0014).
///
/// A `Reads` is a value made where work begins — `req.reads` for a request to the site,
/// `app.reads(on:)` for the command line, a transaction or a test — and handed to the stores, so
/// which code answers a read is chosen in plain sight, never by ambient state:
/// - on SQLite outside a transaction, the app's own read-only connections (`SQLiteReads`);
/// - on SQLite inside a transaction, the transaction's connection, so reads see its writes;
/// - on PostgreSQL, named prepared statements (`PostgresPrepared`) on the database given, which
///   inside a transaction is the transaction's connection;
/// - `Reads.driver(_:caches:)`, the driver's ordinary path, for whoever wants nothing else.
///
/// A store that writes in a transaction reads inside it with `within(_:)`: the same choice, made
/// for the transaction's connection. A `Reads` also carries the stores' caches (`StoreCaches`).
package struct Reads: Sendable {
    package enum Path: Sendable {
        case sqliteReadConnections(SQLiteReads)
        /// The same connections, stepped on a thread pool: for a long read that must not hold up
        /// the thread it was asked from (the monitoring counts, built in the background).
        case sqliteReadConnectionsOffloaded(SQLiteReads, NIOThreadPool)
        case postgresPrepared(PostgresPrepared)
        case driver
    }

    /// The database the store's Fluent queries and writes go to; also the driver path's reads.
    package let database: any Database
    package let path: Path
    /// What the stores keep between reads: decoded documents, SMART verdicts, the question bank.
    package let caches: StoreCaches

    /// Reads through the driver only.
    package static func driver(_ database: any Database, caches: StoreCaches) -> Reads {
        Reads(database: database, path: .driver, caches: caches)
    }

    /// These reads for a transaction begun on them: its connection, so they see its writes. On
    /// SQLite that is the driver's path (the read connections cannot see a transaction); on
    /// PostgreSQL, the same prepared statements on the transaction's connection.
    package func within(_ transaction: any Database) -> Reads {
        switch path {
        case .postgresPrepared: Reads(database: transaction, path: path, caches: caches)
        case .sqliteReadConnections, .sqliteReadConnectionsOffloaded, .driver: .driver(transaction, caches: caches)
        }
    }

    package func rows(_ query: SQLQueryString) async throws -> [any SQLRow] { try await run(query, first: false) }

    /// These reads with SQLite's steps moved to `threadPool`; on PostgreSQL, the same reads.
    package func offloaded(to threadPool: NIOThreadPool) -> Reads {
        guard case .sqliteReadConnections(let pool) = path else { return self }
        return Reads(database: database, path: .sqliteReadConnectionsOffloaded(pool, threadPool), caches: caches)
    }

    package func firstRow(_ query: SQLQueryString) async throws -> (any SQLRow)? { try await run(query, first: true).first }

    /// All the rows, or with `first` at most the first (SQLite's read connections then stop stepping).
    private func run(_ query: SQLQueryString, first: Bool) async throws -> [any SQLRow] {
        switch path {
        case .sqliteReadConnections(let pool):
            return try pool.rows(query, first: first, serializer: database.sql, logger: database.logger)
        case .sqliteReadConnectionsOffloaded(let pool, let threadPool):
            let (sql, logger) = (database.sql, database.logger)
            return try await threadPool.runIfActive { try pool.rows(query, first: first, serializer: sql, logger: logger) }
        case .postgresPrepared(let prepared):
            if let rows = try await prepared.rows(query, on: database) { return rows }
            return try await database.sql.raw(query).all()
        case .driver:
            return try await database.sql.raw(query).all()
        }
    }
}

extension Application {
    /// The fastest reads this app has on its own database, for work outside a request.
    package var reads: Reads { reads(on: db) }

    /// The fastest reads this app has on `database` (the app's own, or a transaction's).
    package func reads(on database: any Database) -> Reads {
        let data = self.data
        if let sqliteReads = data.sqliteReads, !database.inTransaction {
            return Reads(database: database, path: .sqliteReadConnections(sqliteReads), caches: data.caches)
        }
        if let postgresPrepared = data.postgresPrepared {
            return Reads(database: database, path: .postgresPrepared(postgresPrepared), caches: data.caches)
        }
        return .driver(database, caches: data.caches)
    }
}

extension Request {
    /// The reads of a request to the site.
    package var reads: Reads { application.reads(on: db) }
}

extension Request {
    /// The database a request writes through, handed to the stores. Features do not import Fluent
    /// (so no handler, page model or view can run a query of its own); this is how they reach it.
    package var database: any Database { db }
}

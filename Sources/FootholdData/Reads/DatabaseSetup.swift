import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import FootholdCore
import Foundation
import SQLKit
import Vapor

/// Opens the database that the configuration names and proves it answers, or fails with one line
/// that says what is wrong.
package enum DatabaseSetup {
    /// PostgreSQL connections per event loop. Vapor runs one event loop per core, so on two cores
    /// this is eight connections per app instance: enough to keep both cores busy while some
    /// queries wait on the server, and small enough that a dozen instances stay inside
    /// PostgreSQL's default limit of 100 connections. SQLite always uses one connection per event
    /// loop: its driver fixes that, since more would only contend for the same file lock.
    package static let postgresConnectionsPerEventLoop = 4

    /// Settings every PostgreSQL connection starts with. Prepared statements (only the pages'
    /// hand-written reads, decision 0007) use their generic plan from the first run: their
    /// parameters are ids and flags, for which the best plan does not depend on the value, and
    /// PostgreSQL otherwise re-plans a statement on every run whenever one person's history makes
    /// the custom plan look cheaper (2 ms of planning for the conversation list). Statements sent
    /// unnamed are planned for their values as always.
    ///
    /// No parallel workers: a page's statement reads a few dozen rows, and a worker costs
    /// milliseconds to start; with many requests at once the cores are busy anyway. After its
    /// search words were rebuilt, PostgreSQL chose two workers for the directory search and took
    /// 17 ms over what one process does in 0.2 ms.
    package static let postgresSettings = [("plan_cache_mode", "force_generic_plan"), ("max_parallel_workers_per_gather", "0")]

    package static func register(_ storage: DatabaseStorage, on app: Application) throws {
        switch storage {
        case .sqlite(let path):
            try checkWritable(sqlitePath: path)
            app.databases.use(.sqlite(.file(path)), as: .sqlite)
        case .postgres(let url, _, _, _):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.coreConfiguration.options.additionalStartupParameters += postgresSettings
            app.databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: postgresConnectionsPerEventLoop,
                    connectionPoolTimeout: .seconds(10), encodingContext: .default, decodingContext: .default),
                as: .psql)
        }
    }

    /// Runs a first statement: WAL mode for SQLite (kept in the file), a plain query for PostgreSQL.
    package static func check(_ storage: DatabaseStorage, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        do {
            switch storage {
            case .sqlite:
                _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
            case .postgres:
                _ = try await sql.raw("SELECT 1").all()
            }
        } catch {
            throw ConfigurationProblem(describe(error, storage: storage))
        }
    }

    /// Per-connection SQLite settings. Each event loop's pool holds exactly one connection (the
    /// driver fixes that), so running them once on every event loop reaches every connection.
    /// synchronous=NORMAL is safe with WAL (a power cut can lose the last commits, never corrupt
    /// the file) and saves an fsync on every write; the page cache is 16 MB a connection. A write
    /// that finds the file locked by another process (`foothold remind` beside `serve`) waits up to
    /// five seconds for it rather than failing at once.
    package static let sqlitePragmas = [
        "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -16384", "PRAGMA temp_store = MEMORY", "PRAGMA busy_timeout = 5000",
    ]

    package static func tuneSQLite(_ app: Application) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            guard let database = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
            for pragma in sqlitePragmas { _ = try await database.raw(SQLQueryString(pragma)).all() }
        }
    }

    /// After a bulk load, PostgreSQL plans with the statistics it had before: with none, it
    /// guesses hundreds of conversations a person and starts parallel workers for a lookup that
    /// finds thirty (10 ms instead of half of one). Its autovacuum would catch up in a while; the
    /// demo and the import ask now. SQLite's planner uses its indexes' shape and needs nothing.
    package static func refreshStatistics(on database: any Database) async throws {
        guard database.sql.dialect.name == "postgresql" else { return }
        try await database.sql.raw("ANALYZE").run()
    }

    package static func checkWritable(sqlitePath path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        let files = FileManager.default
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationProblem("DATABASE_URL: cannot create the SQLite database \(path): the folder \(folder) does not exist")
        }
        if files.fileExists(atPath: url.path) {
            guard files.isWritableFile(atPath: url.path) else {
                throw ConfigurationProblem("DATABASE_URL: the SQLite database \(path) cannot be written to (check its permissions)")
            }
        } else if !files.isWritableFile(atPath: folder) {
            throw ConfigurationProblem(
                "DATABASE_URL: cannot create the SQLite database \(path): the folder \(folder) cannot be written to")
        }
    }

    package static func describe(_ error: any Error, storage: DatabaseStorage) -> String {
        switch storage {
        case .sqlite(let path):
            return "DATABASE_URL: cannot open the SQLite database \(path): \(String(describing: error))"
        case .postgres(_, let host, let port, let database):
            let reason: String
            if let psql = error as? PSQLError {
                switch psql.code {
                case .connectionError: reason = "the server does not answer (is PostgreSQL running there?)"
                case .server: reason = psql.serverInfo?[.message] ?? "the server refused the connection"
                default: reason = String(describing: psql.code)
                }
            } else {
                reason = String(describing: error)
            }
            return "DATABASE_URL: cannot use PostgreSQL database \(database) at \(host):\(port): \(reason)"
        }
    }
}

import FluentKit
@testable import FootholdData
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor
import XCTVapor
@testable import FootholdApp

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NIOLock()
    private var current: Date

    init(_ start: Date = TestDatabase.fixedNow) { current = start }

    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    func advance(to moment: Date) { lock.withLock { current = max(current, moment) } }
}

/// Ids tests can predict: each app instance counts up from its own prefix, so a test (and a
/// second instance on the same database) knows the id of what it creates next.
final class TestIDs: @unchecked Sendable {
    private let lock = NIOLock()
    private var count = 0
    let instance: Int

    init(instance: Int = 1) { self.instance = instance }

    /// `0000000N-0000-4000-8000-00000000000K` for instance N's Kth id.
    func next() -> UUID {
        let number = lock.withLock {
            count += 1
            return count
        }
        return UUID(uuidString: String(format: "%08X-0000-4000-8000-%012X", instance, number))!
    }

    /// The id the Kth call made or will make.
    func id(_ number: Int) -> UUID { UUID(uuidString: String(format: "%08X-0000-4000-8000-%012X", instance, number))! }
}

/// Gives each test a fresh, migrated database: a new SQLite file, or — when scripts/test provides
/// a PostgreSQL server in FOOTHOLD_TEST_POSTGRES_URL — a new database cloned from a template that
/// was migrated once for the whole run.
enum TestDatabase {
    /// Thursday 19 November 2026, 10:00 UTC.
    static let fixedNow = Date(timeIntervalSince1970: 1_795_082_400)

    static var postgresServerURL: String? {
        ProcessInfo.processInfo.environment["FOOTHOLD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isPostgres: Bool { postgresServerURL != nil }

    struct Handle: Sendable {
        var storage: Configuration.Storage
        var drop: @Sendable () async -> Void
    }

    static func make() async throws -> Handle {
        guard let server = postgresServerURL else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-test-\(UUID().uuidString).sqlite").path
            try FileManager.default.copyItem(atPath: try await SQLiteTemplate.shared.path(), toPath: path)
            return Handle(storage: .sqlite(path: path)) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let template = try await PostgresTemplate.shared.name(server: server)
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await PostgresTemplate.admin(server: server, "CREATE DATABASE \(name) TEMPLATE \(template)")
        let url = PostgresTemplate.url(server: server, database: name)
        return Handle(storage: try Configuration.parseDatabaseURL(url)) {
            try? await PostgresTemplate.admin(server: server, "DROP DATABASE IF EXISTS \(name)")
        }
    }
}

/// The SQLite file every test database is copied from, migrated once per run: copying a file is
/// far quicker than running every migration again for each test.
actor SQLiteTemplate {
    enum TemplateError: Error { case logLeftBehind(String) }
    static let shared = SQLiteTemplate()
    private var prepared: String?

    func path() async throws -> String {
        if let prepared { return prepared }
        let folder = FileManager.default.temporaryDirectory
        Self.removeTemplatesOfEndedRuns(in: folder)
        let path = folder.appendingPathComponent("foothold-template-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let app = try await makeApplication(
            configuration: Configuration(storage: .sqlite(path: path), bcryptCost: 4), environment: .testing)
        do {
            try await app.autoMigrate()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        // The last connection to close writes the log into the main file, so the file alone is the database.
        try await app.asyncShutdown()
        guard !FileManager.default.fileExists(atPath: path + "-wal") else { throw TemplateError.logLeftBehind(path) }
        prepared = path
        return path
    }

    /// A run cannot remove its template as it ends; the next run removes those of runs no longer going.
    private static func removeTemplatesOfEndedRuns(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix("foothold-template-") && name.hasSuffix(".sqlite") {
            let pid = name.dropFirst("foothold-template-".count).dropLast(".sqlite".count)
            guard let pid = Int32(pid), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}

/// The PostgreSQL database every test database is cloned from, migrated once per run.
actor PostgresTemplate {
    static let shared = PostgresTemplate()
    private var prepared: String?

    func name(server: String) async throws -> String {
        if let prepared { return prepared }
        let name = "foothold_template_\(ProcessInfo.processInfo.processIdentifier)"
        try await Self.admin(server: server, "DROP DATABASE IF EXISTS \(name)")
        try await Self.admin(server: server, "CREATE DATABASE \(name)")
        let app = try await makeApplication(
            configuration: Configuration(
                storage: try Configuration.parseDatabaseURL(Self.url(server: server, database: name)), bcryptCost: 4),
            environment: .testing)
        try await app.autoMigrate()
        try await app.asyncShutdown()
        prepared = name
        return name
    }

    static func url(server: String, database: String) -> String {
        guard let slash = server.range(of: "/", options: .backwards), server[..<slash.lowerBound].contains("@") else { return server }
        return server[..<slash.lowerBound] + "/" + database
    }

    /// Runs one statement on the server's maintenance database.
    static func admin(server: String, _ statement: String) async throws {
        let app = try await makeApplication(
            configuration: Configuration(storage: try Configuration.parseDatabaseURL(server), bcryptCost: 4), environment: .testing)
        do {
            _ = try await (app.db as! any SQLDatabase).raw(SQLQueryString(statement)).all()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// One Foothold application on a fresh database, plus what a test needs around it.
final class TestApp: @unchecked Sendable {
    let app: Application
    let clock: TestClock
    let ids: TestIDs
    let database: TestDatabase.Handle

    private init(app: Application, clock: TestClock, ids: TestIDs, database: TestDatabase.Handle) {
        self.app = app
        self.clock = clock
        self.ids = ids
        self.database = database
    }

    static func make(
        clock: TestClock = TestClock(), database: TestDatabase.Handle? = nil,
        baseURL: String = "http://127.0.0.1:8080", clientAddressHeader: String? = nil,
        adjust: (inout Configuration) -> Void = { _ in }, clients adjustClients: (inout AppClients) -> Void = { _ in }
    ) async throws -> TestApp {
        let ids = TestIDs()
        let handle: TestDatabase.Handle
        if let database { handle = database } else { handle = try await TestDatabase.make() }
        var configuration = Configuration(
            // Monitoring counted afresh for every page, so a test sees a change at once.
            storage: handle.storage, baseURL: baseURL, bcryptCost: 4, clientAddressHeader: clientAddressHeader,
            monitoringRefresh: 0)
        adjust(&configuration)
        var clients = AppClients(now: { clock.now }, makeToken: AppClients.live.makeToken, makeID: ids.next)
        adjustClients(&clients)
        let app = try await makeApplication(
            configuration: configuration, clients: clients, environment: .testing, logLevel: .warning)
        try await app.autoMigrate()
        return TestApp(app: app, clock: clock, ids: ids, database: handle)
    }

    /// A second instance on the same database, as a load balancer would run.
    func sibling() async throws -> TestApp {
        let clock = self.clock
        let ids = TestIDs(instance: self.ids.instance + 1)
        let app = try await makeApplication(
            configuration: Configuration(storage: database.storage, bcryptCost: 4, monitoringRefresh: 0),
            clients: AppClients(now: { clock.now }, makeToken: AppClients.live.makeToken, makeID: ids.next),
            environment: .testing, logLevel: .warning)
        return TestApp(app: app, clock: clock, ids: ids, database: TestDatabase.Handle(storage: database.storage, drop: {}))
    }

    func shutdown() async {
        try? await app.asyncShutdown()
        await database.drop()
    }

    var db: any Database { app.db }
    /// The reads a request to the site would use.
    var reads: Reads { app.reads(on: app.db) }

    func browser() -> Browser { Browser(app: app) }
}

/// Runs `body` with a fresh app and always shuts it down.
func withApp(
    clock: TestClock = TestClock(), baseURL: String = "http://127.0.0.1:8080", clientAddressHeader: String? = nil,
    _ body: (TestApp) async throws -> Void
) async throws {
    let testApp = try await TestApp.make(clock: clock, baseURL: baseURL, clientAddressHeader: clientAddressHeader)
    do {
        try await body(testApp)
    } catch {
        await testApp.shutdown()
        throw error
    }
    await testApp.shutdown()
}

import FootholdData
import FootholdDemo
import NIOCore
import NIOPosix
import FootholdCore
import Foundation
import Vapor

/// What the command-line tool can ask of Foothold. Each operation opens the configured database,
/// brings its tables up to date and closes it again; the tool itself only parses arguments.
public enum Operations {
    public typealias Progress = @Sendable (Int, Int) -> Void

    /// With `oneConnection`, the app runs a single event loop, so on SQLite it holds a single
    /// connection: the demo needs that to write outside the write-ahead log.
    static func withApplication<T>(
        _ configuration: Configuration, oneConnection: Bool = false,
        _ body: (Application) async throws -> T
    ) async throws -> T {
        let group = oneConnection ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
        do {
            let app = try await makeApplication(configuration: configuration, eventLoopGroup: group)
            do {
                try await app.migrateDatabase()
                let result = try await body(app)
                try await app.asyncShutdown()
                try await group?.shutdownGracefully()
                return result
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        } catch {
            try? await group?.shutdownGracefully()
            throw error
        }
    }

    /// One reminder pass; says what it did.
    public static func remind(_ configuration: Configuration) async throws -> String {
        try await withApplication(configuration) { app in
            let outcome = try await ReminderPass(app: app, log: { say($0) }).run(now: app.clients.now())
            return ReminderSchedule.summary(outcome)
        }
    }

    public static func migrate(_ configuration: Configuration) async throws {
        try await withApplication(configuration) { _ in }
    }

    /// Serves the web app until SIGINT or SIGTERM. With `demo` and an empty database, fills it with
    /// the demo organisation first and prints whom to sign in as.
    public static func serve(_ configuration: Configuration, hostname: String, port: Int, demo: Bool) async throws {
        runTasksOnEventLoops()
        var configuration = configuration
        if demo && configuration.mail.transport == .none {
            // A new user sees what would be sent without any mail server, whatever the hour.
            // Beside the demo's database file, so it goes where the database goes.
            var folder = demoMailFolder
            if case .sqlite(let path) = configuration.storage, path.contains("/") {
                folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(demoMailFolder).path
            }
            configuration.mail.transport = .folder(path: folder)
            configuration.sending = SendingTime(hours: 0..<24, weekends: true)
            configuration.reminderInterval = configuration.reminderInterval ?? 5 * 60
        }
        let app = try await makeApplication(configuration: configuration)
        do {
            try await app.migrateDatabase()
            if demo {
                if try await DemoLoader.isEmpty(app.writes) {
                    let result = try await DemoLoader.load(people: 60, seed: 1, years: 2, on: app)
                    say("Created the demo organisation: \(result.people) people in \(result.units) units.")
                    say(demoAccounts(result, baseURL: "http://\(hostname):\(port)"))
                } else {
                    say("The database already has people in it, so the demo organisation was not created again.")
                    say("Every demo account's password is \(DemoLoader.password).")
                }
            }
            app.http.server.configuration.hostname = hostname
            app.http.server.configuration.port = port
            if let interval = configuration.reminderInterval {
                app.lifecycle.use(ReminderSchedule(interval: interval))
                // What someone has just done or asked for is delivered at once, not at the next pass.
                app.foothold.outboxKick.switchOn()
                if case .folder(let path) = configuration.mail.transport, demo {
                    say("Reminders are written to the folder \(path)/, one .eml file a message, instead of being e-mailed.")
                }
            }
            say("Foothold is running at http://\(hostname):\(port) on \(configuration.storage.summary). Press Ctrl-C to stop.")
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Where `serve --demo` writes reminders' e-mail when no mail server is configured.
    public static let demoMailFolder = "foothold-demo-mail"

    /// Makes the server's event loops Swift's global executor, so a page's async code and the I/O it
    /// waits on share a thread instead of handing every request between two pools (decision 0009).
    /// Only `serve` does this, once, before the application starts; other commands and tests run on
    /// Swift's own pool.
    private static func runTasksOnEventLoops() {
        if !NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            say("Note: this platform keeps Swift's tasks on their own threads, so pages will be a little slower.")
        }
    }

    public static func demoAccounts(_ result: DemoLoader.Result, baseURL: String) -> String {
        var lines = ["Sign in at \(baseURL)/sign-in as any of these, with the password \(DemoLoader.password):"]
        let width = result.accounts.map(\.role.count).max() ?? 0
        for account in result.accounts {
            lines.append("  \(account.role.padding(toLength: width, withPad: " ", startingAt: 0))  \(account.email)  (\(account.name))")
        }
        return lines.joined(separator: "\n")
    }

    public static func demo(_ configuration: Configuration, people: Int, seed: UInt64, years: Int, progress: Progress?) async throws
        -> DemoLoader.Result
    {
        try await withApplication(configuration, oneConnection: true) { app in
            try await DemoLoader.load(people: people, seed: seed, years: years, on: app, progress: progress)
        }
    }

    public static func importPeople(
        _ configuration: Configuration, csv: String, deactivateMissing: Bool, dryRun: Bool = false,
        progress: Progress?
    ) async throws -> Result<PeopleImporter.Outcome, PeopleImport.Failure> {
        try await withApplication(configuration) { app in
            try await PeopleImporter.run(
                csv: csv, deactivateMissing: deactivateMissing, on: app.writes, now: app.clients.now(), dryRun: dryRun, progress: progress)
        }
    }

    public static func createAdministrator(_ configuration: Configuration, email: String, name: String?) async throws -> (
        created: Bool, link: String
    ) {
        try await withApplication(configuration) { app in
            try await Accounts(app: app).createAdministrator(email: email, name: name)
        }
    }

    public static func invite(_ configuration: Configuration, email: String) async throws -> String {
        try await withApplication(configuration) { app in try await Accounts(app: app).invite(email: email) }
    }

    public static func setPassword(_ configuration: Configuration, email: String, password: String) async throws {
        try await withApplication(configuration) { app in try await Accounts(app: app).setPassword(email: email, password: password) }
    }
}

/// Writes a line to standard output straight away (unbuffered), so it shows even when the output
/// goes to a pipe or a log file and the program runs on for hours.
public func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

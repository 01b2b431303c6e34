import ArgumentParser
import FootholdApp
import FootholdCore
import FootholdData
import Foundation

@main
struct Foothold: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foothold",
        abstract: "Foothold runs an organisation's career-conversation programme.",
        discussion: """
            Storage is chosen by DATABASE_URL: sqlite:PATH (the default is sqlite:foothold.sqlite) or \
            postgres://user:password@host:port/database. FOOTHOLD_BASE_URL is the address people reach \
            Foothold at, used in invitation links (default http://127.0.0.1:8080). \
            FOOTHOLD_TIME_ZONE is the organisation's time zone (default Europe/London); \
            FOOTHOLD_BCRYPT_COST the password hashing cost (default 12). Reminders' e-mail goes by \
            FOOTHOLD_SMTP_URL, FOOTHOLD_SENDMAIL or FOOTHOLD_MAIL_FOLDER, from FOOTHOLD_MAIL_FROM; the README \
            lists every setting.
            """,
        subcommands: [Serve.self, Remind.self, Migrate.self, Import.self, Demo.self, User.self]
    )
}

/// Reads the configuration, runs `body`, and turns any problem into one line and a non-zero exit.
/// Every command's `run()` starts here (a name of its own, so it does not clash with theirs).
func withConfiguration(_ body: (FootholdApp.Configuration) async throws -> Void) async throws {
    do {
        let configuration = try FootholdApp.Configuration.fromEnvironment()
        try await body(configuration)
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        Terminal.error(String(describing: error))
        throw ExitCode.failure
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web app (and bring the database up to date first).")

    @Flag(
        help: """
            Fill an empty database with a demo organisation of about 60 people, print whom to sign in as, and (with no mail \
            server set) write reminders' e-mail as .eml files to foothold-demo-mail/ beside the database.
            """)
    var demo = false
    @ArgumentParser.Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "The port to listen on.")
    var port = 8080

    func run() async throws {
        try await withConfiguration { configuration in
            try await Operations.serve(configuration, hostname: hostname, port: port, demo: demo)
        }
    }
}

struct Remind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one reminder pass: record what is due, send what is waiting, and stop.",
        discussion: """
            Each reminder is recorded once, under its own key, before it is sent, so passes run at the same \
            time by several servers never send one twice. `serve` runs a pass every FOOTHOLD_REMINDER_MINUTES \
            (default 5; 0 for none).
            """)

    func run() async throws {
        try await withConfiguration { configuration in
            say(try await Operations.remind(configuration))
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database's tables up to date.")

    func run() async throws {
        try await withConfiguration { configuration in
            try await Operations.migrate(configuration)
            say("The database is up to date (\(configuration.storage.summary)).")
        }
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import people, units and reporting lines from a CSV file.",
        discussion: """
            Columns: email,name,job_title,unit,manager_email,leadership_team,hr_admin and optionally unit_head. \
            The whole file is checked first; if any row has a problem, every problem is listed with its line \
            and nothing is written.
            """)

    @Argument(help: "The CSV file (UTF-8).")
    var file: String
    @Flag(help: "Mark active people who are not in the file as having left.")
    var deactivateMissing = false
    @Flag(help: "Check the file and say what importing it would do, without changing anything.")
    var dryRun = false

    func run() async throws {
        try await withConfiguration { configuration in
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandProblem("cannot read \(file): no such file, or it cannot be opened")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandProblem("\(file) is not UTF-8 text; in your spreadsheet, save it as “CSV UTF-8”")
            }
            let bar = ProgressBar(label: dryRun ? "Checking" : "Importing")
            let result = try await Operations.importPeople(
                configuration, csv: text, deactivateMissing: deactivateMissing, dryRun: dryRun, progress: bar.update)
            bar.finish()
            switch result {
            case .success(let outcome):
                for warning in outcome.warnings { Terminal.warning(warning.description) }
                if dryRun {
                    say("Importing \(file) would do this: \(outcome.summary). Nothing was changed.")
                    for head in outcome.newHeads { say("  \(head.name) would head \(head.unit) and see its monitoring") }
                    for unit in outcome.newUnits { say("  new unit: \(unit)") }
                    for name in outcome.leaving { say("  leaving: \(name)") }
                } else {
                    say("Imported \(file): \(outcome.summary).")
                }
            case .failure(let failure):
                for warning in failure.warnings { Terminal.warning(warning.description) }
                for problem in failure.problems { Terminal.line(problem.description) }
                Terminal.error(
                    "\(file) has \(failure.problems.count) problem\(failure.problems.count == 1 ? "" : "s"); nothing was imported.")
                throw ExitCode.failure
            }
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with a realistic fictional organisation and its conversation history.")

    @ArgumentParser.Option(help: "How many people.")
    var people = 60
    @ArgumentParser.Option(help: "The same seed gives the same organisation.")
    var seed: UInt64 = 1
    @ArgumentParser.Option(help: "Career years of conversation history, ending with the current one.")
    var years = 1

    func validate() throws {
        guard people >= 1 && people <= 1_000_000 else { throw ValidationError("--people must be between 1 and 1000000") }
        guard years >= 1 && years <= 20 else { throw ValidationError("--years must be between 1 and 20") }
    }

    func run() async throws {
        try await withConfiguration { configuration in
            let started = Date()
            let bar = ProgressBar(label: "Creating people")
            let result = try await Operations.demo(configuration, people: people, seed: seed, years: years, progress: bar.update)
            bar.finish()
            let seconds = Date().timeIntervalSince(started)
            say("Created \(result.people) people in \(result.units) units in \(String(format: "%.1f", seconds)) s.")
            say(Operations.demoAccounts(result, baseURL: configuration.baseURL))
        }
    }
}

struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage sign-in accounts.",
        subcommands: [CreateAdmin.self, Invite.self, SetPassword.self])

    struct CreateAdmin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-admin",
            abstract: "Make someone an HR administrator (adding them if needed) and print a link to set their password.")

        @Argument(help: "Their email address.")
        var email: String
        @ArgumentParser.Option(help: "Their name, when they are new to Foothold.")
        var name: String?

        func run() async throws {
            try await withConfiguration { configuration in
                let result = try await Operations.createAdministrator(configuration, email: email, name: name)
                say(result.created ? "Added \(email) as an HR administrator." : "\(email) is now an HR administrator.")
                say("They can set their password here within 7 days (the link works once):")
                say(result.link)
            }
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a one-time link, valid for 7 days, with which someone sets their password.")

        @Argument(help: "Their email address.")
        var email: String

        func run() async throws {
            try await withConfiguration { configuration in
                say(try await Operations.invite(configuration, email: email))
            }
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set someone's password, read from the first line of standard input.")

        @Argument(help: "Their email address.")
        var email: String

        func run() async throws {
            try await withConfiguration { configuration in
                guard let password = readLine(strippingNewline: true) else {
                    throw CommandProblem("no password on standard input; try: echo 'a long password' | foothold user set-password \(email)")
                }
                try await Operations.setPassword(configuration, email: email, password: password)
                say("The password for \(email) is set.")
            }
        }
    }
}

struct CommandProblem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

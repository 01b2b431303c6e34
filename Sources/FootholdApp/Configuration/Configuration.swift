import FootholdCore
import FootholdData
import Foundation

/// Everything Foothold reads from its environment, read once at start-up and checked. A wrong value
/// stops the program with one line that names the variable and what was wrong with it.
public struct Configuration: Sendable, Equatable {
    struct MailSettings: Sendable, Equatable {
        var transport: MailTransport
        var from: MailMessage.Address

        /// "foothold@example.org" or "Foothold <foothold@example.org>".
        static func parseAddress(_ raw: String) -> MailMessage.Address? {
            var name = ""
            var email = raw.trimmingCharacters(in: .whitespaces)
            if email.hasSuffix(">"), let open = email.lastIndex(of: "<") {
                name = email[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                email = String(email[email.index(after: open)..<email.index(before: email.endIndex)])
            }
            guard EmailAddress.problem(with: email) == nil, !name.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) else {
                return nil
            }
            return MailMessage.Address(name: name, email: email)
        }
    }

    /// Where the data is kept (`DatabaseStorage`).
    public typealias Storage = DatabaseStorage
    /// A setting that cannot be used as it is (`ConfigurationProblem`).
    public typealias Problem = ConfigurationProblem

    public var storage: Storage
    /// The address people reach Foothold at; used in invitation links and to decide whether
    /// cookies are marked Secure.
    public var baseURL: String
    /// bcrypt's work factor. 12 by default; tests lower it to keep the suite fast.
    public var bcryptCost: Int
    /// The organisation's time zone: checkpoint windows are days in it, and times are shown in it.
    public var timeZone: TimeZone
    /// How long a session may go unused before it ends (it ends after 12 hours in any case).
    public var sessionIdle: TimeInterval
    /// A header a trusted proxy sets to the client's address (such as X-Forwarded-For), or nil to
    /// use the connection's own address.
    public var clientAddressHeader: String?
    /// How old, in seconds, the monitoring counts may be before a page asks for them afresh (they
    /// are counted again in the background meanwhile, and never shown more than a minute old);
    /// 0 counts them for every page (decision 0016).
    public var monitoringRefresh: TimeInterval
    /// Where reminders' e-mail goes, and whom it comes from.
    var mail: MailSettings
    /// How often `serve` runs a reminder pass; nil runs none (`foothold remind` still does).
    public var reminderInterval: TimeInterval?
    public var sending: SendingTime
    /// Where requests Foothold makes of its own may go (decision 0020).
    var outbound = OutboundHTTP()
    /// Signing in with the organisation's accounts, when it is set up (decision 0025).
    var singleSignOn: SingleSignOnSettings?
    /// Who may sign in with a password.
    var passwordSignIn = PasswordSignIn.everyone

    public static let defaultDatabaseURL = "sqlite:foothold.sqlite"

    public init(
        storage: Storage, baseURL: String = "http://127.0.0.1:8080", bcryptCost: Int = 12,
        timeZone: TimeZone = TimeZone(identifier: "Europe/London")!, sessionIdle: TimeInterval = 2 * 60 * 60,
        clientAddressHeader: String? = nil, monitoringRefresh: TimeInterval = 30, reminderInterval: TimeInterval? = nil,
        sending: SendingTime = .standard
    ) {
        self.mail = MailSettings(transport: .none, from: MailMessage.Address(name: "Foothold", email: "foothold@localhost"))
        self.reminderInterval = reminderInterval
        self.sending = sending
        self.storage = storage
        self.baseURL = baseURL
        self.bcryptCost = bcryptCost
        self.timeZone = timeZone
        self.sessionIdle = sessionIdle
        self.clientAddressHeader = clientAddressHeader
        self.monitoringRefresh = monitoringRefresh
    }

    public var usesHTTPS: Bool { baseURL.lowercased().hasPrefix("https://") }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(Problem)
        -> Configuration
    {
        let storage = try parseDatabaseURL(environment["DATABASE_URL"] ?? defaultDatabaseURL)
        var baseURL = environment["FOOTHOLD_BASE_URL"] ?? "http://127.0.0.1:8080"
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw Problem("FOOTHOLD_BASE_URL must be an http:// or https:// address such as https://foothold.example.org, not '\(baseURL)'")
        }
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        var cost = 12
        if let raw = environment["FOOTHOLD_BCRYPT_COST"] {
            guard let value = Int(raw), (4...16).contains(value) else {
                throw Problem("FOOTHOLD_BCRYPT_COST must be a whole number from 4 to 16, not '\(raw)'")
            }
            cost = value
        }
        var timeZone = TimeZone(identifier: "Europe/London")!
        if let raw = environment["FOOTHOLD_TIME_ZONE"] {
            guard let zone = TimeZone(identifier: raw) else {
                throw Problem("FOOTHOLD_TIME_ZONE must be a time zone name such as Europe/London, not '\(raw)'")
            }
            timeZone = zone
        }
        var idle: TimeInterval = 2 * 60 * 60
        if let raw = environment["FOOTHOLD_SESSION_IDLE_MINUTES"] {
            guard let minutes = Int(raw), (5...720).contains(minutes) else {
                throw Problem("FOOTHOLD_SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 720, not '\(raw)'")
            }
            idle = TimeInterval(minutes * 60)
        }
        var addressHeader: String?
        if let raw = environment["FOOTHOLD_CLIENT_ADDRESS_HEADER"], !raw.isEmpty {
            guard
                raw.utf8.allSatisfy({
                    $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
                })
            else {
                throw Problem("FOOTHOLD_CLIENT_ADDRESS_HEADER must be a header name such as X-Forwarded-For, not '\(raw)'")
            }
            addressHeader = raw
        }
        var refresh: TimeInterval = 30
        if let raw = environment["FOOTHOLD_MONITORING_REFRESH_SECONDS"] {
            guard let seconds = Int(raw), (0...60).contains(seconds) else {
                throw Problem("FOOTHOLD_MONITORING_REFRESH_SECONDS must be a whole number of seconds from 0 to 60, not '\(raw)'")
            }
            refresh = TimeInterval(seconds)
        }
        var configuration = Configuration(
            storage: storage, baseURL: baseURL, bcryptCost: cost, timeZone: timeZone, sessionIdle: idle,
            clientAddressHeader: addressHeader, monitoringRefresh: refresh)
        try configuration.readReminders(environment)
        try configuration.readOutbound(environment)
        try configuration.readSingleSignOn(environment)
        return configuration
    }

    /// FOOTHOLD_SMTP_URL, FOOTHOLD_SENDMAIL or FOOTHOLD_MAIL_FOLDER (at most one), FOOTHOLD_MAIL_FROM,
    /// FOOTHOLD_REMINDER_MINUTES, FOOTHOLD_REMINDER_HOURS and FOOTHOLD_REMINDER_DAYS.
    mutating func readReminders(_ environment: [String: String]) throws(Problem) {
        let given = ["FOOTHOLD_SMTP_URL", "FOOTHOLD_SENDMAIL", "FOOTHOLD_MAIL_FOLDER"].filter { !(environment[$0] ?? "").isEmpty }
        guard given.count <= 1 else {
            throw Problem("Set only one of \(given.joined(separator: ", ")): each is a different way for e-mail to go out")
        }
        if let raw = environment["FOOTHOLD_SMTP_URL"], !raw.isEmpty {
            mail.transport = .smtp(try SMTPSettings.parse(raw))
        } else if let raw = environment["FOOTHOLD_SENDMAIL"], !raw.isEmpty {
            guard raw.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: raw) else {
                throw Problem(
                    "FOOTHOLD_SENDMAIL must be the full path of a sendmail-compatible program, such as /usr/sbin/sendmail, not '\(raw)'")
            }
            mail.transport = .sendmail(path: raw)
        } else if let raw = environment["FOOTHOLD_MAIL_FOLDER"], !raw.isEmpty {
            mail.transport = .folder(path: raw)
        }
        let host = URL(string: baseURL)?.host ?? "localhost"
        mail.from = MailMessage.Address(name: "Foothold", email: "foothold@" + host)
        if let raw = environment["FOOTHOLD_MAIL_FROM"], !raw.isEmpty {
            guard let address = MailSettings.parseAddress(raw) else {
                throw Problem(
                    "FOOTHOLD_MAIL_FROM must be an e-mail address, such as foothold@example.org or Foothold <foothold@example.org>, "
                        + "not '\(raw)'"
                )
            }
            mail.from = address
        }
        reminderInterval = 5 * 60
        if let raw = environment["FOOTHOLD_REMINDER_MINUTES"] {
            guard let minutes = Int(raw), (0...1440).contains(minutes) else {
                throw Problem("FOOTHOLD_REMINDER_MINUTES must be a whole number of minutes from 0 (no passes) to 1440, not '\(raw)'")
            }
            reminderInterval = minutes == 0 ? nil : TimeInterval(minutes * 60)
        }
        if let raw = environment["FOOTHOLD_REMINDER_HOURS"] {
            guard let hours = SendingTime.hours(raw) else {
                throw Problem("FOOTHOLD_REMINDER_HOURS must be two hours from 0 to 24 such as 8-18 (from 08:00 until 18:00), not '\(raw)'")
            }
            sending.hours = hours
        }
        if let raw = environment["FOOTHOLD_REMINDER_DAYS"] {
            switch raw.lowercased() {
            case "weekdays": sending.weekends = false
            case "every day": sending.weekends = true
            default: throw Problem("FOOTHOLD_REMINDER_DAYS must be 'weekdays' or 'every day', not '\(raw)'")
            }
        }
    }

    /// FOOTHOLD_OUTBOUND_ALLOW_HOSTS: hosts (comma-separated) that requests may reach although they
    /// are on this machine or a private network, such as a chat relay inside the organisation.
    /// FOOTHOLD_OUTBOUND_CA: a PEM file of roots to trust for them instead of the system's.
    mutating func readOutbound(_ environment: [String: String]) throws(Problem) {
        if let raw = environment["FOOTHOLD_OUTBOUND_ALLOW_HOSTS"], !raw.isEmpty {
            var hosts = Set<String>()
            for part in raw.split(separator: ",") {
                let host = OutboundAddress.normalised(part.trimmingCharacters(in: .whitespaces))
                guard !host.isEmpty, host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }) else {
                    throw Problem("FOOTHOLD_OUTBOUND_ALLOW_HOSTS must be host names or addresses separated by commas, not '\(raw)'")
                }
                hosts.insert(host)
            }
            outbound.allowedHosts = hosts
        }
        if let raw = environment["FOOTHOLD_OUTBOUND_CA"], !raw.isEmpty {
            guard FileManager.default.isReadableFile(atPath: raw) else {
                throw Problem("FOOTHOLD_OUTBOUND_CA must be a readable PEM file of certificates to trust, not '\(raw)'")
            }
            outbound.trustRoots = raw
        }
    }

    public static func parseDatabaseURL(_ raw: String) throws(Problem) -> Storage {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("sqlite:") {
            var path = String(value.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw Problem("DATABASE_URL: sqlite: needs a file path after it, such as sqlite:foothold.sqlite")
            }
            return .sqlite(path: path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            guard let url = URL(string: value), let host = url.host, !host.isEmpty else {
                throw Problem(
                    "DATABASE_URL: '\(redacted(value))' is not a valid address; expected postgres://user:password@host:port/database")
            }
            let database = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard !database.isEmpty else {
                throw Problem("DATABASE_URL: '\(redacted(value))' names no database; expected postgres://user:password@host:port/database")
            }
            guard url.user != nil else {
                throw Problem("DATABASE_URL: '\(redacted(value))' names no user; expected postgres://user:password@host:port/database")
            }
            return .postgres(url: value, host: host, port: url.port ?? 5432, database: database)
        }
        throw Problem(
            "DATABASE_URL: '\(redacted(value))' is not understood; use sqlite:PATH or postgres://user:password@host:port/database")
    }

    /// The address with any password hidden, safe to print.
    static func redacted(_ value: String) -> String {
        guard let at = value.firstIndex(of: "@"), let schemeEnd = value.range(of: "://")?.upperBound,
            let colon = value[schemeEnd..<at].firstIndex(of: ":")
        else { return value }
        return value[..<value.index(after: colon)] + "…" + value[at...]
    }
}

import FootholdData
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Everything the app is made of besides its routes, made once by `configure`: the configuration,
/// the injected clients, the workers and the caches. Each part is made there or `configure` fails,
/// so no page finds one missing; nothing else in the app keeps state of its own. Only tests change
/// it afterwards (a setting, or the clock).
struct FootholdEnvironment: Sendable {
    var configuration: Configuration
    /// Clock, ids, tokens and the host resolver for outbound requests.
    var clients: AppClients
    /// The database's part: its read path, the read audit and the stores' caches.
    let data: DataEnvironment
    /// bcrypt, on threads of its own (decision 0012).
    let passwordWork: PasswordWork
    /// A bcrypt hash of nothing anyone knows, made at the configured cost, so an unknown address
    /// takes as long to refuse as a wrong password.
    let signInDecoyHash: String
    /// The organisation's monitoring counts, kept for the dashboards (decision 0016).
    let monitoring: MonitoringCache<MonitoringSnapshot>
    /// Opportunities ranked for each person, kept while the catalogue is unchanged.
    let opportunityCatalogue: OpportunityCatalogue
    /// Delivers what is waiting in the outbox at once, once `serve` switches it on (decision 0022).
    let outboxKick: OutboxKick
    /// The mail servers already warned about in the log (plain-text delivery), for this app's life.
    let mailWarnings: NIOLockedValueBox<Set<String>>
    /// The organisation's identity provider, when single sign-on is set up (decision 0025).
    let identityProvider: OpenIDProvider?
    /// The Content-Security-Policy every response carries (`SecurityHeaders`).
    let contentSecurityPolicy: String
}

extension Application {
    private struct EnvironmentKey: StorageKey { typealias Value = FootholdEnvironment }

    /// The app's environment, made by `configure` before the app serves or a command runs.
    var foothold: FootholdEnvironment {
        get {
            guard let environment = storage[EnvironmentKey.self] else {
                preconditionFailure("configure(_:) makes the environment before anything uses it")
            }
            return environment
        }
        set { storage[EnvironmentKey.self] = newValue }
    }

    public internal(set) var footholdConfiguration: Configuration {
        get { foothold.configuration }
        set { foothold.configuration = newValue }
    }
    public internal(set) var clients: AppClients {
        get { foothold.clients }
        set { foothold.clients = newValue }
    }
    var passwordWork: PasswordWork { foothold.passwordWork }
    var monitoring: MonitoringCache<MonitoringSnapshot> { foothold.monitoring }
    var opportunityCatalogue: OpportunityCatalogue { foothold.opportunityCatalogue }
    var readAudit: ReadAudit { foothold.data.readAudit }
}

extension Request {
    var clients: AppClients { application.clients }
    var now: Date { application.clients.now() }
}

import FootholdData
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Sets up a Foothold application: storage, migrations, passwords, middleware and routes.
/// Fails with a `Configuration.Problem` when the database cannot be used.
public func configure(_ app: Application, configuration: Configuration, clients: AppClients = .live) async throws {
    let data = try await setUpDatabase(app, storage: configuration.storage, timeZone: configuration.timeZone)
    app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
    // bcrypt on a core's worth of threads of its own, with a bounded queue (decision 0012).
    let passwordWork = PasswordWork(threads: System.coreCount, cost: configuration.bcryptCost)
    app.lifecycle.use(PasswordWorkLifecycle(work: passwordWork))
    app.foothold = FootholdEnvironment(
        configuration: configuration, clients: clients, data: data, passwordWork: passwordWork,
        signInDecoyHash: try await passwordWork.hash(clients.makeToken()),
        monitoring: app.makeMonitoring(configuration, clients: clients), opportunityCatalogue: OpportunityCatalogue(),
        outboxKick: OutboxKick(), mailWarnings: NIOLockedValueBox([]),
        identityProvider: configuration.singleSignOn.map { OpenIDProvider(settings: $0, outbound: configuration.outbound) },
        contentSecurityPolicy: SecurityHeaders.policy(
            formsAlsoTo: configuration.singleSignOn.flatMap { SecurityHeaders.origin(of: $0.issuer) }))
    app.routes.defaultMaxBodySize = "64kb"

    app.middleware = Middlewares()
    app.middleware.use(SiteMiddleware())
    try routes(app)
}

/// Builds and configures an application for the command-line tool and tests, turning a
/// configuration problem into one line.
public func makeApplication(
    configuration: Configuration, clients: AppClients = .live, environment: Environment = .production,
    logLevel: Logger.Level = .notice, eventLoopGroup: (any EventLoopGroup)? = nil
) async throws -> Application {
    var environment = environment
    environment.arguments = ["foothold"]
    let app =
        if let eventLoopGroup {
            try await Application.make(environment, .shared(eventLoopGroup))
        } else {
            try await Application.make(environment)
        }
    app.logger.logLevel = logLevel
    do {
        try await configure(app, configuration: configuration, clients: clients)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    return app
}

import FootholdData
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Sets up a Foothold application: storage, migrations, passwords, middleware and routes.
/// Fails with a `Configuration.Problem` when the database cannot be used.
public func configure(_ app: Application, configuration: Configuration, clients: AppClients = .live) async throws {
    app.footholdConfiguration = configuration
    app.clients = clients
    app.questionBanks = QuestionBanks()
    try await setUpDatabase(app, storage: configuration.storage)
    app.startMonitoring()
    app.mailWarnings = NIOLockedValueBox([])
    app.opportunityCatalogue = OpportunityCatalogue()

    app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
    // bcrypt on a core's worth of threads of its own, with a bounded queue (decision 0012).
    app.usePasswordWork(PasswordWork(threads: System.coreCount, cost: configuration.bcryptCost))
    app.signInDecoyHash = try await app.passwordWork.hash(clients.makeToken())
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

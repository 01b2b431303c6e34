import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Sets up a Foothold application: storage, migrations, passwords, middleware and routes.
/// Fails with a `Configuration.Problem` when the database cannot be used.
public func configure(_ app: Application, configuration: Configuration, clients: AppClients = .live) async throws {
    app.footholdConfiguration = configuration
    app.clients = clients
    app.questionBanks = QuestionBanks()
    try DatabaseSetup.register(configuration.storage, on: app)
    // The driver logs a failed first connection loudly; the check below says it in one line instead.
    let logLevel = app.logger.logLevel
    app.logger.logLevel = .critical
    defer { app.logger.logLevel = logLevel }
    try await DatabaseSetup.check(configuration.storage, on: app.db)
    if case .sqlite(let path) = configuration.storage {
        try await DatabaseSetup.tuneSQLite(app)
        let reads = SQLiteReads(path: path)
        app.sqliteReads = reads
        app.lifecycle.use(reads)
    } else {
        app.postgresPrepared = PostgresPrepared()
    }

    // Migrations, in order; never change one once shipped.
    app.migrations.add(M001_CreateOrganisation())  // units and people
    app.migrations.add(M002_CreateAccounts())  // passwords, sessions, invitations, throttle
    app.migrations.add(M003_CreateCareerYears())  // career years, checkpoints, themes, question bank
    app.migrations.add(M004_CreateConversations())  // conversations, preparation, notes, actions, audit log
    app.migrations.add(M005_AddHistorySharing())  // people.share_history_with_manager
    app.migrations.add(M006_AddUnitHeadcounts())  // units.people_direct, units.people_total
    app.migrations.add(M007_IndexConversationsByState())  // conversations by (employee, state) and (guide, state)
    app.migrations.add(M008_IndexPeopleByNameAndEmail())  // people by (name, email), for ordered lists
    app.migrations.add(M009_CreatePersonSearchWords())  // words of names, emails and job titles, for search
    // conversations by (employee, checkpoint); single-column employee and guide indexes go
    app.migrations.add(M010_IndexConversationsByCheckpoint())
    app.migrations.add(M011_IndexConversationsByPair())  // conversations by (employee, state, guide, held_at, id), for a pair's history
    app.migrations.add(M012_AddSharedPrefixToSearchWords())  // person_search_words.shared, so a search reads each person once
    app.migrations.add(M013_HardenSignIn())  // sessions.last_seen_at; sign_in_attempts replaces sign_in_throttles
    app.migrations.add(M014_CreateAuditLog())  // audit_log, for every audited event, replaces audit_events
    app.migrations.add(M015_NameTheManagerHistoryIsSharedWith())  // people.history_shared_with_id and history_choice_manager_id
    app.migrations.add(M016_FollowUp())  // actions rebuilt; action notes, career plans, snapshots, journal, reflections
    app.migrations.add(M017_AddGuideToActions())  // agreed_actions.guide_id, and those waiting for the guide by guide
    app.migrations.add(M018_Monitoring())  // settings, theme reports, notices, unit responses, team requests
    app.migrations.add(M019_Opportunities())  // Leadership Team slots and bookings, opportunities, stories, resources, agendas
    app.migrations.add(M020_CountCatalogueChanges())  // a number every change to the opportunities catalogue raises
    app.migrations.add(M021_Reminders())  // the reminder outbox: reminders by key, deliveries by channel, kinds switched off
    app.migrations.add(M022_IndexConversationsByPersonAndTime())  // a person's conversations by time, for the calendar feed
    app.migrations.add(M023_NoticesOnlyOfLineManagerConversations())  // notices of mentors' and Leadership Team conversations removed
    app.migrations.add(M024_ThemeReleases())  // each checkpoint's theme figures, published once
    app.migrations.add(M025_HashCalendarFeedTokens())  // calendar feed secrets kept only as their SHA-256
    app.migrations.add(M026_StoryVersions())  // consent to a success story is to the version its person read
    app.migrations.add(M027_IndexInvitationsByPerson())  // the people list's "link sent", and revoking links
    app.migrations.add(M028_PendingImports())  // the web import waits for "Import these changes"

    let audit = ReadAudit(logger: app.logger) { [weak app] in
        guard let app else { fatalError("the read audit outlived its application") }
        return app.db
    }
    app.readAudit = audit
    app.startMonitoring()
    app.mailWarnings = NIOLockedValueBox([])
    app.opportunityCatalogue = OpportunityCatalogue()
    app.lifecycle.use(audit)

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

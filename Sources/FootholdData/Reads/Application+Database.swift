import Fluent
import FootholdCore
import Foundation
import SQLKit
import Vapor

/// How the application reaches its database: the one place outside the stores that knows Fluent.

/// Registers the database, checks it answers (a problem is one line naming the setting), sets up
/// the read path for it, the migrations and the read audit.
@discardableResult
package func setUpDatabase(_ app: Application, storage: DatabaseStorage, timeZone: TimeZone) async throws -> DataEnvironment {
    try DatabaseSetup.register(storage, on: app)
    // The driver logs a failed first connection loudly; the check below says it in one line instead.
    let logLevel = app.logger.logLevel
    app.logger.logLevel = .critical
    defer { app.logger.logLevel = logLevel }
    try await DatabaseSetup.check(storage, on: app.db)
    var sqliteReads: SQLiteReads?
    if case .sqlite(let path) = storage {
        try await DatabaseSetup.tuneSQLite(app)
        sqliteReads = SQLiteReads(path: path)
    }
    addMigrations(to: app)
    let audit = ReadAudit(logger: app.logger) { [weak app] in
        guard let app else { fatalError("the read audit outlived its application") }
        return app.db
    }
    let data = DataEnvironment(
        sqliteReads: sqliteReads, postgresPrepared: sqliteReads == nil ? PostgresPrepared() : nil, readAudit: audit,
        caches: StoreCaches(timeZone: timeZone))
    app.data = data
    if let sqliteReads { app.lifecycle.use(sqliteReads) }
    app.lifecycle.use(audit)
    return data
}

/// What FootholdData keeps for one application, made once by `setUpDatabase`: the read path for
/// its database (SQLite's read connections or PostgreSQL's named statements), the read audit and
/// the stores' caches. It is the database's part of the app's environment.
package struct DataEnvironment: Sendable {
    /// The read pool when the app runs on SQLite; nil on PostgreSQL.
    package let sqliteReads: SQLiteReads?
    /// The named statements when the app runs on PostgreSQL; nil on SQLite.
    package let postgresPrepared: PostgresPrepared?
    package let readAudit: ReadAudit
    package let caches: StoreCaches
}

extension Application {
    private struct DataEnvironmentKey: StorageKey { typealias Value = DataEnvironment }

    /// Made by `setUpDatabase` (called by `configure`), before anything reads.
    package fileprivate(set) var data: DataEnvironment {
        get {
            guard let data = storage[DataEnvironmentKey.self] else {
                preconditionFailure("configure(_:) sets up the database before the app reads from it")
            }
            return data
        }
        set { storage[DataEnvironmentKey.self] = newValue }
    }
}

/// The migrations, in order; never change one once shipped.
package func addMigrations(to app: Application) {
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
    app.migrations.add(M029_SingleSignOn())  // sign-ins begun at the identity provider; sessions.single_sign_on
    app.migrations.add(M030_Provisioning())  // SCIM connections by token hash; people.external_id

}

extension Application {
    /// Brings the database up to the newest migration.
    package func migrateDatabase() async throws { try await autoMigrate() }

    /// The database for writes, for callers outside a store.
    package var writes: any Database { db }

    /// Whether the database answers a trivial question: the health check.
    package func databaseAnswers() async -> Result<Void, any Error> {
        do {
            _ = try await (db as! any SQLDatabase).raw("SELECT 1").all()
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}

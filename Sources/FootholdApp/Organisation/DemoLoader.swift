import FootholdData
import SQLKit
import Fluent
import FootholdCore
import Foundation
import Vapor

/// Fills an empty database with the demo organisation.
public enum DemoLoader {
    /// Every demo account signs in with this password.
    public static let password = "foothold-demo"

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Result: Sendable {
        public var people: Int
        public var units: Int
        /// Role title and email of someone good to sign in as, one per role.
        public var accounts: [(role: String, name: String, email: String)]
    }

    /// Sets SQLite's journal mode; true if it took. PostgreSQL has no such thing: false.
    static func setJournalMode(_ mode: String, on database: any Database) async throws -> Bool {
        guard database.sql.dialect.name == "sqlite" else { return false }
        let row = try? await database.sql.raw("PRAGMA journal_mode = \(unsafeRaw: mode)").first()
        return try row?.decode(column: "journal_mode", as: String.self).lowercased() == mode.lowercased()
    }

    public static func isEmpty(_ database: any Database) async throws -> Bool {
        try await PersonModel.query(on: database).count() == 0
    }

    public static func load(
        people count: Int, seed: UInt64, years: Int = 1, on app: Application,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Result {
        guard try await isEmpty(app.db) else {
            throw Problem(description: "The database already has people in it; the demo fills an empty database only.")
        }
        let organisation = DemoOrganisation(people: count, seed: seed)
        let personIDs = organisation.people.map { _ in UUID() }
        let unitIDs = organisation.units.map { _ in UUID() }
        let now = app.clients.now()
        let timeZone = app.footholdConfiguration.timeZone
        let today = CalendarDate(now, in: timeZone)
        let currentYear = CareerYear.startYear(containing: today)
        // Everyone joined before the oldest year of history, so every checkpoint was expected of them.
        let joined = CareerYear.standard(startingIn: currentYear - years + 1).firstDay.adding(days: -30).start(in: timeZone)
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password).get()

        let cast = organisation.cast()
        // On SQLite the load writes its pages once, into the file: through the write-ahead log every
        // page is written twice and each read during the load searches a log of gigabytes. New
        // pages need no rollback journal, so a failed load still leaves nothing half-written.
        // Leaving WAL needs the only open connection: the `demo` command runs with one; elsewhere
        // (tests) the load stays in WAL.
        let leftWAL = try await Self.setJournalMode("DELETE", on: app.db)
        do {
            try await app.db.transaction { database in
                try await OrganisationWriter.insert(
                    units: organisation.units.enumerated().map { index, unit in
                        .init(
                            id: unitIDs[index], name: unit.path.name, path: unit.path.description,
                            parentID: unit.parent.map { unitIDs[$0] }, headID: personIDs[unit.head])
                    },
                    createdAt: now, on: database)
                // The generator creates every manager before the people who report to them.
                try await OrganisationWriter.insert(
                    people: organisation.people.enumerated().map { index, person in
                        .init(
                            id: personIDs[index], email: person.email, name: person.name, jobTitle: person.jobTitle,
                            unitID: unitIDs[person.unit], managerID: person.manager.map { personIDs[$0] },
                            isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator)
                    },
                    createdAt: joined, on: database
                ) { written in progress?(written, count) }
                try await OrganisationWriter.insertCredentials(for: personIDs, passwordHash: hash, at: now, on: database)
                try await OrganisationWriter.refreshHeadcounts(on: database)
            }

            var careerYears: [CareerYear] = [], careerYearIDs: [UUID] = []
            for start in (currentYear - years + 1)...currentYear {
                let stored = try await CareerYears.create(CareerYear.standard(startingIn: start), on: app.db, now: now)
                careerYears.append(stored.year)
                careerYearIDs.append(stored.id)
            }
            let managerIDs = organisation.people.map { $0.manager.map { personIDs[$0] } }
            let themes = try await ThemeModel.query(on: app.db).filter(\.$isActive == true).sort(\.$position).all().map { $0.id! }
            let historyTables = [
                ConversationModel.schema, PreparationModel.schema, ConversationThemeModel.schema, AgreedActionModel.schema,
                PrivateNoteModel.schema, ActionNoteModel.schema, PlanSnapshotModel.schema, ReflectionModel.schema,
            ]
            var ids = OrderedIDs(startingAt: now)
            try await BulkLoad.withIndexesSetAside(on: historyTables, app.db) {
                // Each year's history is made while the year before is written.
                let themeCount = themes.count
                func make(_ index: Int) -> Task<DemoHistory, Never> {
                    let year = careerYears[index], isCurrentYear = index == careerYears.count - 1
                    return Task.detached {
                        DemoHistory(
                            organisation: organisation, year: year, isCurrentYear: isCurrentYear, today: today,
                            timeZone: timeZone, themeCount: themeCount, seed: seed, cast: cast)
                    }
                }
                var next = careerYears.isEmpty ? nil : make(0)
                var reports: [DemoMonitoring.Report] = []
                let unitOf = organisation.people.map { unitIDs[$0.unit] }
                for index in careerYears.indices {
                    guard let making = next else { break }
                    let history = await making.value
                    next = index + 1 < careerYears.count ? make(index + 1) : nil
                    let conversationIDs = try await DemoHistoryWriter.write(
                        history, people: personIDs, managers: managerIDs, themes: themes, careerYearID: careerYearIDs[index], on: app.db,
                        now: now, ids: &ids)
                    // Monitoring covers this career year and the last: their notices and theme reports.
                    if index >= careerYears.count - 2 {
                        let monitoring = DemoMonitoring(organisation: organisation, history: history, themeCount: themeCount, seed: seed)
                        reports += monitoring.reports
                        try await DemoHistoryWriter.writeMonitoring(
                            monitoring, conversationIDs: conversationIDs, people: personIDs, unitOf: unitOf, themes: themes, on: app.db,
                            now: now, ids: &ids)
                    }
                }
                for response in DemoMonitoring.responses(organisation: organisation, reports: reports, today: today)
                where response.theme < themes.count {
                    let model = UnitResponseModel()
                    model.id = ids.next()
                    model.$unit.id = unitIDs[response.unit]
                    model.$theme.id = themes[response.theme]
                    model.response = response.response
                    model.byWhom = response.byWhom
                    model.dueOn = response.dueOn.iso
                    model.$createdBy.id = personIDs[response.author]
                    model.createdAt = now
                    model.updatedAt = now
                    try await model.create(on: app.db)
                }
                try await DemoOpportunitiesWriter.write(
                    DemoOpportunities(organisation: organisation, today: today, timeZone: timeZone, seed: seed), people: personIDs,
                    units: unitIDs, on: app.db, now: now, ids: &ids)
            }
        } catch {
            if leftWAL { _ = try? await Self.setJournalMode("WAL", on: app.db) }
            throw error
        }
        if leftWAL { _ = try await Self.setJournalMode("WAL", on: app.db) }
        let accounts = [
            ("Employee", cast.employee), ("Line manager", cast.lineManager), ("Director", cast.director),
            ("Leadership Team member", cast.leadershipTeamMember), ("HR administrator", cast.hrAdministrator),
        ].map { role, index in (role: role, name: organisation.people[index].name, email: organisation.people[index].email) }
        try await DatabaseSetup.refreshStatistics(on: app.db)
        return Result(people: organisation.people.count, units: organisation.units.count, accounts: accounts)
    }
}

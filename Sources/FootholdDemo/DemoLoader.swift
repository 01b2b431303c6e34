import FootholdCore
import FootholdData
import Foundation

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

    package static func isEmpty(_ database: WritableDatabase) async throws -> Bool { try await BulkWrites.isEmpty(database) }

    /// Fills `database`, which must be empty, with `count` people and `years` career years of
    /// history up to `now`, everyone signing in with the password whose hash is `passwordHash`.
    package static func load(
        people count: Int, seed: UInt64, years: Int = 1, on database: WritableDatabase, passwordHash hash: String, now: Date,
        timeZone: TimeZone, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Result {
        guard try await isEmpty(database) else {
            throw Problem(description: "The database already has people in it; the demo fills an empty database only.")
        }
        let organisation = DemoOrganisation(people: count, seed: seed)
        let personIDs = organisation.people.map { _ in UUID() }
        let unitIDs = organisation.units.map { _ in UUID() }
        let today = CalendarDate(now, in: timeZone)
        let currentYear = CareerYear.startYear(containing: today)
        // Everyone joined before the oldest year of history, so every checkpoint was expected of them.
        let joined = CareerYear.standard(startingIn: currentYear - years + 1).firstDay.adding(days: -30).start(in: timeZone)

        let cast = organisation.cast()
        // On SQLite the load writes its pages once, into the file: through the write-ahead log every
        // page is written twice and each read during the load searches a log of gigabytes. New
        // pages need no rollback journal, so a failed load still leaves nothing half-written.
        // Leaving WAL needs the only open connection: the `demo` command runs with one; elsewhere
        // (tests) the load stays in WAL.
        let leftWAL = try await BulkWrites.setJournalMode("DELETE", on: database)
        do {
            try await OrganisationWriter.insertOrganisation(
                units: organisation.units.enumerated().map { index, unit in
                    .init(
                        id: unitIDs[index], name: unit.path.name, path: unit.path.description,
                        parentID: unit.parent.map { unitIDs[$0] }, headID: personIDs[unit.head])
                },
                // The generator creates every manager before the people who report to them.
                people: organisation.people.enumerated().map { index, person in
                    .init(
                        id: personIDs[index], email: person.email, name: person.name, jobTitle: person.jobTitle,
                        unitID: unitIDs[person.unit], managerID: person.manager.map { personIDs[$0] },
                        isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator)
                },
                passwordHash: hash, unitsCreatedAt: now, peopleCreatedAt: joined, on: database
            ) { written in progress?(written, count) }

            var careerYears: [CareerYear] = [], careerYearIDs: [UUID] = []
            for start in (currentYear - years + 1)...currentYear {
                let stored = try await CareerYears.create(CareerYear.standard(startingIn: start), on: database, now: now)
                careerYears.append(stored.year)
                careerYearIDs.append(stored.id)
            }
            let managerIDs = organisation.people.map { $0.manager.map { personIDs[$0] } }
            let themes = try await ProgrammeAdminStore.themes(on: database).filter(\.isActive).map(\.id)
            let historyTables = [
                ConversationModel.schema, PreparationModel.schema, ConversationThemeModel.schema, AgreedActionModel.schema,
                PrivateNoteModel.schema, ActionNoteModel.schema, PlanSnapshotModel.schema, ReflectionModel.schema,
            ]
            var ids = OrderedIDs(startingAt: now)
            try await BulkLoad.withIndexesSetAside(on: historyTables, database) {
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
                        history, people: personIDs, managers: managerIDs, themes: themes, careerYearID: careerYearIDs[index], on: database,
                        now: now, ids: &ids)
                    // Monitoring covers this career year and the last: their notices and theme reports.
                    if index >= careerYears.count - 2 {
                        let monitoring = DemoMonitoring(organisation: organisation, history: history, themeCount: themeCount, seed: seed)
                        reports += monitoring.reports
                        try await DemoHistoryWriter.writeMonitoring(
                            monitoring, conversationIDs: conversationIDs, people: personIDs, unitOf: unitOf, themes: themes, on: database,
                            now: now, ids: &ids)
                    }
                }
                let responses = DemoMonitoring.responses(organisation: organisation, reports: reports, today: today)
                    .filter { $0.theme < themes.count }
                let responseIDs = responses.map { _ in ids.next() }
                try await BulkWrites.write(
                    [
                        [
                            BulkRows(
                                into: UnitResponseModel.schema,
                                columns: [
                                    "id", "unit_id", "theme_id", "response", "by_whom", "due_on", "created_by_id", "created_at",
                                    "updated_at",
                                ],
                                count: responses.count,
                                row: { index in
                                    let response = responses[index]
                                    return [
                                        .uuid(responseIDs[index]), .uuid(unitIDs[response.unit]), .uuid(themes[response.theme]),
                                        .text(response.response), .text(response.byWhom), .text(response.dueOn.iso),
                                        .uuid(personIDs[response.author]), .date(now), .date(now),
                                    ]
                                })
                        ]
                    ], on: database)
                try await DemoOpportunitiesWriter.write(
                    DemoOpportunities(organisation: organisation, today: today, timeZone: timeZone, seed: seed), people: personIDs,
                    units: unitIDs, on: database, now: now, ids: &ids)
            }
        } catch {
            if leftWAL { _ = try? await BulkWrites.setJournalMode("WAL", on: database) }
            throw error
        }
        if leftWAL { _ = try await BulkWrites.setJournalMode("WAL", on: database) }
        let accounts = [
            ("Employee", cast.employee), ("Line manager", cast.lineManager), ("Director", cast.director),
            ("Leadership Team member", cast.leadershipTeamMember), ("HR administrator", cast.hrAdministrator),
        ].map { role, index in (role: role, name: organisation.people[index].name, email: organisation.people[index].email) }
        try await DatabaseSetup.refreshStatistics(on: database)
        return Result(people: organisation.people.count, units: organisation.units.count, accounts: accounts)
    }
}

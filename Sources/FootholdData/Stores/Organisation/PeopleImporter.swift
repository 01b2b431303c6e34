import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Imports a people CSV: the whole file is checked by `PeopleImport` first; only a file with no
/// problem is written, in one transaction. Importing the same file twice changes nothing.
public enum PeopleImporter {
    public struct Outcome: Sendable, Equatable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        public var deactivated = 0
        public var unitsCreated = 0
        public var warnings: [PeopleImport.Warning] = []
        /// The units the file makes, by path.
        public var newUnits: [String] = []
        /// Who will head a unit they did not head before, and so see its monitoring.
        public var newHeads: [Head] = []
        /// Who will be marked as having left, by name.
        public var leaving: [String] = []

        public struct Head: Sendable, Equatable {
            public var name: String
            public var unit: String
        }

        public var summary: String {
            "\(created) added, \(updated) updated, \(unchanged) unchanged, \(deactivated) deactivated; \(unitsCreated) new unit\(unitsCreated == 1 ? "" : "s")"
        }
    }

    /// - Parameter actorID: who imports (an HR administrator in the web app; nobody named from the
    ///   command line), for the audit log.
    /// What a dry run would have done, thrown to roll its transaction back.
    private struct DryRun: Error { var outcome: Outcome }

    /// - Parameter dryRun: do everything, then roll it back: the outcome says exactly what importing
    ///   would do (the web import's preview, `foothold import --dry-run`), and nothing is kept.
    public static func run(
        csv: String, deactivateMissing: Bool, on database: any Database, now: Date, by actorID: UUID? = nil, dryRun: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Result<Outcome, PeopleImport.Failure> {
        let units = try await UnitModel.query(on: database).all()
        let people = try await PersonModel.query(on: database).all()
        let unitPathByID = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.path) } })
        let emailByID = Dictionary(uniqueKeysWithValues: people.compactMap { person in person.id.map { ($0, person.email) } })
        let nameByID = Dictionary(uniqueKeysWithValues: people.compactMap { person in person.id.map { ($0, person.name) } })
        let existing = people.map { person in
            PeopleImport.ExistingPerson(
                email: person.email, name: person.name,
                managerEmail: person.$manager.id.flatMap { emailByID[$0] },
                unit: person.$unit.id.flatMap { unitPathByID[$0] }.flatMap(UnitPath.init(parsing:)),
                isActive: person.isActive)
        }

        let plan: PeopleImport.Plan
        switch PeopleImport.plan(csv: csv, existing: existing, deactivateMissing: deactivateMissing) {
        case .failure(let failure): return .failure(failure)
        case .success(let success): plan = success
        }

        let nameOfPerson = Dictionary(people.map { ($0.email, $0.name) }, uniquingKeysWith: { first, _ in first })
            .merging(plan.rows.map { ($0.email, $0.name) }, uniquingKeysWith: { _, new in new })
        do {
            let outcome = try await write(
                plan, units: units, people: people, nameByID: nameByID, nameOfPerson: nameOfPerson, on: database, now: now,
                by: actorID, dryRun: dryRun, progress: progress)
            try await DatabaseSetup.refreshStatistics(on: database)
            return .success(outcome)
        } catch let dry as DryRun {
            return .success(dry.outcome)
        }
    }

    private static func write(
        _ plan: PeopleImport.Plan, units: [UnitModel], people: [PersonModel], nameByID: [UUID: String], nameOfPerson: [String: String],
        on database: any Database, now: Date, by actorID: UUID?, dryRun: Bool, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> Outcome {
        try await database.transaction { database -> Outcome in
            var outcome = Outcome(warnings: plan.warnings)
            // Units: every unit a row names, and every unit above it.
            var unitIDByPath = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { (unit.path, $0) } })
            var newUnits: [OrganisationWriter.UnitRow] = []
            for path in Set(plan.rows.flatMap(\.unit.lineage)).sorted(by: { ($0.depth, $0.description) < ($1.depth, $1.description) })
            where unitIDByPath[path.description] == nil {
                let id = UUID()
                unitIDByPath[path.description] = id
                newUnits.append(
                    .init(
                        id: id, name: path.name, path: path.description,
                        parentID: path.parent.flatMap { unitIDByPath[$0.description] }, headID: nil))
            }
            try await OrganisationWriter.insert(units: newUnits, createdAt: now, on: database)
            outcome.unitsCreated = newUnits.count
            outcome.newUnits = newUnits.map(\.path)

            // People: new ones in bulk, managers first; changed ones one by one.
            let personByEmail = Dictionary(uniqueKeysWithValues: people.map { ($0.email, $0) })
            var idByEmail = Dictionary(uniqueKeysWithValues: people.compactMap { person in person.id.map { (person.email, $0) } })
            for row in plan.rows where idByEmail[row.email] == nil { idByEmail[row.email] = UUID() }

            var newRows: [String: OrganisationWriter.PersonRow] = [:]
            var changed: [PersonModel] = []
            // What the audit log says about each change of role or reporting line, written with it.
            var audited: [(AuditEvent, UUID, String)] = []
            var returning: [UUID] = []
            let nameByEmail = Dictionary(plan.rows.map { ($0.email, $0.name) }, uniquingKeysWith: { first, _ in first })
            for row in plan.rows {
                let unitID = unitIDByPath[row.unit.description]
                let managerID = row.managerEmail.flatMap { idByEmail[$0] }
                if let person = personByEmail[row.email] {
                    let same =
                        person.name == row.name && person.jobTitle == row.jobTitle && person.$unit.id == unitID
                        && person.$manager.id == managerID && person.isLeadershipTeam == row.isLeadershipTeam
                        && person.isHRAdministrator == row.isHRAdministrator && person.isActive
                    if same { outcome.unchanged += 1; continue }
                    let id = try person.requireID()
                    if person.$manager.id != managerID {
                        let from = person.$manager.id.flatMap { nameByID[$0] } ?? "no line manager"
                        let to = row.managerEmail.flatMap { nameByEmail[$0] ?? personByEmail[$0]?.name } ?? "no line manager"
                        audited.append((.reportingLineChanged, id, "from \(from) to \(to)"))
                    }
                    if person.isLeadershipTeam != row.isLeadershipTeam {
                        audited.append(
                            (.roleChanged, id, row.isLeadershipTeam ? "now in the Leadership Team" : "no longer in the Leadership Team"))
                    }
                    if person.isHRAdministrator != row.isHRAdministrator {
                        audited.append(
                            (.roleChanged, id, row.isHRAdministrator ? "now an HR administrator" : "no longer an HR administrator"))
                    }
                    if !person.isActive {
                        audited.append((.roleChanged, id, "back in the organisation; needs a new invitation to sign in"))
                        returning.append(id)
                    }
                    person.name = row.name
                    person.jobTitle = row.jobTitle
                    person.searchText = PersonModel.searchText(name: row.name, email: row.email, jobTitle: row.jobTitle)
                    person.$unit.id = unitID
                    person.$manager.id = managerID
                    person.isLeadershipTeam = row.isLeadershipTeam
                    person.isHRAdministrator = row.isHRAdministrator
                    person.isActive = true
                    changed.append(person)
                } else {
                    newRows[row.email] = .init(
                        id: idByEmail[row.email]!, email: row.email, name: row.name, jobTitle: row.jobTitle,
                        unitID: unitID, managerID: managerID, isLeadershipTeam: row.isLeadershipTeam,
                        isHRAdministrator: row.isHRAdministrator)
                }
            }
            let managerOf = Dictionary(uniqueKeysWithValues: newRows.values.compactMap { row in row.managerID.map { (row.id, $0) } })
            let emailOfNewID = Dictionary(uniqueKeysWithValues: newRows.values.map { ($0.id, $0.email) })
            // In the file's order, managers moved ahead of their reports.
            let ordered = ReportingLines.managersFirst(plan.rows.compactMap { newRows[$0.email]?.id }, managerOf: managerOf)
            let total = ordered.count + changed.count
            try await OrganisationWriter.insert(people: ordered.map { newRows[emailOfNewID[$0]!]! }, createdAt: now, on: database) {
                written in
                progress?(written, total)
            }
            outcome.created = ordered.count
            for (index, person) in changed.enumerated() {
                try await person.save(on: database)
                progress?(ordered.count + index + 1, total)
            }
            try await SearchWords.replace(changed.map(SearchWords.person), on: database)
            // Someone coming back starts with no password: whatever they had before no longer opens Foothold.
            for batch in returning.chunked(into: OrganisationWriter.batchSize) {
                try await CredentialModel.query(on: database).filter(\.$person.$id ~~ Array(batch)).delete()
                try await InvitationModel.query(on: database).filter(\.$person.$id ~~ Array(batch)).delete()
                try await CalendarFeedStore.revoke(Array(batch), on: database)
            }
            outcome.updated = changed.count

            // Heads of the units the file has people in.
            let unitByPath = Dictionary(uniqueKeysWithValues: units.map { ($0.path, $0) })
            for (path, headEmail) in plan.unitHeads {
                let headID = headEmail.flatMap { idByEmail[$0] }
                guard let unitID = unitIDByPath[path.description] else { continue }
                let previous = unitByPath[path.description]?.headID
                if let existingUnit = unitByPath[path.description], existingUnit.headID == headID { continue }
                try await UnitModel.query(on: database).filter(\.$id == unitID).set(\.$headID, to: headID).update()
                // Heading a unit opens its monitoring: who gains and who loses it is audited.
                if let headID {
                    audited.append((.unitHeadChanged, headID, "now heads \(path.description)"))
                    outcome.newHeads.append(.init(name: headEmail.flatMap { nameOfPerson[$0] } ?? "", unit: path.description))
                }
                if let previous, previous != headID { audited.append((.unitHeadChanged, previous, "no longer heads \(path.description)")) }
            }

            // People missing from the file, when asked. Someone who has left loses every way in:
            // their password, their sessions and any link they were sent.
            let leaving = plan.deactivate.compactMap { idByEmail[$0] }
            for batch in leaving.chunked(into: OrganisationWriter.batchSize) {
                let ids = Array(batch)
                try await PersonModel.query(on: database).filter(\.$id ~~ ids).set(\.$isActive, to: false).update()
                try await CredentialModel.query(on: database).filter(\.$person.$id ~~ ids).delete()
                try await SessionModel.query(on: database).filter(\.$person.$id ~~ ids).delete()
                try await InvitationModel.query(on: database).filter(\.$person.$id ~~ ids).delete()
                try await CalendarFeedStore.revoke(ids, on: database)
            }
            try await SearchWords.deactivate(leaving, on: database)
            outcome.deactivated = leaving.count
            outcome.leaving = plan.deactivate.map { nameOfPerson[$0] ?? $0 }.sorted()
            for id in leaving { audited.append((.leftOrganisation, id, "")) }
            for (event, subject, detail) in audited {
                try await AuditLog.record(event, by: actorID, about: subject, detail: detail, at: now, on: database)
            }
            try await AuditLog.record(.peopleImported, by: actorID, detail: outcome.summary, at: now, on: database)
            try await OrganisationWriter.refreshHeadcounts(on: database)
            outcome.newHeads.sort { ($0.unit, $0.name) < ($1.unit, $1.name) }
            if dryRun { throw DryRun(outcome: outcome) }
            return outcome
        }
    }
}

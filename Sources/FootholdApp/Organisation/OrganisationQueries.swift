import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What the organisation pages read, each in a fixed number of queries whatever the size of the team.
enum OrganisationQueries {
    struct PersonSummary: Equatable {
        var id: UUID
        var name: String
        var jobTitle: String
        var email: String
        var isActive: Bool
    }

    struct PersonDetails {
        var id: UUID
        var name: String
        var email: String
        var jobTitle: String
        var isActive: Bool
        var isLeadershipTeam: Bool
        var isHRAdministrator: Bool
        var unit: (id: UUID, path: String)?
        var manager: PersonSummary?
    }

    struct UnitCount: Equatable {
        var id: UUID
        var name: String
        var path: String
        var headcount: Int
    }

    struct UnitOverview {
        var id: UUID
        var name: String
        var path: String
        var ancestors: [(id: UUID, name: String)]
        var head: PersonSummary?
        var headcount: Int
        var children: [UnitCount]
        var members: [PersonSummary]
    }

    struct Page<Item> {
        var items: [Item]
        var number: Int
        var hasNext: Bool
    }

    static func summary(_ person: PersonModel) -> PersonSummary {
        PersonSummary(id: person.id!, name: person.name, jobTitle: person.jobTitle, email: person.email, isActive: person.isActive)
    }

    /// A person with their unit and manager: one query.
    static func person(_ id: UUID, on database: any Database) async throws -> PersonDetails? {
        guard let person = try await PersonModel.query(on: database)
            .filter(\.$id == id)
            .with(\.$unit)
            .with(\.$manager)
            .first()
        else { return nil }
        return PersonDetails(
            id: id, name: person.name, email: person.email, jobTitle: person.jobTitle, isActive: person.isActive,
            isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator,
            unit: person.unit.map { ($0.id!, $0.path) }, manager: person.manager.map(summary))
    }

    /// Active direct reports, by name: one query.
    static func directReports(of id: UUID, on database: any Database) async throws -> [PersonSummary] {
        try await PersonModel.query(on: database)
            .filter(\.$manager.$id == id)
            .filter(\.$isActive == true)
            .sort(\.$name)
            .all()
            .map(summary)
    }

    /// The facts a person's roles come from: two counting queries.
    static func roleFacts(for person: PersonDetails, on database: any Database) async throws -> RoleFacts {
        async let reports = PersonModel.query(on: database).filter(\.$manager.$id == person.id).filter(\.$isActive == true).count()
        async let headed = UnitModel.query(on: database).filter(\.$headID == person.id).count()
        return RoleFacts(isActive: person.isActive, activeDirectReports: try await reports, unitsHeaded: try await headed,
                         isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator)
    }

    /// The units a person heads, each with its whole headcount: one query.
    static func unitsHeaded(by id: UUID, on database: any Database) async throws -> [UnitCount] {
        try await UnitModel.query(on: database).filter(\.$headID == id).sort(\.$path).all().map { unit in
            UnitCount(id: unit.id!, name: unit.name, path: unit.path, headcount: unit.peopleTotal)
        }
    }

    /// A unit, its head, its child units with their headcounts and the people directly in it.
    static func unit(_ id: UUID, on database: any Database) async throws -> UnitOverview? {
        guard let unit = try await UnitModel.find(id, on: database) else { return nil }
        let lineage = UnitPath(parsing: unit.path)?.lineage.dropLast().map(\.description) ?? []
        let ancestors = lineage.isEmpty ? [] : try await UnitModel.query(on: database).filter(\.$path ~~ lineage).all()
        let children = try await UnitModel.query(on: database).filter(\.$parent.$id == id).sort(\.$name).all()
        let members = try await PersonModel.query(on: database)
            .filter(\.$unit.$id == id).filter(\.$isActive == true).sort(\.$name).all()
        let head = try await unit.headID.asyncMap { try await PersonModel.find($0, on: database) }.flatMap { $0 }
        let childCounts = children.map { UnitCount(id: $0.id!, name: $0.name, path: $0.path, headcount: $0.peopleTotal) }
        return UnitOverview(
            id: id, name: unit.name, path: unit.path,
            ancestors: ancestors.sorted { $0.path.count < $1.path.count }.map { ($0.id!, $0.name) },
            head: head.map(summary), headcount: unit.peopleTotal, children: childCounts, members: members.map(summary))
    }

    static let pageSize = 50

    /// People whose name, email or job title contains the query, by name, a page at a time.
    static func search(_ query: String, page: Int, includeInactive: Bool, on database: any Database) async throws -> Page<(PersonSummary, String?)> {
        var builder = PersonModel.query(on: database).with(\.$unit)
        if !includeInactive { builder = builder.filter(\.$isActive == true) }
        let terms = query.lowercased().split(whereSeparator: \.isWhitespace).prefix(5)
        for term in terms {
            let cleaned = term.filter { $0 != "%" && $0 != "_" && $0 != "\\" }
            if !cleaned.isEmpty { builder = builder.filter(\.$searchText ~~ String(cleaned)) }
        }
        let rows = try await builder.sort(\.$name).sort(\.$email)
            .range(((page - 1) * pageSize)..<(page * pageSize + 1))
            .all()
        return Page(items: rows.prefix(pageSize).map { (summary($0), $0.unit?.path) }, number: page, hasNext: rows.count > pageSize)
    }

    static func counts(on database: any Database) async throws -> (activePeople: Int, units: Int, withoutPassword: Int) {
        async let people = PersonModel.query(on: database).filter(\.$isActive == true).count()
        async let units = UnitModel.query(on: database).count()
        async let credentials = CredentialModel.query(on: database)
            .join(PersonModel.self, on: \CredentialModel.$person.$id == \PersonModel.$id)
            .filter(PersonModel.self, \.$isActive == true).count()
        let active = try await people
        return (active, try await units, active - (try await credentials))
    }

    /// Every unit with its own and its whole headcount, in tree order: one query.
    static func allUnits(on database: any Database) async throws -> [(unit: UnitCount, depth: Int, own: Int)] {
        try await UnitModel.query(on: database).all()
            .map { unit in (unit, UnitPath(parsing: unit.path)?.names ?? [unit.path]) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
            .map { unit, names in
                (UnitCount(id: unit.id!, name: unit.name, path: unit.path, headcount: unit.peopleTotal), names.count - 1, unit.peopleDirect)
            }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

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
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: PersonModel.columns("p")), u.path AS u_path, \(unsafeRaw: PersonModel.columns("m")) \
            FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people m ON m.id = p.manager_id \
            WHERE p.id = \(bind: id)
            """
        guard let row = try await database.firstRow(query) else { return nil }
        let person = try PersonModel.read(row, "p")
        return PersonDetails(
            id: id, name: person.name, email: person.email, jobTitle: person.jobTitle, isActive: person.isActive,
            isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator,
            unit: try person.$unit.id.map { ($0, try row.decode(column: "u_path", as: String.self)) },
            manager: try PersonModel.readOptional(row, "m").map(summary))
    }

    static let summaryColumns = "p.id AS p_id, p.name AS p_name, p.job_title AS p_job_title, p.email AS p_email, p.active AS p_active"

    /// A person's summary from a row selected with `summaryColumns`.
    static func summary(_ row: any SQLRow) throws -> PersonSummary {
        let r = AliasedRow(row, "p")
        return PersonSummary(id: try r("id"), name: try r("name"), jobTitle: try r("job_title"), email: try r("email"), isActive: try r("active"))
    }

    /// Active direct reports, by name: one query.
    static func directReports(of id: UUID, on database: any Database) async throws -> [PersonSummary] {
        try await database.rows("""
            SELECT \(unsafeRaw: summaryColumns) FROM people p WHERE p.manager_id = \(bind: id) AND p.active = \(bind: true) \
            ORDER BY p.name, p.id
            """).map(summary)
    }

    /// The facts a person's roles come from: one query counting on two indexes.
    static func roleFacts(for person: PersonDetails, on database: any Database) async throws -> RoleFacts {
        let query: SQLQueryString = """
            SELECT (SELECT COUNT(*) FROM people r WHERE r.manager_id = \(bind: person.id) AND r.active = \(bind: true)) AS reports, \
            (SELECT COUNT(*) FROM units h WHERE h.head_id = \(bind: person.id)) AS headed
            """
        let row = try await database.firstRow(query)
        return RoleFacts(isActive: person.isActive, activeDirectReports: try row?.decode(column: "reports", as: Int.self) ?? 0,
                         unitsHeaded: try row?.decode(column: "headed", as: Int.self) ?? 0,
                         isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator)
    }

    /// The units a person heads, each with its whole headcount: one query.
    static func unitsHeaded(by id: UUID, on database: any Database) async throws -> [UnitCount] {
        try await database.rows("SELECT \(unsafeRaw: UnitModel.columns("u")) FROM units u WHERE u.head_id = \(bind: id) ORDER BY u.path").map { row in
                let unit = try UnitModel.read(row, "u")
                return UnitCount(id: unit.id!, name: unit.name, path: unit.path, headcount: unit.peopleTotal)
            }
    }

    /// A unit, its head, its child units with their headcounts and the people directly in it:
    /// three queries.
    static func unit(_ id: UUID, on database: any Database) async throws -> UnitOverview? {
        guard let row = try await database.firstRow("""
            SELECT \(unsafeRaw: UnitModel.columns("u")), \(unsafeRaw: summaryColumns) \
            FROM units u LEFT JOIN people p ON p.id = u.head_id WHERE u.id = \(bind: id)
            """) else { return nil }
        let unit = try UnitModel.read(row, "u")
        let head = try row.decodeNil(column: "p_id") ? nil : try summary(row)
        let lineage = UnitPath(parsing: unit.path)?.lineage.dropLast().map(\.description) ?? []
        // The unit's ancestors and children together.
        // Light rows, not models: a director's home lists dozens, and a Fluent model costs its
        // property wrappers on every row.
        struct Relative {
            var id: UUID, name: String, path: String, parentID: UUID?, peopleTotal: Int
        }
        var family: SQLQueryString = "SELECT u.id, u.name, u.path, u.parent_id, u.people_total FROM units u WHERE u.parent_id = \(bind: id)"
        if !lineage.isEmpty {
            family.appendLiteral(" OR u.path IN (")
            family.appendInterpolation(binds: lineage)
            family.appendLiteral(")")
        }
        let relatives = try await database.rows(family).map { row in
            Relative(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                     path: try row.decode(column: "path", as: String.self),
                     parentID: try row.decodeNil(column: "parent_id") ? nil : try row.decode(column: "parent_id", as: UUID.self),
                     peopleTotal: try row.decode(column: "people_total", as: Int.self))
        }
        let children = relatives.filter { $0.parentID == id }.sorted { ($0.name, $0.path) < ($1.name, $1.path) }
        let ancestors = relatives.filter { $0.parentID != id }.sorted { $0.path.count < $1.path.count }
        let members = try await database.rows("""
            SELECT \(unsafeRaw: summaryColumns) FROM people p WHERE p.unit_id = \(bind: id) AND p.active = \(bind: true) \
            ORDER BY p.name, p.id
            """).map(summary)
        return UnitOverview(
            id: id, name: unit.name, path: unit.path, ancestors: ancestors.map { ($0.id, $0.name) },
            head: head, headcount: unit.peopleTotal,
            children: children.map { UnitCount(id: $0.id, name: $0.name, path: $0.path, headcount: $0.peopleTotal) },
            members: members)
    }

    static let pageSize = 50

    /// A term that more people match than this is searched by walking everyone in name order (a
    /// page fills quickly); a rarer one by reading its matches and sorting them.
    static let broadTerm = 5000

    /// People with a word starting with each word of the query, by name, a page at a time.
    static func search(_ query: String, page: Int, includeInactive: Bool, on database: any Database,
                       broadTerm: Int = broadTerm) async throws -> Page<(PersonSummary, String?)> {
        var terms: [String] = []
        for term in query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) where !terms.contains(term) && terms.count < 5 {
            terms.append(term)
        }
        // How many people the rarest term matches (each once: M012), counted no further than `broadTerm`.
        var rarest: (term: String, count: Int)?
        if !terms.isEmpty {
            var counting: SQLQueryString = "SELECT "
            for (index, term) in terms.enumerated() {
                let range = SearchWords.range(of: term)
                if index > 0 { counting.appendLiteral(", ") }
                counting.appendLiteral("(SELECT COUNT(*) FROM (SELECT 1 AS one FROM person_search_words WHERE word >= ")
                counting.appendInterpolation(bind: range.lower)
                counting.appendLiteral(" AND word < ")
                counting.appendInterpolation(bind: range.upper)
                counting.appendLiteral(" AND shared < ")
                counting.appendInterpolation(bind: term.utf8.count)
                counting.appendLiteral(" LIMIT \(broadTerm + 1)) AS capped) AS t\(index)")
            }
            let row = try await database.firstRow(counting)
            for (index, term) in terms.enumerated() {
                let count = try row?.decode(column: "t\(index)", as: Int.self) ?? 0
                if rarest == nil || count < rarest!.count { rarest = (term, count) }
            }
            if rarest?.count == 0 { return Page(items: [], number: page, hasNext: false) }
        }

        func requireOthers(_ others: [String], of alias: String, into query: inout SQLQueryString) {
            for term in others {
                let range = SearchWords.range(of: term)
                query.appendLiteral(" AND EXISTS (SELECT 1 FROM person_search_words o WHERE o.person_id = \(alias) AND o.word >= ")
                query.appendInterpolation(bind: range.lower)
                query.appendLiteral(" AND o.word < ")
                query.appendInterpolation(bind: range.upper)
                query.appendLiteral(")")
            }
        }
        var select: SQLQueryString = "SELECT \(unsafeRaw: summaryColumns), u.path AS u_path FROM "
        if let rarest, rarest.count <= broadTerm {
            // Few matches: choose the page from the words table alone, then read those people.
            let range = SearchWords.range(of: rarest.term)
            select.appendLiteral("(SELECT w.person_id, w.name, w.email FROM person_search_words w WHERE w.word >= ")
            select.appendInterpolation(bind: range.lower)
            select.appendLiteral(" AND w.word < ")
            select.appendInterpolation(bind: range.upper)
            // Each person's first matching word only, so no one is read twice (M012).
            select.appendLiteral(" AND w.shared < ")
            select.appendInterpolation(bind: rarest.term.utf8.count)
            if !includeInactive { select.appendLiteral(" AND w.active = "); select.appendInterpolation(bind: true) }
            requireOthers(terms.filter { $0 != rarest.term }, of: "w.person_id", into: &select)
            select.appendLiteral(" ORDER BY w.name, w.email, w.person_id LIMIT ")
            select.appendInterpolation(literal: pageSize + 1)
            select.appendLiteral(" OFFSET ")
            select.appendInterpolation(literal: (max(page, 1) - 1) * pageSize)
            // The cross join keeps SQLite reading the page first.
            select.appendLiteral("""
                ) matched CROSS JOIN people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = matched.person_id \
                ORDER BY matched.name, matched.email, matched.person_id
                """)
        } else {
            // Many matches, or no query: walk everyone in name order until the page is full.
            select.appendLiteral("people p LEFT JOIN units u ON u.id = p.unit_id WHERE 1 = 1")
            requireOthers(terms, of: "p.id", into: &select)
            if !includeInactive { select.appendLiteral(" AND p.active = "); select.appendInterpolation(bind: true) }
            select.appendLiteral(" ORDER BY p.name, p.email LIMIT ")
            select.appendInterpolation(literal: pageSize + 1)
            select.appendLiteral(" OFFSET ")
            select.appendInterpolation(literal: (max(page, 1) - 1) * pageSize)
        }
        let rows = try await database.rows(select)
        let items = try rows.prefix(pageSize).map { row in
            (try summary(row), try row.decodeNil(column: "u_path") ? nil : try row.decode(column: "u_path", as: String.self))
        }
        return Page(items: items, number: page, hasNext: rows.count > pageSize)
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

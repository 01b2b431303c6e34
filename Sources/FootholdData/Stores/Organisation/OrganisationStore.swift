import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What the organisation pages read, each in a fixed number of queries whatever the size of the team.
package enum OrganisationStore {
    package struct PersonSummary: Equatable {
        package var id: UUID
        package var name: String
        package var jobTitle: String
        package var email: String
        package var isActive: Bool
    }

    package struct PersonDetails {
        package var id: UUID
        package var name: String
        package var email: String
        package var jobTitle: String
        package var isActive: Bool
        package var isLeadershipTeam: Bool
        package var isHRAdministrator: Bool
        package var unit: (id: UUID, path: String)?
        package var manager: PersonSummary?
        /// Counted with the person: what their line-manager and director roles come from.
        package var activeDirectReports: Int
        package var unitsHeaded: Int
        /// Whether the person has a line manager they have not yet chosen what to share with.
        package var hasNewManager: Bool = false

        package var roleFacts: RoleFacts {
            RoleFacts(
                isActive: isActive, activeDirectReports: activeDirectReports, unitsHeaded: unitsHeaded,
                isLeadershipTeam: isLeadershipTeam, isHRAdministrator: isHRAdministrator)
        }

        package var summary: PersonSummary { PersonSummary(id: id, name: name, jobTitle: jobTitle, email: email, isActive: isActive) }
    }

    package struct UnitCount: Equatable {
        package var id: UUID
        package var name: String
        package var path: String
        package var headcount: Int
    }

    package struct UnitOverview {
        package var id: UUID
        package var name: String
        package var path: String
        package var ancestors: [(id: UUID, name: String)]
        package var head: PersonSummary?
        package var headcount: Int
        package var children: [UnitCount]
        package var members: [PersonSummary]
    }

    package struct Page<Item> {
        package var items: [Item]
        package var number: Int
        package var hasNext: Bool
    }

    package static func summary(_ person: PersonModel) -> PersonSummary {
        PersonSummary(id: person.id!, name: person.name, jobTitle: person.jobTitle, email: person.email, isActive: person.isActive)
    }

    package static func summary(_ person: StoredPerson) -> PersonSummary {
        PersonSummary(id: person.id, name: person.name, jobTitle: person.jobTitle, email: person.email, isActive: person.isActive)
    }

    /// The heads of a unit and of every unit above it, nearest first (nil for a unit with no head),
    /// with their names: what `Directorship` decides from. Two indexed reads.
    package static func headsAbove(unit unitID: UUID, on reads: Reads) async throws -> [(id: UUID?, name: String?)] {
        let path = try await reads.firstRow("SELECT path FROM units WHERE id = \(bind: unitID)")?.decode(column: "path", as: String.self)
        return try await heads(lineageOf: path, on: reads)
    }

    /// The heads above the person's own unit, nearest first (as `headsAbove(unit:)`); none when they
    /// have no unit. Two indexed reads.
    package static func headsAbove(person personID: UUID, on reads: Reads) async throws -> [(id: UUID?, name: String?)] {
        let path = try await reads.firstRow(
            "SELECT u.path FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = \(bind: personID)"
        )?.decode(column: "path", as: String.self)
        return try await heads(lineageOf: path, on: reads)
    }

    /// The heads of the unit at `path` and of the units above it, nearest first.
    private static func heads(lineageOf path: String?, on reads: Reads) async throws -> [(id: UUID?, name: String?)] {
        guard let path else { return [] }
        // Every stored path was made by `UnitPath`, so it parses; were one not to, its own unit is still read.
        let lineage = UnitPath(parsing: path)?.lineage.map(\.description) ?? [path]
        var heads: [(depth: Int, id: UUID?, name: String?)] = []
        for row in try await reads.rows(
            """
            SELECT u.path, u.head_id, h.name FROM units u LEFT JOIN people h ON h.id = u.head_id \
            WHERE u.path IN (\(binds: lineage))
            """)
        {
            let id = try row.decodeNil(column: "head_id") ? nil : try row.decode(column: "head_id", as: UUID.self)
            let name = try row.decodeNil(column: "name") ? nil : try row.decode(column: "name", as: String.self)
            heads.append((lineage.firstIndex(of: try row.decode(column: "path", as: String.self)) ?? 0, id, name))
        }
        return heads.sorted { $0.depth > $1.depth }.map { ($0.id, $0.name) }
    }

    /// A person with their unit, their manager and the facts their roles come from: one query,
    /// counting reports and headed units on two indexes.
    package static func person(_ id: UUID, on reads: Reads) async throws -> PersonDetails? {
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: StoredPerson.columns("p")), u.path AS u_path, \(unsafeRaw: StoredPerson.columns("m")), \
            (SELECT COUNT(*) FROM people r WHERE r.manager_id = p.id AND r.active = \(bind: true)) AS reports, \
            (SELECT COUNT(*) FROM units h WHERE h.head_id = p.id) AS headed \
            FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people m ON m.id = p.manager_id \
            WHERE p.id = \(bind: id)
            """
        guard let row = try await reads.firstRow(query) else { return nil }
        let person = try StoredPerson.read(row, "p")
        return PersonDetails(
            id: id, name: person.name, email: person.email, jobTitle: person.jobTitle, isActive: person.isActive,
            isLeadershipTeam: person.isLeadershipTeam, isHRAdministrator: person.isHRAdministrator,
            unit: try person.unitID.map { ($0, try row.decode(column: "u_path", as: String.self)) },
            manager: try StoredPerson.readOptional(row, "m").map(summary),
            activeDirectReports: try row.decode(column: "reports", as: Int.self),
            unitsHeaded: try row.decode(column: "headed", as: Int.self),
            hasNewManager: HistoryConsent.hasNewManager(choiceMadeFor: person.historyChoiceManagerID, manager: person.managerID))
    }

    package static let summaryColumns =
        "p.id AS p_id, p.name AS p_name, p.job_title AS p_job_title, p.email AS p_email, p.active AS p_active"

    /// A person's summary from a row selected with `summaryColumns`.
    package static func summary(_ row: any SQLRow) throws -> PersonSummary {
        let r = AliasedRow(row, "p")
        return PersonSummary(
            id: try r("id"), name: try r("name"), jobTitle: try r("job_title"), email: try r("email"), isActive: try r("active"))
    }

    /// Active direct reports, by name: one query.
    package static func directReports(of id: UUID, on reads: Reads) async throws -> [PersonSummary] {
        try await reads.rows(
            """
            SELECT \(unsafeRaw: summaryColumns) FROM people p WHERE p.manager_id = \(bind: id) AND p.active = \(bind: true) \
            ORDER BY p.name, p.id
            """
        ).map(summary)
    }

    /// The units a person heads, each as the unit page shows it: one query, then two a unit.
    package static func unitsHeaded(by head: PersonSummary, on reads: Reads) async throws -> [UnitOverview] {
        var overviews: [UnitOverview] = []
        for row in try await reads.rows(
            "SELECT \(unsafeRaw: StoredUnit.columns("u")) FROM units u WHERE u.head_id = \(bind: head.id) ORDER BY u.path")
        {
            overviews.append(try await overview(of: try StoredUnit.read(row, "u"), head: head, on: reads))
        }
        return overviews
    }

    /// A unit, its head, its child units with their headcounts and the people directly in it:
    /// three queries.
    package static func unit(_ id: UUID, on reads: Reads) async throws -> UnitOverview? {
        guard
            let row = try await reads.firstRow(
                """
                SELECT \(unsafeRaw: StoredUnit.columns("u")), \(unsafeRaw: summaryColumns) \
                FROM units u LEFT JOIN people p ON p.id = u.head_id WHERE u.id = \(bind: id)
                """)
        else { return nil }
        return try await overview(
            of: try StoredUnit.read(row, "u"), head: try row.decodeNil(column: "p_id") ? nil : try summary(row), on: reads)
    }

    /// The rest of a unit's overview: its ancestors and children in one query, its members in another.
    private static func overview(of unit: StoredUnit, head: PersonSummary?, on reads: Reads) async throws -> UnitOverview {
        let id = unit.id
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
        let relatives = try await reads.rows(family).map { row in
            Relative(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                path: try row.decode(column: "path", as: String.self),
                parentID: try row.decodeNil(column: "parent_id") ? nil : try row.decode(column: "parent_id", as: UUID.self),
                peopleTotal: try row.decode(column: "people_total", as: Int.self))
        }
        let children = relatives.filter { $0.parentID == id }.sorted { ($0.name, $0.path) < ($1.name, $1.path) }
        let ancestors = relatives.filter { $0.parentID != id }.sorted { $0.path.count < $1.path.count }
        let members = try await reads.rows(
            """
            SELECT \(unsafeRaw: summaryColumns) FROM people p WHERE p.unit_id = \(bind: id) AND p.active = \(bind: true) \
            ORDER BY p.name, p.id
            """
        ).map(summary)
        return UnitOverview(
            id: id, name: unit.name, path: unit.path, ancestors: ancestors.map { ($0.id, $0.name) },
            head: head, headcount: unit.peopleTotal,
            children: children.map { UnitCount(id: $0.id, name: $0.name, path: $0.path, headcount: $0.peopleTotal) },
            members: members)
    }

    package static let pageSize = 50

    /// How a search finds its page. `automatic` chooses; tests name each plan to prove they agree.
    package enum SearchPlan {
        case automatic
        /// For each distinct word the leading term starts, that word's people in name order (the
        /// words table keeps them so), merged: reads about a page of rows, whatever the term.
        case byWord
        /// Every person the leading term matches, sorted by name.
        case byRange
        /// Everyone in name order, keeping those who match, until the page is full.
        case walk
    }

    /// A leading term that starts more distinct words than this is not searched word by word.
    package static let wordLimit = 30

    /// A term that more people match than this is searched by walking everyone in name order (a
    /// page fills quickly); a rarer one by reading its matches and sorting them.
    package static let broadTerm = 5000

    /// People with a word starting with each word of the query, by name, a page at a time.
    package static func search(
        _ query: String, page: Int, includeInactive: Bool, on reads: Reads,
        plan: SearchPlan = .automatic
    ) async throws -> Page<(PersonSummary, String?)> {
        var terms: [String] = []
        for term in query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init) where !terms.contains(term) && terms.count < 5
        {
            terms.append(term)
        }
        let paging = Paging(number: page, size: pageSize)
        let page = paging.number, offset = paging.offset
        let empty = Page<(PersonSummary, String?)>(items: [], number: page, hasNext: false)

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
        /// The people the leading term matches among the words `condition` picks, one row each
        /// (person_id, name, email), who also match every other term.
        func matches(of lead: String, where condition: SQLQueryString) -> SQLQueryString {
            var matched: SQLQueryString = "SELECT w.person_id, w.name, w.email FROM person_search_words w WHERE "
            matched += condition
            // Each person's first matching word only, so no one is read twice (M012).
            matched.appendLiteral(" AND w.shared < ")
            matched.appendInterpolation(bind: lead.utf8.count)
            if !includeInactive { matched.appendLiteral(" AND w.active = "); matched.appendInterpolation(bind: true) }
            requireOthers(terms.filter { $0 != lead }, of: "w.person_id", into: &matched)
            return matched
        }
        /// The page's people read from a subquery `matched` of (person_id, name, email) already
        /// ordered and cut to the page.
        func readMatched(_ matched: SQLQueryString) async throws -> Page<(PersonSummary, String?)> {
            var select: SQLQueryString = "SELECT \(unsafeRaw: summaryColumns), u.path AS u_path FROM ("
            select += matched
            // The cross join keeps SQLite reading the page first.
            select.appendLiteral(
                """
                ) matched CROSS JOIN people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = matched.person_id \
                ORDER BY matched.name, matched.email, matched.person_id
                """)
            return try await read(select)
        }
        func read(_ select: SQLQueryString) async throws -> Page<(PersonSummary, String?)> {
            let rows = try await reads.rows(select)
            let items = try rows.prefix(pageSize).map { row in
                (try summary(row), try row.decodeNil(column: "u_path") ? nil : try row.decode(column: "u_path", as: String.self))
            }
            return Page(items: items, number: page, hasNext: rows.count > pageSize)
        }
        func pageLimit() -> SQLQueryString { " LIMIT \(literal: pageSize + 1) OFFSET \(literal: offset)" }

        // The term to lead with: the only one, or the one fewest people match.
        var lead: (term: String, count: Int?)?
        if terms.count == 1 {
            lead = (terms[0], nil)
        } else if terms.count > 1 {
            let counts = try await peopleMatching(terms, on: reads)
            if counts.contains(0) { return empty }
            let rarest = zip(terms, counts).min { $0.1 < $1.1 }!
            lead = (rarest.0, rarest.1)
        }

        if let lead, plan == .automatic || plan == .byWord {
            let words = try await wordsStarting(lead.term, limit: plan == .byWord ? nil : wordLimit + 1, on: reads)
            if words.isEmpty { return empty }
            if words.count <= wordLimit || plan == .byWord {
                // Each word's rows come in name order from the key (M012), so the merge reads about a page.
                // SQLite merges the arms as they are. PostgreSQL's generic plan cannot tell how many
                // people each word has and reads them all into a sort; each arm ordered and cut to
                // the page makes it merge them and stop when the page is full. (One word is one
                // ordered scan already, and PostgreSQL refuses a second LIMIT on a lone arm.)
                let cutEachArm = reads.database.sql.dialect.name == "postgresql" && words.count > 1
                var matched: SQLQueryString = ""
                for (index, word) in words.enumerated() {
                    if index > 0 { matched.appendLiteral(" UNION ALL ") }
                    if cutEachArm { matched.appendLiteral("(") }
                    matched += matches(of: lead.term, where: "w.word = \(bind: word)")
                    if cutEachArm {
                        matched.appendLiteral(" ORDER BY w.name, w.email, w.person_id LIMIT ")
                        matched.appendInterpolation(literal: offset + pageSize + 1)
                        matched.appendLiteral(")")
                    }
                }
                matched.appendLiteral(" ORDER BY name, email, person_id")
                matched += pageLimit()
                return try await readMatched(matched)
            }
        }

        var leadCount = lead?.count
        if let lead, leadCount == nil { leadCount = try await peopleMatching([lead.term], on: reads)[0] }
        if let lead, let leadCount, plan == .byRange || (plan == .automatic && leadCount <= broadTerm) {
            if leadCount == 0 { return empty }
            // Few matches: choose the page from the words table alone, then read those people.
            let range = SearchWords.range(of: lead.term)
            var matched = matches(of: lead.term, where: "w.word >= \(bind: range.lower) AND w.word < \(bind: range.upper)")
            matched.appendLiteral(" ORDER BY w.name, w.email, w.person_id")
            matched += pageLimit()
            return try await readMatched(matched)
        }

        // Many matches, or no query: walk everyone in name order until the page is full.
        var select: SQLQueryString =
            "SELECT \(unsafeRaw: summaryColumns), u.path AS u_path FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE 1 = 1"
        requireOthers(terms, of: "p.id", into: &select)
        if !includeInactive { select.appendLiteral(" AND p.active = "); select.appendInterpolation(bind: true) }
        select.appendLiteral(" ORDER BY p.name, p.email")
        select += pageLimit()
        return try await read(select)
    }

    /// How many people each term matches (each once: M012), counted no further than `broadTerm`.
    package static func peopleMatching(_ terms: [String], on reads: Reads) async throws -> [Int] {
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
        let row = try await reads.firstRow(counting)
        return try terms.indices.map { try row?.decode(column: "t\($0)", as: Int.self) ?? 0 }
    }

    /// The distinct words that start with `term`, in byte order, at most `limit`: one index seek
    /// each, however many people have them.
    package static func wordsStarting(_ term: String, limit: Int?, on reads: Reads) async throws -> [String] {
        let range = SearchWords.range(of: term)
        var query: SQLQueryString = """
            WITH RECURSIVE found(word) AS (SELECT MIN(word) FROM person_search_words WHERE word >= \(bind: range.lower) \
            AND word < \(bind: range.upper) UNION ALL SELECT (SELECT MIN(o.word) FROM person_search_words o WHERE o.word > found.word \
            AND o.word < \(bind: range.upper)) FROM found WHERE found.word IS NOT NULL) SELECT word FROM found WHERE word IS NOT NULL
            """
        if let limit { query.appendLiteral(" LIMIT \(limit)") }
        return try await reads.rows(query).map { try $0.decode(column: "word", as: String.self) }
    }

    package static func counts(on database: any Database) async throws -> (activePeople: Int, units: Int, withoutPassword: Int) {
        async let people = PersonModel.query(on: database).filter(\.$isActive == true).count()
        async let units = UnitModel.query(on: database).count()
        async let credentials = CredentialModel.query(on: database)
            .join(PersonModel.self, on: \CredentialModel.$person.$id == \PersonModel.$id)
            .filter(PersonModel.self, \.$isActive == true).count()
        let active = try await people
        return (active, try await units, active - (try await credentials))
    }

    /// Every unit with its own and its whole headcount, in tree order: one query.
    package static func allUnits(on database: any Database) async throws -> [(unit: UnitCount, depth: Int, own: Int)] {
        try await UnitModel.query(on: database).all()
            .map { unit in (unit, UnitPath(parsing: unit.path)?.names ?? [unit.path]) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
            .map { unit, names in
                (UnitCount(id: unit.id!, name: unit.name, path: unit.path, headcount: unit.peopleTotal), names.count - 1, unit.peopleDirect)
            }
    }
}

extension Optional {
    package func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}

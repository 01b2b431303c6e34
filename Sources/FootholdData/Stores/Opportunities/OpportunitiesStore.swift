import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Where the viewer stands to the catalogue: their unit and whether they manage anyone.
package struct CatalogueKeeper: Equatable {
    package var personID: UUID
    package var unitID: UUID?
    package var isLineManager: Bool
    package var isHRAdministrator: Bool

    package var mayAdd: Bool {
        OpportunityKeeping.mayAdd(isHRAdministrator: isHRAdministrator, isLineManager: isLineManager, ownUnitID: unitID)
    }

    package func mayKeep(unitID: UUID?) -> Bool {
        OpportunityKeeping.mayKeep(
            unitID: unitID, isHRAdministrator: isHRAdministrator, isLineManager: isLineManager, ownUnitID: self.unitID)
    }
}

/// Every query about the opportunities catalogue, and what a person has said they want from it.
package enum OpportunitiesStore {
    /// The table whose one row counts the changes to the catalogue (M020).
    package static let changesTable = "catalogue_changes"

    /// The open opportunities on `today`, as the catalogue keeps them: one row read to see how many
    /// times the catalogue has changed, and every open one read again only when that or the day
    /// differs.
    package static func open(today: CalendarDate, catalogue: OpportunityCatalogue, on reads: Reads) async throws -> CatalogueSnapshot {
        let open: SQLQueryString = "closes_on IS NULL OR closes_on >= \(bind: today.iso)"
        let row = try await reads.firstRow("SELECT changes FROM \(unsafeRaw: changesTable) WHERE id = 1")
        let version = CatalogueSnapshot.Version(today: today, changes: try row?.decode(column: "changes", as: Int.self) ?? 0)
        return try await catalogue.snapshot(version) {
            return try await reads.rows(
                """
                SELECT id, kind, title, description, skills, tags, closes_on, unit_id, contact_id, created_by_id, updated_at \
                FROM opportunities WHERE \(open)
                """
            ).map(item)
        }
    }

    private static func items(_ ids: [UUID], on reads: Reads) async throws -> [CatalogueItem] {
        guard !ids.isEmpty else { return [] }
        var query: SQLQueryString = """
            SELECT id, kind, title, description, skills, tags, closes_on, unit_id, contact_id, created_by_id, updated_at \
            FROM opportunities WHERE id IN (
            """
        for (index, id) in ids.enumerated() {
            if index > 0 { query.appendLiteral(", ") }
            query.appendInterpolation(bind: id)
        }
        query.appendLiteral(")")
        return try await reads.rows(query).map(item)
    }

    private static func item(_ row: any SQLRow) throws -> CatalogueItem {
        let opportunity = Opportunity(
            id: try row.decode(column: "id", as: UUID.self),
            kind: OpportunityKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .project,
            title: try row.decode(column: "title", as: String.self), description: try row.decode(column: "description", as: String.self),
            skills: OpportunityDraft.list(try row.decode(column: "skills", as: String.self)),
            tags: OpportunityDraft.list(try row.decode(column: "tags", as: String.self)),
            closesOn: try row.decodeNil(column: "closes_on") ? nil : CalendarDate(iso: try row.decode(column: "closes_on", as: String.self))
        )
        return CatalogueItem(
            opportunity: opportunity, unitID: try row.decodeNil(column: "unit_id") ? nil : try row.decode(column: "unit_id", as: UUID.self),
            contactID: try row.decodeNil(column: "contact_id") ? nil : try row.decode(column: "contact_id", as: UUID.self),
            createdByID: try row.decode(column: "created_by_id", as: UUID.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// One opportunity, open or closed.
    package static func find(_ id: UUID, on reads: Reads) async throws -> CatalogueItem? {
        try await items([id], on: reads).first
    }

    /// The names of units and people an opportunity list shows, in one statement.
    package static func names(units: Set<UUID>, people: Set<UUID>, on reads: Reads) async throws -> (
        units: [UUID: String], people: [UUID: String]
    ) {
        var query = SQLQueryString("")
        var parts = 0
        for (kind, table, ids) in [("u", "units", units), ("p", "people", people)] where !ids.isEmpty {
            if parts > 0 { query.appendLiteral(" UNION ALL ") }
            parts += 1
            query.appendLiteral("SELECT '\(kind)' AS k, id, name AS label FROM \(table) WHERE id IN (")
            for (index, id) in ids.enumerated() {
                if index > 0 { query.appendLiteral(", ") }
                query.appendInterpolation(bind: id)
            }
            query.appendLiteral(")")
        }
        var names: (units: [UUID: String], people: [UUID: String]) = ([:], [:])
        guard parts > 0 else { return names }
        for row in try await reads.rows(query) {
            let (id, label) = (try row.decode(column: "id", as: UUID.self), try row.decode(column: "label", as: String.self))
            switch try row.decode(column: "k", as: String.self) {
            case "u": names.units[id] = label
            case "p": names.people[id] = label
            default: throw StoreError.unexpectedRow("the names of an opportunity list")
            }
        }
        return names
    }

    package static func keeper(_ personID: UUID, isHRAdministrator: Bool, on reads: Reads) async throws -> CatalogueKeeper {
        let row = try await reads.firstRow(
            """
            SELECT p.unit_id, EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id AND r.active = \(bind: true)) AS manages \
            FROM people p WHERE p.id = \(bind: personID)
            """)
        return CatalogueKeeper(
            personID: personID,
            unitID: try row.flatMap { try $0.decodeNil(column: "unit_id") ? nil : try $0.decode(column: "unit_id", as: UUID.self) },
            isLineManager: try row?.decode(column: "manages", as: Bool.self) ?? false, isHRAdministrator: isHRAdministrator)
    }

    /// Every unit, by path, for an HR administrator's choice.
    package static func units(on reads: Reads) async throws -> [(id: UUID, path: String)] {
        try await reads.rows("SELECT id, path FROM units ORDER BY path").map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "path", as: String.self))
        }
    }

    /// What a person has said they want, for their own ranking: their plan, and the interests in
    /// their latest preparation as the employee (their own words, read through the policy).
    package static func ownProfile(of personID: UUID, on reads: Reads) async throws -> RankingProfile {
        let plan = try await PlanStore.latest(of: personID, on: reads) ?? CareerPlan()
        let row = try await reads.firstRow(
            """
            SELECT p.answers, c.kind, c.employee_id FROM conversations c JOIN preparations p ON p.conversation_id = c.id \
            WHERE c.employee_id = \(bind: personID) AND p.side = \(bind: ConversationSide.employee.rawValue) \
            ORDER BY p.updated_at DESC LIMIT 1
            """)
        var interests = ""
        if let row, let kind = ConversationKind(rawValue: try row.decode(column: "kind", as: String.self)),
            ConversationAccess.allows(
                .init(isEmployee: try row.decode(column: "employee_id", as: UUID.self) == personID), .employeePreparation, .init(kind: kind)
            )
        {
            interests = ConversationStore.decode(try row.decode(column: "answers", as: String.self)).answers[.interests] ?? ""
        }
        return RankingProfile(plan: plan, preparationInterests: interests)
    }

    /// Adds or changes an opportunity.
    package static func save(
        _ draft: OpportunityDraft, id: UUID, isNew: Bool, unitID: UUID?, contactID: UUID?, by personID: UUID, at now: Date,
        on database: any Database
    ) async throws {
        let model: OpportunityModel
        if isNew {
            model = OpportunityModel()
            model.id = id
            model.createdAt = now
            model.$createdBy.id = personID
        } else {
            guard let found = try await OpportunityModel.find(id, on: database) else { throw StoreError.notFound }
            model = found
        }
        model.kind = draft.kind.rawValue
        model.title = draft.title
        model.description = draft.description
        model.skills = draft.skills.joined(separator: ", ")
        model.tags = draft.tags.joined(separator: ", ")
        model.closesOn = draft.closesOn?.iso
        model.$unit.id = unitID
        model.$contact.id = contactID
        model.updatedAt = now
        try await database.transaction { database in
            try await model.save(on: database)
            try await counted(on: database)
            try await AuditLog.record(
                .opportunitiesChanged, by: personID, detail: "\(isNew ? "added" : "changed") “\(draft.title)”", at: now, on: database)
        }
    }

    package static func delete(_ id: UUID, by person: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            guard let found = try await OpportunityModel.find(id, on: database) else { return }
            try await found.delete(on: database)
            try await counted(on: database)
            try await AuditLog.record(.opportunitiesChanged, by: person, detail: "removed “\(found.title)”", at: now, on: database)
        }
    }

    /// Raises the count of changes to the catalogue, in the transaction that changed it: every
    /// instance then reads the catalogue afresh.
    package static func counted(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("UPDATE \(unsafeRaw: changesTable) SET changes = changes + 1 WHERE id = 1").run()
    }

    /// The opportunities on a conversation's agenda, in the order they were added.
    package static func agenda(of conversationID: UUID, on reads: Reads) async throws -> [(id: UUID, title: String, kind: OpportunityKind)]
    {
        try await reads.rows(
            """
            SELECT o.id, o.title, o.kind FROM agenda_opportunities a JOIN opportunities o ON o.id = a.opportunity_id \
            WHERE a.conversation_id = \(bind: conversationID) ORDER BY a.added_at, o.title
            """
        ).map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "title", as: String.self),
                OpportunityKind(rawValue: try $0.decode(column: "kind", as: String.self)) ?? .project
            )
        }
    }

    /// Puts an opportunity on a conversation's agenda; adding it twice keeps one.
    package static func addToAgenda(
        opportunityID: UUID, conversationID: UUID, by personID: UUID, id: UUID, at now: Date, on database: any Database
    ) async throws {
        let already = try await AgendaOpportunityModel.query(on: database).filter(\.$conversation.$id == conversationID)
            .filter(\.$opportunity.$id == opportunityID).count()
        guard already == 0 else { return }
        let item = AgendaOpportunityModel()
        item.id = id
        item.$conversation.id = conversationID
        item.$opportunity.id = opportunityID
        item.$addedBy.id = personID
        item.addedAt = now
        do {
            try await item.create(on: database)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Added at the same moment from another page: it is on the agenda once.
        }
        try await ConversationStore.audit(
            "added an opportunity to the agenda", conversation: conversationID, by: personID, at: now, on: database)
    }

    package static func removeFromAgenda(opportunityID: UUID, conversationID: UUID, on database: any Database) async throws {
        try await AgendaOpportunityModel.query(on: database).filter(\.$conversation.$id == conversationID)
            .filter(\.$opportunity.$id == opportunityID).delete()
    }

    package static func email(of personID: UUID, on reads: Reads) async throws -> String? {
        try await reads.firstRow("SELECT email FROM people WHERE id = \(bind: personID)")?.decode(column: "email", as: String.self)
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query about actions: the lists, one action through the policy, and each change, audited.
package enum ActionStore {
    /// Which list of a UNION a row belongs to, named in the query and read back here.
    private enum List: String {
        case own, guided, colleague, live
        case toConfirm = "confirm"

        init(_ row: any SQLRow) throws {
            let text = try row.decode(column: "list", as: String.self)
            guard let list = List(rawValue: text) else { throw StoreError.unexpectedRow("the name of an action list") }
            self = list
        }
    }

    /// One action for `viewer`; "not found" for anyone the policy does not let read it.
    package static func load(_ id: UUID, for viewer: Viewer, on reads: Reads) async throws -> ActionForViewer {
        guard let row = try await reads.firstRow("SELECT \(unsafeRaw: ActionLine.columns) WHERE a.id = \(bind: id)") else {
            throw StoreError.notFound
        }
        let loaded = ActionForViewer(line: try ActionLine(row, caches: reads.caches), viewerID: viewer.personID)
        guard loaded.allows(.read) else { throw Refusal.hidden }
        return loaded
    }

    /// The person's own actions in `statuses` (newest conversation first), the live ones agreed
    /// with people they guide, and the live ones they own as a named colleague: three indexed
    /// reads in one round trip, in order.
    package static func lists(
        for personID: UUID, statuses: [ActionStatus] = ActionStatus.allCases, on reads: Reads
    ) async throws -> ActionLists {
        let live = [ActionStatus.open.rawValue, ActionStatus.inProgress.rawValue]
        var query: SQLQueryString =
            "SELECT \(literal: List.own.rawValue) AS list, \(unsafeRaw: ActionLine.columns) WHERE a.employee_id = \(bind: personID)"
        if statuses.count < ActionStatus.allCases.count {
            query.appendLiteral(" AND a.status IN (")
            query.appendInterpolation(binds: statuses.map(\.rawValue))
            query.appendLiteral(")")
        }
        query.appendInterpolation(
            """
             UNION ALL SELECT \(literal: List.guided.rawValue), \(unsafeRaw: ActionLine.columns) WHERE c.guide_id = \(bind: personID) \
            AND a.employee_id <> \(bind: personID) AND a.status IN (\(bind: live[0]), \(bind: live[1])) \
            UNION ALL SELECT \(literal: List.colleague.rawValue), \(unsafeRaw: ActionLine.columns) WHERE a.owner_person_id = \(bind: personID) \
            AND a.owner = \(bind: ActionOwner.colleague.rawValue) AND a.employee_id <> \(bind: personID) \
            AND (c.guide_id IS NULL OR c.guide_id <> \(bind: personID)) AND a.status IN (\(bind: live[0]), \(bind: live[1])) \
            ORDER BY list DESC, sort_date DESC, a_created_at, a_id
            """ as SQLQueryString)
        let rows = try await reads.rows(query)
        var lists = ActionLists()
        for row in rows {
            let line = try ActionLine(row, caches: reads.caches)
            switch try List(row) {
            case .own: lists.own.append(line)
            case .guided: lists.guided.append(line)
            case .colleague: lists.asColleague.append(line)
            case .live, .toConfirm: throw StoreError.unexpectedRow("the actions page's lists")
            }
        }
        // Own actions come in order; the two short lists of live ones are ordered by date due.
        lists.guided.sort(by: Self.soonestDueFirst)
        lists.asColleague.sort(by: Self.soonestDueFirst)
        return lists
    }

    /// The live actions `guide` agreed with one `employee`, soonest due first: the same lines as the
    /// guide's list on the actions page, for that one person.
    package static func guided(by guide: UUID, for employee: UUID, on reads: Reads) async throws -> [ActionLine] {
        try await reads.rows(
            """
            SELECT \(unsafeRaw: ActionLine.columns) WHERE a.employee_id = \(bind: employee) AND c.guide_id = \(bind: guide) \
            AND a.employee_id <> \(bind: guide) \
            AND a.status IN (\(bind: ActionStatus.open.rawValue), \(bind: ActionStatus.inProgress.rawValue))
            """
        ).map { try ActionLine($0, caches: reads.caches) }.sorted(by: soonestDueFirst)
    }

    /// Latest conversation first, then the order they were written in.
    package static func newestFirst(_ a: ActionLine, _ b: ActionLine) -> Bool {
        let left = a.conversationDate ?? a.action.createdAt, right = b.conversationDate ?? b.action.createdAt
        if left != right { return left > right }
        if a.action.createdAt != b.action.createdAt { return a.action.createdAt < b.action.createdAt }
        return a.action.id.uuidString < b.action.id.uuidString
    }

    package static func soonestDueFirst(_ a: ActionLine, _ b: ActionLine) -> Bool {
        switch (a.action.dueOn, b.action.dueOn) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return newestFirst(a, b)
        }
    }

    /// Waiting for the guide to confirm: owned by the guide or the organisation, live, unconfirmed.
    /// Written with literals, not binds, so both databases see it is the condition of the partial
    /// index `agreed_actions_guide_awaiting_idx` (M017) and use that index.
    /// The same condition on the actions table under `alias`.
    package static func awaitingIn(_ alias: String?) -> String {
        let a = alias.map { $0 + "." } ?? ""
        return "\(a)confirmed_at IS NULL AND \(a)owner IN ('\(ActionOwner.guide.rawValue)', '\(ActionOwner.organisation.rawValue)') "
            + "AND \(a)status IN ('\(ActionStatus.open.rawValue)', '\(ActionStatus.inProgress.rawValue)')"
    }

    /// The person's own actions as a choice to link to: id and description, newest first.
    package static func titles(of personID: UUID, limit: Int, on reads: Reads) async throws -> [(id: UUID, description: String)] {
        try await reads.rows(
            """
            SELECT id, description FROM agreed_actions WHERE employee_id = \(bind: personID) \
            ORDER BY created_at DESC, id LIMIT \(literal: limit)
            """
        ).map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "description", as: String.self)) }
    }

    /// For the home page, in one round trip: the person's live actions, soonest due first, and the
    /// live actions owned by them as guide or by the organisation that wait for their confirmation.
    package static func forHome(of personID: UUID, on reads: Reads) async throws -> (live: [ActionLine], toConfirm: [ActionLine]) {
        let rows = try await reads.rows(
            """
            SELECT \(literal: List.live.rawValue) AS list, \(unsafeRaw: ActionLine.columns) WHERE a.employee_id = \(bind: personID) \
            AND a.status IN (\(bind: ActionStatus.open.rawValue), \(bind: ActionStatus.inProgress.rawValue)) \
            UNION ALL SELECT \(literal: List.toConfirm.rawValue), \(unsafeRaw: ActionLine.columns) WHERE c.guide_id = \(bind: personID) \
            AND a.guide_id = \(bind: personID) AND \(unsafeRaw: awaitingIn("a"))
            """)
        var live: [ActionLine] = [], toConfirm: [ActionLine] = []
        for row in rows {
            let line = try ActionLine(row, caches: reads.caches)
            switch try List(row) {
            case .live: live.append(line)
            case .toConfirm: toConfirm.append(line)
            case .own, .guided, .colleague: throw StoreError.unexpectedRow("the home page's actions")
            }
        }
        return (live.sorted(by: soonestDueFirst), toConfirm.sorted(by: soonestDueFirst))
    }

    /// The progress notes on an action, oldest first.
    package static func notes(of actionID: UUID, on reads: Reads) async throws -> [ActionNote] {
        try await reads.rows(
            """
            SELECT n.id, n.body, n.created_at, p.name FROM action_notes n JOIN people p ON p.id = n.author_id \
            WHERE n.action_id = \(bind: actionID) ORDER BY n.created_at, n.id
            """
        ).map { row in
            ActionNote(
                id: try row.decode(column: "id", as: UUID.self), authorName: try row.decode(column: "name", as: String.self),
                body: try row.decode(column: "body", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    /// What an action says, as written in a form and checked.
    package struct Draft: Equatable {
        package var description: String
        package var successMeasure: String
        package var owner: ActionOwner
        package var ownerPersonID: UUID?
        package var dueOn: CalendarDate?
        package var goalID: UUID?
        package var forInfluenceObjective: Bool

        package init(
            description: String, successMeasure: String, owner: ActionOwner, ownerPersonID: UUID? = nil, dueOn: CalendarDate? = nil,
            goalID: UUID? = nil, forInfluenceObjective: Bool
        ) {
            self.description = description
            self.successMeasure = successMeasure
            self.owner = owner
            self.ownerPersonID = ownerPersonID
            self.dueOn = dueOn
            self.goalID = goalID
            self.forInfluenceObjective = forInfluenceObjective
        }
    }

    /// Adds an action for `employeeID`, agreed in `conversationID` or on their own, and audits it.
    package static func add(
        _ draft: Draft, id: UUID, employeeID: UUID, conversation: (id: UUID, guideID: UUID)?, by actorID: UUID, at now: Date,
        on database: any Database
    ) async throws {
        let conversationID = conversation?.id
        let action = AgreedActionModel(
            id: id, employeeID: employeeID, conversationID: conversationID, description: draft.description, owner: draft.owner, at: now)
        action.$createdBy.id = actorID
        action.$guide.id = conversation?.guideID
        apply(draft, to: action)
        // A colleague named to do it hears so, and a guide an employee gave one to (it waits for
        // them to confirm it); never what it says. Actions agreed for the employee are on their
        // record already.
        let doer: UUID? =
            switch draft.owner {
            case .colleague: draft.ownerPersonID
            case .guide: conversation?.guideID
            case .employee, .organisation: nil
            }
        try await database.transaction { database in
            try await action.create(on: database)
            try await audit("added an action", action, by: actorID, at: now, on: database)
            if let doer, doer != actorID {
                try await NewsStore.tell(
                    News(.actionGiven, by: try await NewsStore.name(of: actorID, on: database), due: draft.dueOn), to: doer, about: id,
                    link: SiteURL.myActions.path, timeZone: TimeZone(secondsFromGMT: 0)!, at: now, on: database)
            }
        }
    }

    private static func apply(_ draft: Draft, to action: AgreedActionModel) {
        action.description = draft.description
        action.successMeasure = draft.successMeasure
        action.owner = draft.owner
        action.$ownerPerson.id = draft.owner == .colleague ? draft.ownerPersonID : nil
        action.dueOn = draft.dueOn?.iso
        action.goalID = draft.goalID
        action.forInfluenceObjective = draft.forInfluenceObjective
    }

    /// Changes what an action says. A change of owner asks the guide to confirm again.
    package static func edit(_ loaded: ActionForViewer, to draft: Draft, at now: Date, on database: any Database) async throws {
        try loaded.require(.edit)
        guard let action = try await AgreedActionModel.find(loaded.action.id, on: database) else { throw StoreError.notFound }
        let ownerChanged = action.owner != draft.owner || action.$ownerPerson.id != (draft.owner == .colleague ? draft.ownerPersonID : nil)
        apply(draft, to: action)
        if ownerChanged { action.confirmedAt = nil }
        action.updatedAt = now
        try await database.transaction { database in
            try await action.save(on: database)
            try await audit("changed an action", action, by: loaded.viewerID, at: now, on: database)
        }
    }

    /// Moves an action on; a dropped action keeps its reason.
    package static func setStatus(
        _ status: ActionStatus, dropReason: String?, of loaded: ActionForViewer, at now: Date, on database: any Database
    ) async throws {
        try loaded.require(.progress)
        guard let action = try await AgreedActionModel.find(loaded.action.id, on: database) else { throw StoreError.notFound }
        action.status = status
        action.dropReason = status == .dropped ? dropReason : nil
        action.updatedAt = now
        try await database.transaction { database in
            try await action.save(on: database)
            try await audit("changed an action", action, by: loaded.viewerID, at: now, on: database)
        }
    }

    package static func addNote(_ body: String, id: UUID, to loaded: ActionForViewer, at now: Date, on database: any Database) async throws
    {
        try loaded.require(.progress)
        let note = ActionNoteModel()
        note.id = id
        note.$action.id = loaded.action.id
        note.$author.id = loaded.viewerID
        note.body = body
        note.createdAt = now
        try await database.transaction { database in
            try await note.create(on: database)
            try await database.sql.raw(
                "UPDATE agreed_actions SET updated_at = \(bind: now) WHERE id = \(bind: loaded.action.id)"
            ).run()
            try await audit(
                "changed an action", conversation: loaded.action.conversationID, employee: loaded.action.employeeID,
                by: loaded.viewerID, at: now, on: database)
        }
    }

    /// The guide confirms an action owned by them or the organisation can be delivered.
    package static func confirm(_ loaded: ActionForViewer, at now: Date, on database: any Database) async throws {
        try loaded.require(.confirm)
        guard loaded.action.owner.needsGuideConfirmation,
            let action = try await AgreedActionModel.find(loaded.action.id, on: database)
        else { throw Refusal.notAllowed }
        action.confirmedAt = now
        action.updatedAt = now
        try await database.transaction { database in
            try await action.save(on: database)
            try await audit("confirmed an action", action, by: loaded.viewerID, at: now, on: database)
        }
    }

    /// Audits a change: against its conversation when it has one, else against its employee.
    private static func audit(_ event: String, _ action: AgreedActionModel, by actorID: UUID, at now: Date, on database: any Database)
        async throws
    {
        try await audit(event, conversation: action.$conversation.id, employee: action.$employee.id, by: actorID, at: now, on: database)
    }

    private static func audit(
        _ event: String, conversation conversationID: UUID?, employee employeeID: UUID, by actorID: UUID, at now: Date,
        on database: any Database
    ) async throws {
        if let conversationID {
            try await ConversationStore.audit(event, conversation: conversationID, by: actorID, at: now, on: database)
        } else {
            try await AuditLog.record(.actionChanged, by: actorID, about: employeeID, detail: event, at: now, on: database)
        }
    }

    /// The people the employee has had or arranged conversations with, as the guides an action
    /// of their own can be linked to a conversation with: their conversations, newest first.
    package static func conversationsToLink(for employeeID: UUID, on reads: Reads) async throws -> [(
        id: UUID, guideID: UUID, title: String, on: Date?
    )] {
        try await reads.rows(
            """
            SELECT c.id, c.guide_id, c.kind, k.name AS checkpoint_name, g.name AS guide_name, \
            COALESCE(c.held_at, c.starts_at) AS on_date FROM conversations c \
            JOIN people g ON g.id = c.guide_id LEFT JOIN checkpoints k ON k.id = c.checkpoint_id \
            WHERE c.employee_id = \(bind: employeeID) AND c.state IN (\(bind: ConversationState.held.rawValue), \
            \(bind: ConversationState.scheduled.rawValue)) ORDER BY COALESCE(c.held_at, c.starts_at) DESC, c.id LIMIT 12
            """
        ).map { row in
            let kind: ConversationKind = try rawValue(row.decode(column: "kind", as: String.self))
            let title =
                try row.decodeNil(column: "checkpoint_name") ? kind.title : try row.decode(column: "checkpoint_name", as: String.self)
            return (
                try row.decode(column: "id", as: UUID.self), try row.decode(column: "guide_id", as: UUID.self),
                "\(title) with \(try row.decode(column: "guide_name", as: String.self))",
                try row.decodeNil(column: "on_date") ? nil : try row.decode(column: "on_date", as: Date.self)
            )
        }
    }

    /// A colleague named in a form, by work e-mail address or by name: the one person it fits, or
    /// a message saying why none or which ones.
    package static func colleague(named text: String, on reads: Reads) async throws -> Result<(id: UUID, name: String), ColleagueProblem> {
        let typed = text.trimmed()
        guard !typed.isEmpty else { return .failure(.missing) }
        if typed.contains("@") {
            guard
                let row = try await reads.firstRow(
                    "SELECT id, name FROM people WHERE email = \(bind: EmailAddress.normalised(typed)) AND active = \(bind: true) LIMIT 1")
            else { return .failure(.noneFound(typed)) }
            return .success((try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self)))
        }
        // The name as typed uses the (name, email) index; any other capitalisation reads the table.
        var rows = try await reads.rows(
            "SELECT id, name, email FROM people WHERE name = \(bind: typed) AND active = \(bind: true) ORDER BY email LIMIT 6")
        if rows.isEmpty {
            rows = try await reads.rows(
                """
                SELECT id, name, email FROM people WHERE lower(name) = \(bind: typed.lowercased()) AND active = \(bind: true) \
                ORDER BY email LIMIT 6
                """)
        }
        switch rows.count {
        case 0: return .failure(.noneFound(typed))
        case 1: return .success((try rows[0].decode(column: "id", as: UUID.self), try rows[0].decode(column: "name", as: String.self)))
        default: return .failure(.several(typed, try rows.map { try $0.decode(column: "email", as: String.self) }))
        }
    }

    package enum ColleagueProblem: Error, Equatable {
        case missing
        case noneFound(String)
        case several(String, [String])

        package var message: String {
            switch self {
            case .missing: "Name the colleague who will do it, or type their work e-mail address"
            case .noneFound(let typed):
                "Nobody called \u{201C}\(typed)\u{201D} works here: check the spelling, or type their work e-mail address"
            case .several(let typed, let emails):
                "More than one person is called \(typed): "
                    + "type the work e-mail address of the one you mean (\(emails.prefix(5).joined(separator: ", ")))"
            }
        }
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Reads everything one person may take away, a handful of queries whatever the years: each
/// conversation's parts pass through the access policy as the person's own side of it, and only
/// what they wrote privately themselves is included.
package enum MyDataStore {
    package static func load(for personID: UUID, at now: Date, on reads: Reads) async throws -> MyData {
        guard let details = try await OrganisationStore.person(personID, on: reads) else { throw StoreError.notFound }
        let person = try await self.person(personID, on: reads)
        let plans = try await planVersions(of: personID, on: reads)
        let snapshots = try await PlanStore.snapshots(of: personID, on: reads).map {
            MyData.PlanSnapshot(label: $0.label, takenAt: $0.takenAt, careerYear: CareerYear.label(startYear: $0.startYear), plan: $0.plan)
        }
        let guides = Dictionary(
            try await PlanStore.guides(of: personID, on: reads).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let journal = try await JournalStore.own(of: personID, on: reads).map { entry in
            MyData.JournalEntry(
                id: entry.id, writtenOn: entry.writtenOn.iso, kind: entry.kind.rawValue, text: entry.body, actionId: entry.actionID,
                goalId: entry.goalID, shownTo: entry.sharedWith.compactMap { guides[$0]?.name }.sorted())
        }
        return MyData(
            exportedAt: now,
            person: MyData.Person(
                name: details.name, email: details.email, jobTitle: details.jobTitle, unit: person.unit,
                lineManager: details.manager?.name),
            settings: MyData.Settings(
                historySharedWith: person.historySharedWith, planShownTo: guides.values.filter(\.shown).map(\.name).sorted()),
            planVersions: plans, planSnapshots: snapshots, journal: journal,
            reflections: try await reflections(of: personID, on: reads),
            conversations: try await conversations(of: personID, on: reads),
            actions: try await actions(of: personID, on: reads))
    }

    /// Records that the person downloaded their data (never what it held).
    package static func audit(_ personID: UUID, at now: Date, on database: any Database) async throws {
        try await AuditLog.record(.dataExported, by: personID, about: personID, at: now, on: database)
    }

    private static func person(_ personID: UUID, on reads: Reads) async throws -> (unit: String?, historySharedWith: String?) {
        let row = try await reads.firstRow(
            """
            SELECT u.name AS unit_name, h.name AS shared_name FROM people p LEFT JOIN units u ON u.id = p.unit_id \
            LEFT JOIN people h ON h.id = p.history_shared_with_id AND h.id = p.manager_id WHERE p.id = \(bind: personID)
            """)
        func optional(_ column: String) throws -> String? {
            guard let row, try !row.decodeNil(column: column) else { return nil }
            return try row.decode(column: column, as: String.self)
        }
        return (try optional("unit_name"), try optional("shared_name"))
    }

    private static func planVersions(of personID: UUID, on reads: Reads) async throws -> [MyData.PlanVersion] {
        try await reads.rows(
            """
            SELECT p.content, p.updated_at, y.start_year FROM career_plans p JOIN career_years y ON y.id = p.career_year_id \
            WHERE p.person_id = \(bind: personID) ORDER BY y.start_year
            """
        ).map { row in
            MyData.PlanVersion(
                careerYear: CareerYear.label(startYear: try row.decode(column: "start_year", as: Int.self)),
                updatedAt: try row.decode(column: "updated_at", as: Date.self),
                plan: CareerPlan(document: try row.decode(column: "content", as: String.self)))
        }
    }

    private static func reflections(of personID: UUID, on reads: Reads) async throws -> [MyData.Reflection] {
        try await reads.rows(
            "SELECT conversation_id, content FROM reflections WHERE person_id = \(bind: personID) ORDER BY updated_at, id"
        ).map { row in
            let reflection = Reflection(document: try row.decode(column: "content", as: String.self))
            return MyData.Reflection(
                conversationId: try row.decode(column: "conversation_id", as: UUID.self),
                answers: reflection.answers.mapValues(\.rawValue), balance: reflection.balance?.rawValue,
                whatWorked: reflection.whatWorked, differently: reflection.differently)
        }
    }

    /// The person's conversations, either side, with what the policy lets their side read, their
    /// own preparation and notes, and the themes.
    private static func conversations(of personID: UUID, on reads: Reads) async throws -> [MyData.Conversation] {
        let rows = try await reads.rows(
            """
            SELECT c.id, c.kind, c.state, c.purpose, c.place, c.starts_at, c.held_at, c.expectations, c.summary, c.decline_reason, \
            c.employee_id, c.employee_prep_shared, c.guide_prep_shared, e.name AS employee_name, g.name AS guide_name, \
            k.name AS checkpoint_name FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
            LEFT JOIN checkpoints k ON k.id = c.checkpoint_id WHERE c.employee_id = \(bind: personID) \
            UNION ALL SELECT c.id, c.kind, c.state, c.purpose, c.place, c.starts_at, c.held_at, c.expectations, c.summary, \
            c.decline_reason, c.employee_id, c.employee_prep_shared, c.guide_prep_shared, e.name, g.name, k.name \
            FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
            LEFT JOIN checkpoints k ON k.id = c.checkpoint_id WHERE c.guide_id = \(bind: personID) AND c.employee_id <> \(bind: personID)
            """)
        let preparations = try await reads.rows(
            """
            SELECT p.conversation_id, p.answers FROM preparations p JOIN conversations c ON c.id = p.conversation_id \
            WHERE c.employee_id = \(bind: personID) AND p.side = \(bind: ConversationSide.employee.rawValue) \
            UNION ALL SELECT p.conversation_id, p.answers FROM preparations p JOIN conversations c ON c.id = p.conversation_id \
            WHERE c.guide_id = \(bind: personID) AND p.side = \(bind: ConversationSide.guide.rawValue)
            """)
        var ownPreparation: [UUID: [String: String]] = [:]
        for row in preparations {
            let answers = ConversationStore.decode(try row.decode(column: "answers", as: String.self)).answers
            ownPreparation[try row.decode(column: "conversation_id", as: UUID.self)] = Dictionary(
                uniqueKeysWithValues: answers.map { ($0.key.rawValue, $0.value) })
        }
        var ownNotes: [UUID: String] = [:]
        // Through the person's conversations, each side on its own index: private_notes has none by author.
        for row in try await reads.rows(
            """
            SELECT n.conversation_id, n.body FROM conversations c JOIN private_notes n ON n.conversation_id = c.id \
            WHERE c.employee_id = \(bind: personID) AND n.author_id = \(bind: personID) \
            UNION ALL SELECT n.conversation_id, n.body FROM conversations c JOIN private_notes n ON n.conversation_id = c.id \
            WHERE c.guide_id = \(bind: personID) AND c.employee_id <> \(bind: personID) AND n.author_id = \(bind: personID)
            """)
        {
            ownNotes[try row.decode(column: "conversation_id", as: UUID.self)] = try row.decode(column: "body", as: String.self)
        }
        var themes: [UUID: [String]] = [:]
        for row in try await reads.rows(
            """
            SELECT ct.conversation_id, t.name FROM conversations c JOIN conversation_themes ct ON ct.conversation_id = c.id \
            JOIN themes t ON t.id = ct.theme_id WHERE c.employee_id = \(bind: personID) \
            UNION ALL SELECT ct.conversation_id, t.name FROM conversations c JOIN conversation_themes ct ON ct.conversation_id = c.id \
            JOIN themes t ON t.id = ct.theme_id WHERE c.guide_id = \(bind: personID) AND c.employee_id <> \(bind: personID)
            """)
        {
            themes[try row.decode(column: "conversation_id", as: UUID.self), default: []].append(
                try row.decode(column: "name", as: String.self))
        }
        return try rows.map { row in
            func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
                try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: T.self)
            }
            let id = try row.decode(column: "id", as: UUID.self)
            let isEmployee = try row.decode(column: "employee_id", as: UUID.self) == personID
            let kind: ConversationKind = try rawValue(row.decode(column: "kind", as: String.self))
            let viewer = ConversationAccess.Viewer(isEmployee: isEmployee, isGuide: !isEmployee)
            let sharing = ConversationAccess.Sharing(
                kind: kind, employeePreparationShared: try row.decode(column: "employee_prep_shared", as: Bool.self),
                guidePreparationShared: try row.decode(column: "guide_prep_shared", as: Bool.self))
            func allowed<T>(_ part: ConversationAccess.Part, _ value: T?) -> T? {
                ConversationAccess.allows(viewer, part, sharing) ? value : nil
            }
            let own: ConversationAccess.Part = isEmployee ? .employeeNotes : .guideNotes
            return MyData.Conversation(
                id: id, kind: kind.rawValue, state: try row.decode(column: "state", as: String.self),
                side: isEmployee ? "employee" : "guide",
                with: try row.decode(column: isEmployee ? "guide_name" : "employee_name", as: String.self),
                checkpoint: try optional("checkpoint_name", String.self), purpose: allowed(.purpose, try optional("purpose", String.self)),
                place: allowed(.place, try optional("place", String.self)), startsAt: try optional("starts_at", Date.self),
                heldAt: try optional("held_at", Date.self), expectations: allowed(.expectations, try optional("expectations", String.self)),
                summary: allowed(.sharedSummary, try optional("summary", String.self)),
                themes: allowed(.themes, themes[id]?.sorted()) ?? [],
                ownPreparation: allowed(isEmployee ? .employeePreparation : .guidePreparation, ownPreparation[id]) ?? [:],
                ownNotes: allowed(own, ownNotes[id]),
                declineReason: allowed(.declineReason, try optional("decline_reason", String.self)))
        }
    }

    /// The actions of the person's conversations and their own, with every progress note (the
    /// notes are written for the pair to read, so none is private).
    private static func actions(of personID: UUID, on reads: Reads) async throws -> [MyData.Action] {
        let rows = try await reads.rows(
            """
            SELECT \(unsafeRaw: ActionLine.columns) WHERE a.employee_id = \(bind: personID) \
            UNION ALL SELECT \(unsafeRaw: ActionLine.columns) WHERE c.guide_id = \(bind: personID) AND a.employee_id <> \(bind: personID)
            """)
        let lines = try rows.map { try ActionLine($0, caches: reads.caches) }.filter {
            ConversationAccess.allows($0.standing(of: personID), .read, .action)
        }
        var notes: [UUID: [MyData.ActionNote]] = [:]
        let ids = lines.map(\.action.id)
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
            var query: SQLQueryString = """
                SELECT n.action_id, n.body, n.created_at, p.name FROM action_notes n JOIN people p ON p.id = n.author_id \
                WHERE n.action_id IN (
                """
            query.appendInterpolation(binds: chunk)
            query.appendLiteral(") ORDER BY n.created_at, n.id")
            for row in try await reads.rows(query) {
                notes[try row.decode(column: "action_id", as: UUID.self), default: []].append(
                    MyData.ActionNote(
                        writtenAt: try row.decode(column: "created_at", as: Date.self), by: try row.decode(column: "name", as: String.self),
                        text: try row.decode(column: "body", as: String.self)))
            }
        }
        return lines.sorted(by: ActionStore.newestFirst).map { line in
            let action = line.action
            return MyData.Action(
                id: action.id, conversationId: action.conversationID, description: action.description,
                successMeasure: action.successMeasure, owner: action.owner.rawValue, ownerName: line.ownerName(for: personID),
                dueOn: action.dueOn, status: action.status.rawValue, dropReason: action.dropReason, confirmedAt: action.confirmedAt,
                goalId: action.goalID, forInfluenceObjective: action.forInfluenceObjective, progress: notes[action.id] ?? [])
        }
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What the employee's preparation page brings back from what they keep: their latest plan, their
/// six latest journal entries and their latest reflection on another conversation, in one round
/// trip (a preparation is one of the busiest pages, and each query costs most on PostgreSQL).
package enum PreparationKeeps {
    package struct Loaded {
        package var plan: CareerPlan?
        package var journal: [JournalEntry] = []
        package var reflection: PastReflection?
    }

    /// Which of the three reads a row comes from.
    private enum Part: String {
        case plan, journal, reflection
    }

    /// The first of the three reads says what type each empty column is, as PostgreSQL's UNION asks.
    package static func load(for employeeID: UUID, before conversationID: UUID, on reads: Reads) async throws -> Loaded {
        let rows = try await reads.rows(
            """
            SELECT \(literal: Part.plan.rawValue) AS k, x.content AS body, CAST(NULL AS uuid) AS ref_id, NULL AS written_on, NULL AS sort_kind, \
            CAST(NULL AS timestamptz) AS held_at, \
            NULL AS conversation_kind, NULL AS checkpoint_name, NULL AS guide_name FROM (SELECT p.content FROM career_plans p \
            JOIN career_years y ON y.id = p.career_year_id WHERE p.person_id = \(bind: employeeID) ORDER BY y.start_year DESC LIMIT 1) x \
            UNION ALL SELECT \(literal: Part.journal.rawValue), j.body, j.id, j.written_on, j.kind, NULL, NULL, NULL, NULL FROM (SELECT id, body, written_on, kind \
            FROM journal_entries WHERE person_id = \(bind: employeeID) ORDER BY written_on DESC, created_at DESC, id LIMIT 6) j \
            UNION ALL SELECT \(literal: Part.reflection.rawValue), r.content, r.conversation_id, NULL, NULL, r.held_at, r.kind, r.checkpoint_name, r.guide_name \
            FROM (SELECT f.content, f.conversation_id, c.held_at, c.kind, k.name AS checkpoint_name, g.name AS guide_name \
            FROM reflections f JOIN conversations c ON c.id = f.conversation_id JOIN people g ON g.id = c.guide_id \
            LEFT JOIN checkpoints k ON k.id = c.checkpoint_id WHERE f.person_id = \(bind: employeeID) \
            AND c.employee_id = \(bind: employeeID) AND f.conversation_id <> \(bind: conversationID) \
            ORDER BY c.held_at DESC, f.updated_at DESC LIMIT 1) r
            """)
        var loaded = Loaded()
        for row in rows {
            func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
                try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: T.self)
            }
            let body = try row.decode(column: "body", as: String.self)
            let part = try row.decode(column: "k", as: String.self)
            switch Part(rawValue: part) {
            case nil:
                throw StoreError.unexpectedRow("a preparation's plan, journal and reflection")
            case .plan:
                loaded.plan = reads.caches.plan(body)
            case .journal:
                guard let id = try optional("ref_id", UUID.self),
                    let day = try optional("written_on", String.self).flatMap(CalendarDate.init(iso:))
                else { continue }
                loaded.journal.append(
                    JournalEntry(
                        id: id, personID: employeeID, writtenOn: day,
                        kind: JournalEntry.Kind(rawValue: try optional("sort_kind", String.self) ?? "") ?? .accomplishment, body: body,
                        actionID: nil, goalID: nil, sharedWith: []))
            case .reflection:
                guard let id = try optional("ref_id", UUID.self) else { continue }
                let kind = try optional("conversation_kind", String.self).flatMap(ConversationKind.init(rawValue:)) ?? .checkIn
                let title = try optional("checkpoint_name", String.self) ?? kind.title
                loaded.reflection = PastReflection(
                    conversationID: id, title: "\(title) with \(try optional("guide_name", String.self) ?? "your guide")",
                    heldAt: try optional("held_at", Date.self), reflection: reads.caches.reflection(body))
            }
        }
        return loaded
    }
}

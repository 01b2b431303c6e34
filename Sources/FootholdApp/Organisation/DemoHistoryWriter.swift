import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Writes demo conversation history in batches, inside one transaction per kind of row.
enum DemoHistoryWriter {
    static func write(_ history: DemoHistory, people: [UUID], themes: [UUID], on database: any Database, now: Date) async throws {
        let ids = history.conversations.map { _ in UUID() }
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            // Rows per statement: 22 values each stays well inside both databases' limits.
            for batch in Array(zip(ids, history.conversations)).chunked(into: 200) {
                var insert = sql.insert(into: ConversationModel.schema).columns(
                    "id", "kind", "state", "requested_by", "employee_id", "guide_id", "checkpoint_id", "with_line_manager", "purpose",
                    "starts_at", "minutes", "place", "held_at", "held_minutes", "expectations", "summary", "summary_confirmed_at",
                    "employee_prep_shared", "guide_prep_shared", "created_at", "updated_at")
                for (id, c) in batch {
                    insert = insert.values(
                        SQLBind(id), SQLBind(c.kind.rawValue), SQLBind(c.state.rawValue), SQLBind(c.requestedBy.rawValue),
                        SQLBind(people[c.employee]), SQLBind(people[c.guide]), SQLBind(c.checkpoint), SQLBind(c.withLineManager), SQLBind(c.purpose),
                        SQLBind(c.startsAt), SQLBind(c.minutes), SQLBind(c.place), SQLBind(c.heldAt), SQLBind(c.heldAt == nil ? nil : c.minutes),
                        SQLBind(c.expectations), SQLBind(c.summary), SQLBind(c.summaryConfirmed ? c.heldAt : nil),
                        SQLBind(c.employeePreparationShared), SQLBind(false), SQLBind(c.createdAt), SQLBind(c.heldAt ?? c.createdAt))
                }
                try await insert.run()
            }

            var preparations: [(UUID, ConversationSide, String)] = []
            var links: [(UUID, UUID)] = []
            var actions: [(UUID, UUID, DemoHistory.Action, Date)] = []
            for (id, c) in zip(ids, history.conversations) {
                if !c.employeePreparation.isEmpty { preparations.append((id, .employee, ConversationRecords.encode(PreparationAnswers(c.employeePreparation)))) }
                if !c.guidePreparation.isEmpty { preparations.append((id, .guide, ConversationRecords.encode(PreparationAnswers(c.guidePreparation)))) }
                for theme in c.themes where theme < themes.count { links.append((id, themes[theme])) }
                for action in c.actions { actions.append((id, people[c.employee], action, c.heldAt ?? c.createdAt)) }
            }
            for batch in preparations.chunked(into: 500) {
                var insert = sql.insert(into: PreparationModel.schema).columns("id", "conversation_id", "side", "answers", "updated_at")
                for (id, side, answers) in batch { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(side.rawValue), SQLBind(answers), SQLBind(now)) }
                try await insert.run()
            }
            for batch in links.chunked(into: 500) {
                var insert = sql.insert(into: ConversationThemeModel.schema).columns("id", "conversation_id", "theme_id")
                for (conversation, theme) in batch { insert = insert.values(SQLBind(UUID()), SQLBind(conversation), SQLBind(theme)) }
                try await insert.run()
            }
            for batch in actions.chunked(into: 400) {
                var insert = sql.insert(into: AgreedActionModel.schema).columns(
                    "id", "conversation_id", "employee_id", "description", "owner", "due_on", "status", "created_at", "updated_at")
                for (conversation, employee, action, at) in batch {
                    insert = insert.values(SQLBind(UUID()), SQLBind(conversation), SQLBind(employee), SQLBind(action.description), SQLBind(action.owner),
                                           SQLBind(action.dueOn?.iso), SQLBind(action.done ? "done" : "open"), SQLBind(at), SQLBind(at))
                }
                try await insert.run()
            }
        }
    }
}

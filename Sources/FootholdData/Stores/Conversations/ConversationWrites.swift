import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every change to a conversation's own row writes only the columns it changes, and only if the
/// conversation is still in a state the change was allowed from: two people working on one
/// conversation at once cannot undo each other (a summary saved a moment earlier is not wiped by
/// saving expectations; a preparation saved after a cancellation does not bring the
/// conversation back; scheduling and cancelling cannot both win).
///
/// Each transaction here writes before it reads: on SQLite a transaction that has read and then
/// writes fails at once (SQLITE_BUSY_SNAPSHOT) if another connection, the batched read audit say,
/// wrote in between; one that writes first simply waits its turn.
package enum ConversationWrites {
    /// The conversation changed between being read and being written; nothing was saved.
    package struct Stale: Error {}

    /// `UPDATE conversations SET … WHERE id = ? AND state IN (…)`; throws `Stale` when no row matched.
    package static func update(
        _ id: UUID, from states: [ConversationState], now: Date, on database: any Database,
        _ set: (SQLUpdateBuilder) -> SQLUpdateBuilder
    ) async throws {
        let builder = set(database.sql.update(ConversationModel.schema))
            .set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(id))
            .where("state", .in, SQLBind.group(states.map(\.rawValue)))
        let matched = try await builder.returning("id").all()
        guard !matched.isEmpty else { throw Stale() }
    }

    package static func savePreparation(
        _ record: ConversationForViewer, side: ConversationSide, answers: PreparationAnswers, share: Bool,
        now: Date, on database: any Database
    ) async throws {
        try await database.transaction { database in
            try await update(record.id, from: ConversationRules.states(allowing: .prepare), now: now, on: database) {
                $0.set(side == .employee ? "employee_prep_shared" : "guide_prep_shared", to: SQLBind(share))
            }
            let row =
                try await PreparationModel.query(on: database)
                .filter(\.$conversation.$id == record.id).filter(\.$side == side).first() ?? PreparationModel()
            row.$conversation.id = record.id
            row.side = side
            row.answers = ConversationStore.encode(answers)
            row.updatedAt = now
            try await row.save(on: database)
            try await ConversationStore.audit("changed preparation", conversation: record.id, by: record.viewerID, at: now, on: database)
        }
    }

    package static func saveExpectations(_ record: ConversationForViewer, text: String, now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            try await update(record.id, from: ConversationRules.states(allowing: .agreeExpectations), now: now, on: database) {
                $0.set("expectations", to: SQLBind(text))
            }
            try await ConversationStore.audit("changed expectations", conversation: record.id, by: record.viewerID, at: now, on: database)
        }
    }

    /// The shared summary, the viewer's own notes, the themes, and a new action when one was
    /// described: all in one transaction.
    package static func saveRecord(
        _ record: ConversationForViewer, side: ConversationSide, summary: String, notes: String, themes: [UUID],
        confirm: Bool, adding action: (draft: ActionStore.Draft, id: UUID)? = nil, now: Date, on database: any Database
    ) async throws {
        try await database.transaction { database in
            if let action {
                try await ActionStore.add(
                    action.draft, id: action.id, employeeID: record.employee.id, conversation: (record.id, record.guide.id),
                    by: record.viewerID, at: now, on: database)
            }
            // Whether the summary changed is decided against what is stored now (SET reads the row's
            // values before the change), so a change made a moment ago by the other side counts.
            let confirmation: SQLQueryString =
                side == .employee
                // The employee confirms by saving or amending the summary.
                ? "CASE WHEN \(bind: summary) <> '' AND (summary <> \(bind: summary) OR \(unsafeRaw: confirm ? "1 = 1" : "1 = 0")) THEN \(bind: now) ELSE summary_confirmed_at END"
                // A guide's change needs the employee to look again.
                : "CASE WHEN summary <> \(bind: summary) THEN NULL ELSE summary_confirmed_at END"
            try await update(record.id, from: ConversationRules.states(allowing: .record), now: now, on: database) { builder in
                // The confirmation first: it compares with the summary as it was.
                builder.set(SQLIdentifier("summary_confirmed_at"), to: confirmation).set("summary", to: SQLBind(summary))
            }
            let note = try await PrivateNoteModel.query(on: database)
                .filter(\.$conversation.$id == record.id).filter(\.$author.$id == record.viewerID).first()
            if notes.isEmpty {
                try await note?.delete(on: database)
            } else {
                let row = note ?? PrivateNoteModel()
                row.$conversation.id = record.id
                row.$author.id = record.viewerID
                row.body = notes
                row.updatedAt = now
                try await row.save(on: database)
            }
            try await ConversationThemeModel.query(on: database).filter(\.$conversation.$id == record.id).delete()
            for themeID in themes {
                let link = ConversationThemeModel()
                link.$conversation.id = record.id
                link.$theme.id = themeID
                try await link.create(on: database)
            }
            try await ConversationStore.audit("changed record", conversation: record.id, by: record.viewerID, at: now, on: database)
            // The other side hears of a summary to confirm, or confirmed; never what it says.
            let c = record.conversation
            let link = SiteURL.record(record.id).path
            let utc = TimeZone(secondsFromGMT: 0)!
            if side == .guide && !summary.isEmpty && summary != c.summary {
                try await NewsStore.tell(
                    News(.summaryToConfirm, by: record.guide.name), to: record.employee.id, about: record.id, link: link, timeZone: utc,
                    at: now, on: database)
            } else if side == .employee && !summary.isEmpty && (confirm || summary != c.summary)
                && (c.summaryConfirmedAt == nil || summary != c.summary)
            {
                try await NewsStore.tell(
                    News(.summaryConfirmed, by: record.employee.name), to: record.guide.id, about: record.id, link: link, timeZone: utc,
                    at: now, on: database)
            }
        }
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Writes demo conversation history in batches, inside one transaction per kind of row.
enum DemoHistoryWriter {
    /// The conversation columns a bulk write fills, in the order of each row's values.
    static let conversationColumns = [
        "id", "kind", "state", "requested_by", "employee_id", "guide_id", "checkpoint_id", "with_line_manager", "purpose",
        "starts_at", "minutes", "place", "held_at", "held_minutes", "expectations", "summary", "summary_confirmed_at",
        "employee_prep_shared", "guide_prep_shared", "created_at", "updated_at",
    ]

    static func write(
        _ history: DemoHistory, people: [UUID], themes: [UUID], on database: any Database, now: Date,
        ids newID: inout OrderedIDs
    ) async throws {
        let ids = history.conversations.map { _ in newID.next() }
        // Everything below is written in the order of its ids, so each primary key and unique index
        // grows at its end instead of at random places all over the file.
        var preparations: [(UUID, UUID, ConversationSide, String)] = []
        var links: [(UUID, UUID, UUID)] = []
        var actions: [(UUID, UUID, UUID, DemoHistory.Action, Date)] = []
        var notes: [(UUID, UUID, UUID, String, Date)] = []
        for (id, c) in zip(ids, history.conversations) {
            if !c.employeePreparation.isEmpty {
                preparations.append((newID.next(), id, .employee, ConversationStore.encode(PreparationAnswers(c.employeePreparation))))
            }
            if !c.guidePreparation.isEmpty {
                preparations.append((newID.next(), id, .guide, ConversationStore.encode(PreparationAnswers(c.guidePreparation))))
            }
            for theme in c.themes where theme < themes.count { links.append((newID.next(), id, themes[theme])) }
            for action in c.actions { actions.append((newID.next(), id, people[c.employee], action, c.heldAt ?? c.createdAt)) }
            if !c.employeeNote.isEmpty { notes.append((newID.next(), id, people[c.employee], c.employeeNote, c.heldAt ?? c.createdAt)) }
            if !c.guideNote.isEmpty { notes.append((newID.next(), id, people[c.guide], c.guideNote, c.heldAt ?? c.createdAt)) }
        }
        let (preparationRows, linkRows, actionRows, noteRows) = (preparations, links, actions, notes)
        let conversations: @Sendable (any SQLDatabase) async throws -> Void = { sql in
            try await BulkLoad.insert(
                into: ConversationModel.schema,
                columns: conversationColumns,
                count: ids.count,
                row: { index in
                    let id = ids[index], c = history.conversations[index]
                    return [
                        .uuid(id), .text(c.kind.rawValue), .text(c.state.rawValue), .text(c.requestedBy.rawValue),
                        .uuid(people[c.employee]), .uuid(people[c.guide]), .uuid(c.checkpoint), .bool(c.withLineManager), .text(c.purpose),
                        .date(c.startsAt), .int(c.minutes), .text(c.place), .date(c.heldAt), .int(c.heldAt == nil ? nil : c.minutes),
                        .text(c.expectations), .text(c.summary), .date(c.summaryConfirmed ? c.heldAt : nil),
                        .bool(c.employeePreparationShared), .bool(false), .date(c.createdAt), .date(c.heldAt ?? c.createdAt),
                    ]
                },
                on: sql)
        }
        let conversationDetails: @Sendable (any SQLDatabase) async throws -> Void = { sql in
            try await BulkLoad.insert(
                into: PreparationModel.schema, columns: ["id", "conversation_id", "side", "answers", "updated_at"],
                count: preparationRows.count,
                row: { index in
                    let (row, id, side, answers) = preparationRows[index]
                    return [.uuid(row), .uuid(id), .text(side.rawValue), .text(answers), .date(now)]
                },
                on: sql)
            try await BulkLoad.insert(
                into: ConversationThemeModel.schema, columns: ["id", "conversation_id", "theme_id"],
                count: linkRows.count,
                row: { index in [.uuid(linkRows[index].0), .uuid(linkRows[index].1), .uuid(linkRows[index].2)] },
                on: sql)
            try await BulkLoad.insert(
                into: AgreedActionModel.schema,
                columns: [
                    "id", "conversation_id", "employee_id", "description", "success_measure", "owner", "due_on", "status",
                    "for_influence_objective", "created_at", "updated_at",
                ],
                count: actionRows.count,
                row: { index in
                    let (row, conversation, employee, action, at) = actionRows[index]
                    return [
                        .uuid(row), .uuid(conversation), .uuid(employee), .text(action.description), .text(""), .text(action.owner),
                        .text(action.dueOn?.iso), .text(action.done ? "done" : "open"), .bool(false), .date(at), .date(at),
                    ]
                },
                on: sql)
            try await BulkLoad.insert(
                into: PrivateNoteModel.schema, columns: ["id", "conversation_id", "author_id", "body", "updated_at"],
                count: noteRows.count,
                row: { index in
                    let (row, conversation, author, body, at) = noteRows[index]
                    return [.uuid(row), .uuid(conversation), .uuid(author), .text(body), .date(at)]
                },
                on: sql)
        }
        if database.sql.dialect.name == "postgresql" {
            // PostgreSQL does the work of a COPY in the server process of its connection: over one
            // connection the load used one core of PostgreSQL's. The conversations go in over one
            // connection while their preparations, themes and actions go in over a second (the
            // foreign keys between them are set aside for the load and checked when it ends).
            async let first: Void = database.transaction { try await conversations($0 as! any SQLDatabase) }
            try await database.transaction { try await conversationDetails($0 as! any SQLDatabase) }
            try await first
        } else {
            try await database.transaction { database in
                let sql = database as! any SQLDatabase
                // A large page cache for the load: the indexes being written stay in memory.
                try await sql.raw("PRAGMA cache_size = -262144").run()
                try await conversations(sql)
                try await conversationDetails(sql)
            }
        }
    }
}

/// Identifiers that sort in the order they are made: a millisecond clock and a counter in the first
/// 48 bits, then random bits, laid out as a version 7 UUID.
struct OrderedIDs {
    private var counter: UInt64
    private var generator = SystemRandomNumberGenerator()

    init(startingAt date: Date) { counter = UInt64(max(0, date.timeIntervalSince1970 * 1000)) }

    mutating func next() -> UUID {
        counter += 1
        let random = generator.next() as UInt64
        let time = counter & 0xFFFF_FFFF_FFFF
        return UUID(
            uuid: (
                UInt8(time >> 40 & 0xFF), UInt8(time >> 32 & 0xFF), UInt8(time >> 24 & 0xFF), UInt8(time >> 16 & 0xFF),
                UInt8(time >> 8 & 0xFF), UInt8(time & 0xFF), 0x70 | UInt8(random & 0x0F), UInt8(random >> 8 & 0xFF),
                0x80 | UInt8(random >> 16 & 0x3F), UInt8(random >> 24 & 0xFF), UInt8(random >> 32 & 0xFF), UInt8(random >> 40 & 0xFF),
                UInt8(random >> 48 & 0xFF), UInt8(random >> 56 & 0xFF), UInt8(random >> 4 & 0xF0), UInt8(random >> 12 & 0xF0)
            ))
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// An accomplishment or a challenge the person wrote down (seed 003).
package struct JournalEntry: Equatable {
    package enum Kind: String, CaseIterable {
        case accomplishment, challenge

        package var label: String { self == .accomplishment ? "Accomplishment" : "Challenge" }
    }

    package var id: UUID
    package var personID: UUID
    package var writtenOn: CalendarDate
    package var kind: Kind
    package var body: String
    package var actionID: UUID?
    package var goalID: UUID?
    /// The guides it is shown to.
    package var sharedWith: Set<UUID>

    package static let maximumLength = 4_000

    package init(
        id: UUID, personID: UUID, writtenOn: CalendarDate, kind: Kind, body: String, actionID: UUID? = nil, goalID: UUID? = nil,
        sharedWith: Set<UUID>
    ) {
        self.id = id
        self.personID = personID
        self.writtenOn = writtenOn
        self.kind = kind
        self.body = body
        self.actionID = actionID
        self.goalID = goalID
        self.sharedWith = sharedWith
    }
}

/// Every query about the journal. An entry is its author's; a guide reads one only when the
/// author has shown it to them (the access policy's rule for kept records).
package enum JournalStore {
    private static func entries(where condition: SQLQueryString, on reads: Reads) async throws -> [JournalEntry] {
        let rows = try await reads.rows(
            """
            SELECT j.id, j.person_id, j.written_on, j.kind, j.body, j.action_id, j.goal_id, s.guide_id FROM journal_entries j \
            LEFT JOIN journal_shares s ON s.entry_id = j.id WHERE \(condition) ORDER BY j.written_on DESC, j.created_at DESC, j.id
            """)
        var entries: [JournalEntry] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let guide = try row.decodeNil(column: "guide_id") ? nil : try row.decode(column: "guide_id", as: UUID.self)
            if let last = entries.last, last.id == id {
                if let guide { entries[entries.count - 1].sharedWith.insert(guide) }
                continue
            }
            entries.append(
                JournalEntry(
                    id: id, personID: try row.decode(column: "person_id", as: UUID.self),
                    writtenOn: CalendarDate(iso: try row.decode(column: "written_on", as: String.self)) ?? CalendarDate(
                        year: 2000, month: 1, day: 1)!,
                    kind: JournalEntry.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .accomplishment,
                    body: try row.decode(column: "body", as: String.self),
                    actionID: try row.decodeNil(column: "action_id") ? nil : try row.decode(column: "action_id", as: UUID.self),
                    goalID: try row.decodeNil(column: "goal_id") ? nil : try row.decode(column: "goal_id", as: UUID.self),
                    sharedWith: guide.map { [$0] } ?? []))
        }
        return entries
    }

    /// The person's own entries, newest first.
    package static func own(of personID: UUID, on reads: Reads) async throws -> [JournalEntry] {
        try await entries(where: "j.person_id = \(bind: personID)", on: reads)
    }

    /// The entries `personID` has shown to `guideID`, newest first.
    package static func shown(by personID: UUID, to guideID: UUID, on reads: Reads) async throws -> [JournalEntry] {
        let entries = try await entries(
            where: """
                j.person_id = \(bind: personID) AND j.id IN (SELECT entry_id FROM journal_shares WHERE guide_id = \(bind: guideID))
                """, on: reads)
        // Each guide learns only that it was shown to them.
        return entries.filter { allows(viewerID: guideID, .read, $0) }.map {
            var entry = $0; entry.sharedWith = [guideID]; return entry
        }
    }

    package static func allows(viewerID: UUID, _ use: ConversationAccess.Use, _ entry: JournalEntry) -> Bool {
        ConversationAccess.allows(
            .init(isOwner: entry.personID == viewerID, isSharedWith: entry.sharedWith.contains(viewerID)), use, .journalEntry)
    }

    /// One entry, for its author only (a guide reads shown entries in the conversation's pages).
    package static func load(_ id: UUID, for viewerID: UUID, on reads: Reads) async throws -> JournalEntry {
        guard let entry = try await entries(where: "j.id = \(bind: id)", on: reads).first, allows(viewerID: viewerID, .edit, entry) else {
            throw StoreError.notFound
        }
        return entry
    }

    /// Adds or replaces an entry, with whom it is shown to, and audits the change.
    package static func save(
        _ entry: JournalEntry, isNew: Bool, makeID: @escaping @Sendable () -> UUID, at now: Date, on database: any Database
    )
        async throws
    {
        try await database.transaction { database in
            let model: JournalEntryModel
            if isNew {
                model = JournalEntryModel()
                model.id = entry.id
                model.$person.id = entry.personID
                model.createdAt = now
            } else {
                guard let found = try await JournalEntryModel.find(entry.id, on: database), found.$person.id == entry.personID else {
                    throw StoreError.notFound
                }
                model = found
            }
            model.writtenOn = entry.writtenOn.iso
            model.kind = entry.kind.rawValue
            model.body = entry.body
            model.$action.id = entry.actionID
            model.goalID = entry.goalID
            model.updatedAt = now
            try await model.save(on: database)
            try await JournalShareModel.query(on: database).filter(\.$entry.$id == entry.id).delete()
            for guide in entry.sharedWith.sorted(by: { $0.uuidString < $1.uuidString }) {
                let share = JournalShareModel()
                share.id = makeID()
                share.$entry.id = entry.id
                share.$guide.id = guide
                try await share.create(on: database)
            }
            try await AuditLog.record(.journalChanged, by: entry.personID, about: entry.personID, at: now, on: database)
        }
    }

    package static func delete(_ entry: JournalEntry, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            try await JournalShareModel.query(on: database).filter(\.$entry.$id == entry.id).delete()
            try await JournalEntryModel.query(on: database).filter(\.$id == entry.id).filter(\.$person.$id == entry.personID).delete()
            try await AuditLog.record(
                .journalChanged, by: entry.personID, about: entry.personID, detail: "deleted an entry", at: now, on: database)
        }
    }
}

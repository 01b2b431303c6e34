import Fluent
import FootholdCore
import Foundation
import SQLKit
import Vapor

/// A reflection as the preparation page shows it again: which conversation, and what was written.
struct PastReflection: Equatable {
    var conversationID: UUID
    var title: String
    var heldAt: Date?
    var reflection: Reflection
}

/// Every query about reflections. A reflection is its author's alone: the access policy lets no
/// one else read it, whatever else they are.
enum ReflectionStore {
    static func load(of conversationID: UUID, by personID: UUID, on reads: Reads) async throws -> Reflection? {
        let row = try await reads.firstRow(
            "SELECT content FROM reflections WHERE conversation_id = \(bind: conversationID) AND person_id = \(bind: personID)")
        return try row.map { DocumentCache<Reflection>.reflections.value(of: try $0.decode(column: "content", as: String.self)) }
    }

    /// The person's most recent reflection on a conversation other than `conversationID`.
    static func latest(by personID: UUID, before conversationID: UUID, on reads: Reads) async throws -> PastReflection? {
        guard
            let row = try await reads.firstRow(
                """
                SELECT r.content, c.id, c.kind, c.held_at, k.name AS checkpoint_name, g.name AS guide_name FROM reflections r \
                JOIN conversations c ON c.id = r.conversation_id JOIN people g ON g.id = c.guide_id \
                LEFT JOIN checkpoints k ON k.id = c.checkpoint_id \
                WHERE r.person_id = \(bind: personID) AND c.employee_id = \(bind: personID) AND r.conversation_id <> \(bind: conversationID) \
                ORDER BY c.held_at DESC, r.updated_at DESC LIMIT 1
                """)
        else { return nil }
        let kind: ConversationKind = try rawValue(row.decode(column: "kind", as: String.self))
        let title = try row.decodeNil(column: "checkpoint_name") ? kind.title : try row.decode(column: "checkpoint_name", as: String.self)
        return PastReflection(
            conversationID: try row.decode(column: "id", as: UUID.self),
            title: "\(title) with \(try row.decode(column: "guide_name", as: String.self))",
            heldAt: try row.decodeNil(column: "held_at") ? nil : try row.decode(column: "held_at", as: Date.self),
            reflection: DocumentCache<Reflection>.reflections.value(of: try row.decode(column: "content", as: String.self)))
    }

    static func save(
        _ reflection: Reflection, of record: ConversationForViewer, id: UUID, at now: Date, on database: any Database
    ) async throws {
        guard ConversationAccess.allows(.init(isOwner: record.side == .employee), .edit, .reflection) else { throw SiteError.forbidden }
        let personID = record.employee.id
        try await database.transaction { database in
            if let existing = try await ReflectionModel.query(on: database).filter(\.$conversation.$id == record.id)
                .filter(\.$person.$id == personID).first()
            {
                existing.content = reflection.document
                existing.updatedAt = now
                try await existing.save(on: database)
            } else {
                let model = ReflectionModel()
                model.id = id
                model.$conversation.id = record.id
                model.$person.id = personID
                model.content = reflection.document
                model.updatedAt = now
                try await model.create(on: database)
            }
            try await AuditLog.record(.reflectionChanged, by: personID, about: personID, at: now, on: database)
        }
    }
}

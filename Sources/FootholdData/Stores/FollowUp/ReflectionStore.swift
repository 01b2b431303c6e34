import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query about reflections. A reflection is its author's alone: the access policy lets no
/// one else read it, whatever else they are.
package enum ReflectionStore {
    package static func load(of conversationID: UUID, by personID: UUID, on reads: Reads) async throws -> Reflection? {
        let row = try await reads.firstRow(
            "SELECT content FROM reflections WHERE conversation_id = \(bind: conversationID) AND person_id = \(bind: personID)")
        return try row.map { reads.caches.reflection(try $0.decode(column: "content", as: String.self)) }
    }

    package static func save(
        _ reflection: Reflection, of record: ConversationForViewer, id: UUID, at now: Date, on database: any Database
    ) async throws {
        guard ConversationAccess.allows(.init(isOwner: record.side == .employee), .edit, .reflection) else { throw Refusal.notAllowed }
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

import FootholdCore
import Foundation
import SQLKit

/// A conversation as a line in a list: who, what about, when, and where it stands. Nothing here is
/// beyond what the access policy calls occurrence, which both people in it may always know.
package struct ConversationLine {
    package var id: UUID
    package var kind: ConversationKind
    package var state: ConversationState
    package var requestedBy: ConversationSide
    package var startsAt: Date?
    package var heldAt: Date?
    package var createdAt: Date
    package var updatedAt: Date
    package var employee: (id: UUID, name: String)
    package var guide: (id: UUID, name: String)
    package var checkpointName: String?

    /// What it is about: the checkpoint, or the kind of conversation.
    package var about: String { checkpointName ?? kind.title }

    /// The other person, for one of the two.
    package func other(than personID: UUID) -> (id: UUID, name: String) { employee.id == personID ? guide : employee }

    /// Whether it waits for this person's answer.
    package func awaitsAnswer(from personID: UUID) -> Bool {
        state == .requested && ((requestedBy == .guide && employee.id == personID) || (requestedBy == .employee && guide.id == personID))
    }

    package static let columns = """
        c.id, c.kind, c.state, c.requested_by, c.starts_at, c.held_at, c.created_at, c.updated_at, c.employee_id, c.guide_id, \
        e.name AS employee_name, g.name AS guide_name, k.name AS checkpoint_name \
        FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
        LEFT JOIN checkpoints k ON k.id = c.checkpoint_id
        """

    package init(_ row: any SQLRow) throws {
        func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
            try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: T.self)
        }
        id = try row.decode(column: "id", as: UUID.self)
        kind = try rawValue(row.decode(column: "kind", as: String.self))
        state = try rawValue(row.decode(column: "state", as: String.self))
        requestedBy = try rawValue(row.decode(column: "requested_by", as: String.self))
        startsAt = try optional("starts_at", Date.self)
        heldAt = try optional("held_at", Date.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        employee = (try row.decode(column: "employee_id", as: UUID.self), try row.decode(column: "employee_name", as: String.self))
        guide = (try row.decode(column: "guide_id", as: UUID.self), try row.decode(column: "guide_name", as: String.self))
        checkpointName = try optional("checkpoint_name", String.self)
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What directors are told: that a checkpoint conversation was held in their unit, never what was said.
package enum NoticeStore {
    package struct NoticeLine: Sendable {
        package var heldAt: Date
        package var employeeID: UUID
        package var employeeName: String
        package var guideName: String
        package var checkpointName: String?
        package var startYear: Int?
    }

    /// Tells the director of the employee's unit that a checkpoint conversation was held: the head
    /// of the employee's unit, or of the nearest unit above when the employee heads their own.
    /// Nobody is told of a conversation they held themselves. Runs in the transaction that marks it held.
    /// `reads` reads inside the caller's transaction (`reads.within(database)`).
    package static func notifyDirector(
        conversationID: UUID, employeeID: UUID, guideID: UUID, checkpointID: UUID, heldAt: Date, id: UUID, at now: Date,
        reads: Reads, on database: any Database
    ) async throws {
        let heads = try await OrganisationStore.headsAbove(person: employeeID, on: reads).map(\.id)
        let recipient = Directorship.director(of: employeeID, heads: heads)
        guard let recipient, recipient != guideID else { return }
        let notice = NoticeModel()
        notice.id = id
        notice.$recipient.id = recipient
        notice.$conversation.id = conversationID
        notice.$employee.id = employeeID
        notice.$guide.id = guideID
        notice.$checkpoint.id = checkpointID
        notice.heldAt = heldAt
        notice.createdAt = now
        try await notice.create(on: database)
    }

    /// Withdraws what a director was told of a conversation, when its guide says it met another
    /// checkpoint or none.
    package static func withdrawNotices(of conversationID: UUID, on database: any Database) async throws {
        try await NoticeModel.query(on: database).filter(\.$conversation.$id == conversationID).delete()
    }

    /// A director's notices, the latest held first: a page of them, and whether there are more.
    package static func notices(for recipient: UUID, page: Int, perPage: Int, on reads: Reads) async throws -> (
        lines: [NoticeLine], more: Bool
    ) {
        let rows = try await reads.rows(
            """
            SELECT n.held_at, n.employee_id, e.name AS employee_name, g.name AS guide_name, k.name AS checkpoint_name, \
            y.start_year FROM notices n JOIN people e ON e.id = n.employee_id JOIN people g ON g.id = n.guide_id \
            LEFT JOIN checkpoints k ON k.id = n.checkpoint_id LEFT JOIN career_years y ON y.id = k.career_year_id \
            WHERE n.recipient_id = \(bind: recipient) ORDER BY n.held_at DESC, n.id LIMIT \(bind: perPage + 1) \
            OFFSET \(bind: (page - 1) * perPage)
            """)
        let lines = try rows.prefix(perPage).map { row in
            NoticeLine(
                heldAt: try row.decode(column: "held_at", as: Date.self), employeeID: try row.decode(column: "employee_id", as: UUID.self),
                employeeName: try row.decode(column: "employee_name", as: String.self),
                guideName: try row.decode(column: "guide_name", as: String.self),
                checkpointName: try row.decode(column: "checkpoint_name", as: String?.self),
                startYear: try row.decode(column: "start_year", as: Int?.self))
        }
        return (lines, rows.count > perPage)
    }
}

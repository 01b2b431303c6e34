import Fluent
import FootholdCore
import FootholdData
import Foundation
import SQLKit

/// Writes the demo's slots (each booked one a scheduled Leadership Team conversation),
/// opportunities, stories and resources.
enum DemoOpportunitiesWriter {
    static func write(
        _ demo: DemoOpportunities, people: [UUID], units: [UUID], on database: any Database, now: Date, ids: inout OrderedIDs
    ) async throws {
        // Ids first (they come from `ids`, in order), rows inside the transaction.
        var seriesOf: [Int: UUID] = [:]
        let slotIDs = demo.slots.map { _ in ids.next() }
        let seriesIDs = demo.slots.map { slot in
            let id = seriesOf[slot.series] ?? ids.next()
            seriesOf[slot.series] = id
            return id
        }
        let conversationIDs = demo.slots.map { _ in ids.next() }
        let bookingIDs = demo.slots.map { _ in ids.next() }
        let opportunityIDs = demo.opportunities.map { _ in ids.next() }
        try await database.transaction { database in
            let sql = database as! any SQLDatabase
            var slotRows: [[any SQLExpression]] = [], bookingRows: [[any SQLExpression]] = []
            var conversationRows: [[any SQLExpression]] = []
            for (index, slot) in demo.slots.enumerated() {
                slotRows.append(
                    [
                        SQLBind(slotIDs[index]), SQLBind(people[slot.member]), SQLBind(seriesIDs[index]), SQLBind(slot.startsAt),
                        SQLBind(slot.minutes), SQLBind(slot.place), SQLBind(slot.theme), SQLBind(1), SQLBind(now),
                    ])
                guard let booker = slot.bookedBy else { continue }
                conversationRows.append(
                    [
                        SQLBind(conversationIDs[index]), SQLBind(ConversationKind.leadership.rawValue),
                        SQLBind(ConversationState.scheduled.rawValue), SQLBind(ConversationSide.employee.rawValue), SQLBind(people[booker]),
                        SQLBind(people[slot.member]), SQLBind(false), SQLBind(slot.note), SQLBind(slot.startsAt), SQLBind(slot.minutes),
                        SQLBind(slot.place), SQLBind(""), SQLBind(""), SQLBind(false), SQLBind(false), SQLBind(now), SQLBind(now),
                    ])
                bookingRows.append(
                    [
                        SQLBind(bookingIDs[index]), SQLBind(slotIDs[index]), SQLBind(people[booker]), SQLBind(conversationIDs[index]),
                        SQLBind(now),
                    ])
            }
            let opportunityRows: [[any SQLExpression]] = demo.opportunities.enumerated().map { index, item in
                [
                    SQLBind(opportunityIDs[index]), SQLBind(item.kind.rawValue), SQLBind(item.title), SQLBind(item.description),
                    SQLBind(item.skills.joined(separator: ", ")), SQLBind(item.tags.joined(separator: ", ")), SQLBind(item.closesOn?.iso),
                    SQLBind(item.unit.map { units[$0] }), SQLBind(item.contact.map { people[$0] }), SQLBind(people[0]), SQLBind(now),
                    SQLBind(now),
                ]
            }
            try await insert(
                into: LeadershipSlotModel.schema,
                ["id", "member_id", "series_id", "starts_at", "minutes", "place", "theme", "per_person", "created_at"], slotRows, on: sql)
            try await insert(
                into: ConversationModel.schema,
                [
                    "id", "kind", "state", "requested_by", "employee_id", "guide_id", "with_line_manager", "purpose", "starts_at",
                    "minutes",
                    "place", "expectations", "summary", "employee_prep_shared", "guide_prep_shared", "created_at", "updated_at",
                ], conversationRows, on: sql)
            try await insert(
                into: SlotBookingModel.schema, ["id", "slot_id", "person_id", "conversation_id", "booked_at"], bookingRows, on: sql)
            try await insert(
                into: OpportunityModel.schema,
                [
                    "id", "kind", "title", "description", "skills", "tags", "closes_on", "unit_id", "contact_id", "created_by_id",
                    "created_at",
                    "updated_at",
                ], opportunityRows, on: sql)
            try await OpportunitiesStore.counted(on: database)
        }
        for story in demo.stories {
            let model = SuccessStoryModel()
            model.id = ids.next()
            model.$person.id = people[story.person]
            model.$writtenBy.id = people[story.writer]
            model.title = story.title
            model.body = story.body
            model.tags = story.tags.joined(separator: ", ")
            model.consentedAt = story.consented ? now : nil
            model.version = 0
            model.createdAt = now
            model.updatedAt = now
            try await model.create(on: database)
        }
        for resource in demo.resources {
            let model = ResourceModel()
            model.id = ids.next()
            model.$unit.id = resource.unit.map { units[$0] }
            model.title = resource.title
            model.url = resource.url
            model.description = resource.description
            model.createdAt = now
            try await model.create(on: database)
        }
    }

    /// Rows in batches small enough for either database's limit on bound values.
    private static func insert(into table: String, _ columns: [String], _ rows: [[any SQLExpression]], on sql: any SQLDatabase) async throws
    {
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + 200, rows.count)]
            var builder = sql.insert(into: table).columns(columns)
            for row in batch { builder = builder.values(row) }
            try await builder.run()
            start += 200
        }
    }
}

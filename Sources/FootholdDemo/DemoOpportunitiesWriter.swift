import FootholdCore
import FootholdData
import Foundation

/// Writes the demo's slots (each booked one a scheduled Leadership Team conversation),
/// opportunities, stories and resources.
enum DemoOpportunitiesWriter {
    static func write(
        _ demo: DemoOpportunities, people: [UUID], units: [UUID], on database: WritableDatabase, now: Date, ids: inout OrderedIDs
    ) async throws {
        // Ids first (they come from `ids`, in order), rows after.
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
        var slotRows: [[BulkValue]] = [], bookingRows: [[BulkValue]] = [], conversationRows: [[BulkValue]] = []
        for (index, slot) in demo.slots.enumerated() {
            slotRows.append([
                .uuid(slotIDs[index]), .uuid(people[slot.member]), .uuid(seriesIDs[index]), .date(slot.startsAt), .int(slot.minutes),
                .text(slot.place), .text(slot.theme), .int(1), .date(now),
            ])
            guard let booker = slot.bookedBy else { continue }
            conversationRows.append([
                .uuid(conversationIDs[index]), .text(ConversationKind.leadership.rawValue), .text(ConversationState.scheduled.rawValue),
                .text(ConversationSide.employee.rawValue), .uuid(people[booker]), .uuid(people[slot.member]), .bool(false),
                .text(slot.note), .date(slot.startsAt), .int(slot.minutes), .text(slot.place), .text(""), .text(""), .bool(false),
                .bool(false), .date(now), .date(now),
            ])
            bookingRows.append([
                .uuid(bookingIDs[index]), .uuid(slotIDs[index]), .uuid(people[booker]), .uuid(conversationIDs[index]), .date(now),
            ])
        }
        let opportunityRows: [[BulkValue]] = demo.opportunities.enumerated().map { index, item in
            [
                .uuid(opportunityIDs[index]), .text(item.kind.rawValue), .text(item.title), .text(item.description),
                .text(item.skills.joined(separator: ", ")), .text(item.tags.joined(separator: ", ")), .text(item.closesOn?.iso),
                .uuid(item.unit.map { units[$0] }), .uuid(item.contact.map { people[$0] }), .uuid(people[0]), .date(now), .date(now),
            ]
        }
        let storyRows: [[BulkValue]] = demo.stories.map { story in
            [
                .uuid(ids.next()), .uuid(people[story.person]), .uuid(people[story.writer]), .text(story.title), .text(story.body),
                .text(story.tags.joined(separator: ", ")), .date(story.consented ? now : nil), .int(0), .date(now), .date(now),
            ]
        }
        let resourceRows: [[BulkValue]] = demo.resources.map { resource in
            [
                .uuid(ids.next()), .uuid(resource.unit.map { units[$0] }), .text(resource.title), .text(resource.url),
                .text(resource.description), .date(now),
            ]
        }
        try await BulkWrites.write(
            [
                [
                    BulkRows(
                        into: LeadershipSlotModel.schema,
                        columns: ["id", "member_id", "series_id", "starts_at", "minutes", "place", "theme", "per_person", "created_at"],
                        rows: slotRows),
                    BulkRows(
                        into: ConversationModel.schema,
                        columns: [
                            "id", "kind", "state", "requested_by", "employee_id", "guide_id", "with_line_manager", "purpose", "starts_at",
                            "minutes", "place", "expectations", "summary", "employee_prep_shared", "guide_prep_shared", "created_at",
                            "updated_at",
                        ], rows: conversationRows),
                    BulkRows(
                        into: SlotBookingModel.schema, columns: ["id", "slot_id", "person_id", "conversation_id", "booked_at"],
                        rows: bookingRows),
                    BulkRows(
                        into: OpportunityModel.schema,
                        columns: [
                            "id", "kind", "title", "description", "skills", "tags", "closes_on", "unit_id", "contact_id", "created_by_id",
                            "created_at", "updated_at",
                        ], rows: opportunityRows),
                    BulkRows(
                        into: SuccessStoryModel.schema,
                        columns: [
                            "id", "person_id", "written_by_id", "title", "body", "tags", "consented_at", "version", "created_at",
                            "updated_at",
                        ], rows: storyRows),
                    BulkRows(
                        into: ResourceModel.schema, columns: ["id", "unit_id", "title", "url", "description", "created_at"],
                        rows: resourceRows),
                ]
            ], on: database)
        try await OpportunitiesStore.counted(on: database)
    }
}

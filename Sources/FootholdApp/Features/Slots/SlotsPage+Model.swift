import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Booking a conversation in a Leadership Team member's slot, and a member offering slots.
enum SlotsPage {
    struct Model {
        /// The Monday of the week shown.
        var week: CalendarDate
        var thisWeek: CalendarDate
        var memberID: UUID?
        var members: [(id: UUID, name: String)]
        var open: [LeadershipSlot]
        /// The Monday of the next week with an open slot, when this week has none.
        var nextWeekWithSlots: CalendarDate?
        var bookings: [LeadershipSlot]
        var viewerIsLeadershipTeam: Bool

        static func load(
            viewer: Viewer, weekText: String?, memberText: String?, display: DisplayDate, on reads: Reads
        ) async throws -> Model {
            let today = display.today()
            let thisWeek = monday(of: today)
            let members = try await SlotsStore.members(after: display.now, on: reads)
            let memberID = memberText.flatMap { UUID(uuidString: $0.trimmed()) }.flatMap { id in members.contains { $0.id == id } ? id : nil
            }
            // Any week from this one on; asked for no week in particular, the first with a slot to book.
            let asked = weekText.flatMap { CalendarDate(iso: $0.trimmed()) }.map(monday(of:))
            var week = asked.map { $0 < thisWeek ? thisWeek : $0 } ?? thisWeek
            if asked == nil, let first = try await SlotsStore.nextOpen(after: display.now, memberID: memberID, on: reads) {
                week = monday(of: CalendarDate(first, in: display.timeZone))
            }
            let from = max(week.start(in: display.timeZone), display.now)
            let until = week.adding(days: 7).start(in: display.timeZone)
            let open = try await SlotsStore.open(from: from, until: until, memberID: memberID, on: reads)
            var next: CalendarDate?
            if open.isEmpty, asked != nil, let start = try await SlotsStore.nextOpen(after: until, memberID: memberID, on: reads) {
                next = monday(of: CalendarDate(start, in: display.timeZone))
            }
            return Model(
                week: week, thisWeek: thisWeek, memberID: memberID, members: members, open: open, nextWeekWithSlots: next,
                bookings: try await SlotsStore.bookings(of: viewer.personID, after: display.now, on: reads),
                viewerIsLeadershipTeam: viewer.isLeadershipTeam)
        }

        static func monday(of day: CalendarDate) -> CalendarDate { day.adding(days: 1 - day.weekday) }

        func link(week: CalendarDate) -> String {
            SiteURL.slots.with(query: [("week", week.iso), ("member", memberID?.uuidString)])
        }
    }

    struct BookingForm: Content {
        var note: String?
    }

    /// A member's own slots and the form to offer more.
    struct OwnModel {
        var slots: [LeadershipSlot]

        static func load(memberID: UUID, now: Date, on reads: Reads) async throws -> OwnModel {
            OwnModel(slots: try await SlotsStore.ownSlots(of: memberID, after: now.addingTimeInterval(-3_600), on: reads))
        }
    }

    struct PublishForm: Content {
        var date: String?
        var time: String?
        var minutes: String?
        var weeks: String?
        var place: String?
        var theme: String?
        var per_person: String?

        func series(timeZone: TimeZone, now: Date) -> Result<SlotSeries, FieldProblems> {
            SlotSeries.parse(
                date: date ?? "", time: time ?? "", minutes: minutes ?? "", weeks: weeks ?? "", place: place ?? "", theme: theme ?? "",
                perPerson: per_person ?? "", timeZone: timeZone, now: now)
        }
    }

    /// The conversation's purpose: what the person would like to talk about, or the slot's theme.
    static func purpose(note: String, slot: LeadershipSlot) -> String {
        if !note.isEmpty { return note }
        return slot.theme.isEmpty
            ? "A career conversation in one of \(slot.memberName)'s Leadership Team slots."
            : "A career conversation in \(slot.memberName)'s series: \(slot.theme)."
    }
}

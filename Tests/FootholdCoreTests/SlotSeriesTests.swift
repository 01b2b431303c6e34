import Foundation
import XCTest
@testable import FootholdCore

final class SlotSeriesTests: XCTestCase {
    let london = TimeZone(identifier: "Europe/London")!
    /// Thursday 19 November 2026, 10:00 UTC.
    let now = Date(timeIntervalSince1970: 1_795_082_400)

    func local(_ date: Date) -> String {
        let time = LocalTime(date, in: london)
        return "\(time.date.iso) \(time.clock)"
    }

    func utc(_ date: Date) -> String {
        let time = LocalTime(date, in: TimeZone(identifier: "UTC")!)
        return "\(time.date.iso) \(time.clock)Z"
    }

    func testAWeeklySeriesKeepsItsWallClockTimeWhenTheClocksGoForwardInLateMarch() throws {
        // Tuesdays at 10:00 from 16 March 2027; the clocks go forward on Sunday 28 March 2027.
        let series = SlotSeries(firstDay: CalendarDate(iso: "2027-03-16")!, hour: 10, minute: 0, minutes: 30, weeks: 3, place: "Room 1")
        let starts = series.starts(in: london)
        XCTAssertEqual(starts.map(local), ["2027-03-16 10:00", "2027-03-23 10:00", "2027-03-30 10:00"])
        XCTAssertEqual(starts.map(utc), ["2027-03-16 10:00Z", "2027-03-23 10:00Z", "2027-03-30 09:00Z"])
        // A week apart on the wall clock is an hour short of a week across the change.
        XCTAssertEqual(starts[2].timeIntervalSince(starts[1]), 7 * 86_400 - 3_600)
    }

    func testAWeeklySeriesKeepsItsWallClockTimeWhenTheClocksGoBackInLateOctober() throws {
        // Tuesdays at 14:30 from 19 October 2027; the clocks go back on Sunday 31 October 2027.
        let series = SlotSeries(firstDay: CalendarDate(iso: "2027-10-19")!, hour: 14, minute: 30, minutes: 45, weeks: 3, place: "Room 1")
        let starts = series.starts(in: london)
        XCTAssertEqual(starts.map(local), ["2027-10-19 14:30", "2027-10-26 14:30", "2027-11-02 14:30"])
        XCTAssertEqual(starts.map(utc), ["2027-10-19 13:30Z", "2027-10-26 13:30Z", "2027-11-02 14:30Z"])
        XCTAssertEqual(starts[2].timeIntervalSince(starts[1]), 7 * 86_400 + 3_600)
    }

    func testASlotAtATimeTheClocksSkipIsTakenAsTheClocksShowIt() {
        // 01:30 on 28 March 2027 never happens in London: the clocks go from 01:00 to 02:00.
        let start = SlotSeries.instant(CalendarDate(iso: "2027-03-28")!, hour: 1, minute: 30, in: london)
        XCTAssertEqual(local(start), "2027-03-28 02:30")
    }

    func testParsingSaysWhatIsWrongWithEachField() {
        let result = SlotSeries.parse(
            date: "6 July", time: "25:00", minutes: "5", weeks: "60", place: "", theme: String(repeating: "x", count: 201),
            perPerson: "0", timeZone: london, now: now)
        guard case .failure(let problems) = result else { return XCTFail("hostile fields were taken") }
        XCTAssertEqual(problems.items.map(\.field), ["date", "time", "minutes", "weeks", "place", "theme", "per_person"])
        XCTAssertEqual(problems.message(for: "date"), "Enter the date as year-month-day, such as 2027-07-06")
        XCTAssertEqual(problems.message(for: "theme"), "Keep the theme to 200 characters; it has 201")
    }

    func testParsingRefusesAFirstSlotInThePastAndTakesDefaultsForTheOptionalFields() throws {
        let past = SlotSeries.parse(
            date: "2026-11-19", time: "09:00", minutes: "30", weeks: "", place: "Room 2", theme: "", perPerson: "", timeZone: london,
            now: now)
        guard case .failure(let problems) = past else { return XCTFail("a slot in the past was taken") }
        XCTAssertEqual(problems.message(for: "date"), "Choose a first slot that has not started yet")

        let series = try SlotSeries.parse(
            date: "2027-07-06", time: "10:00", minutes: "30", weeks: "", place: "  Room 2 ", theme: " Moving across departments ",
            perPerson: "", timeZone: london, now: now
        ).get()
        XCTAssertEqual(series.weeks, 1)
        XCTAssertEqual(series.perPerson, 1)
        XCTAssertEqual(series.place, "Room 2")
        XCTAssertEqual(series.theme, "Moving across departments")
        XCTAssertEqual(series.starts(in: london).map(local), ["2027-07-06 10:00"])
    }

    func testTheBookingRuleInItsOrder() {
        let member = UUID()
        let person = UUID()
        let later = now.addingTimeInterval(86_400)
        func check(
            member memberID: UUID = member, startsAt: Date? = nil, withdrawn: Bool = false, booked: Bool = false, perPerson: Int = 1,
            held: Int = 0
        ) -> SlotBooking.Refusal? {
            SlotBooking.check(
                slotMemberID: memberID, startsAt: startsAt ?? later, withdrawn: withdrawn, booked: booked, perPerson: perPerson,
                personID: person, heldWithMember: held, now: now)
        }
        XCTAssertNil(check())
        XCTAssertEqual(check(member: person), .ownSlot)
        XCTAssertEqual(check(withdrawn: true, booked: true), .withdrawn)
        XCTAssertEqual(check(startsAt: now), .started)
        XCTAssertEqual(check(booked: true), .taken)
        XCTAssertEqual(check(held: 1), .atLimit(1))
        XCTAssertNil(check(perPerson: 2, held: 1))
        XCTAssertEqual(check(perPerson: 2, held: 2), .atLimit(2))
        XCTAssertEqual(SlotBooking.Refusal.taken.message, "Sorry, someone has just booked this slot. Choose another.")
    }
}

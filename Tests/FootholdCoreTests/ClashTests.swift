import FootholdCore
import Foundation
import XCTest

final class ClashTests: XCTestCase {
    let london = TimeZone(identifier: "Europe/London")!
    let tenOClock = Date(timeIntervalSince1970: 1_795_514_400)  // Tuesday 24 November 2026, 10:00 in London

    func testTimesClashWhenTheyOverlapByAMinuteButNotWhenOneEndsAsTheOtherStarts() {
        let slot = BusyTime(startsAt: tenOClock, minutes: 30, what: .slot)
        XCTAssertTrue(slot.overlaps(startsAt: tenOClock, minutes: 30), "the same minute")
        XCTAssertTrue(slot.overlaps(startsAt: tenOClock.addingTimeInterval(29 * 60), minutes: 15), "a minute of overlap")
        XCTAssertTrue(slot.overlaps(startsAt: tenOClock.addingTimeInterval(-60 * 60), minutes: 61))
        XCTAssertFalse(slot.overlaps(startsAt: tenOClock.addingTimeInterval(30 * 60), minutes: 30), "starts as it ends")
        XCTAssertFalse(slot.overlaps(startsAt: tenOClock.addingTimeInterval(-30 * 60), minutes: 30), "ends as it starts")
        let later = BusyTime(startsAt: tenOClock.addingTimeInterval(3600), minutes: 60, what: .conversation(with: "Freya Parker"))
        XCTAssertEqual(
            Clash.first(startsAt: tenOClock.addingTimeInterval(15 * 60), minutes: 60, among: [later, slot]), slot, "the earliest")
        XCTAssertNil(Clash.first(startsAt: tenOClock.addingTimeInterval(30 * 60), minutes: 30, among: [later, slot]))
    }

    func testTheMessageNamesTheClashButNeverWithWhomAnotherPersonMeets() {
        let own = BusyTime(startsAt: tenOClock, minutes: 45, what: .conversation(with: "Freya Parker"))
        XCTAssertEqual(
            Clash.message(own, whose: nil, in: london),
            "You already have a career conversation with Freya Parker from 10:00 to 10:45 on Tuesday 24 November. Choose another time.")
        let theirs = BusyTime(startsAt: tenOClock, minutes: 45, what: .conversation(with: nil))
        XCTAssertEqual(
            Clash.message(theirs, whose: "Lewis Iqbal", in: london),
            "Lewis Iqbal already has a career conversation from 10:00 to 10:45 on Tuesday 24 November. Choose another time.")
        XCTAssertEqual(
            Clash.message(BusyTime(startsAt: tenOClock, minutes: 30, what: .slot), whose: nil, in: london),
            "You offer a Leadership Team slot from 10:00 to 10:30 on Tuesday 24 November. Choose another time.")
    }
}

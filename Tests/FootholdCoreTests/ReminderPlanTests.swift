import FootholdCore
import Foundation
import XCTest

/// What a reminder pass finds due, on a pinned clock in Europe/London, across both clock changes
/// of 2027 (British Summer Time from 28 March, back to Greenwich on 31 October).
final class ReminderPlanTests: XCTestCase {
    let london = TimeZone(identifier: "Europe/London")!
    let freya = UUID(uuidString: "00000000-0000-0000-0000-00000000000F")!
    let ben = UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!
    let amara = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    let director = UUID(uuidString: "00000000-0000-0000-0000-00000000000D")!

    /// An instant given as the organisation's wall clock.
    func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    var people: [UUID: ReminderFacts.Person] {
        [
            freya: .init(id: freya, firstName: "Freya", managerID: ben), amara: .init(id: amara, firstName: "Amara", managerID: ben),
            ben: .init(id: ben, firstName: "Ben", managerID: director), director: .init(id: director, firstName: "Dana", managerID: nil),
        ]
    }

    /// A window that opens on Monday 29 March 2027, the day after the clocks go forward.
    lazy var spring = Checkpoint(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!, name: "Spring", opens: day(2027, 3, 29), closes: day(2027, 4, 30),
        suggestedMinutes: 45, focus: "", stage: .end)

    func facts(_ now: Date, standing: [UUID: CadenceStatus] = [:], checkpoint: Checkpoint? = nil) -> ReminderFacts {
        let checkpoint = checkpoint ?? spring
        return ReminderFacts(now: now, timeZone: london, checkpoints: [checkpoint], people: people, standing: [checkpoint.id: standing])
    }

    func testNothingGoesOutBeforeEightOrAtTheWeekendOnTheOrganisationsClock() {
        let due: [UUID: CadenceStatus] = [freya: .due]
        // 07:30 in London on 29 March is 06:30 in UTC: British Summer Time has begun.
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 3, 29, 7, 30), standing: due)), [])
        XCTAssertFalse(ReminderPlan.due(facts(at(2027, 3, 29, 8, 0), standing: due)).isEmpty)
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 3, 29, 18, 0), standing: due)), [], "not after six")
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 4, 3, 10, 0), standing: due)), [], "a Saturday")
        let standard = SendingTime.standard
        XCTAssertTrue(standard.contains(Date(timeIntervalSince1970: 1_811_748_600), in: london), "Mon 31 May 2027 07:30 UTC is 08:30 BST")
        XCTAssertFalse(standard.contains(at(2027, 11, 1, 7, 59), in: london), "07:59 on the Monday after the clocks go back")
        XCTAssertTrue(standard.contains(at(2027, 11, 1, 8, 0), in: london))
        let always = SendingTime(hours: 0..<24, weekends: true)
        XCTAssertTrue(always.contains(at(2027, 4, 3, 23, 59), in: london), "an organisation may choose every hour of every day")
    }

    func testSendingHoursAreReadFromASetting() {
        XCTAssertEqual(SendingTime.hours("8-18"), 8..<18)
        XCTAssertEqual(SendingTime.hours(" 0 - 24 "), 0..<24)
        for wrong in ["", "8", "18-8", "8-8", "-1-5", "8-25", "eight-six", "8-18-20"] {
            XCTAssertNil(SendingTime.hours(wrong), wrong)
        }
    }

    func testAWindowOpeningRemindsThoseDueAndTheirManagerForTwoWeeks() {
        let standing: [UUID: CadenceStatus] = [freya: .due, amara: .scheduled, ben: .due]
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 3, 26, 10), standing: standing)), [], "the Friday before it opens")
        let due = ReminderPlan.due(facts(at(2027, 3, 29, 9), standing: standing))
        XCTAssertEqual(Set(due.map(\.recipientID)), [freya, ben, director], "Amara has hers arranged")
        let toFreya = due.first { $0.recipientID == freya }!
        XCTAssertEqual(toFreya.kind, .windowOpened)
        XCTAssertEqual(toFreya.text, "The Spring window is open until 30 April 2027: time for your career conversation with Ben.")
        XCTAssertEqual(toFreya.link, "/conversations/new")
        XCTAssertEqual(
            due.filter { $0.recipientID == ben }.map(\.text),
            [
                "The Spring window is open until 30 April 2027: time for your career conversation with Dana.",
                "The Spring window is open until 30 April 2027: 1 person in your team is due a career conversation.",
            ])
        XCTAssertEqual(Set(due.map(\.key)).count, due.count, "each to each person once")
        // The same reminder, with the same key, on every day it is still due, and none after.
        let later = ReminderPlan.due(facts(at(2027, 4, 9, 9), standing: standing))
        XCTAssertEqual(Set(later.map(\.key)), Set(due.map(\.key)))
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 4, 12, 9), standing: standing)), [], "fourteen days on")
    }

    func testAClosedWindowTellsTheManagerHowManyMissedIt() {
        let standing: [UUID: CadenceStatus] = [freya: .overdue, amara: .overdue, ben: .met]
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 4, 30, 12), standing: standing)), [], "its last day")
        let due = ReminderPlan.due(facts(at(2027, 5, 3, 8), standing: standing))
        XCTAssertEqual(due.map(\.recipientID), [ben])
        XCTAssertEqual(due.first?.kind, .overdue)
        XCTAssertEqual(
            due.first?.text,
            "2 people in your team did not have a Spring conversation before the window closed on 30 April 2027. "
                + "It is not too late to offer one.")
        XCTAssertEqual(ReminderPlan.due(facts(at(2027, 5, 17, 9), standing: standing)), [], "after two weeks")
    }

    func testAWeekBeforeAConversationBothPreparedAtTheSameTimeOfDayAcrossTheClockChange() {
        let id = UUID(uuidString: "00000000-0000-0000-0000-0000000000E1")!
        // Tuesday 2 November 2027 at 10:00 GMT; a week before is Tuesday 26 October at 10:00 BST.
        let start = at(2027, 11, 2, 10)
        var before = facts(at(2027, 10, 26, 9, 59))
        before.scheduled = [.init(id: id, start: start, employeeID: freya, employeeFirstName: "Freya", guideID: ben, guideFirstName: "Ben")]
        XCTAssertEqual(ReminderPlan.due(before), [])
        var now = before
        now.now = at(2027, 10, 26, 10)
        XCTAssertEqual(now.now.timeIntervalSince(ReminderPlan.weekBefore(start, in: london)), 0)
        XCTAssertEqual(start.timeIntervalSince(now.now), 7 * 24 * 3600 + 3600, "a week and the hour the clocks gave back")
        let due = ReminderPlan.due(now)
        XCTAssertEqual(
            due.map(\.text),
            [
                "Your career conversation with Ben is on Tuesday 2 November at 10:00. There is time to prepare.",
                "Your career conversation with Freya is on Tuesday 2 November at 10:00. There is time to prepare.",
            ])
        XCTAssertEqual(due.map(\.link), Array(repeating: "/conversations/00000000-0000-0000-0000-0000000000e1/prepare", count: 2))
        // Moved to another time, it is another reminder; once it has begun, none.
        var moved = now
        moved.scheduled[0].start = at(2027, 11, 2, 14)
        XCTAssertTrue(Set(ReminderPlan.due(moved).map(\.key)).isDisjoint(with: due.map(\.key)))
        var begun = now
        begun.now = at(2027, 11, 2, 10, 1)
        XCTAssertEqual(ReminderPlan.due(begun).filter { $0.kind == .prepare }, [])
    }

    func testAnActionRemindsItsOwnerOnItsDayAndForAWeek() {
        let id = UUID()
        var facts = facts(at(2027, 6, 9, 9))
        facts.actions = [.init(id: id, dueOn: day(2027, 6, 10), ownerID: freya, withFirstName: "Ben")]
        XCTAssertEqual(ReminderPlan.due(facts), [], "the day before")
        facts.now = at(2027, 6, 10, 9)
        XCTAssertEqual(ReminderPlan.due(facts).map(\.text), ["An action you agreed with Ben is due today."])
        facts.now = at(2027, 6, 16, 9)
        XCTAssertEqual(ReminderPlan.due(facts).map(\.text), ["An action you agreed with Ben was due on 10 June 2027."])
        XCTAssertEqual(Set(ReminderPlan.due(facts).map(\.key)).count, 1)
        facts.now = at(2027, 6, 17, 9)
        XCTAssertEqual(ReminderPlan.due(facts), [])
    }

    func testNotNowAsksTheGuideAgainOnTheDayChosen() {
        var facts = facts(at(2027, 9, 1, 9))
        facts.askAgain = [
            .init(
                conversationID: UUID(), on: day(2027, 9, 1), declinedOn: day(2027, 6, 3), guideID: ben, employeeID: freya,
                employeeFirstName: "Freya")
        ]
        let due = ReminderPlan.due(facts)
        XCTAssertEqual(due.map(\.recipientID), [ben])
        XCTAssertEqual(
            due.first?.text,
            "Freya said \u{201C}not now\u{201D} on 3 June 2027 and asked to be asked again from 1 September 2027. "
                + "It is time to offer them a career conversation again.")
        facts.now = at(2027, 8, 31, 17)
        XCTAssertEqual(ReminderPlan.due(facts), [])
    }

    func testADirectorsDigestComesOnceAWeek() {
        var facts = facts(at(2027, 6, 7, 8))
        facts.digests = [
            .init(directorID: director, scope: "Housing", checkpoint: "Mid-year", met: "40", due: "12", overdue: "fewer than 5")
        ]
        let monday = ReminderPlan.due(facts)
        XCTAssertEqual(monday.map(\.text), ["Weekly digest for Housing. For Mid-year: 40 met, 12 due and fewer than 5 overdue."])
        facts.now = at(2027, 6, 11, 17)
        XCTAssertEqual(ReminderPlan.due(facts).map(\.key), monday.map(\.key), "the same week is the same digest")
        facts.now = at(2027, 6, 14, 8)
        XCTAssertNotEqual(ReminderPlan.due(facts).map(\.key), monday.map(\.key))
        XCTAssertEqual(ReminderPlan.isoWeek(day(2027, 1, 1)), "2026-W53", "a Friday: its week's Thursday was in 2026")
        XCTAssertEqual(ReminderPlan.isoWeek(day(2027, 1, 4)), "2027-W01")
        XCTAssertEqual(ReminderPlan.isoWeek(day(2026, 12, 31)), "2026-W53")
    }

    func testAKindSwitchedOffReachesNobodyWhoSwitchedItOffAndLeftPeopleAreNotReminded() {
        var facts = facts(at(2027, 3, 29, 9), standing: [freya: .due, amara: .due])
        facts.switchedOff = [ReminderFacts.switchedOffKey(.windowOpened, freya)]
        XCTAssertEqual(Set(ReminderPlan.due(facts).map(\.recipientID)), [amara, ben])
        facts.people[amara] = nil
        XCTAssertEqual(Set(ReminderPlan.due(facts).map(\.recipientID)), [ben], "Amara has left; Ben still hears of Freya")
    }

    func testRetriesWaitLongerEachTimeAndStop() {
        XCTAssertEqual(DeliveryRetry.wait(afterAttempts: 1), 60)
        XCTAssertEqual(DeliveryRetry.wait(afterAttempts: 2), 300)
        XCTAssertNil(DeliveryRetry.wait(afterAttempts: DeliveryRetry.waits.count + 1))
        XCTAssertEqual(DeliveryRetry.waits, DeliveryRetry.waits.sorted())
    }
}

import Foundation
import XCTest
@testable import FootholdCore

final class CareerYearTests: XCTestCase {
    func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func testTheStandardYearFollowsTheCharter() {
        let year = CareerYear.standard(startingIn: 2026)
        XCTAssertEqual(year.label, "2026–27")
        XCTAssertEqual(year.checkpoints.map(\.name), ["Aspirations", "Progress review 1", "Progress review 2", "Review and forward look"])
        XCTAssertEqual(
            year.checkpoints.map { "\($0.opens)…\($0.closes)" },
            ["2026-05-01…2026-05-31", "2026-07-01…2026-08-31", "2026-11-01…2026-11-30", "2027-02-01…2027-02-28"])
        XCTAssertEqual(year.checkpoints.map(\.suggestedMinutes), [60, 30, 30, 60])
        XCTAssertEqual(year.checkpoints.map(\.stage), [.start, .mid, .mid, .end])
        XCTAssertEqual(CareerYear.standard(startingIn: 2027).checkpoints.last?.closes, day("2028-02-29"), "a leap year's February")
    }

    func testWhichYearAndCheckpointADayBelongsTo() {
        XCTAssertEqual(CareerYear.startYear(containing: day("2026-04-30")), 2025)
        XCTAssertEqual(CareerYear.startYear(containing: day("2026-05-01")), 2026)
        let year = CareerYear.standard(startingIn: 2026)
        XCTAssertEqual(year.current(on: day("2026-06-15"))?.name, "Progress review 1", "between windows, the next one")
        XCTAssertEqual(year.current(on: day("2026-11-30"))?.name, "Progress review 2")
        XCTAssertNil(year.current(on: day("2027-03-01")))
    }

    func testDaysInTheOrganisationsTimeZone() {
        let london = TimeZone(identifier: "Europe/London")!
        // 23:30 UTC on 31 May 2026 is already 1 June in London (British Summer Time).
        let lateEvening = ISO8601DateFormatter().date(from: "2026-05-31T23:30:00Z")!
        XCTAssertEqual(CalendarDate(lateEvening, in: london), day("2026-06-01"))
        XCTAssertEqual(CalendarDate(lateEvening, in: TimeZone(identifier: "UTC")!), day("2026-05-31"))
        XCTAssertEqual(day("2026-05-31").start(in: london), ISO8601DateFormatter().date(from: "2026-05-30T23:00:00Z")!)
        XCTAssertNil(CalendarDate(iso: "2026-02-30"))
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
    }

    func testDaysAreReadFromTheirStoredFormAndFromLooserOnes() {
        XCTAssertEqual(CalendarDate(iso: "2026-05-12"), CalendarDate(year: 2026, month: 5, day: 12))
        XCTAssertEqual(CalendarDate(iso: "0999-12-31"), CalendarDate(year: 999, month: 12, day: 31))
        // Ten bytes that are not the stored form are read the longer way, as they always were.
        XCTAssertEqual(CalendarDate(iso: " 2026-5-12"), CalendarDate(year: 2026, month: 5, day: 12))
        XCTAssertEqual(CalendarDate(iso: "2026-5-1  "), CalendarDate(year: 2026, month: 5, day: 1))
        XCTAssertEqual(CalendarDate(iso: "2026-05-7"), CalendarDate(year: 2026, month: 5, day: 7))
        for text in ["2026-13-01", "2026-00-10", "2026-04-31", "2026/05/12", "2026-05-1x", "20260-5-12", "2026-05-12T", "", "2026–05–12"] {
            XCTAssertNil(CalendarDate(iso: text), text)
        }
        // Every day of two years, leap day included, reads back from its own text.
        var day = CalendarDate(year: 2027, month: 1, day: 1)!
        while day.year < 2029 {
            XCTAssertEqual(CalendarDate(iso: day.iso), day)
            day = day.adding(days: 1)
        }
    }

    func testACheckpointDraftIsCheckedFieldByField() {
        let year = CareerYear.standard(startingIn: 2026)
        let aspirations = year.checkpoints[0]
        var draft = CheckpointDraft(aspirations)
        draft.opens = "2026-05-10"
        XCTAssertEqual(try draft.validated(id: aspirations.id, in: year).get().opens, day("2026-05-10"))

        let bad = CheckpointDraft(name: " ", opens: "10 May", closes: "2026-04-01", suggestedMinutes: "five", focus: "", stage: "sometime")
        guard case .failure(let problems) = bad.validated(id: UUID(), in: year) else { return XCTFail("should be refused") }
        XCTAssertEqual(problems.items.map(\.field), ["name", "opens", "suggested_minutes", "stage"])

        let overlapping = CheckpointDraft(
            name: "Extra", opens: "2026-05-20", closes: "2026-06-10", suggestedMinutes: "30", focus: "", stage: "mid")
        guard case .failure(let overlap) = overlapping.validated(id: UUID(), in: year) else { return XCTFail("should be refused") }
        XCTAssertEqual(overlap.message(for: "opens"), "The window overlaps Aspirations (2026-05-01 to 2026-05-31)")

        let outside = CheckpointDraft(
            name: "Late", opens: "2027-05-02", closes: "2027-05-10", suggestedMinutes: "30", focus: "", stage: "end")
        guard case .failure(let late) = outside.validated(id: UUID(), in: year) else { return XCTFail("should be refused") }
        XCTAssertTrue(late.message(for: "opens")!.hasPrefix("The window must fall within the career year 2026–27"))
    }
}

final class CadenceTests: XCTestCase {
    let checkpoint = Checkpoint(
        name: "Progress review 2", opens: CalendarDate(iso: "2026-11-01")!, closes: CalendarDate(iso: "2026-11-30")!,
        suggestedMinutes: 30, focus: "", stage: .mid)
    func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func status(today: String, joined: String? = nil, _ conversations: [Cadence.Conversation] = []) -> CadenceStatus {
        Cadence.status(for: checkpoint, today: day(today), joinedOn: joined.map(day), conversations: conversations)
    }

    func held(on date: String, withLineManager: Bool = true, checkpoint: UUID? = nil) -> Cadence.Conversation {
        Cadence.Conversation(
            checkpointID: checkpoint ?? self.checkpoint.id, state: .held, withLineManager: withLineManager, heldOn: day(date))
    }

    func testTheWindowsEdges() {
        XCTAssertEqual(status(today: "2026-10-31"), .upcoming)
        XCTAssertEqual(status(today: "2026-11-01"), .due, "the first day counts")
        XCTAssertEqual(status(today: "2026-11-30"), .due, "so does the last")
        XCTAssertEqual(status(today: "2026-12-01"), .overdue)
    }

    func testHeldInsideTheWindowMeetsItAndOutsideDoesNot() {
        XCTAssertEqual(status(today: "2026-12-15", [held(on: "2026-11-01")]), .met)
        XCTAssertEqual(status(today: "2026-12-15", [held(on: "2026-11-30")]), .met)
        XCTAssertEqual(status(today: "2026-12-15", [held(on: "2026-12-01")]), .overdue, "a day late does not meet it")
        XCTAssertEqual(status(today: "2026-11-15", [held(on: "2026-10-31")]), .due, "a day early does not either")
        XCTAssertEqual(status(today: "2026-11-15", [held(on: "2026-11-10", checkpoint: UUID())]), .due, "it must be for this checkpoint")
        XCTAssertEqual(
            status(today: "2026-11-15", [held(on: "2026-11-10", withLineManager: false)]), .due,
            "a mentoring chat is welcome but is not the checkpoint conversation")
    }

    func testTheDayHeldIsTheDayInTheOrganisationsTimeZone() {
        let aspirations = CareerYear.standard(startingIn: 2026).checkpoints[0]
        let lateOn31May = ISO8601DateFormatter().date(from: "2026-05-31T23:30:00Z")!
        func status(in zone: String) -> CadenceStatus {
            let held = Cadence.Conversation(
                checkpointID: aspirations.id, state: .held, withLineManager: true,
                heldOn: CalendarDate(lateOn31May, in: TimeZone(identifier: zone)!))
            return Cadence.status(for: aspirations, today: day("2026-06-10"), joinedOn: nil, conversations: [held])
        }
        XCTAssertEqual(status(in: "UTC"), .met, "still 31 May in UTC")
        XCTAssertEqual(status(in: "Europe/London"), .overdue, "already 1 June in London")
    }

    func testAConversationWithAPreviousManagerStillCounts() {
        // Held with the manager of the time, who has since handed the person on.
        XCTAssertEqual(status(today: "2026-12-15", [held(on: "2026-11-05", withLineManager: true)]), .met)
    }

    func testScheduledDeclinedAndInvitedButUnanswered() {
        let scheduled = Cadence.Conversation(
            checkpointID: checkpoint.id, state: .scheduled, withLineManager: true, scheduledFor: day("2026-11-20"))
        XCTAssertEqual(status(today: "2026-11-10", [scheduled]), .scheduled)
        XCTAssertEqual(status(today: "2026-10-20", [scheduled]), .scheduled, "arranged before the window opens")
        XCTAssertEqual(status(today: "2026-12-01", [scheduled]), .overdue, "arranged but never held")

        let declined = Cadence.Conversation(checkpointID: checkpoint.id, state: .declined, withLineManager: true)
        XCTAssertEqual(status(today: "2026-11-10", [declined]), .declined)
        XCTAssertEqual(status(today: "2027-01-10", [declined]), .declined, "offered, not missed")
        XCTAssertEqual(status(today: "2026-11-25", [declined, held(on: "2026-11-24")]), .met, "said not now, then had it after all")

        let invited = Cadence.Conversation(checkpointID: checkpoint.id, state: .requested, withLineManager: true)
        XCTAssertEqual(status(today: "2026-11-10", [invited]), .due)
        let cancelled = Cadence.Conversation(checkpointID: checkpoint.id, state: .cancelled, withLineManager: true)
        XCTAssertEqual(status(today: "2026-11-10", [cancelled]), .due)
    }

    func testPeopleWhoJoinMidYear() {
        XCTAssertEqual(status(today: "2026-12-10", joined: "2026-12-01"), .notExpected, "joined after the window closed")
        XCTAssertEqual(status(today: "2026-12-10", joined: "2026-11-30"), .overdue, "joined on its last day")
        XCTAssertEqual(status(today: "2026-11-10", joined: "2026-11-05"), .due)
    }
}

final class ConversationLifecycleTests: XCTestCase {
    func testOnlyTheOtherSideAnswersARequest() {
        let invitation = ConversationLifecycle.Facts(state: .requested, requestedBy: .guide)
        XCTAssertTrue(ConversationLifecycle.allows(.accept, by: .employee, invitation))
        XCTAssertTrue(ConversationLifecycle.allows(.decline, by: .employee, invitation))
        XCTAssertFalse(ConversationLifecycle.allows(.accept, by: .guide, invitation))
        XCTAssertTrue(ConversationLifecycle.allows(.cancel, by: .guide, invitation))
        XCTAssertFalse(ConversationLifecycle.allows(.cancel, by: .employee, invitation), "the employee declines rather than cancels")
        XCTAssertFalse(ConversationLifecycle.allows(.markHeld, by: .guide, invitation))
    }

    func testAScheduledConversation() {
        let scheduled = ConversationLifecycle.Facts(state: .scheduled, requestedBy: .employee)
        for side in [ConversationSide.employee, .guide] {
            XCTAssertTrue(ConversationLifecycle.allows(.reschedule, by: side, scheduled))
            XCTAssertTrue(ConversationLifecycle.allows(.cancel, by: side, scheduled))
            XCTAssertFalse(ConversationLifecycle.allows(.accept, by: side, scheduled))
        }
        XCTAssertTrue(ConversationLifecycle.allows(.markHeld, by: .guide, scheduled))
        XCTAssertFalse(ConversationLifecycle.allows(.markHeld, by: .employee, scheduled))
    }

    func testFinishedConversationsTakeNoStepsBesidesTheGuideCorrectingTheCheckpoint() {
        for state in [ConversationState.held, .cancelled, .declined] {
            for step in ConversationLifecycle.Step.allCases {
                for side in [ConversationSide.employee, .guide] {
                    let allowed = state == .held && step == .changeCheckpoint && side == .guide
                    XCTAssertEqual(
                        ConversationLifecycle.allows(step, by: side, .init(state: state, requestedBy: .guide)), allowed,
                        "\(step) \(state) \(side)")
                }
            }
        }
        XCTAssertFalse(ConversationLifecycle.allows(.changeCheckpoint, by: .guide, .init(state: .scheduled, requestedBy: .guide)))
        XCTAssertEqual(ConversationLifecycle.state(after: .accept, from: .requested), .scheduled)
        XCTAssertEqual(ConversationLifecycle.state(after: .decline, from: .requested), .declined)
        XCTAssertEqual(ConversationLifecycle.state(after: .markHeld, from: .scheduled), .held)
    }
}

final class CheckpointMeetingTests: XCTestCase {
    /// 4 December 2026: Progress review 2 closed on 30 November, the February review is not open.
    func testOnlyTheCheckpointOpenOnTheDayItWasHeldIsMet() throws {
        let year = CareerYear.standard(startingIn: 2026)
        let december = try XCTUnwrap(CalendarDate(iso: "2026-12-04"))
        let november = try XCTUnwrap(CalendarDate(iso: "2026-11-30"))
        XCTAssertNil(ConversationRules.checkpoint(meetableOn: december, in: year), "no window is open on 4 December")
        XCTAssertEqual(ConversationRules.checkpoint(meetableOn: november, in: year)?.name, "Progress review 2")
        let offered = ConversationRules.checkpoints(offeredBy: december, in: year).map(\.name)
        XCTAssertFalse(offered.contains("Review and forward look"), "a checkpoint not yet open is not offered")
        XCTAssertEqual(offered.last, "Progress review 2")
        let review = try XCTUnwrap(year.checkpoints.first { $0.name == "Review and forward look" })
        XCTAssertEqual(
            ConversationRules.problem(meeting: review, heldOn: december),
            "Review and forward look is open from 1 February 2027 to 28 February 2027; a conversation held on 4 December 2026 "
                + "does not meet it. Choose “None”, or check the date it was held")
        XCTAssertNil(ConversationRules.problem(meeting: year.checkpoints.first { $0.name == "Progress review 2" }!, heldOn: november))
    }
}

final class ThemeChoiceTests: XCTestCase {
    let (learning, wellbeing, retired) = (UUID(), UUID(), UUID())

    func testARecordOffersTheActiveThemesAndAnyRetiredOneItCarries() {
        let offered = ThemeChoice.offered(active: [learning, wellbeing], alreadyTagged: [retired, learning])
        XCTAssertEqual(offered, [learning, wellbeing, retired])
        XCTAssertEqual(
            try ThemeChoice.chosen([retired.uuidString, learning.uuidString, learning.uuidString], offered: offered).get().count, 2)
    }

    func testAThemeNotOfferedOrNotAnIdIsNamed() {
        let offered: Set<UUID> = [learning]
        for sent in [[wellbeing.uuidString], ["not-an-id"], [learning.uuidString, ""]] {
            guard case .failure(let problems) = ThemeChoice.chosen(sent, offered: offered) else { return XCTFail("\(sent) was taken") }
            XCTAssertEqual(problems.message(for: "themes"), ThemeChoice.problem)
        }
        XCTAssertEqual(try ThemeChoice.chosen([], offered: offered).get(), [], "no theme at all is a choice too")
    }
}

import Foundation
import XCTest

@testable import FootholdCore

final class CoverageTests: XCTestCase {
    let checkpoint = Checkpoint(
        id: UUID(), name: "Progress review 2", opens: CalendarDate(year: 2026, month: 11, day: 1)!,
        closes: CalendarDate(year: 2026, month: 11, day: 30)!, suggestedMinutes: 30, focus: "", stage: .mid)

    func day(_ month: Int, _ day: Int, _ year: Int = 2026) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    func testStandingsFollowTheCadenceRule() {
        func standing(_ state: ConversationState, manager: Bool = true, heldOn: CalendarDate? = nil) -> CheckpointStanding {
            .of(.init(checkpointID: checkpoint.id, state: state, withLineManager: manager, heldOn: heldOn), at: checkpoint)
        }
        XCTAssertEqual(standing(.held, heldOn: day(11, 12)), .met)
        XCTAssertEqual(standing(.held, manager: false, heldOn: day(11, 12)), .nothing, "with someone other than the line manager")
        XCTAssertEqual(standing(.held, heldOn: day(12, 2)), .nothing, "held after the window")
        XCTAssertEqual(standing(.declined), .declined)
        XCTAssertEqual(standing(.scheduled), .scheduled)
        XCTAssertEqual(standing(.requested), .nothing)
        XCTAssertEqual(standing(.cancelled), .nothing)
    }

    /// Ten people: four met, two arranged, one declined, one joined after the window, two nothing.
    func tenPeople() -> CoverageTally {
        var tally = CoverageTally()
        for _ in 0..<4 { tally.add(.met, joinedAfterClose: false) }
        for _ in 0..<2 { tally.add(.scheduled, joinedAfterClose: false) }
        tally.add(.declined, joinedAfterClose: false)
        tally.add(.scheduled, joinedAfterClose: true)
        for _ in 0..<2 { tally.add(.nothing, joinedAfterClose: false) }
        return tally
    }

    func testFiguresDependOnTheDay() {
        let tally = tenPeople()
        XCTAssertEqual(tally, CoverageTally(staff: 10, met: 4, scheduled: 2, declined: 1, joinedAfter: 1))

        let before = tally.figures(at: checkpoint, today: day(10, 20))
        XCTAssertEqual(
            before, CoverageFigures(staff: 10, notExpected: 1, held: 4, scheduled: 2, declined: 1, overdue: 0, due: 0, notYetOpen: 2))
        let during = tally.figures(at: checkpoint, today: day(11, 30))
        XCTAssertEqual(
            during, CoverageFigures(staff: 10, notExpected: 1, held: 4, scheduled: 2, declined: 1, overdue: 0, due: 2, notYetOpen: 0))
        let after = tally.figures(at: checkpoint, today: day(12, 1))
        XCTAssertEqual(
            after, CoverageFigures(staff: 10, notExpected: 1, held: 4, scheduled: 0, declined: 1, overdue: 4, due: 0, notYetOpen: 0))
        XCTAssertEqual(after.expected, 9)
        XCTAssertEqual(after.coverageText, "44%", "four of nine, to the nearest")
        for figures in [before, during, after] {
            let parts =
                figures.notExpected + figures.held + figures.scheduled + figures.declined + figures.overdue + figures.due
                + figures.notYetOpen
            XCTAssertEqual(parts, figures.staff)
        }
    }

    func testTalliesAddUp() {
        let sum = tenPeople() + tenPeople()
        XCTAssertEqual(sum, CoverageTally(staff: 20, met: 8, scheduled: 4, declined: 2, joinedAfter: 2))
        var running = CoverageTally()
        running += tenPeople()
        XCTAssertEqual(running, tenPeople())
        XCTAssertEqual(CoverageFigures.percent(0, of: 0), "–")
        XCTAssertEqual(CoverageFigures.percent(3, of: 3), "100%")
    }

    func testPercentagesRoundToTheNearestButOnlyEveryoneIsAHundredAndOnlyNoOneIsNought() {
        XCTAssertEqual(CoverageFigures.percent(4, of: 6), "67%", "4 of 6 was shown as 66%")
        XCTAssertEqual(CoverageFigures.percent(2, of: 3), "67%")
        XCTAssertEqual(CoverageFigures.percent(1, of: 3), "33%")
        XCTAssertEqual(CoverageFigures.percent(1, of: 8), "13%", "12.5 rounds up")
        XCTAssertEqual(CoverageFigures.percent(199, of: 200), "99%", "not everyone, so not 100%")
        XCTAssertEqual(CoverageFigures.percent(1, of: 300), "1%", "someone, so not 0%")
        XCTAssertEqual(CoverageFigures.percent(0, of: 300), "0%")
        XCTAssertEqual(CoverageFigures.percent(300, of: 300), "100%")
    }

    func testTheRecentShareCountsNinetyDaysIncludingToday() {
        XCTAssertEqual(RecentConversationShare.since(day(12, 1)), day(9, 3))
        XCTAssertEqual(RecentConversationShare(staff: 400, recent: 48).percentText, "12%")
    }

    func testCSVIsRFC4180AndNeutralisesFormulas() {
        var csv = CSVWriter(header: ["Unit", "Held"])
        csv.row(["Housing, Planning", 12])
        csv.row(["He said \"hello\"", -3])
        csv.row(["=HYPERLINK(\"http://x\")", 0])
        csv.row(["+1", "-2", "@SUM(A1)", "\tTab", "Line\r\nbreak", "Ünïcødé – ok"])
        XCTAssertEqual(
            csv.text,
            "Unit,Held\r\n\"Housing, Planning\",12\r\n\"He said \"\"hello\"\"\",-3\r\n\"'=HYPERLINK(\"\"http://x\"\")\",0\r\n"
                + "'+1,'-2,'@SUM(A1),'\tTab,\"Line\r\nbreak\",Ünïcødé – ok\r\n")
        // What was written reads back, field for field, by the importer's own RFC 4180 reader.
        let read = try! CSVTable(parsing: csv.text)
        XCTAssertEqual(read.records.map(\.fields)[1], ["Housing, Planning", "12"])
        XCTAssertEqual(read.records.map(\.fields)[4][4], "Line\r\nbreak")
    }
}

final class MonitoringScopeTests: XCTestCase {
    func testWhoSeesWhichUnits() {
        let (top, housing, planning, finance) = (UUID(), UUID(), UUID(), UUID())
        let director = MonitoringScope.of(isLeadershipTeam: false, isHRAdministrator: false, unitsHeaded: [housing])
        XCTAssertEqual(director, .units([housing]))
        XCTAssertTrue(director.sees(unitWithLineage: [top, housing]))
        XCTAssertTrue(director.sees(unitWithLineage: [top, housing, planning]), "every unit below")
        XCTAssertFalse(director.sees(unitWithLineage: [top]), "not the unit above")
        XCTAssertFalse(director.sees(unitWithLineage: [top, finance]), "not a sibling")
        XCTAssertFalse(director.seesOrganisation)

        for scope in [
            MonitoringScope.of(isLeadershipTeam: true, isHRAdministrator: false, unitsHeaded: []),
            MonitoringScope.of(isLeadershipTeam: false, isHRAdministrator: true, unitsHeaded: [housing]),
        ] {
            XCTAssertEqual(scope, .organisation)
            XCTAssertTrue(scope.sees(unitWithLineage: [top, finance]))
            XCTAssertTrue(scope.seesOrganisation)
        }
        let employee = MonitoringScope.of(isLeadershipTeam: false, isHRAdministrator: false, unitsHeaded: [])
        XCTAssertEqual(employee, .nothing)
        XCTAssertFalse(employee.sees(unitWithLineage: [top, housing]))
        XCTAssertTrue(MonitoringScope.mayRespond(isLeadershipTeam: true))
        XCTAssertFalse(MonitoringScope.mayRespond(isLeadershipTeam: false))
    }
}

import Foundation
import FootholdCore
import XCTest

@testable import FootholdDemo

final class DemoHistoryTests: XCTestCase {
    func testTheSameSeedGivesTheSameHistoryWithEveryKindOfOutcome() {
        let organisation = DemoOrganisation(people: 200, seed: 5)
        let years = [CareerYear.standard(startingIn: 2025), CareerYear.standard(startingIn: 2026)]
        let today = CalendarDate(iso: "2026-11-19")!
        let london = TimeZone(identifier: "Europe/London")!
        func history() -> DemoHistory {
            var all = DemoHistory(
                organisation: organisation, year: years[0], isCurrentYear: false, today: today, timeZone: london, themeCount: 10, seed: 5)
            all.conversations +=
                DemoHistory(
                    organisation: organisation, year: years[1], isCurrentYear: true, today: today, timeZone: london,
                    themeCount: 10, seed: 5, cast: organisation.cast()
                ).conversations
            return all
        }
        let first = history()
        let again = history()

        XCTAssertEqual(first.conversations.map(\.summary), again.conversations.map(\.summary))
        XCTAssertEqual(Set(first.conversations.map(\.state)), [.held, .declined, .scheduled, .requested])
        XCTAssertTrue(first.conversations.contains { $0.kind == .mentoring || $0.kind == .leadership })
        for conversation in first.conversations where conversation.state == .held {
            let held = CalendarDate(conversation.heldAt!, in: london)
            XCTAssertLessThanOrEqual(held, today, "nothing is held in the future")
            if let checkpoint = years.flatMap(\.checkpoints).first(where: { $0.id == conversation.checkpoint }) {
                XCTAssertTrue(checkpoint.contains(held), "held inside its window")
            }
        }
        XCTAssertFalse(
            first.conversations.contains {
                $0.checkpoint.flatMap { id in years[1].checkpoints.first { $0.id == id } }.map { $0.opens > today } ?? false
            },
            "nothing for a checkpoint that has not opened")
        let cast = organisation.cast()
        XCTAssertTrue(
            first.conversations.contains { $0.employee == cast.employee && $0.guide == cast.lineManager && $0.state == .scheduled },
            "the demo employee has a conversation coming up with their manager")
    }
}

/// The demo is alive whatever day it is made: every person it names has something coming up, something
/// to prepare for and a recent record with their own private notes.

final class DemoAliveTests: XCTestCase {
    func testEveryNamedPersonHasSomethingComingUpAndARecentRecordOnAnyDay() {
        let organisation = DemoOrganisation(people: 120, seed: 7)
        let cast = organisation.cast()
        let london = TimeZone(identifier: "Europe/London")!
        let named = [
            ("employee", cast.employee), ("line manager", cast.lineManager), ("director", cast.director),
            ("Leadership Team member", cast.leadershipTeamMember), ("HR administrator", cast.hrAdministrator),
        ]
        // Inside each checkpoint window, between windows, the first and last days of a year, and 29 February.
        let days = [
            "2026-05-15", "2026-07-20", "2026-11-10", "2027-02-14", "2026-06-15", "2026-09-30", "2026-12-01",
            "2027-03-20", "2027-04-30", "2026-05-01", "2028-02-29",
        ]
        for iso in days {
            let today = CalendarDate(iso: iso)!
            let endOfToday = today.adding(days: 1).start(in: london)
            let year = CareerYear.standard(startingIn: CareerYear.startYear(containing: today))
            let history = DemoHistory(
                organisation: organisation, year: year, isCurrentYear: true, today: today, timeZone: london,
                themeCount: 8, seed: 7, cast: cast)
            for (role, person) in named {
                let theirs = history.conversations.filter { $0.employee == person || $0.guide == person }
                XCTAssertTrue(
                    theirs.contains { $0.state == .scheduled && ($0.startsAt ?? .distantPast) > endOfToday },
                    "\(iso): the \(role) has a conversation scheduled")
                XCTAssertTrue(
                    theirs.contains { $0.state.isOpen && ($0.startsAt ?? endOfToday) >= endOfToday && !$0.employeePreparation.isEmpty },
                    "\(iso): the \(role) has a conversation to prepare for")
                XCTAssertTrue(
                    theirs.contains { c in
                        let note = c.employee == person ? c.employeeNote : c.guideNote
                        return c.state == .held && c.heldAt! < today.start(in: london) && !c.summary.isEmpty && !note.isEmpty
                            && !c.employeePreparation.isEmpty && !c.guidePreparation.isEmpty
                    }, "\(iso): the \(role) has a held record with their own private notes and both preparations")
            }
            for conversation in history.conversations where conversation.kind == .checkIn {
                XCTAssertEqual(
                    organisation.people[conversation.employee].manager, conversation.guide, "\(iso): a check-in is with the line manager")
            }
            for conversation in history.conversations where conversation.kind == .leadership {
                XCTAssertTrue(
                    organisation.people[conversation.guide].isLeadershipTeam, "\(iso): a Leadership Team conversation has a member as guide"
                )
            }
            XCTAssertFalse(history.conversations.contains { $0.employee == $0.guide }, "\(iso): nobody guides themselves")
            for conversation in history.conversations where conversation.kind == .checkIn {
                let day = CalendarDate(conversation.startsAt!, in: london)
                XCTAssertLessThan(day.weekday, 6, "\(iso): the demo's own arrangements fall on working days")
            }
        }
    }

    func testTheCheckpointConversationIsScheduledWhileItsWindowIsOpen() {
        let organisation = DemoOrganisation(people: 120, seed: 7)
        let cast = organisation.cast()
        let london = TimeZone(identifier: "Europe/London")!
        let year = CareerYear.standard(startingIn: 2026)
        for checkpoint in year.checkpoints {
            let today = checkpoint.opens.adding(days: 3)
            let history = DemoHistory(
                organisation: organisation, year: year, isCurrentYear: true, today: today, timeZone: london,
                themeCount: 8, seed: 7, cast: cast)
            XCTAssertTrue(
                history.conversations.contains {
                    $0.employee == cast.employee && $0.kind == .checkpoint && $0.checkpoint == checkpoint.id && $0.state == .scheduled
                }, "\(checkpoint.name): the employee's checkpoint conversation is scheduled")
        }
    }
}

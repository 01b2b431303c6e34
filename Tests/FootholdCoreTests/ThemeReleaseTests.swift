import Foundation
import XCTest

@testable import FootholdCore

/// A release: a checkpoint's theme figures, worked out and protected once (decision 0021).
final class ThemeReleaseTests: XCTestCase {
    let learning = ThemeRelease.Theme(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!, name: "Learning")
    let moving = ThemeRelease.Theme(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A2")!, name: "Moving")

    /// Housing (Lettings inside it) and Finance; five reports.
    func reports() -> (units: [ThemeRelease.Unit], reports: [ThemeRelease.Report]) {
        let units = [
            ThemeRelease.Unit(id: UUID(), name: "Housing", parent: nil), ThemeRelease.Unit(id: UUID(), name: "Lettings", parent: 0),
            ThemeRelease.Unit(id: UUID(), name: "Finance", parent: nil),
        ]
        func report(_ unit: Int, _ people: Int, _ learning: Int, _ moving: Int, note: String = "") -> ThemeRelease.Report {
            ThemeRelease.Report(
                managerID: UUID(), managerName: "Manager \(people)", unit: unit, people: people, note: note,
                counts: [self.learning.id: learning, self.moving.id: moving])
        }
        return (
            units,
            [
                report(0, 12, 6, 1, note: "More time to learn"), report(1, 2, 2, 0, note: "A small team's words"), report(1, 9, 3, 9),
                report(2, 15, 8, 0), report(2, 7, 7, 2),
            ]
        )
    }

    func testHeldBackFiguresKeepNoValueAndSmallTeamsKeepNoNote() throws {
        let (units, reports) = reports()
        let release = ThemeRelease.make(
            checkpointID: UUID(), threshold: .standard, themes: [learning, moving], units: units, reports: reports)
        XCTAssertEqual(release.organisationPeople, 45)
        XCTAssertEqual(release.organisationReports, 5)
        XCTAssertEqual(release.unitReports, [3, 2, 2])
        for table in release.tables {
            for figure in table.units + table.reports + [table.organisation] where figure.visibility != .shown {
                XCTAssertEqual(figure.value, 0, "a held-back figure is stored without its value")
            }
        }
        // "9 of 9" and "7 of 7" count everyone: held back, never shown.
        let moving = release.tables[1]
        let nine = try XCTUnwrap(release.reports.firstIndex { $0.people == 9 })
        XCTAssertEqual(moving.reports[nine].visibility, .withheld)
        let seven = try XCTUnwrap(release.reports.firstIndex { $0.people == 7 })
        XCTAssertEqual(release.tables[0].reports[seven].visibility, .withheld)
        XCTAssertEqual(release.reports.compactMap(\.note), ["More time to learn"], "a note only from a report of 5 or more")
        // What is stored is the protected table, not the reports' own counts.
        let stored = try JSONDecoder().decode(ThemeRelease.self, from: try JSONEncoder().encode(release))
        XCTAssertEqual(stored, release)
        XCTAssertTrue(stored.reports.allSatisfy { $0.counts.isEmpty })
        let text = String(decoding: try JSONEncoder().encode(release), as: UTF8.self)
        XCTAssertFalse(text.contains("small team"), "a held-back note is not stored")
    }

    /// Two small figures beside a shown total: published as "fewer than 5" each, a viewer would know
    /// each is at least one, and 7 − 5 = 2 would make both exactly one. Every held-back figure is
    /// published as the same thing, so all the viewer knows is that the two add up to 2.
    func testEveryHeldBackFigureIsPublishedAlikeSoNoneSaysItIsAtLeastOne() throws {
        let unit = ThemeRelease.Unit(id: UUID(), name: "Housing", parent: nil)
        func report(_ people: Int, _ raised: Int) -> ThemeRelease.Report {
            ThemeRelease.Report(
                managerID: UUID(), managerName: "Manager \(people)", unit: 0, people: people, note: nil, counts: [learning.id: raised])
        }
        let release = ThemeRelease.make(
            checkpointID: UUID(), threshold: .standard, themes: [learning], units: [unit],
            reports: [report(6, 1), report(7, 1), report(8, 5)])
        let table = release.tables[0]
        XCTAssertEqual(table.units[0], .init(value: 7, visibility: .shown))
        let small = release.reports.indices.filter { release.reports[$0].people < 8 }
        XCTAssertEqual(small.map { table.reports[$0] }, [.init(value: 0, visibility: .withheld), .init(value: 0, visibility: .withheld)])
        for figure in release.tables.flatMap({ $0.units + $0.reports + [$0.organisation] }) {
            XCTAssertNotEqual(figure.visibility, .tooFew, "a held-back figure never says why")
        }
        // A release stored before this rule reads the same way.
        let old = Data(#"{"v":0,"s":"too_few"}"#.utf8)
        XCTAssertEqual(try JSONDecoder().decode(ThemeRelease.Figure.self, from: old).visibility, .withheld)
    }

    func testTheSameReportsInAnyOrderGiveTheSameRelease() {
        let (units, reports) = reports()
        let id = UUID()
        let one = ThemeRelease.make(checkpointID: id, threshold: .standard, themes: [learning, moving], units: units, reports: reports)
        let two = ThemeRelease.make(
            checkpointID: id, threshold: .standard, themes: [learning, moving], units: units, reports: reports.reversed())
        XCTAssertEqual(one, two)
    }

    func testFiguresArePublishedTheDayAfterTheReportingPeriod() {
        let closes = CalendarDate(iso: "2026-11-30")!
        XCTAssertEqual(ThemeRelease.lastReportingDay(closes: closes, reportingDays: 14), CalendarDate(iso: "2026-12-14"))
        XCTAssertEqual(ThemeRelease.lastReportingDay(closes: closes, reportingDays: 0), closes)
        XCTAssertEqual(ThemeRelease.standardReportingDays, 14)
    }
}

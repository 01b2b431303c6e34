import Fluent
import FootholdCore
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// A line manager reports their team's themes; directors and the Leadership Team see them counted,
/// with the anonymity rules holding back whatever could pick someone out, as an attacker who
/// downloads every figure they may see and solves the equations finds.
final class ThemeReportTests: XCTestCase {
    func testAManagerReportsThemesPrefilledFromTagsAndTheDirectorSeesThemHeldBack() async throws {
        try await withApp { testApp in
            let (ben, _, id) = try await Fixtures.scheduledConversation(in: testApp)
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            _ = try await ben.post(SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.id.uuidString])
            let themes = try await ThemeModel.query(on: testApp.db).sort(\.$position).all()
            let tag = ConversationThemeModel()
            tag.$conversation.id = id
            tag.$theme.id = try themes[0].requireID()
            try await tag.create(on: testApp.db)

            let form = try await ben.get(SiteURL.teamThemes.path)
            XCTAssertEqual(form.status, .ok)
            let field = ThemeReportRules.field(try themes[0].requireID())
            XCTAssertTrue(form.body.range(of: "name=\"\(field)\"[^>]*value=\"1\"", options: .regularExpression) != nil, "pre-filled from the tag")
            XCTAssertTrue(form.body.visibleText.contains("This report draws on 1 person"), form.body.visibleText)
            XCTAssertTrue(form.body.visibleText.contains("Send to Ines Kennedy"))

            // Too many, and a note too long: both said, beside their fields, and what was typed kept.
            let wrong = try await ben.post(
                SiteURL.teamThemes.path,
                ["checkpoint": review.id.lowerText, field: "4", "note": String(repeating: "x", count: 2_001)])
            XCTAssertEqual(wrong.status, .badRequest)
            let wrongText = wrong.body.visibleText
            XCTAssertTrue(wrongText.contains("“\(themes[0].name)”: enter how many of the 1 people raised it, a whole number from 0 to 1"))
            XCTAssertTrue(wrongText.contains("The note is 2001 characters long: keep it to 2000"))
            XCTAssertTrue(wrong.body.range(of: "name=\"\(field)\"[^>]*value=\"4\"", options: .regularExpression) != nil)
            let found = try await ThemeReportModel.query(on: testApp.db).count()
            XCTAssertEqual(found, 0, "nothing saved")

            let sent = try await ben.post(
                SiteURL.teamThemes.path, ["checkpoint": review.id.lowerText, field: "1", "note": "The team wants more SECRET-NOTE time"])
            XCTAssertEqual(sent.status, .seeOther)
            let after = try await ben.get(try XCTUnwrap(sent.location)).body.visibleText
            XCTAssertTrue(after.contains("Your report has gone to Ines Kennedy"), after)
            XCTAssertTrue(after.contains("Sending it again replaces it"))

            // Ines heads Tenancy Services: one person's figures are held back, and so is the note.
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let view = try await ines.get(SiteURL.monitoringThemes.with(query: [("checkpoint", review.id.lowerText)]))
            XCTAssertEqual(view.status, .ok)
            let text = view.body.visibleText
            XCTAssertTrue(text.contains("Reports received 1"), text)
            XCTAssertTrue(text.contains("\(themes[0].name) fewer than 5"), text)
            XCTAssertFalse(view.body.contains("SECRET"))
            // A line manager's form is theirs: someone with no reports cannot open one.
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freyas = try await freya.get(SiteURL.teamThemes.path).status
            XCTAssertEqual(freyas, .forbidden)
        }
    }

    func testTheThresholdIsHRsToSetBetweenThreeAndTen() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let page = try await hr.get(SiteURL.adminAnonymity.path)
            XCTAssertTrue(page.body.range(of: "name=\"threshold\"[^>]*value=\"5\"", options: .regularExpression) != nil)
            let wrong = try await hr.post(SiteURL.adminAnonymity.path, ["threshold": "2"])
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.body.visibleText.contains("2 is outside the range"))
            let right = try await hr.post(SiteURL.adminAnonymity.path, ["threshold": "7"])
            XCTAssertEqual(right.status, .seeOther)
            let threshold = try await MonitoringStore.threshold(on: testApp.reads)
            XCTAssertEqual(threshold.people, 7)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let found = try await manager.post(SiteURL.adminAnonymity.path, ["threshold": "3"]).status
            XCTAssertEqual(found, .forbidden)
        }
    }
}

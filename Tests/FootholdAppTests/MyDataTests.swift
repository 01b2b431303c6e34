import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest

@testable import FootholdApp

/// The download of a person's own data: it fits its documented schema, holds everything that is
/// theirs, and nothing another person wrote privately, even what was shown to them.
final class MyDataTests: XCTestCase {
    static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/foothold-my-data.schema.json")

    /// Ben and Freya prepare, hold and record Progress review 2, each writing private markers;
    /// Freya shows Ben her plan and one journal entry; Ben keeps a plan and a journal of his own.
    func everything(in testApp: TestApp) async throws -> (ben: Browser, freya: Browser, conversation: UUID) {
        let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
        let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
        _ = try await freya.post(SiteURL.prepare(conversation).path, ["strengths": "MARK-FREYA-PREP", "share": "yes"])
        _ = try await ben.post(SiteURL.prepare(conversation).path, ["noticed": "MARK-BEN-PREP", "share": "yes"])
        _ = try await ben.post(SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
        _ = try await ben.post(SiteURL.record(conversation).path, ["summary": "MARK-SUMMARY", "notes": "MARK-BEN-NOTES"])
        _ = try await freya.post(SiteURL.record(conversation).path, ["summary": "MARK-SUMMARY", "notes": "MARK-FREYA-NOTES"])
        _ = try await ben.post(
            SiteURL.actions(conversation).path,
            ["description": "Book the data course MARK-ACTION", "owner": "employee", "due_on": "2027-01-15"])
        let action = try await AgreedActionModel.query(on: testApp.db).first()!
        _ = try await freya.post(SiteURL.actionNotes(action.id!).path, ["body": "Asked Finance MARK-ACTION-NOTE"])
        _ = try await freya.post(SiteURL.planEdit.path, ["where_i_am": "MARK-FREYA-PLAN", "new_goals[]": "Lead a project"])
        _ = try await freya.post(SiteURL.planSharing.path, ["guides[]": benID.uuidString])
        _ = try await freya.post(
            SiteURL.journal.path, ["kind": "accomplishment", "body": "MARK-FREYA-JOURNAL-SHOWN", "guides[]": benID.uuidString])
        _ = try await freya.post(SiteURL.journal.path, ["kind": "challenge", "body": "MARK-FREYA-JOURNAL"])
        _ = try await freya.post(SiteURL.reflection(conversation).path, ["influence_met": "yes", "what_worked": "MARK-FREYA-REFLECTION"])
        _ = try await ben.post(SiteURL.planEdit.path, ["where_i_am": "MARK-BEN-PLAN"])
        _ = try await ben.post(SiteURL.journal.path, ["kind": "challenge", "body": "MARK-BEN-JOURNAL"])
        return (ben, freya, conversation)
    }

    func download(_ browser: Browser) async throws -> (text: String, json: Any) {
        let page = try await browser.get(SiteURL.myData.path)
        XCTAssertEqual(page.status, .ok)
        XCTAssertEqual(page.headers.first(name: .contentDisposition), "attachment; filename=\"foothold-my-data.json\"")
        XCTAssertEqual(page.headers.first(name: .contentType), "application/json; charset=utf-8")
        return (page.body, try JSONSerialization.jsonObject(with: Data(page.body.utf8)))
    }

    func testTheDownloadHoldsExactlyThePersonsOwnData() async throws {
        try await withApp { testApp in
            let (ben, freya, _) = try await everything(in: testApp)
            let (freyaText, _) = try await download(freya)
            for marker in [
                "MARK-FREYA-PREP", "MARK-FREYA-NOTES", "MARK-SUMMARY", "MARK-ACTION", "MARK-ACTION-NOTE", "MARK-FREYA-PLAN",
                "MARK-FREYA-JOURNAL-SHOWN", "MARK-FREYA-JOURNAL", "MARK-FREYA-REFLECTION", "Lead a project",
            ] {
                XCTAssertTrue(freyaText.contains(marker), "Freya's download holds \(marker)")
            }
            for marker in ["MARK-BEN-PREP", "MARK-BEN-NOTES", "MARK-BEN-PLAN", "MARK-BEN-JOURNAL"] {
                XCTAssertFalse(freyaText.contains(marker), "Freya's download must not hold \(marker)")
            }
            XCTAssertTrue(freyaText.contains("\"plan_shown_to\" : [\n      \"Ben Khan\"\n    ]"))

            let (benText, _) = try await download(ben)
            for marker in ["MARK-BEN-PREP", "MARK-BEN-NOTES", "MARK-SUMMARY", "MARK-ACTION", "MARK-BEN-PLAN", "MARK-BEN-JOURNAL"] {
                XCTAssertTrue(benText.contains(marker), "Ben's download holds \(marker)")
            }
            // What Freya showed Ben is still hers: his download holds none of it.
            for marker in ["MARK-FREYA-PREP", "MARK-FREYA-NOTES", "MARK-FREYA-PLAN", "MARK-FREYA-JOURNAL", "MARK-FREYA-REFLECTION"] {
                XCTAssertFalse(benText.contains(marker), "Ben's download must not hold \(marker)")
            }
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let (lewisText, _) = try await download(lewis)
            XCTAssertFalse(lewisText.contains("MARK-"), "someone with no part in it downloads none of it")

            let audited = try await AuditLogModel.query(on: testApp.db).filter(\.$event == AuditEvent.dataExported.rawValue).count()
            XCTAssertEqual(audited, 3)
        }
    }

    func testTheDownloadFitsItsDocumentedSchema() async throws {
        let check = try JSONSchemaCheck(schema: Data(contentsOf: Self.schemaURL))
        // The check itself catches what it must.
        XCTAssertFalse(check.problems(in: ["format": "something else"]).isEmpty)
        try await withApp { testApp in
            let (ben, freya, _) = try await everything(in: testApp)
            for browser in [freya, ben] {
                let (_, json) = try await download(browser)
                XCTAssertEqual(check.problems(in: json), [])
            }
            var (_, json) = try await download(freya)
            var object = json as! [String: Any]
            object["surprise"] = true
            json = object
            XCTAssertEqual(check.problems(in: json), [": surprise is not in the schema"])
        }
    }
}

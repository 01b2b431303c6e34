import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// A change and its audit event are one transaction: if the event cannot be written, the change
/// is not made either, so the log never misses a change it should hold.
final class AuditedChangeTests: XCTestCase {
    func testAChangeWhoseAuditEventFailsIsNotMade() async throws {
        try await withApp { testApp in
            let (ben, _, id) = try await Fixtures.scheduledConversation(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let sql = testApp.db.sql
            try await sql.raw("ALTER TABLE audit_log RENAME TO audit_log_away").run()
            let expectations = try await ben.post(SiteURL.guided(id).path, ["expectations": "An hour"])
            let theme = try await rosie.post(SiteURL.adminThemes.path, ["name": "Relocation"])
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let invited = try await ben.post(
                SiteURL.conversations.path, ["with": freyaID.uuidString, "kind": "check_in", "purpose": "A catch-up", "minutes": "15"])
            try await sql.raw("ALTER TABLE audit_log_away RENAME TO audit_log").run()
            XCTAssertEqual([expectations.status, theme.status, invited.status].map(\.code), [500, 500, 500])
            let stored = try await ConversationModel.find(id, on: testApp.db)!
            XCTAssertEqual(stored.expectations, "", "the expectations were not saved without their audit event")
            let themes = try await ThemeModel.query(on: testApp.db).filter(\.$name == "Relocation").count()
            XCTAssertEqual(themes, 0)
            let conversations = try await ConversationModel.query(on: testApp.db).count()
            XCTAssertEqual(conversations, 1, "no conversation was arranged without its audit event")
        }
    }
}

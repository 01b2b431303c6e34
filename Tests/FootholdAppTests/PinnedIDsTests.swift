import Fluent
import FootholdCore
@testable import FootholdData
import XCTest

@testable import FootholdApp

/// Ids come from the app's injected clients, like the clock: a test knows what id the next
/// conversation, action or session will have.
final class PinnedIDsTests: XCTestCase {
    func testWhatTheAppCreatesTakesItsIdFromTheClients() async throws {
        try await withApp { testApp in
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let sessions = try await SessionModel.query(on: testApp.db).all().compactMap(\.id)
            XCTAssertTrue(sessions.contains(testApp.ids.id(1)), "the first session signed in took the first id")
            XCTAssertTrue(sessions.contains(testApp.ids.id(2)), "and the second the next")
            XCTAssertEqual(conversation, testApp.ids.id(3), "the invitation Ben sent took the next id")

            // Held (which takes the next two ids: for the snapshot of the plan a checkpoint keeps, and for
            // the director's notice), then an action agreed in it: its id is the one after.
            let held = try await ben.post(SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
            XCTAssertEqual(held.status, .seeOther, held.body)
            let added = try await ben.post(
                SiteURL.actions(conversation).path, ["description": "Book a place on the March data course", "owner": "employee"])
            XCTAssertEqual(added.status, .seeOther, added.body)
            let action = try await AgreedActionModel.query(on: testApp.db).filter(\.$conversation.$id == conversation).first()
            XCTAssertEqual(action?.id, testApp.ids.id(6))
        }
    }
}

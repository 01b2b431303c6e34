import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// From the guided view, the guide suggests a colleague to talk to: an action for the employee
/// and a request to that colleague.
final class TalkToTests: XCTestCase {
    func testASuggestionBecomesAnActionAndARequestToTheColleague() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let guided = try await ben.get(SiteURL.guided(conversation).path)
            XCTAssertTrue(guided.body.visibleText.contains("Suggest someone Freya could talk to"))
            let freyasGuided = try await freya.get(SiteURL.guided(conversation).path)
            XCTAssertFalse(freyasGuided.body.contains(SiteURL.talkTo(conversation).path), "the guide suggests")
            let freyaTries = try await freya.post(SiteURL.talkTo(conversation).path, ["colleague": Fixtures.leadership, "about": "x"])
            XCTAssertEqual(freyaTries.status, .forbidden)

            let sent = try await ben.post(
                SiteURL.talkTo(conversation).path, ["colleague": "Omar Morgan", "about": "about the housing secondment"])
            XCTAssertEqual(sent.location, SiteURL.guided(conversation).with(query: [("suggested", "1")]) + "#stage-share_information")

            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let omarID = try await Fixtures.personID(Fixtures.leadership, in: testApp)
            let found = try await AgreedActionModel.query(on: testApp.db).filter(\.$employee.$id == freyaID).first()
            let action = try XCTUnwrap(found)
            XCTAssertEqual(action.description, "Talk to Omar about the housing secondment")
            XCTAssertEqual(action.owner, .employee)
            XCTAssertEqual(action.$conversation.id, conversation)
            let requestID = try XCTUnwrap(action.talkRequestID)
            let request = try await ConversationModel.find(requestID, on: testApp.db)
            XCTAssertEqual(request?.kind, .mentoring)
            XCTAssertEqual(request?.state, .requested)
            XCTAssertEqual(request?.$employee.id, freyaID)
            XCTAssertEqual(request?.$guide.id, omarID)
            XCTAssertEqual(request?.purpose, "Ben Khan suggested that Freya talks with you about the housing secondment.")

            // Freya follows it from her action; Omar answers the request; Ben sees the action, not the request.
            let actionPage = try await freya.get(SiteURL.actionPage(action.id!).path)
            XCTAssertTrue(actionPage.body.contains(SiteURL.conversation(requestID).path))
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            let omarsRequest = try await omar.get(SiteURL.conversation(requestID).path)
            XCTAssertEqual(omarsRequest.status, .ok)
            XCTAssertTrue(
                omarsRequest.body.visibleText.contains("Ben Khan suggested that Freya talks with you about the housing secondment."))
            let bensAction = try await ben.get(SiteURL.actionPage(action.id!).path)
            XCTAssertEqual(bensAction.status, .ok)
            XCTAssertFalse(bensAction.body.contains(SiteURL.conversation(requestID).path))
            let bensRequest = try await ben.get(SiteURL.conversation(requestID).path)
            XCTAssertNotEqual(bensRequest.status, .ok)
        }
    }

    func testTheColleagueMustBeSomeoneElseAndFoundInTheDirectory() async throws {
        try await withApp { testApp in
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let herself = try await ben.post(SiteURL.talkTo(conversation).path, ["colleague": Fixtures.employee, "about": "data"])
            XCTAssertEqual(herself.status, .badRequest)
            XCTAssertTrue(herself.body.visibleText.contains("Suggest someone other than the two of you"))
            let nobody = try await ben.post(SiteURL.talkTo(conversation).path, ["colleague": "Amara Nobody", "about": ""])
            XCTAssertTrue(nobody.body.visibleText.contains("Nobody called \u{201C}Amara Nobody\u{201D} works here"))
            XCTAssertTrue(nobody.body.visibleText.contains("Say what they could talk about"))
            XCTAssertTrue(nobody.body.contains("value=\"Amara Nobody\""), "what was typed is kept")
            let actions = try await AgreedActionModel.query(on: testApp.db).count()
            XCTAssertEqual(actions, 0)
        }
    }
}

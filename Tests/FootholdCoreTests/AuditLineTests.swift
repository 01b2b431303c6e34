import Foundation
import XCTest

@testable import FootholdCore

/// How an audited event reads on HR's page (decision 0013): who opened what, never who meets whom.
final class AuditLineTests: XCTestCase {
    func testAPlanReadByAMentorDoesNotNameTheMentor() {
        let byMentor = AuditLine.line(
            .init(event: AuditEvent.planViewed.rawValue, actorName: "Lewis Iqbal", subjectName: "Freya Parker", actorIsLineManager: false))
        XCTAssertEqual(byMentor.who, "Someone they share their plan with")
        XCTAssertEqual(byMentor.what, "Read a career plan shown to them")
        XCTAssertEqual(byMentor.whose, "Freya Parker")
        let byManager = AuditLine.line(
            .init(event: AuditEvent.planViewed.rawValue, actorName: "Ben Khan", subjectName: "Freya Parker", actorIsLineManager: true))
        XCTAssertEqual(byManager.who, "Ben Khan", "a line manager is known from the organisation chart")
    }

    func testAMentoringRecordIsOpenedBySomeoneInTheConversation() {
        let line = AuditLine.line(
            .init(event: "viewed", actorName: "Lewis Iqbal", subjectName: "Freya Parker", conversationKind: .mentoring))
        XCTAssertEqual(line.who, AuditLine.someoneInTheConversation)
        XCTAssertEqual(line.what, "Opened a conversation record")
        let own = AuditLine.line(
            .init(
                event: "viewed", actorName: "Freya Parker", subjectName: "Freya Parker", conversationKind: .mentoring, actorIsEmployee: true
            ))
        XCTAssertEqual(own.who, "Freya Parker")
    }
}

import XCTest
@testable import FootholdCore

/// The conversation rules every form and write shares, each defined once.
final class ConversationRulesTests: XCTestCase {
    func testOneLengthForArrangingAndHolding() {
        let london = TimeZone(identifier: "Europe/London")!
        let now = Date(timeIntervalSince1970: 1_795_082_400)
        for (minutes, fits) in [("4", false), ("5", true), ("240", true), ("241", false), ("480", false)] {
            let result = MeetingDraft(date: "2026-11-24", time: "14:00", minutes: minutes).validated(in: london, now: now, required: true)
            XCTAssertEqual((try? result.get()) != nil, fits, minutes)
            XCTAssertEqual(ConversationRules.minutes.contains(Int(minutes)!), fits)
        }
    }

    func testEveryTextHasOneLimitAndASentenceSayingIt() {
        for kind in ConversationRules.Text.allCases {
            var problems = FieldProblems()
            XCTAssertTrue(ConversationRules.check(String(repeating: "a", count: kind.limit), kind, into: &problems), "\(kind) at its limit")
            XCTAssertFalse(ConversationRules.check(String(repeating: "a", count: kind.limit + 1), kind, into: &problems), "\(kind) over it")
            XCTAssertEqual(problems.message(for: kind.field), kind.message)
        }
        XCTAssertEqual(ConversationRules.Text.summary.message, "Keep the summary to 10,000 characters or fewer")
        var problems = FieldProblems()
        XCTAssertTrue(ConversationRules.check(String(repeating: "é", count: 80), .themeName, into: &problems), "characters, not bytes")
    }

    func testWhichKindsTwoPeopleMayHold() {
        XCTAssertEqual(
            ConversationRules.kinds(viewerIsTheirManager: true, isViewersManager: false, otherIsLeadershipTeam: true),
            [.checkpoint, .checkIn])
        XCTAssertEqual(
            ConversationRules.kinds(viewerIsTheirManager: false, isViewersManager: true, otherIsLeadershipTeam: true),
            [.checkpoint, .checkIn, .leadership, .mentoring])
        XCTAssertEqual(
            ConversationRules.kinds(viewerIsTheirManager: false, isViewersManager: false, otherIsLeadershipTeam: true),
            [.leadership, .mentoring])
        XCTAssertEqual(
            ConversationRules.kinds(viewerIsTheirManager: false, isViewersManager: false, otherIsLeadershipTeam: false), [.mentoring])
    }

    func testWorkIsAllowedOnlyInItsStates() {
        XCTAssertEqual(Set(ConversationState.allCases.filter { ConversationRules.allows(.prepare, in: $0) }), [.requested, .scheduled])
        XCTAssertEqual(
            Set(ConversationState.allCases.filter { ConversationRules.allows(.agreeExpectations, in: $0) }), [.scheduled, .held])
        XCTAssertEqual(Set(ConversationState.allCases.filter { ConversationRules.allows(.record, in: $0) }), [.held])
    }
}

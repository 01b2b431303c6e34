import XCTest
@testable import FootholdCore

/// The whole matrix: every kind of viewer against every part, with and without each choice to share.
final class ConversationAccessTests: XCTestCase {
    typealias Part = ConversationAccess.Part

    let viewers: [(String, ConversationAccess.Viewer)] = [
        ("employee", .init(isEmployee: true)),
        ("guide who is the line manager", .init(isGuide: true, isLineManager: true)),
        ("guide who is a mentor", .init(isGuide: true)),
        ("line manager who is not the guide", .init(isLineManager: true)),
        ("director", .init(isDirector: true)),
        ("Leadership Team member", .init(isLeadershipTeam: true)),
        ("HR administrator", .init(isHRAdministrator: true)),
        ("director, Leadership Team and HR at once", .init(isDirector: true, isLeadershipTeam: true, isHRAdministrator: true)),
        ("anyone else", .init()),
    ]

    /// What each viewer may read when nothing has been shared, for a checkpoint conversation.
    let nothingShared: [String: Set<Part>] = [
        "employee": [
            .occurrence, .purpose, .place, .expectations, .employeePreparation, .employeeNotes, .sharedSummary, .themes, .actions,
            .declineReason,
        ],
        "guide who is the line manager": [
            .occurrence, .purpose, .place, .expectations, .guidePreparation, .guideNotes, .sharedSummary,
            .themes, .actions,
        ],
        "guide who is a mentor": [
            .occurrence, .purpose, .place, .expectations, .guidePreparation, .guideNotes, .sharedSummary, .themes, .actions,
        ],
        "line manager who is not the guide": [.occurrence],
        "director": [],
        "Leadership Team member": [],
        "HR administrator": [],
        "director, Leadership Team and HR at once": [],
        "anyone else": [],
    ]

    func testNothingSharedCheckpointConversation() {
        let sharing = ConversationAccess.Sharing(kind: .checkpoint)
        for (name, viewer) in viewers {
            XCTAssertEqual(ConversationAccess.readable(by: viewer, sharing), nothingShared[name]!, name)
        }
    }

    func testSharedPreparationOpensOnlyToTheOtherSide() {
        let sharing = ConversationAccess.Sharing(kind: .checkpoint, employeePreparationShared: true, guidePreparationShared: true)
        for (name, viewer) in viewers {
            var expected = nothingShared[name]!
            if viewer.isGuide { expected.insert(.employeePreparation) }
            if viewer.isEmployee { expected.insert(.guidePreparation) }
            XCTAssertEqual(ConversationAccess.readable(by: viewer, sharing), expected, name)
        }
    }

    func testHistorySharedWithTheManagerOpensTheRecordButNeverNotesOrPreparation() {
        let sharing = ConversationAccess.Sharing(kind: .checkpoint, employeeSharesHistoryWithManager: true)
        for (name, viewer) in viewers {
            var expected = nothingShared[name]!
            if viewer.isLineManager { expected.formUnion([.sharedSummary, .themes, .actions]) }
            XCTAssertEqual(ConversationAccess.readable(by: viewer, sharing), expected, name)
        }
    }

    func testAManagerDoesNotLearnOfMentoringOrLeadershipConversations() {
        for kind in [ConversationKind.mentoring, .leadership, .checkIn] {
            let manager = ConversationAccess.Viewer(isLineManager: true)
            XCTAssertFalse(ConversationAccess.allows(manager, .occurrence, .init(kind: kind)), "\(kind)")
            XCTAssertTrue(ConversationAccess.allows(.init(isEmployee: true), .occurrence, .init(kind: kind)))
        }
    }

    func testPurposePlaceAndExpectationsAreTheTwoPeoplesOwnWhateverIsShared() {
        let everythingShared = ConversationAccess.Sharing(
            kind: .checkpoint, employeePreparationShared: true, guidePreparationShared: true,
            employeeSharesHistoryWithManager: true)
        for (name, viewer) in viewers {
            for part in [Part.purpose, .place, .expectations] {
                XCTAssertEqual(
                    ConversationAccess.allows(viewer, part, everythingShared), viewer.isEmployee || viewer.isGuide, "\(name) \(part)")
            }
        }
    }

    func testPrivateNotesAndTheDeclineReasonStayWithTheirAuthor() {
        let everythingShared = ConversationAccess.Sharing(
            kind: .checkpoint, employeePreparationShared: true, guidePreparationShared: true,
            employeeSharesHistoryWithManager: true)
        for (name, viewer) in viewers {
            XCTAssertEqual(ConversationAccess.allows(viewer, .employeeNotes, everythingShared), viewer.isEmployee, name)
            XCTAssertEqual(ConversationAccess.allows(viewer, .guideNotes, everythingShared), viewer.isGuide, name)
            XCTAssertEqual(ConversationAccess.allows(viewer, .declineReason, everythingShared), viewer.isEmployee, name)
        }
    }
}

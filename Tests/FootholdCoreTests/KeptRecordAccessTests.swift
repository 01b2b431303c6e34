import XCTest

@testable import FootholdCore

/// The matrix for what a person keeps between conversations: every standing against every use of
/// every kind of record, written out in full so a change to the policy must change this table.
final class KeptRecordAccessTests: XCTestCase {
    typealias Standing = ConversationAccess.Standing

    let standings: [(String, Standing)] = [
        ("owner", .init(isOwner: true)),
        ("guide of its conversation", .init(isGuide: true)),
        ("named colleague", .init(isNamedColleague: true)),
        ("shown it by the owner", .init(isSharedWith: true)),
        // Director, Leadership Team, HR administrator, line manager with no part in it: no standing.
        ("anyone else", .init()),
    ]

    /// "kept use" pairs each standing may do.
    let allowed: [String: Set<String>] = [
        "owner": [
            "action read", "action progress", "action edit", "plan read", "plan edit", "journal_entry read", "journal_entry edit",
            "reflection read", "reflection edit",
        ],
        "guide of its conversation": ["action read", "action progress", "action edit", "action confirm"],
        "named colleague": ["action read", "action progress"],
        "shown it by the owner": ["plan read", "journal_entry read"],
        "anyone else": [],
    ]

    func testTheWholeMatrix() {
        for (name, standing) in standings {
            var found: Set<String> = []
            for kept in ConversationAccess.Kept.allCases {
                for use in ConversationAccess.Use.allCases where ConversationAccess.allows(standing, use, kept) {
                    found.insert("\(kept.rawValue) \(use.rawValue)")
                }
            }
            XCTAssertEqual(found, allowed[name]!, name)
        }
    }

    func testNobodyButTheOwnerReadsAReflectionWhateverElseTheyAre() {
        let everythingButOwner = Standing(isGuide: true, isNamedColleague: true, isSharedWith: true)
        XCTAssertFalse(ConversationAccess.allows(everythingButOwner, .read, .reflection))
        XCTAssertFalse(ConversationAccess.allows(everythingButOwner, .edit, .plan))
        XCTAssertFalse(ConversationAccess.allows(.init(isOwner: true), .confirm, .action), "the employee cannot confirm for the guide")
    }
}

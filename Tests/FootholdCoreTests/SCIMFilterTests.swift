import Foundation
import XCTest

@testable import FootholdCore

/// The filters identity providers send before they change anyone (RFC 7644 §3.4.2.2).
final class SCIMFilterTests: XCTestCase {
    func testEqualityJoinedByAndInAnyLetterCase() throws {
        XCTAssertEqual(
            try SCIMFilter.parse("userName eq \"freya@ridgeway.example\"").get().conditions,
            [.init(attribute: .userName, value: "freya@ridgeway.example")])
        XCTAssertEqual(
            try SCIMFilter.parse("  EXTERNALID EQ \"a b\"   And displayname eq \"Leadership \\\"Team\\\"\" ").get().conditions,
            [.init(attribute: .externalId, value: "a b"), .init(attribute: .displayName, value: "Leadership \"Team\"")])
        XCTAssertEqual(try SCIMFilter.parse("id eq \"\"").get().conditions, [.init(attribute: .id, value: "")])
    }

    func testAnythingElseIsAnInvalidFilterThatSaysWhy() {
        for (filter, says) in [
            ("", "empty"), ("userName", "ends before"), ("userName eq", "ends before"), ("userName eq \"x", "not closed"),
            ("userName co \"x\"", "'eq'"), ("title eq \"x\"", "'title'"), ("userName eq x", "double quotes"),
            ("userName eq \"a\" or userName eq \"b\"", "'and'"), ("userName eq \"a\" and", "ends before"),
            (String(repeating: "a", count: 1001), "longer than"),
            ("externalId eq \"a\u{0}\"", "control character"),
        ] {
            switch SCIMFilter.parse(filter) {
            case .success: XCTFail("\(filter) was accepted")
            case .failure(let problem):
                XCTAssertEqual(problem.type, "invalidFilter", filter)
                XCTAssertEqual(problem.status, 400)
                XCTAssertTrue(problem.detail.contains(says), "\(filter): \(problem.detail)")
            }
        }
    }
}

import FootholdCore
import XCTest

/// After signing in, and after a form, Foothold sends people only to its own pages.
final class SafeDestinationTests: XCTestCase {
    func testOtherSitesAndTheirDisguisesAreRefused() {
        let refused = [
            "//x", "/\t/x", "/%09/x", "/\\x", "https://x", "http://evil.example/", "//evil.example/people", "/\\/evil.example",
            "/%5Cevil.example", "/%2F/evil.example", "/%252F/evil.example", "/%25252F%25252Fx", "/\n/x", "/%0A/x", "/%0d/x",
            "/\u{7F}/x", "/%7F/x", "\u{20}/x", "x", "", "javascript:alert(1)", "/%", "/%zz", "/\u{2028}/x", "/\u{200B}/x",
            "/%E2%80%8B/x", "/" + String(repeating: "a", count: 2_001),
        ]
        for destination in refused {
            XCTAssertNil(SafeDestination.path(destination), destination.debugDescription)
        }
        XCTAssertNil(SafeDestination.path(nil))
    }

    func testThisSitesPathsAreKeptAsTheyAre() {
        for destination in [
            "/", "/conversations", "/conversations?page=2", "/people?q=anna+smith", "/people?q=caf%C3%A9",
            "/conversations/0d6f3c1e-5a7b-4c2d-9e8f-1a2b3c4d5e6f/record#actions", "/people?q=a%20b", "/people?q=50%25",
        ] {
            XCTAssertEqual(SafeDestination.path(destination), destination)
        }
    }
}

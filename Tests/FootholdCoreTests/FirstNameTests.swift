import FootholdCore
import XCTest

final class FirstNameTests: XCTestCase {
    func testAPersonIsAddressedByTheFirstWordOfTheirName() {
        XCTAssertEqual("Freya Parker".firstName, "Freya")
        XCTAssertEqual("Mary Anne O'Brien".firstName, "Mary")
        XCTAssertEqual("Adaeze".firstName, "Adaeze", "one word is the whole name")
        XCTAssertEqual("  Ben Khan".firstName, "Ben", "leading spaces are not a name")
        XCTAssertEqual("".firstName, "")
    }
}

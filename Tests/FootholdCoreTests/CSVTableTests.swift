import XCTest
@testable import FootholdCore

final class CSVTableTests: XCTestCase {
    func testRecordsRememberTheLineTheyStartOn() throws {
        let text = "\u{FEFF}a,b\r\n1,\"two\r\nlines\"\r\n\r\n3,\"say \"\"hi\"\", then go\"\r\n"

        let table = try CSVTable(parsing: text)

        XCTAssertEqual(table.records.map(\.line), [1, 2, 5])
        XCTAssertEqual(table.records[0].fields, ["a", "b"], "the byte-order mark is dropped")
        XCTAssertEqual(table.records[1].fields, ["1", "two\r\nlines"])
        XCTAssertEqual(table.records[2].fields, ["3", "say \"hi\", then go"])
    }

    func testLFEndingsEmptyFieldsAndNoFinalNewline() throws {
        let table = try CSVTable(parsing: "a,,c\n,,\nx")
        XCTAssertEqual(table.records.map(\.fields), [["a", "", "c"], ["", "", ""], ["x"]])
    }

    func testAnUnclosedQuoteIsReportedWhereItOpened() {
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\n1,2\n3,\"never closed\n4,5\n")) { error in
            XCTAssertEqual(
                error as? CSVTable.SyntaxError, CSVTable.SyntaxError(line: 3, message: "a double quote opened on this line is never closed")
            )
        }
    }

    func testAStrayQuoteIsReportedOnItsLine() {
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\n1,2\n3,4 \"inches\"\n")) { error in
            XCTAssertEqual((error as? CSVTable.SyntaxError)?.line, 3)
        }
        XCTAssertThrowsError(try CSVTable(parsing: "a,b\n\"x\"y,2\n")) { error in
            XCTAssertEqual((error as? CSVTable.SyntaxError)?.line, 2)
        }
    }
}

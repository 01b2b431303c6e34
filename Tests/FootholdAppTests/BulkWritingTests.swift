import Fluent
import FootholdCore
import Foundation
import XCTest
@testable import FootholdApp

/// The demo's fast writers must store exactly what the ordinary ones would.
final class BulkWritingTests: XCTestCase {
    func testPreparationAnswersSurviveTheHandWrittenJSON() throws {
        let awkward = "Quotes \" and back\\slashes, a tab\t, a new\nline, a bell \u{07}, emoji 🌱, accents é, </script> and ' too"
        var generator = SeededGenerator(seed: 7)
        for field in PreparationField.allCases {
            let random = String((0..<40).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &generator))) })
            var raw: [PreparationField: String] = [.strengths: random]
            raw[field] = awkward
            let answers = PreparationAnswers(raw)
            let json = ConversationRecords.encode(answers)
            XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: Data(json.utf8)),
                           Dictionary(uniqueKeysWithValues: answers.answers.map { ($0.key.rawValue, $0.value) }), json)
            XCTAssertEqual(ConversationRecords.decode(json).answers, answers.answers)
        }
        XCTAssertEqual(ConversationRecords.encode(PreparationAnswers()), "{}")
    }

    func testIdentifiersAreWrittenAsTheDriverWritesThemAndSortInOrderOfMaking() {
        for _ in 0..<1000 {
            let id = UUID()
            XCTAssertEqual(BulkValue.uppercaseString(id), id.uuidString)
        }
        var ids = OrderedIDs(startingAt: Date(timeIntervalSince1970: 1_795_082_400))
        let made = (0..<5000).map { _ in ids.next() }
        XCTAssertEqual(made.map(\.uuidString), made.map(\.uuidString).sorted(), "text order is the order they were made")
        XCTAssertEqual(Set(made).count, made.count)
        XCTAssertTrue(made.allSatisfy { $0.uuidString[$0.uuidString.index($0.uuidString.startIndex, offsetBy: 14)] == "7" }, "version 7")
    }

    func testTheDemoHistoryLoadsWithEveryIndexBackInPlace() async throws {
        try await withApp { testApp in
            let sql = testApp.db.sql
            let tables = [ConversationModel.schema, PreparationModel.schema, ConversationThemeModel.schema, AgreedActionModel.schema]
            let before = try await BulkLoad.secondaryIndexes(on: tables, sql).map(\.name)
            XCTAssertTrue(before.contains("conversations_employee_state_idx"), "\(before)")
            _ = try await DemoLoader.load(people: 60, seed: 3, years: 2, on: testApp.app)
            let after = try await BulkLoad.secondaryIndexes(on: tables, sql).map(\.name)
            XCTAssertEqual(after, before)
            let held = try await ConversationModel.query(on: testApp.db).filter(\.$state == .held).all()
            XCTAssertGreaterThan(held.count, 30)
            let preparations = try await PreparationModel.query(on: testApp.db).all()
            XCTAssertFalse(preparations.isEmpty)
            XCTAssertTrue(preparations.allSatisfy { !ConversationRecords.decode($0.answers).answers.isEmpty }, "answers read back")
            let actions = try await AgreedActionModel.query(on: testApp.db).with(\.$conversation).all()
            XCTAssertTrue(actions.allSatisfy { $0.$employee.id == $0.conversation.$employee.id })
        }
    }
}

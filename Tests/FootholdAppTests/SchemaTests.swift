import Fluent
import FootholdCore
@testable import FootholdData
import SQLKit
import XCTest

@testable import FootholdApp

/// A table's columns are listed once, by its model; the hand-written reads select them from there.
/// The migrations, which never change once shipped, must build exactly those tables.
final class SchemaTests: XCTestCase {
    func testEveryValueReadFromRowsNamesExactlyTheColumnsItsMigrationsMade() async throws {
        try await withApp { testApp in
            let models: [(table: String, columns: [String])] = [
                (PersonModel.schema, StoredPerson.columnNames), (UnitModel.schema, StoredUnit.columnNames),
                (CheckpointModel.schema, Checkpoint.columnNames), (ConversationModel.schema, ConversationRecord.columnNames),
                (AgreedActionModel.schema, AgreedAction.columnNames), (ThemeModel.schema, Theme.columnNames),
            ]
            for (table, columns) in models {
                let made = try await Self.columns(of: table, on: testApp.db.sql)
                XCTAssertFalse(made.isEmpty, "the migrations made \(table)")
                XCTAssertEqual(Set(columns), Set(made), "the model of \(table) and its migrations name the same columns")
                XCTAssertEqual(columns.count, Set(columns).count, "no column of \(table) is named twice")
            }
        }
    }

    static func columns(of table: String, on sql: any SQLDatabase) async throws -> [String] {
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all().map {
                try $0.decode(column: "name", as: String.self)
            }
        }
        return try await sql.raw(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table)"
        ).all().map { try $0.decode(column: "column_name", as: String.self) }
    }
}

import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit

/// A row of a prepared read: the cells read as the binary they are.
package struct PreparedRow: SQLRow {
    package let row: PostgresRandomAccessRow

    package struct MissingColumn: Error, CustomStringConvertible {
        package let column: String
        package var description: String { "no column \(column) in the row" }
    }

    package var allColumns: [String] { row.map(\.columnName) }

    package func contains(column: String) -> Bool { row.contains(column) }

    package func decodeNil(column: String) throws -> Bool { !row.contains(column) || row[column].bytes == nil }

    package func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
        guard row.contains(column) else { throw MissingColumn(column: column) }
        let cell = row[column]
        return try CellDecoder(
            cell: PostgresCell(
                bytes: cell.bytes, dataType: cell.dataType, format: .binary,
                columnName: column, columnIndex: cell.columnIndex)
        ).decode(T.self)
    }
}

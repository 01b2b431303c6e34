import Fluent
import FootholdCore
import Foundation
import SQLKit
import SQLiteKit
import Vapor

/// A row read by `SQLiteReads`. The types the pages read (text, ids, numbers, flags, times) are
/// decoded directly; anything else goes through SQLiteKit's decoder, as the driver would.
package struct ReadRow: SQLRow {
    package let columns: ReadColumns
    package let values: [ReadValue]

    package var allColumns: [String] { columns.names }

    package func contains(column: String) -> Bool { columns.index[column] != nil }

    package func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.index[column] else { return true }
        if case .null = values[offset] { return true }
        return false
    }

    package func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.index[column] else {
            throw SQLiteReadError(description: "no column \(column) among \(columns.names.joined(separator: ", "))")
        }
        let value = values[offset]
        switch value {
        case .text(let text) where D.self == String.self: return text as! D
        case .text(let text) where D.self == UUID.self:
            guard let id = Self.uuid(text) else { break }
            return id as! D
        case .integer(let number) where D.self == Int.self: return number as! D
        case .integer(let number) where D.self == Bool.self: return (number != 0) as! D
        case .float(let seconds) where D.self == Date.self: return Self.date(seconds) as! D
        case .integer(let seconds) where D.self == Date.self: return Self.date(Double(seconds)) as! D
        default: break
        }
        return try SQLiteDataDecoder().decode(D.self, from: value.sqliteData)
    }

    /// An id from its 36-character text, without the C library's `sscanf` that `UUID(uuidString:)`
    /// uses; nil for anything else, which the decoder then reports.
    package static func uuid(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            var bytes = (
                UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0),
                UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0)
            )
            let valid = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
                var position = 0
                for byte in 0..<16 {
                    if position == 8 || position == 13 || position == 18 || position == 23 {
                        guard utf8[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = hexValue(utf8[position]), let low = hexValue(utf8[position + 1]) else { return false }
                    out[byte] = high << 4 | low
                    position += 2
                }
                return true
            }
            return valid ? UUID(uuid: bytes) : nil
        }
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// As SQLiteNIO reads a time: rounded to the microsecond.
    package static func date(_ secondsSince1970: Double) -> Date {
        let sinceReference = secondsSince1970 - Date.timeIntervalBetween1970AndReferenceDate
        return Date(timeIntervalSinceReferenceDate: (sinceReference * 1e6).rounded() / 1e6)
    }
}

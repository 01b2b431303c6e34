import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit

/// Decodes one cell: PostgresNIO's own decoding for the types it knows, and through `Decodable`
/// for the rest (Foothold's enums, stored as text).
package struct CellDecoder: Decoder, SingleValueDecodingContainer {
    package let cell: PostgresCell
    package var codingPath: [any CodingKey] { [] }
    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    package func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The types pages read most, without a dynamic cast.
        if T.self == UUID.self { return try cell.decode(UUID.self, context: .default) as! T }
        if T.self == String.self { return try cell.decode(String.self, context: .default) as! T }
        if T.self == Int.self { return try cell.decode(Int.self, context: .default) as! T }
        if T.self == Bool.self { return try cell.decode(Bool.self, context: .default) as! T }
        if T.self == Date.self { return try cell.decode(Date.self, context: .default) as! T }
        if let known = T.self as? any PostgresDecodable.Type {
            return try decodeKnown(known) as! T
        }
        return try T(from: self)
    }

    private func decodeKnown<K: PostgresDecodable>(_ type: K.Type) throws -> K {
        try cell.decode(K.self, context: .default)
    }

    package func decodeNil() -> Bool { cell.bytes == nil }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a column holds one value"))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a column holds one value"))
    }

    package func decode(_ type: Bool.Type) throws -> Bool { try cell.decode(Bool.self, context: .default) }
    package func decode(_ type: String.Type) throws -> String { try cell.decode(String.self, context: .default) }
    package func decode(_ type: Double.Type) throws -> Double { try cell.decode(Double.self, context: .default) }
    package func decode(_ type: Float.Type) throws -> Float { try cell.decode(Float.self, context: .default) }
    package func decode(_ type: Int.Type) throws -> Int { try cell.decode(Int.self, context: .default) }
    package func decode(_ type: Int8.Type) throws -> Int8 { Int8(try cell.decode(Int16.self, context: .default)) }
    package func decode(_ type: Int16.Type) throws -> Int16 { try cell.decode(Int16.self, context: .default) }
    package func decode(_ type: Int32.Type) throws -> Int32 { try cell.decode(Int32.self, context: .default) }
    package func decode(_ type: Int64.Type) throws -> Int64 { try cell.decode(Int64.self, context: .default) }
    package func decode(_ type: UInt.Type) throws -> UInt { UInt(try cell.decode(Int64.self, context: .default)) }
    package func decode(_ type: UInt8.Type) throws -> UInt8 { try cell.decode(UInt8.self, context: .default) }
    package func decode(_ type: UInt16.Type) throws -> UInt16 { UInt16(try cell.decode(Int32.self, context: .default)) }
    package func decode(_ type: UInt32.Type) throws -> UInt32 { UInt32(try cell.decode(Int64.self, context: .default)) }
    package func decode(_ type: UInt64.Type) throws -> UInt64 { UInt64(try cell.decode(Int64.self, context: .default)) }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit
import SQLiteKit
import Vapor

package enum ReadValue: Sendable {
    case null
    case integer(Int)
    case float(Double)
    case text(String)
    case blob([UInt8])

    package var sqliteData: SQLiteData {
        switch self {
        case .null: .null
        case .integer(let number): .integer(number)
        case .float(let number): .float(number)
        case .text(let text): .text(text)
        case .blob(let bytes): .blob(ByteBuffer(bytes: bytes))
        }
    }
}

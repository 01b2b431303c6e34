import Fluent
import FootholdCore
import Foundation
import SQLKit
import SQLiteKit
import Vapor

package struct SQLiteReadError: Error, CustomStringConvertible {
    package let description: String
}

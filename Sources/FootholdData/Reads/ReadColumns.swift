import Fluent
import FootholdCore
import Foundation
import SQLKit
import SQLiteKit
import Vapor

/// The column names of a statement's rows, shared by all of them.
package final class ReadColumns: Sendable {
    package let names: [String]
    package let index: [String: Int]

    package init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (offset, name) in names.enumerated() where index[name] == nil { index[name] = offset }
        self.index = index
    }
}

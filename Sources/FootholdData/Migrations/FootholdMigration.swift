import Fluent
import Foundation

/// A Foothold migration. Fluent knows a migration by its name, and a database records the names of
/// those it has run: one whose name it has not seen runs again. Fluent's default name includes the
/// module, and the migrations moved from FootholdApp to FootholdData (decision 0023), so every
/// migration keeps the name it shipped with.
package protocol FootholdMigration: AsyncMigration {}

extension FootholdMigration {
    package var name: String { "FootholdApp." + String(describing: Self.self) }
}

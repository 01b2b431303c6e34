import Fluent
import SQLKit

extension Database {
    /// The same database as SQLKit sees it: both drivers Foothold runs on are SQL databases.
    package var sql: any SQLDatabase { self as! any SQLDatabase }
}

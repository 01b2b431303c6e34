import Foundation

/// Where Foothold keeps its data: an SQLite file, or a PostgreSQL database.
public enum DatabaseStorage: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String, host: String, port: Int, database: String)

    public var summary: String {
        switch self {
        case .sqlite(let path): "SQLite at \(path)"
        case .postgres(_, let host, let port, let database): "PostgreSQL database \(database) at \(host):\(port)"
        }
    }
}

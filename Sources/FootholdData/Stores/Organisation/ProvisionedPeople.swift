import Fluent
import FootholdCore
import Foundation
import SQLKit

/// People as an identity provider sees them over SCIM: found by id, e-mail address (`userName`),
/// the provider's own id (`externalId`) or name, a page at a time, in the order they were added.
package enum ProvisionedPeople {
    package struct Person: Sendable, Equatable {
        package var id: UUID
        package var email: String
        package var name: String
        package var jobTitle: String
        package var isActive: Bool
        package var externalID: String?
        /// The unit's path, as the import writes it (`Ridgeway/Housing/Lettings`).
        package var unitPath: String?
        package var managerID: UUID?
        package var managerName: String?
        package var createdAt: Date
    }

    private static let select = """
        SELECT p.id, p.email, p.name, p.job_title, p.active, p.external_id, p.created_at, p.manager_id, \
        u.path AS unit_path, m.name AS manager_name \
        FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN people m ON m.id = p.manager_id
        """

    private static func read(_ row: any SQLRow) throws -> Person {
        Person(
            id: try row.decode(column: "id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self), jobTitle: try row.decode(column: "job_title", as: String.self),
            isActive: try row.decode(column: "active", as: Bool.self),
            externalID: try row.decode(column: "external_id", as: String?.self),
            unitPath: try row.decode(column: "unit_path", as: String?.self),
            managerID: try row.decode(column: "manager_id", as: UUID?.self),
            managerName: try row.decode(column: "manager_name", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    package static func person(_ id: UUID, on reads: Reads) async throws -> Person? {
        try await reads.firstRow("\(unsafeRaw: select) WHERE p.id = \(bind: id)").map(read)
    }

    /// The people the conditions find (all of them joined by `and`), `count` from the
    /// `startIndex`-th (1-based), with how many there are in all.
    package static func find(_ conditions: [SCIMFilter.Condition], startIndex: Int, count: Int, on reads: Reads) async throws -> (
        total: Int, people: [Person]
    ) {
        var clauses: [SQLQueryString] = []
        for condition in conditions {
            switch condition.attribute {
            case .id:
                // An id that is not one of ours finds nobody.
                guard let id = UUID(uuidString: condition.value) else { return (0, []) }
                clauses.append("p.id = \(bind: id)")
            case .userName: clauses.append("p.email = \(bind: EmailAddress.normalised(condition.value))")
            case .externalId: clauses.append("p.external_id = \(bind: condition.value)")
            case .displayName: clauses.append("p.name = \(bind: condition.value)")
            }
        }
        let whereClause: SQLQueryString = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let total =
            try await reads.firstRow("SELECT COUNT(*) AS n FROM people p\(whereClause)")?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return (total, []) }
        let people = try await reads.rows(
            """
            \(unsafeRaw: select)\(whereClause) ORDER BY p.created_at, p.id \
            LIMIT \(literal: count) OFFSET \(literal: max(0, startIndex - 1))
            """
        ).map(read)
        return (total, people)
    }
}

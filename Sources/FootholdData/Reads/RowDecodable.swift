import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The pages people open most read with hand-written SQL (decision 0005), straight into plain
/// values: Fluent's query builder and row decoding reflect over every model on every query, which
/// costs close to a millisecond a query; a joined, hand-written query costs a tenth of that.
///
/// Every row is read one way. A value names the Fluent model that declares its table (`Table`),
/// whose fields are the one list of the table's columns (the migrations, which never change once
/// shipped, are checked against it); a query selects them as `alias.column AS alias_column` with
/// `columns(alias)`, so one row can carry several values, and the value reads what it needs from
/// an `AliasedRow`.
package protocol RowDecodable {
    associatedtype Table: Fluent.Model
    /// The table's columns, in the order its model declares them: `columnNames(of: Table.self)`, kept
    /// in a `static let` (a model's keys are found by making one and reflecting over it).
    static var columnNames: [String] { get }
    init(_ row: AliasedRow) throws
}

/// The columns a Fluent model declares, for a `RowDecodable`'s `columnNames`.
package func columnNames<Table: Fluent.Model>(of table: Table.Type) -> [String] { Table.keys.map(\.description) }

extension RowDecodable {
    /// `p.id AS p_id, p.name AS p_name, …`
    package static func columns(_ alias: String) -> String {
        columnNames.map { "\(alias).\($0) AS \(alias)_\($0)" }.joined(separator: ", ")
    }

    /// The same columns as nulls, for the rows of a UNION that carry something else.
    package static func noColumns(_ alias: String) -> String {
        columnNames.map { "NULL AS \(alias)_\($0)" }.joined(separator: ", ")
    }

    package static func read(_ row: any SQLRow, _ alias: String) throws -> Self { try Self(AliasedRow(row, alias)) }

    /// The value, or nil when a LEFT JOIN found none.
    package static func readOptional(_ row: any SQLRow, _ alias: String) throws -> Self? {
        try row.decodeNil(column: "\(alias)_id") ? nil : try read(row, alias)
    }
}

/// Reads one aliased column.
package struct AliasedRow {
    package let row: any SQLRow
    package let alias: String
    package init(_ row: any SQLRow, _ alias: String) { self.row = row; self.alias = alias }

    package func callAsFunction<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try row.decode(column: "\(alias)_\(column)", as: T.self)
    }

    package func optional<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        let name = "\(alias)_\(column)"
        return try row.decodeNil(column: name) ? nil : try row.decode(column: name, as: T.self)
    }

    /// A stored enumeration's case, or a decoding error naming the value.
    package func raw<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        try rawValue(callAsFunction(column, as: String.self))
    }

    /// A stored day, `YYYY-MM-DD`, or a decoding error naming the value.
    package func day(_ column: String) throws -> CalendarDate {
        let text = try callAsFunction(column, as: String.self)
        guard let day = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Not a day: \(text) in \(alias)_\(column)"))
        }
        return day
    }
}

/// A stored enumeration's case, or a decoding error naming the value.
package func rawValue<T: RawRepresentable>(_ raw: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: raw) else {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Unknown \(T.self) \(raw)"))
    }
    return value
}

extension StoredPerson: RowDecodable {
    package typealias Table = PersonModel
    package static let columnNames = FootholdData.columnNames(of: Table.self)

    package init(_ r: AliasedRow) throws {
        self.init(
            id: try r("id"), email: try r("email"), name: try r("name"), jobTitle: try r("job_title"), unitID: try r.optional("unit_id"),
            managerID: try r.optional("manager_id"), isLeadershipTeam: try r("leadership_team"), isHRAdministrator: try r("hr_admin"),
            isActive: try r("active"), createdAt: try r("created_at"), historySharedWithID: try r.optional("history_shared_with_id"),
            historyChoiceManagerID: try r.optional("history_choice_manager_id"))
    }
}

extension StoredUnit: RowDecodable {
    package typealias Table = UnitModel
    package static let columnNames = FootholdData.columnNames(of: Table.self)

    package init(_ r: AliasedRow) throws {
        self.init(
            id: try r("id"), name: try r("name"), path: try r("path"), parentID: try r.optional("parent_id"),
            headID: try r.optional("head_id"),
            createdAt: try r("created_at"), peopleDirect: try r("people_direct"), peopleTotal: try r("people_total"))
    }
}

extension Checkpoint: RowDecodable {
    package typealias Table = CheckpointModel
    package static let columnNames = FootholdData.columnNames(of: Table.self)

    package init(_ r: AliasedRow) throws {
        self.init(
            id: try r("id"), name: try r("name"), opens: try r.day("opens"), closes: try r.day("closes"),
            suggestedMinutes: try r("suggested_minutes"), focus: try r("focus"),
            stage: CheckpointStage(rawValue: try r("stage", as: String.self)) ?? .mid)
    }
}

extension ConversationRecord: RowDecodable {
    package typealias Table = ConversationModel
    package static let columnNames = FootholdData.columnNames(of: Table.self)

    package init(_ r: AliasedRow) throws {
        self.init(
            id: try r("id"), kind: try r.raw("kind"), state: try r.raw("state"), requestedBy: try r.raw("requested_by"),
            withLineManager: try r("with_line_manager"), purpose: try r("purpose"), startsAt: try r.optional("starts_at"),
            minutes: try r("minutes"), place: try r("place"), heldAt: try r.optional("held_at"),
            heldMinutes: try r.optional("held_minutes"),
            declineReason: try r.optional("decline_reason"), returnOn: try r.optional("return_on"), expectations: try r("expectations"),
            summary: try r("summary"), summaryConfirmedAt: try r.optional("summary_confirmed_at"),
            employeePreparationShared: try r("employee_prep_shared"), guidePreparationShared: try r("guide_prep_shared"),
            checkpointID: try r.optional("checkpoint_id"), createdAt: try r("created_at"), updatedAt: try r("updated_at"))
    }
}

extension AgreedAction: RowDecodable {
    package typealias Table = AgreedActionModel
    package static let columnNames = FootholdData.columnNames(of: Table.self)

    /// Straight from a row, with no Fluent model in between: a page of sixty actions spent most of
    /// its time making and dropping models.
    package init(_ r: AliasedRow) throws {
        self.init(
            id: try r("id"), conversationID: try r.optional("conversation_id"), employeeID: try r("employee_id"),
            ownerPersonID: try r.optional("owner_person_id"), createdByID: try r.optional("created_by_id"),
            description: try r("description"), successMeasure: try r("success_measure"), owner: try r.raw("owner"),
            dueOn: try r.optional("due_on"), status: try r.raw("status"), dropReason: try r.optional("drop_reason"),
            confirmedAt: try r.optional("confirmed_at"), goalID: try r.optional("goal_id"),
            forInfluenceObjective: try r("for_influence_objective"), createdAt: try r("created_at"), updatedAt: try r("updated_at"))
    }
}

extension Theme: RowDecodable {
    package typealias Table = ThemeModel
    package static let columnNames = FootholdData.columnNames(of: Table.self)

    package init(_ r: AliasedRow) throws {
        self.init(id: try r("id"), name: try r("name"), position: try r("position"), isActive: try r("active"))
    }
}

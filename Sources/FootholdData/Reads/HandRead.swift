import Fluent
import FootholdCore
import Foundation
import SQLKit

/// The pages people open most read with hand-written SQL and fill models directly. Fluent's query
/// builder and row decoding reflect over every model on every query, which costs close to a
/// millisecond a query; a joined, hand-written query costs a tenth of that (decision 0005).
///
/// Columns are selected as `alias.column AS alias_column`, so one row can carry several models.
/// A model filled this way counts as stored: saving it updates the row.
package protocol HandRead: Model {
    /// The table's columns, as the model declares them: `static let readColumns = columnNames`.
    static var readColumns: [String] { get }
    static func read(_ row: any SQLRow, _ alias: String) throws -> Self
}

extension HandRead {
    /// The columns of the model's fields, in their order, from the model itself: the one list of a
    /// table's columns (the migrations, which never change once shipped, are checked against it).
    package static var columnNames: [String] { keys.map(\.description) }

    /// `p.id AS p_id, p.name AS p_name, …`
    package static func columns(_ alias: String) -> String {
        readColumns.map { "\(alias).\($0) AS \(alias)_\($0)" }.joined(separator: ", ")
    }

    /// The model, or nil when a LEFT JOIN found none.
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
}

extension PersonModel: HandRead {
    package static let readColumns = columnNames

    package static func read(_ row: any SQLRow, _ alias: String) throws -> PersonModel {
        let r = AliasedRow(row, alias)
        let person = PersonModel()
        person.id = try r("id", as: UUID.self)
        person.$id.exists = true
        person.email = try r("email")
        person.name = try r("name")
        person.jobTitle = try r("job_title")
        person.$unit.id = try r.optional("unit_id")
        person.$manager.id = try r.optional("manager_id")
        person.isLeadershipTeam = try r("leadership_team")
        person.isHRAdministrator = try r("hr_admin")
        person.isActive = try r("active")
        person.createdAt = try r("created_at")
        person.historySharedWithID = try r.optional("history_shared_with_id")
        person.historyChoiceManagerID = try r.optional("history_choice_manager_id")
        return person
    }
}

extension UnitModel: HandRead {
    package static let readColumns = columnNames

    package static func read(_ row: any SQLRow, _ alias: String) throws -> UnitModel {
        let r = AliasedRow(row, alias)
        let unit = UnitModel()
        unit.id = try r("id", as: UUID.self)
        unit.$id.exists = true
        unit.name = try r("name")
        unit.path = try r("path")
        unit.$parent.id = try r.optional("parent_id")
        unit.headID = try r.optional("head_id")
        unit.createdAt = try r("created_at")
        unit.peopleDirect = try r("people_direct")
        unit.peopleTotal = try r("people_total")
        return unit
    }
}

extension CheckpointModel: HandRead {
    package static let readColumns = columnNames

    package static func read(_ row: any SQLRow, _ alias: String) throws -> CheckpointModel {
        let r = AliasedRow(row, alias)
        let checkpoint = CheckpointModel()
        checkpoint.id = try r("id", as: UUID.self)
        checkpoint.$id.exists = true
        checkpoint.$careerYear.id = try r("career_year_id")
        checkpoint.name = try r("name")
        checkpoint.opens = try r("opens")
        checkpoint.closes = try r("closes")
        checkpoint.suggestedMinutes = try r("suggested_minutes")
        checkpoint.focus = try r("focus")
        checkpoint.stage = try r("stage")
        return checkpoint
    }
}

extension ConversationModel: HandRead {
    package static let readColumns = columnNames

    package static func read(_ row: any SQLRow, _ alias: String) throws -> ConversationModel {
        let r = AliasedRow(row, alias)
        let c = ConversationModel()
        c.id = try r("id", as: UUID.self)
        c.$id.exists = true
        c.createdAt = try r("created_at")
        c.updatedAt = try r("updated_at")
        c.kind = try rawValue(r("kind"))
        c.state = try rawValue(r("state"))
        c.requestedBy = try rawValue(r("requested_by"))
        c.withLineManager = try r("with_line_manager")
        c.purpose = try r("purpose")
        c.startsAt = try r.optional("starts_at")
        c.minutes = try r("minutes")
        c.place = try r("place")
        c.heldAt = try r.optional("held_at")
        c.heldMinutes = try r.optional("held_minutes")
        c.declineReason = try r.optional("decline_reason")
        c.returnOn = try r.optional("return_on")
        c.expectations = try r("expectations")
        c.summary = try r("summary")
        c.summaryConfirmedAt = try r.optional("summary_confirmed_at")
        c.employeePreparationShared = try r("employee_prep_shared")
        c.guidePreparationShared = try r("guide_prep_shared")
        c.$employee.id = try r("employee_id")
        c.$guide.id = try r("guide_id")
        c.$checkpoint.id = try r.optional("checkpoint_id")
        return c
    }

    /// A conversation with its employee, guide and checkpoint, from a row selected with
    /// `conversationColumns`.
    package static func readWithPeople(_ row: any SQLRow) throws -> ConversationModel {
        let c = try read(row, "c")
        c.$employee.value = try PersonModel.read(row, "e")
        c.$guide.value = try PersonModel.read(row, "g")
        c.$checkpoint.value = .some(try CheckpointModel.readOptional(row, "k"))
        return c
    }

    /// Columns and joins for `readWithPeople`: `SELECT \(withPeople) WHERE …`.
    package static let withPeople = """
        \(columns("c")), \(PersonModel.columns("e")), \(PersonModel.columns("g")), \(CheckpointModel.columns("k")) \
        FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
        LEFT JOIN checkpoints k ON k.id = c.checkpoint_id
        """
}

extension AgreedActionModel: HandRead {
    package static let readColumns = columnNames

    package static func read(_ row: any SQLRow, _ alias: String) throws -> AgreedActionModel {
        let r = AliasedRow(row, alias)
        let action = AgreedActionModel()
        action.id = try r("id", as: UUID.self)
        action.$id.exists = true
        action.createdAt = try r("created_at")
        action.updatedAt = try r("updated_at")
        action.description = try r("description")
        action.successMeasure = try r("success_measure")
        action.owner = try rawValue(r("owner"))
        action.dueOn = try r.optional("due_on")
        action.status = try rawValue(r("status"))
        action.dropReason = try r.optional("drop_reason")
        action.confirmedAt = try r.optional("confirmed_at")
        action.goalID = try r.optional("goal_id")
        action.forInfluenceObjective = try r("for_influence_objective")
        action.$conversation.id = try r.optional("conversation_id")
        action.$employee.id = try r("employee_id")
        action.$ownerPerson.id = try r.optional("owner_person_id")
        action.$createdBy.id = try r.optional("created_by_id")
        return action
    }
}

extension ThemeModel: HandRead {
    package static let readColumns = columnNames

    package static func read(_ row: any SQLRow, _ alias: String) throws -> ThemeModel {
        let r = AliasedRow(row, alias)
        let theme = ThemeModel()
        theme.id = try r("id", as: UUID.self)
        theme.$id.exists = true
        theme.name = try r("name")
        theme.position = try r("position")
        theme.isActive = try r("active")
        return theme
    }
}

/// A stored enumeration's case, or a decoding error naming the value.
package func rawValue<T: RawRepresentable>(_ raw: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: raw) else {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Unknown \(T.self) \(raw)"))
    }
    return value
}

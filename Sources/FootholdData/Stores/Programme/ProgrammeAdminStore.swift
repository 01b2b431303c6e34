import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query of the programme's administration: the career year, checkpoints, themes, the
/// question bank and the audit log. Each change is audited in its own transaction (decision 0013).
package enum ProgrammeAdminStore {
    // MARK: - Career year

    /// Opens a new career year with its checkpoints.
    package static func open(_ year: CareerYear, by actorID: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            try await CareerYears.create(year, on: database, now: now)
            try await AuditLog.record(.careerYearChanged, by: actorID, detail: "opened \(year.label)", at: now, on: database)
        }
    }

    /// A checkpoint and the career year it belongs to, or nil when there is no such checkpoint.
    package static func checkpoint(_ id: UUID, on reads: Reads) async throws -> (checkpoint: Checkpoint, year: CareerYear)? {
        guard let model = try await CheckpointModel.query(on: reads.database).filter(\.$id == id).with(\.$careerYear).first(),
            let year = try await CareerYears.load(startYear: model.careerYear.startYear, on: reads)
        else { return nil }
        return (model.checkpoint, year.year)
    }

    /// Saves a checkpoint already checked against its year (`CheckpointDraft.validated`).
    package static func save(_ checkpoint: Checkpoint, by actorID: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            // Writes before reads (see `ConversationWrites`).
            try await AuditLog.record(
                .careerYearChanged, by: actorID,
                detail: "\(checkpoint.name), \(checkpoint.opens.iso) to \(checkpoint.closes.iso)", at: now, on: database)
            guard let model = try await CheckpointModel.find(checkpoint.id, on: database) else { throw StoreError.notFound }
            model.update(from: checkpoint)
            try await model.save(on: database)
        }
    }

    // MARK: - Themes

    /// Every theme, in the order people see them.
    package static func themes(on database: any Database) async throws -> [Theme] {
        try await database.sql.raw("SELECT \(unsafeRaw: Theme.columns("t")) FROM themes t ORDER BY t.position, t.name").all()
            .map { try Theme.read($0, "t") }
    }

    /// Offers a theme again or retires it; nil when there is no such theme.
    package static func setTheme(_ id: UUID, active: Bool, by actorID: UUID, at now: Date, on database: any Database) async throws -> Bool {
        guard let theme = try await ThemeModel.find(id, on: database) else { return false }
        theme.isActive = active
        try await database.transaction { database in
            try await theme.save(on: database)
            try await AuditLog.record(
                .themesChanged, by: actorID, detail: "\(theme.name) \(active ? "in use" : "no longer offered")", at: now, on: database)
        }
        return true
    }

    /// Adds a theme at the end of the list, in use.
    package static func addTheme(
        _ name: String, id: UUID, position: Int, by actorID: UUID, at now: Date, on database: any Database
    ) async throws {
        let theme = ThemeModel()
        theme.id = id
        theme.name = name
        theme.position = position
        theme.isActive = true
        try await database.transaction { database in
            try await theme.create(on: database)
            try await AuditLog.record(.themesChanged, by: actorID, detail: "added \(name)", at: now, on: database)
        }
    }

    // MARK: - Question bank

    /// Replaces the question bank.
    package static func save(_ bank: QuestionBank, by actorID: UUID, at now: Date, on database: any Database) async throws {
        try await database.transaction { database in
            // Writes before reads (see `ConversationWrites`).
            try await AuditLog.record(.questionBankChanged, by: actorID, at: now, on: database)
            let row = try await QuestionBankModel.query(on: database).first() ?? QuestionBankModel()
            row.document = String(decoding: bank.json(), as: UTF8.self)
            row.updatedAt = now
            try await row.save(on: database)
        }
    }

    // MARK: - Audit log

    /// The person with this (normalised) email address, whoever they are.
    package static func person(email: String, on reads: Reads) async throws -> (id: UUID, name: String)? {
        guard let row = try await reads.firstRow("SELECT id, name FROM people WHERE email = \(bind: email)") else { return nil }
        return (try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self))
    }

    /// A page of the audit log, newest first, with one more line than the page when there is a next
    /// page; only the events about `subject`'s records when given.
    package static func auditEntries(about subject: UUID?, paging: Paging, on reads: Reads) async throws -> [AuditEntry] {
        var query: SQLQueryString = """
            SELECT a.at, a.event, a.detail, actor.name AS actor_name, subject.name AS subject_name, c.kind, \
            CASE WHEN c.employee_id = a.actor_id THEN 1 ELSE 0 END AS actor_is_employee, \
            CASE WHEN subject.manager_id = a.actor_id THEN 1 ELSE 0 END AS actor_is_manager \
            FROM audit_log a LEFT JOIN people actor ON actor.id = a.actor_id LEFT JOIN people subject ON subject.id = a.subject_id \
            LEFT JOIN conversations c ON c.id = a.conversation_id
            """
        if let subject {
            query.appendLiteral(" WHERE a.subject_id = ")
            query.appendInterpolation(bind: subject)
        }
        // In the order of the (at) and (subject_id, at) indexes, so a page reads a page of rows: a
        // tie-break on id made both databases sort every event (the benchmark: 7% of the ceiling).
        query.appendLiteral(" ORDER BY a.at DESC LIMIT ")
        query.appendInterpolation(literal: paging.limitWithOneMore)
        query.appendLiteral(" OFFSET ")
        query.appendInterpolation(literal: paging.offset)
        return try await reads.rows(query).map { row in
            let kind = try row.decodeNil(column: "kind") ? nil : ConversationKind(rawValue: try row.decode(column: "kind", as: String.self))
            let facts = AuditLine.Facts(
                event: try row.decode(column: "event", as: String.self), detail: try row.decode(column: "detail", as: String.self),
                actorName: try row.decodeNil(column: "actor_name") ? nil : try row.decode(column: "actor_name", as: String.self),
                subjectName: try row.decodeNil(column: "subject_name") ? nil : try row.decode(column: "subject_name", as: String.self),
                conversationKind: kind, actorIsEmployee: try row.decode(column: "actor_is_employee", as: Int.self) == 1,
                actorIsLineManager: try row.decode(column: "actor_is_manager", as: Int.self) == 1)
            return AuditEntry(at: try row.decode(column: "at", as: Date.self), line: AuditLine.line(facts))
        }
    }
}

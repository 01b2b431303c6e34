import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Letting people in from the web (decision 0022): invitations and password resets are recorded in
/// the outbox like reminders, without their link; the pass that delivers one makes its single-use
/// link then. HR sees who has not signed in yet and when a link was last sent.
package enum AccountEmails {
    /// What HR sees of someone's account: whether they have set a password, and when the last link
    /// to set one was sent (made by a delivery).
    package struct Standing: Sendable, Equatable {
        package var hasPassword: Bool
        package var lastLinkSent: Date?
    }

    /// The standing of each of these people, in one query.
    package static func standing(of ids: [UUID], on reads: Reads) async throws -> [UUID: Standing] {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: Standing] = [:]
        for row in try await reads.rows(
            """
            SELECT p.id, (SELECT COUNT(*) FROM credentials c WHERE c.person_id = p.id) AS passwords, \
            (SELECT MAX(i.created_at) FROM invitations i WHERE i.person_id = p.id) AS sent \
            FROM people p WHERE p.id IN (\(binds: ids))
            """)
        {
            result[try row.decode(column: "id", as: UUID.self)] = Standing(
                hasPassword: try row.decode(column: "passwords", as: Int.self) > 0,
                lastLinkSent: try row.decode(column: "sent", as: Date?.self))
        }
        return result
    }

    /// Everyone active who has not set a password yet.
    package static func notSignedIn(on reads: Reads) async throws -> [UUID] {
        try await reads.rows(
            """
            SELECT p.id FROM people p WHERE p.active = \(bind: true) \
            AND NOT EXISTS (SELECT 1 FROM credentials c WHERE c.person_id = p.id) ORDER BY p.name, p.id
            """
        ).map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// How many active people have not set a password yet: for the import's result and the
    /// administration overview, not the people list (it counts all 50,000 people).
    package static func notSignedInCount(on reads: Reads) async throws -> Int {
        try await reads.firstRow(
            """
            SELECT COUNT(*) AS waiting FROM people p WHERE p.active = \(bind: true) \
            AND NOT EXISTS (SELECT 1 FROM credentials c WHERE c.person_id = p.id)
            """)?.decode(column: "waiting", as: Int.self) ?? 0
    }

    /// Of these people, those who are active: the only ones a link can be sent to.
    package static func active(_ ids: [UUID], on reads: Reads) async throws -> [UUID] {
        guard !ids.isEmpty else { return [] }
        return try await reads.rows("SELECT id FROM people WHERE active = \(bind: true) AND id IN (\(binds: ids))").map {
            try $0.decode(column: "id", as: UUID.self)
        }
    }

    /// Records an e-mail of `kind` (an invitation or a reset) for each person, each a new one (a
    /// resend is another), and an audit line for each. `by` is who asked: an HR administrator, or
    /// the person themselves for a reset. Returns how many were recorded.
    @discardableResult
    package static func record(
        _ kind: ReminderKind, to people: [UUID], by actor: UUID?, at now: Date, makeID: () -> UUID, on database: any Database
    ) async throws -> Int {
        guard !people.isEmpty else { return 0 }
        let reminders = people.map { person in
            Reminder(
                kind: kind, recipientID: person, subject: "account", occurrence: makeID().uuidString.lowercased(),
                text: kind == .invitation
                    ? "An invitation to Foothold was sent to you by e-mail, with a link to set your password."
                    : "A link to choose a new password was sent to you by e-mail. If you did not ask for it, tell your HR administrator.",
                link: SiteURL.home.path)
        }
        return try await database.transaction { database in
            var recorded = 0
            var start = 0
            while start < reminders.count {
                let batch = Array(reminders[start..<min(start + 200, reminders.count)])
                recorded += try await RemindersStore.record(
                    batch, channels: { _ in [ReminderChannel.email.rawValue] }, at: now, on: database)
                start += batch.count
            }
            for person in people {
                try await AuditLog.record(
                    kind == .invitation ? .invitationSent : .passwordResetSent, by: actor, about: person, at: now, on: database)
            }
            return recorded
        }
    }

    /// What an invitation calls the organisation: its one top unit's name.
    package static func organisationName(on reads: Reads) async throws -> String {
        let tops = try await reads.rows("SELECT name FROM units WHERE parent_id IS NULL LIMIT 2")
        guard tops.count == 1 else { return "Your organisation" }
        return try tops[0].decode(column: "name", as: String.self)
    }

    /// How long the link an e-mail of this kind carries works.
    package static func lifetime(_ kind: ReminderKind) -> TimeInterval {
        kind == .passwordReset ? AccountLink.resetLifetime : AccountLink.invitationLifetime
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// Every query about career plans: the current version, saving, snapshots, and whom it is shown to.
package enum PlanStore {
    /// The plan for the career year that holds `today`: this year's row, or the latest earlier one
    /// carried forward, or an empty plan.
    package static func current(of personID: UUID, today: CalendarDate, now: Date, on reads: Reads) async throws -> StoredPlan {
        let year = try await CareerYears.current(today: today, on: reads, now: now)
        let rows = try await reads.rows(
            """
            SELECT p.career_year_id, p.content, p.updated_at, y.start_year FROM career_plans p \
            JOIN career_years y ON y.id = p.career_year_id WHERE p.person_id = \(bind: personID) \
            AND y.start_year <= \(bind: year.year.startYear) ORDER BY y.start_year DESC LIMIT 1
            """)
        guard let row = rows.first else {
            return StoredPlan(plan: CareerPlan(), careerYearID: year.id, startYear: year.year.startYear, updatedAt: nil)
        }
        let plan = reads.caches.plan(try row.decode(column: "content", as: String.self))
        let sameYear = try row.decode(column: "start_year", as: Int.self) == year.year.startYear
        return StoredPlan(
            plan: plan, careerYearID: year.id, startYear: year.year.startYear,
            updatedAt: sameYear ? try row.decode(column: "updated_at", as: Date.self) : nil)
    }

    /// The person's most recent plan, of any career year; nil when they have none.
    package static func latest(of personID: UUID, on reads: Reads) async throws -> CareerPlan? {
        let row = try await reads.firstRow(
            """
            SELECT p.content FROM career_plans p JOIN career_years y ON y.id = p.career_year_id \
            WHERE p.person_id = \(bind: personID) ORDER BY y.start_year DESC LIMIT 1
            """)
        return try row.map { reads.caches.plan(try $0.decode(column: "content", as: String.self)) }
    }

    /// The development goals of the person's latest plan (no career year is created for this).
    package static func goals(of personID: UUID, today: CalendarDate, on reads: Reads) async throws -> [CareerPlan.Goal] {
        let startYear = CareerYear.startYear(containing: today)
        let row = try await reads.firstRow(
            """
            SELECT p.content FROM career_plans p JOIN career_years y ON y.id = p.career_year_id \
            WHERE p.person_id = \(bind: personID) AND y.start_year <= \(bind: startYear) ORDER BY y.start_year DESC LIMIT 1
            """)
        return try row.map { reads.caches.plan(try $0.decode(column: "content", as: String.self)).goals } ?? []
    }

    /// Saves this year's version. The first save of a career year keeps the plan as it stood
    /// (carried forward from last year, or empty) as the year's starting snapshot.
    package static func save(
        _ plan: CareerPlan, for personID: UUID, in stored: StoredPlan, snapshotID: UUID, planID: UUID, at now: Date,
        on database: any Database
    ) async throws {
        try await database.transaction { database in
            if let existing = try await CareerPlanModel.query(on: database).filter(\.$person.$id == personID)
                .filter(\.$careerYear.$id == stored.careerYearID).first()
            {
                existing.content = plan.document
                existing.updatedAt = now
                try await existing.save(on: database)
            } else {
                let start = PlanSnapshotModel()
                start.id = snapshotID
                start.$person.id = personID
                start.$careerYear.id = stored.careerYearID
                start.takenAt = now
                start.label = "Start of \(CareerYear.label(startYear: stored.startYear))"
                start.content = stored.plan.document
                try await start.create(on: database)
                let model = CareerPlanModel()
                model.id = planID
                model.$person.id = personID
                model.$careerYear.id = stored.careerYearID
                model.content = plan.document
                model.updatedAt = now
                try await model.create(on: database)
            }
            try await AuditLog.record(.planChanged, by: personID, about: personID, at: now, on: database)
        }
    }

    /// Keeps the employee's plan as it stands when a checkpoint conversation is marked held, in
    /// the transaction that marks it, under the checkpoint's career year. Nothing is kept for
    /// someone who has no plan yet.
    package static func snapshotAtHeld(
        conversationID: UUID, employeeID: UUID, checkpoint: Checkpoint, id: UUID, at now: Date, on database: any Database
    ) async throws {
        try await database.sql.raw(
            """
            INSERT INTO plan_snapshots (id, person_id, career_year_id, conversation_id, taken_at, label, content) \
            SELECT \(bind: id), \(bind: employeeID), k.career_year_id, \(bind: conversationID), \(bind: now), \
            \(bind: "\(checkpoint.name) conversation held"), p.content FROM checkpoints k \
            JOIN career_years ky ON ky.id = k.career_year_id JOIN career_plans p ON p.person_id = \(bind: employeeID) \
            JOIN career_years y ON y.id = p.career_year_id AND y.start_year <= ky.start_year \
            WHERE k.id = \(bind: checkpoint.id) ORDER BY y.start_year DESC LIMIT 1
            """
        ).run()
    }

    /// Keeps the plan kept when the conversation was held under `checkpoint` instead; takes it now
    /// when none was kept then.
    package static func relabelSnapshot(
        of conversationID: UUID, employeeID: UUID, checkpoint: Checkpoint, id: UUID, at now: Date, on database: any Database
    ) async throws {
        let kept = try await database.sql.raw(
            """
            UPDATE plan_snapshots SET label = \(bind: "\(checkpoint.name) conversation held"), \
            career_year_id = (SELECT career_year_id FROM checkpoints WHERE id = \(bind: checkpoint.id)) \
            WHERE conversation_id = \(bind: conversationID) RETURNING id
            """
        ).all()
        if kept.isEmpty {
            try await snapshotAtHeld(
                conversationID: conversationID, employeeID: employeeID, checkpoint: checkpoint, id: id, at: now, on: database)
        }
    }

    /// Lets go of the plan kept with a conversation that, it turns out, met no checkpoint.
    package static func removeSnapshot(of conversationID: UUID, on database: any Database) async throws {
        try await database.sql.raw("DELETE FROM plan_snapshots WHERE conversation_id = \(bind: conversationID)").run()
    }

    /// Every snapshot of the person's plan, oldest first.
    package static func snapshots(of personID: UUID, on reads: Reads) async throws -> [PlanSnapshot] {
        try await reads.rows(
            """
            SELECT s.id, s.label, s.taken_at, s.content, y.start_year FROM plan_snapshots s \
            JOIN career_years y ON y.id = s.career_year_id WHERE s.person_id = \(bind: personID) ORDER BY s.taken_at, s.id
            """
        ).map { row in
            PlanSnapshot(
                id: try row.decode(column: "id", as: UUID.self), label: try row.decode(column: "label", as: String.self),
                takenAt: try row.decode(column: "taken_at", as: Date.self), startYear: try row.decode(column: "start_year", as: Int.self),
                plan: reads.caches.plan(try row.decode(column: "content", as: String.self)))
        }
    }

    /// The development goals of `personID`'s latest plan when `viewerID` may read it (the policy
    /// decides), in one query that reads the plan and whether it is shown to the viewer.
    package static func goals(of personID: UUID, readableBy viewerID: UUID, today: CalendarDate, on reads: Reads) async throws
        -> [CareerPlan.Goal]
    {
        let startYear = CareerYear.startYear(containing: today)
        guard
            let row = try await reads.firstRow(
                """
                SELECT p.content, CASE WHEN EXISTS (SELECT 1 FROM plan_shares s WHERE s.person_id = p.person_id \
                AND s.guide_id = \(bind: viewerID)) THEN 1 ELSE 0 END AS shown FROM career_plans p \
                JOIN career_years y ON y.id = p.career_year_id WHERE p.person_id = \(bind: personID) \
                AND y.start_year <= \(bind: startYear) ORDER BY y.start_year DESC LIMIT 1
                """)
        else { return [] }
        let shown = try row.decode(column: "shown", as: Int.self) == 1
        let standing = ConversationAccess.Standing(isOwner: personID == viewerID, isSharedWith: personID != viewerID && shown)
        guard ConversationAccess.allows(standing, .read, .plan) else { return [] }
        return reads.caches.plan(try row.decode(column: "content", as: String.self)).goals
    }

    /// Whether `viewerID` may read `personID`'s plan: their own, or shown to them (the policy decides).
    package static func mayRead(planOf personID: UUID, viewerID: UUID, on reads: Reads) async throws -> Bool {
        let shared =
            personID == viewerID
            ? false
            : try await reads.firstRow(
                "SELECT 1 AS found FROM plan_shares WHERE person_id = \(bind: personID) AND guide_id = \(bind: viewerID) LIMIT 1") != nil
        return ConversationAccess.allows(.init(isOwner: personID == viewerID, isSharedWith: shared), .read, .plan)
    }

    /// The people the person could show their plan to: their line manager, and everyone they have
    /// had or arranged a conversation with as guide; with whether each is shown it now.
    package static func guides(of personID: UUID, on reads: Reads) async throws -> [PlanGuide] {
        // The candidates come from three indexed reads (the person's row, their conversations, their
        // shares), so no table is scanned whatever its size.
        let rows = try await reads.rows(
            """
            SELECT g.id, g.name, MAX(x.is_manager) AS is_manager, MAX(CASE WHEN s.id IS NULL THEN 0 ELSE 1 END) AS shown FROM ( \
            SELECT manager_id AS id, 1 AS is_manager FROM people WHERE id = \(bind: personID) AND manager_id IS NOT NULL \
            UNION ALL SELECT guide_id, 0 FROM conversations WHERE employee_id = \(bind: personID) \
            UNION ALL SELECT guide_id, 0 FROM plan_shares WHERE person_id = \(bind: personID)) x \
            JOIN people g ON g.id = x.id LEFT JOIN plan_shares s ON s.person_id = \(bind: personID) AND s.guide_id = g.id \
            WHERE g.id <> \(bind: personID) GROUP BY g.id, g.name ORDER BY is_manager DESC, g.name
            """)
        return try rows.map { row in
            PlanGuide(
                id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                relation: try row.decode(column: "is_manager", as: Int.self) == 1 ? "Your line manager" : "You have talked with them",
                shown: try row.decode(column: "shown", as: Int.self) == 1)
        }
    }

    /// Records that a guide read a plan shown to them (never what it said).
    package static func auditRead(by viewerID: UUID, planOf personID: UUID, at now: Date, on database: any Database) async throws {
        try await AuditLog.record(.planViewed, by: viewerID, about: personID, at: now, on: database)
    }

    /// Shows the plan to exactly `guideIDs` (among the person's guides), and audits the change.
    package static func show(
        to guideIDs: Set<UUID>, planOf personID: UUID, makeID: @escaping @Sendable () -> UUID, at now: Date, on database: any Database
    )
        async throws
    {
        try await database.transaction { database in
            try await PlanShareModel.query(on: database).filter(\.$person.$id == personID).delete()
            for guideID in guideIDs.sorted(by: { $0.uuidString < $1.uuidString }) {
                let share = PlanShareModel()
                share.id = makeID()
                share.$person.id = personID
                share.$guide.id = guideID
                share.createdAt = now
                try await share.create(on: database)
            }
            try await AuditLog.record(
                .planSharingChanged, by: personID, about: personID, detail: "shown to \(guideIDs.count)", at: now, on: database)
        }
    }
}

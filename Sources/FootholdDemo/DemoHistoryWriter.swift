import FootholdCore
import FootholdData
import Foundation

/// Writes demo conversation history in batches, inside one transaction per kind of row.
enum DemoHistoryWriter {
    /// The conversation columns a bulk write fills, in the order of each row's values.
    static let conversationColumns = [
        "id", "kind", "state", "requested_by", "employee_id", "guide_id", "checkpoint_id", "with_line_manager", "purpose",
        "starts_at", "minutes", "place", "held_at", "held_minutes", "expectations", "summary", "summary_confirmed_at",
        "employee_prep_shared", "guide_prep_shared", "created_at", "updated_at",
    ]

    /// Writes the year's history; the ids its conversations were given, in its order.
    @discardableResult
    static func write(
        _ history: DemoHistory, people: [UUID], managers: [UUID?], themes: [UUID], careerYearID: UUID, on database: WritableDatabase,
        now: Date, ids newID: inout OrderedIDs
    ) async throws -> [UUID] {
        let ids = history.conversations.map { _ in newID.next() }
        // Everything below is written in the order of its ids, so each primary key and unique index
        // grows at its end instead of at random places all over the file.
        var preparations: [(UUID, UUID, ConversationSide, String)] = []
        var links: [(UUID, UUID, UUID)] = []
        var actions: [(UUID, UUID, UUID, UUID, DemoHistory.Action, Date)] = []
        var notes: [(UUID, UUID, UUID, String, Date)] = []
        var progress: [(UUID, UUID, UUID, String, Date)] = []
        var snapshots: [(UUID, UUID, UUID, String, String, Date)] = []
        var reflections: [(UUID, UUID, UUID, String, Date)] = []
        for (id, c) in zip(ids, history.conversations) {
            if !c.employeePreparation.isEmpty {
                preparations.append((newID.next(), id, .employee, ConversationStore.encode(PreparationAnswers(c.employeePreparation))))
            }
            if !c.guidePreparation.isEmpty {
                preparations.append((newID.next(), id, .guide, ConversationStore.encode(PreparationAnswers(c.guidePreparation))))
            }
            for theme in c.themes where theme < themes.count { links.append((newID.next(), id, themes[theme])) }
            for action in c.actions {
                let actionID = newID.next(), at = c.heldAt ?? c.createdAt
                actions.append((actionID, id, people[c.employee], people[c.guide], action, at))
                for note in action.notes {
                    progress.append(
                        (
                            newID.next(), actionID, people[note.byEmployee ? c.employee : c.guide], note.text,
                            min(now, at.addingTimeInterval(Double(note.daysAfter) * 86_400))
                        ))
                }
            }
            if let plan = c.planSnapshot, let heldAt = c.heldAt {
                snapshots.append((newID.next(), people[c.employee], id, c.planSnapshotLabel, plan.document, heldAt))
            }
            if let reflection = c.reflection {
                reflections.append((newID.next(), id, people[c.employee], reflection.document, c.heldAt ?? c.createdAt))
            }
            if !c.employeeNote.isEmpty { notes.append((newID.next(), id, people[c.employee], c.employeeNote, c.heldAt ?? c.createdAt)) }
            if !c.guideNote.isEmpty { notes.append((newID.next(), id, people[c.guide], c.guideNote, c.heldAt ?? c.createdAt)) }
        }
        let (preparationRows, linkRows, actionRows, noteRows) = (preparations, links, actions, notes)
        let followUp = followUpRows(
            history, people: people, managers: managers, careerYearID: careerYearID, progress: progress, snapshots: snapshots,
            reflections: reflections, now: now, ids: &newID)
        let conversations: [BulkRows] = [
            BulkRows(
                into: ConversationModel.schema,
                columns: conversationColumns,
                count: ids.count,
                row: { index in
                    let id = ids[index], c = history.conversations[index]
                    return [
                        .uuid(id), .text(c.kind.rawValue), .text(c.state.rawValue), .text(c.requestedBy.rawValue),
                        .uuid(people[c.employee]), .uuid(people[c.guide]), .uuid(c.checkpoint), .bool(c.withLineManager), .text(c.purpose),
                        .date(c.startsAt), .int(c.minutes), .text(c.place), .date(c.heldAt), .int(c.heldAt == nil ? nil : c.minutes),
                        .text(c.expectations), .text(c.summary), .date(c.summaryConfirmed ? c.heldAt : nil),
                        .bool(c.employeePreparationShared), .bool(false), .date(c.createdAt), .date(c.heldAt ?? c.createdAt),
                    ]
                })
        ]
        let conversationDetails: [BulkRows] =
            [
                BulkRows(
                    into: PreparationModel.schema, columns: ["id", "conversation_id", "side", "answers", "updated_at"],
                    count: preparationRows.count,
                    row: { index in
                        let (row, id, side, answers) = preparationRows[index]
                        return [.uuid(row), .uuid(id), .text(side.rawValue), .text(answers), .date(now)]
                    }),
                BulkRows(
                    into: ConversationThemeModel.schema, columns: ["id", "conversation_id", "theme_id"],
                    count: linkRows.count,
                    row: { index in [.uuid(linkRows[index].0), .uuid(linkRows[index].1), .uuid(linkRows[index].2)] }),
                BulkRows(
                    into: AgreedActionModel.schema,
                    columns: [
                        "id", "conversation_id", "employee_id", "description", "success_measure", "owner", "due_on", "status",
                        "drop_reason",
                        "confirmed_at", "goal_id", "for_influence_objective", "created_at", "updated_at", "guide_id",
                    ],
                    count: actionRows.count,
                    row: { index in
                        let (row, conversation, employee, guide, action, at) = actionRows[index]
                        return [
                            .uuid(row), .uuid(conversation), .uuid(employee), .text(action.description), .text(action.successMeasure),
                            .text(action.owner), .text(action.dueOn?.iso), .text(action.status.rawValue), .text(action.dropReason),
                            .date(action.owner != "employee" && action.confirmed ? at : nil), .uuid(action.goal), .bool(false), .date(at),
                            .date(at), .uuid(guide),
                        ]
                    }),
                BulkRows(
                    into: PrivateNoteModel.schema, columns: ["id", "conversation_id", "author_id", "body", "updated_at"],
                    count: noteRows.count,
                    row: { index in
                        let (row, conversation, author, body, at) = noteRows[index]
                        return [.uuid(row), .uuid(conversation), .uuid(author), .text(body), .date(at)]
                    }),
            ] + followUp
        // The conversations go in over one connection while their preparations, themes, actions and
        // what follows go in over a second, on PostgreSQL (`BulkWrites.write`).
        try await BulkWrites.write([conversations, conversationDetails], on: database)
        return ids
    }

    /// A year's notices and theme reports (`DemoMonitoring`), after its conversations.
    static func writeMonitoring(
        _ monitoring: DemoMonitoring, conversationIDs: [UUID], people: [UUID], unitOf: [UUID], themes: [UUID],
        on database: WritableDatabase,
        now: Date, ids newID: inout OrderedIDs
    ) async throws {
        let reportIDs = monitoring.reports.map { _ in newID.next() }
        var counts: [(UUID, UUID, UUID, Int)] = []
        for (id, report) in zip(reportIDs, monitoring.reports) {
            for (theme, count) in report.counts.sorted(by: { $0.key < $1.key }) where theme < themes.count && count > 0 {
                counts.append((newID.next(), id, themes[theme], count))
            }
        }
        let noticeIDs = monitoring.notices.map { _ in newID.next() }
        let countRows = counts
        try await BulkWrites.write(
            [
                [
                    BulkRows(
                        into: ThemeReportModel.schema,
                        columns: ["id", "manager_id", "unit_id", "checkpoint_id", "people", "note", "submitted_at"],
                        count: reportIDs.count,
                        row: { index in
                            let report = monitoring.reports[index]
                            return [
                                .uuid(reportIDs[index]), .uuid(people[report.manager]), .uuid(unitOf[report.manager]),
                                .uuid(report.checkpoint),
                                .int(report.people), .text(report.note), .date(min(report.submittedAt, now)),
                            ]
                        }),
                    BulkRows(
                        into: ThemeReportCountModel.schema, columns: ["id", "report_id", "theme_id", "people"], count: countRows.count,
                        row: { index in
                            let (id, report, theme, count) = countRows[index]
                            return [.uuid(id), .uuid(report), .uuid(theme), .int(count)]
                        }),
                    BulkRows(
                        into: NoticeModel.schema,
                        columns: [
                            "id", "recipient_id", "conversation_id", "employee_id", "guide_id", "checkpoint_id", "held_at", "created_at",
                        ],
                        count: noticeIDs.count,
                        row: { index in
                            let notice = monitoring.notices[index]
                            return [
                                .uuid(noticeIDs[index]), .uuid(people[notice.recipient]), .uuid(conversationIDs[notice.conversation]),
                                .uuid(people[notice.employee]), .uuid(people[notice.guide]), .uuid(notice.checkpoint), .date(notice.heldAt),
                                .date(notice.heldAt),
                            ]
                        }),
                ]
            ], on: database)
    }

    /// What follows the conversations: progress notes, plans with their snapshots and who they are
    /// shown to, journal entries and reflections, written with the details (after the actions and
    /// conversations they refer to).
    static func followUpRows(
        _ history: DemoHistory, people: [UUID], managers: [UUID?], careerYearID: UUID, progress: [(UUID, UUID, UUID, String, Date)],
        snapshots: [(UUID, UUID, UUID, String, String, Date)], reflections: [(UUID, UUID, UUID, String, Date)], now: Date,
        ids newID: inout OrderedIDs
    ) -> [BulkRows] {
        var plans: [[BulkValue]] = [], starts: [[BulkValue]] = [], planShares: [[BulkValue]] = []
        for plan in history.plans {
            let person = people[plan.employee]
            plans.append([.uuid(newID.next()), .uuid(person), .uuid(careerYearID), .text(plan.current.document), .date(plan.updatedAt)])
            starts.append([
                .uuid(newID.next()), .uuid(person), .uuid(careerYearID), .uuid(nil), .text(plan.startLabel),
                .text(plan.start.document), .date(plan.startAt),
            ])
            if let manager = managers[plan.employee], plan.employee % 2 == 0 {
                planShares.append([.uuid(newID.next()), .uuid(person), .uuid(manager), .date(plan.updatedAt)])
            }
        }
        var entries: [[BulkValue]] = [], entryShares: [[BulkValue]] = []
        for line in history.journal {
            let id = newID.next(), at = line.writtenOn.start(in: TimeZone(identifier: "UTC")!).addingTimeInterval(17 * 3600)
            entries.append([
                .uuid(id), .uuid(people[line.employee]), .uuid(nil), .uuid(nil), .text(line.writtenOn.iso),
                .text(line.isAccomplishment ? "accomplishment" : "challenge"), .text(line.text), .date(at), .date(at),
            ])
            if line.shownToManager, let manager = managers[line.employee] {
                entryShares.append([.uuid(newID.next()), .uuid(id), .uuid(manager)])
            }
        }
        let snapshotRows =
            starts
            + snapshots.map { id, person, conversation, label, content, at in
                [.uuid(id), .uuid(person), .uuid(careerYearID), .uuid(conversation), .text(label), .text(content), .date(at)]
            }
        let (planRows, shareRows, entryRows, entryShareRows) = (plans, planShares, entries, entryShares)
        return [
            BulkRows(
                into: ActionNoteModel.schema, columns: ["id", "action_id", "author_id", "body", "created_at"], count: progress.count,
                row: { index in
                    let (id, action, author, body, at) = progress[index]
                    return [.uuid(id), .uuid(action), .uuid(author), .text(body), .date(at)]
                }),
            BulkRows(
                into: CareerPlanModel.schema, columns: ["id", "person_id", "career_year_id", "content", "updated_at"], rows: planRows),
            BulkRows(
                into: PlanSnapshotModel.schema,
                columns: ["id", "person_id", "career_year_id", "conversation_id", "label", "content", "taken_at"], rows: snapshotRows),
            BulkRows(
                into: PlanShareModel.schema, columns: ["id", "person_id", "guide_id", "created_at"], rows: shareRows),
            BulkRows(
                into: JournalEntryModel.schema,
                columns: ["id", "person_id", "action_id", "goal_id", "written_on", "kind", "body", "created_at", "updated_at"],
                rows: entryRows),
            BulkRows(
                into: JournalShareModel.schema, columns: ["id", "entry_id", "guide_id"], rows: entryShareRows),
            BulkRows(
                into: ReflectionModel.schema, columns: ["id", "conversation_id", "person_id", "content", "updated_at"],
                count: reflections.count,
                row: { index in
                    let (id, conversation, person, content, at) = reflections[index]
                    return [.uuid(id), .uuid(conversation), .uuid(person), .text(content), .date(at)]
                }),
        ]
    }
}

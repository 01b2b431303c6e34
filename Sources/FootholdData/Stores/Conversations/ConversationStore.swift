import Fluent
import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

package enum ConversationStore {
    /// A conversation with its employee, guide and checkpoint: `SELECT \(withPeople) WHERE …`.
    private static let withPeople = """
        \(ConversationRecord.columns("c")), \(StoredPerson.columns("e")), \(StoredPerson.columns("g")), \(Checkpoint.columns("k")) \
        FROM conversations c JOIN people e ON e.id = c.employee_id JOIN people g ON g.id = c.guide_id \
        LEFT JOIN checkpoints k ON k.id = c.checkpoint_id
        """

    /// Loads a conversation for `viewerID`. Someone who may not know it exists gets "not found",
    /// so a 404 reveals nothing either.
    package static func load(_ id: UUID, for viewer: Viewer, on reads: Reads) async throws -> ConversationForViewer {
        let query: SQLQueryString = "SELECT \(unsafeRaw: withPeople) WHERE c.id = \(bind: id)"
        guard let row = try await reads.firstRow(query) else { throw StoreError.notFound }
        let conversation = try ConversationRecord.read(row, "c")
        let employeeRow = try StoredPerson.read(row, "e")
        let employee = employeeRow.conversationPerson, guide = try StoredPerson.read(row, "g").conversationPerson
        var access = ConversationAccess.Viewer(
            isEmployee: employee.id == viewer.personID,
            isGuide: guide.id == viewer.personID,
            isLineManager: employee.managerID == viewer.personID,
            isLeadershipTeam: viewer.isLeadershipTeam,
            isHRAdministrator: viewer.isHRAdministrator)
        if !access.isEmployee && !access.isGuide && !access.isLineManager {
            access.isDirector = try await isDirector(viewer.personID, over: employeeRow, on: reads)
        }
        let sharing = ConversationAccess.Sharing(
            kind: conversation.kind,
            employeePreparationShared: conversation.employeePreparationShared,
            guidePreparationShared: conversation.guidePreparationShared,
            employeeSharesHistoryWithManager: HistoryConsent.applies(
                sharedWith: employee.historySharedWithID, manager: employee.managerID))
        let record = ConversationForViewer(
            conversation: conversation, employee: employee, guide: guide, checkpoint: try Checkpoint.readOptional(row, "k"),
            viewerID: viewer.personID, access: access, sharing: sharing)
        guard record.allows(.occurrence) else { throw Refusal.hidden }
        return record
    }

    /// Conversations asked for or arranged that the person is in, either side: one query on the
    /// (person, state) indexes.
    package static func open(for personID: UUID, on reads: Reads) async throws -> [ConversationLine] {
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: ConversationLine.columns) WHERE c.id IN (SELECT id FROM conversations WHERE employee_id = \(bind: personID) \
            AND state IN (\(bind: ConversationState.requested.rawValue), \(bind: ConversationState.scheduled.rawValue)) \
            UNION ALL SELECT id FROM conversations WHERE guide_id = \(bind: personID) \
            AND state IN (\(bind: ConversationState.requested.rawValue), \(bind: ConversationState.scheduled.rawValue)))
            """
        return try await reads.rows(query).map(ConversationLine.init)
    }

    /// Conversations the person was in that are over (held, declined or cancelled), most recent
    /// first, a page at a time: one query, which picks the page's conversations first and only
    /// then looks up names for them (a guide of many had every conversation joined to three
    /// tables, to keep 26).
    package static func earlier(for personID: UUID, page: Int, size: Int, on reads: Reads) async throws -> (
        items: [ConversationLine], hasNext: Bool
    ) {
        let paging = Paging(number: page, size: size)
        let (requested, scheduled) = (ConversationState.requested.rawValue, ConversationState.scheduled.rawValue)
        let query: SQLQueryString = """
            SELECT \(unsafeRaw: ConversationLine.columns) \
            JOIN (SELECT id, COALESCE(held_at, starts_at, updated_at) AS happened FROM conversations \
            WHERE employee_id = \(bind: personID) AND state NOT IN (\(bind: requested), \(bind: scheduled)) \
            UNION SELECT id, COALESCE(held_at, starts_at, updated_at) AS happened FROM conversations \
            WHERE guide_id = \(bind: personID) AND state NOT IN (\(bind: requested), \(bind: scheduled)) \
            ORDER BY happened DESC, id LIMIT \(literal: paging.limitWithOneMore) OFFSET \(literal: paging.offset)) AS page \
            ON page.id = c.id \
            ORDER BY page.happened DESC, c.id
            """
        let rows = try await reads.rows(query).map(ConversationLine.init)
        return (Array(rows.prefix(paging.size)), rows.count > paging.size)
    }

    /// Whether the person heads the employee's unit or a unit above it (`Directorship`).
    package static func isDirector(_ personID: UUID, over employee: StoredPerson, on reads: Reads) async throws -> Bool {
        guard let unitID = employee.unitID else { return false }
        return Directorship.isDirector(personID, heads: try await OrganisationStore.headsAbove(unit: unitID, on: reads).map(\.id))
    }

    /// Records that `actorID` read or changed a conversation, in the transaction of the change.
    /// What it says is never logged.
    package static func audit(_ event: String, conversation: UUID, by actorID: UUID, at: Date, on database: any Database) async throws {
        try await database.sql.raw(
            """
            INSERT INTO audit_log (id, at, actor_id, event, conversation_id, subject_id, detail) \
            SELECT \(bind: UUID()), \(bind: at), \(bind: actorID), \(bind: event), id, employee_id, '' FROM conversations WHERE id = \(bind: conversation)
            """
        ).run()
    }

    /// The question bank in use and the preparation answers of the sides asked for, in one query
    /// (the pages that show a preparation show its questions too). A side the caller may not read
    /// is not asked for; a side with no answers yet has empty ones.
    package static func questionBankAndPreparations(
        of conversationID: UUID, sides: [ConversationSide],
        on reads: Reads
    ) async throws -> (bank: QuestionBank, answers: [ConversationSide: PreparationAnswers]) {
        guard !sides.isEmpty else { return (try await questionBank(on: reads), [:]) }
        var query: SQLQueryString = "SELECT side, answers FROM preparations WHERE conversation_id = \(bind: conversationID) AND side IN ("
        query.appendInterpolation(binds: sides.map(\.rawValue))
        query.appendLiteral(") UNION ALL SELECT '' AS side, document AS answers FROM (SELECT document FROM question_banks LIMIT 1) bank")
        var answers: [ConversationSide: PreparationAnswers] = [:]
        for side in sides { answers[side] = PreparationAnswers() }
        var bank = QuestionBank.standard
        for row in try await reads.rows(query) {
            let side = try row.decode(column: "side", as: String.self), text = try row.decode(column: "answers", as: String.self)
            if side.isEmpty {
                bank = reads.caches.questionBanks.bank(document: text)
            } else {
                answers[try rawValue(side)] = decode(text)
            }
        }
        return (bank, answers)
    }

    package static func decode(_ json: String) -> PreparationAnswers {
        let raw = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        return PreparationAnswers(
            Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in PreparationField(rawValue: key).map { ($0, value) } }))
    }

    /// The answers as a JSON object with its keys in order; written by hand because the demo writes
    /// hundreds of thousands of these.
    package static func encode(_ answers: PreparationAnswers) -> String {
        var json = "{"
        for (index, (key, value)) in answers.answers.map({ ($0.key.rawValue, $0.value) }).sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { json += "," }
            json += jsonString(key) + ":" + jsonString(value)
        }
        return json + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped. Works on the
    /// UTF-8 bytes: every byte that needs escaping is ASCII, so multi-byte characters pass whole.
    package static func jsonString(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            out.append(UInt8(ascii: "\""))
            let hex = Array("0123456789abcdef".utf8)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0F)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: - What a conversation leaves behind

    /// What the two people in a conversation agreed before (`ConversationHistory`). Two queries,
    /// whatever the length of the history. With `withOwnActions`, the actions of this
    /// conversation come in the same query as the open ones from before.
    package static func history(
        of record: ConversationForViewer, on reads: Reads, limit: Int = 5,
        withOwnActions: Bool = false
    ) async throws -> ConversationHistory {
        precondition(record.allows(.sharedSummary) && record.allows(.actions), "only the two people in a conversation read its history")
        let employeeID = record.employee.id, guideID = record.guide.id
        let earlier = try await reads.rows(
            """
            SELECT c.id, c.held_at, c.kind, c.summary, k.name AS checkpoint_name FROM conversations c \
            LEFT JOIN checkpoints k ON k.id = c.checkpoint_id \
            WHERE c.employee_id = \(bind: employeeID) AND c.guide_id = \(bind: guideID) \
            AND c.state = \(bind: ConversationState.held.rawValue) \
            AND c.id <> \(bind: record.id) AND c.held_at IS NOT NULL ORDER BY c.held_at DESC, c.id DESC LIMIT \(literal: limit)
            """
        ).map { row in
            let kind: ConversationKind = try rawValue(row.decode(column: "kind", as: String.self))
            let checkpoint = try row.decodeNil(column: "checkpoint_name") ? nil : try row.decode(column: "checkpoint_name", as: String.self)
            return ConversationHistory.Earlier(
                id: try row.decode(column: "id", as: UUID.self), heldAt: try row.decode(column: "held_at", as: Date.self),
                title: checkpoint ?? kind.title, summary: try row.decode(column: "summary", as: String.self))
        }
        var actions: SQLQueryString = "SELECT \(unsafeRaw: ActionLine.columns) WHERE "
        if withOwnActions { actions += "a.conversation_id = \(bind: record.id) OR " }
        actions += """
            (a.employee_id = \(bind: employeeID) AND a.guide_id = \(bind: guideID) \
            AND a.status IN (\(bind: ActionStatus.open.rawValue), \(bind: ActionStatus.inProgress.rawValue)) \
            AND a.conversation_id <> \(bind: record.id)) ORDER BY a.created_at, a.id
            """
        let all = try await reads.rows(actions).map { try ActionLine($0, caches: reads.caches) }
        return ConversationHistory(
            earlier: earlier,
            openActions: all.filter { $0.action.conversationID != record.id },
            ownActions: all.filter { $0.action.conversationID == record.id })
    }

    /// The themes the record page offers — the active ones, and any retired theme this conversation
    /// was tagged with — which of them it is tagged with, and the viewer's own private notes.
    /// The notes come as one more row with no theme, and so does the employee's latest career plan
    /// with whether it is shown to the viewer, for the goals an action can serve (returned only
    /// when the access policy lets the viewer read the plan): all of it is one round trip. The
    /// caller has checked the viewer may read both (`.sharedSummary` and their side's notes).
    package static func themesAndOwnNotes(
        of record: ConversationForViewer, today: CalendarDate, on reads: Reads
    ) async throws -> (themes: [Theme], chosen: Set<UUID>, notes: String, goals: [CareerPlan.Goal]) {
        let employeeID = record.employee.id, viewerID = record.viewerID
        let rows = try await reads.rows(
            """
            SELECT \(unsafeRaw: Theme.columns("t")), ct.id AS chosen, NULL AS document, \(literal: Part.theme.rawValue) AS part, \
            0 AS shown FROM themes t \
            LEFT JOIN conversation_themes ct ON ct.theme_id = t.id AND ct.conversation_id = \(bind: record.id) \
            WHERE t.active = \(bind: true) OR ct.id IS NOT NULL \
            UNION ALL SELECT \(unsafeRaw: noTheme), NULL, body, \(literal: Part.notes.rawValue), 0 FROM private_notes \
            WHERE conversation_id = \(bind: record.id) AND author_id = \(bind: viewerID) \
            UNION ALL SELECT \(unsafeRaw: noTheme), NULL, x.content, \(literal: Part.plan.rawValue), x.shown FROM (SELECT p.content, \
            CASE WHEN EXISTS (SELECT 1 FROM plan_shares s WHERE s.person_id = p.person_id AND s.guide_id = \(bind: viewerID)) \
            THEN 1 ELSE 0 END AS shown FROM career_plans p JOIN career_years y ON y.id = p.career_year_id \
            WHERE p.person_id = \(bind: employeeID) AND y.start_year <= \(bind: CareerYear.startYear(containing: today)) \
            ORDER BY y.start_year DESC LIMIT 1) x \
            ORDER BY t_position, t_name
            """)
        var themes: [Theme] = [], chosen: Set<UUID> = [], notes = "", goals: [CareerPlan.Goal] = []
        for row in rows {
            let text = try row.decode(column: "part", as: String.self)
            switch Part(rawValue: text) {
            case .notes:
                notes = try row.decode(column: "document", as: String.self)
            case .plan:
                let shown = try row.decode(column: "shown", as: Int.self) == 1
                let standing = ConversationAccess.Standing(isOwner: employeeID == viewerID, isSharedWith: employeeID != viewerID && shown)
                if ConversationAccess.allows(standing, .read, .plan) {
                    goals = reads.caches.plan(try row.decode(column: "document", as: String.self)).goals
                }
            case .theme:
                let theme = try Theme.read(row, "t")
                themes.append(theme)
                if try !row.decodeNil(column: "chosen") { chosen.insert(theme.id) }
            case nil:
                throw StoreError.unexpectedRow("the record page's themes and notes")
            }
        }
        return (themes, chosen, notes, goals)
    }

    /// The kinds of row `themesAndOwnNotes` reads in one UNION: a theme, or, in the `document`
    /// column, the viewer's private notes or the employee's plan as stored.
    private enum Part: String {
        case theme, plan
        case notes = "note"
    }

    /// Empty theme columns, for the rows that carry the viewer's notes and the plan.
    private static let noTheme = Theme.noColumns("t")

    /// Whether the two people in this conversation have held another one before.
    package static func heldBefore(_ record: ConversationForViewer, on reads: Reads) async throws -> Bool {
        try await reads.firstRow(
            """
            SELECT 1 AS found FROM conversations WHERE employee_id = \(bind: record.employee.id) AND guide_id = \(bind: record.guide.id) \
            AND state = \(bind: ConversationState.held.rawValue) AND id <> \(bind: record.id) LIMIT 1
            """) != nil
    }

    /// The names of the themes a conversation is tagged with, in order, and the actions agreed in
    /// it, oldest first. The caller has checked the viewer may read both.
    package static func themesAndActions(of conversationID: UUID, on reads: Reads) async throws -> (
        themes: [String], actions: [AgreedAction]
    ) {
        let themes = try await reads.rows(
            """
            SELECT t.name FROM conversation_themes ct JOIN themes t ON t.id = ct.theme_id \
            WHERE ct.conversation_id = \(bind: conversationID)
            """
        ).map { try $0.decode(column: "name", as: String.self) }.sorted()
        let actions = try await reads.rows(
            """
            SELECT \(unsafeRaw: AgreedAction.columns("a")) FROM agreed_actions a \
            WHERE a.conversation_id = \(bind: conversationID) ORDER BY a.created_at, a.id
            """
        ).map { try AgreedAction.read($0, "a") }
        return (themes, actions)
    }

    /// The ids of the themes on offer now.
    /// The themes a conversation's record may be tagged with (`ThemeChoice`): the active ones and
    /// those it already carries. One query.
    package static func offeredThemeIDs(of conversationID: UUID, on reads: Reads) async throws -> Set<UUID> {
        let rows = try await reads.rows(
            """
            SELECT id, 1 AS active FROM themes WHERE active = \(bind: true) \
            UNION ALL SELECT theme_id, 0 FROM conversation_themes WHERE conversation_id = \(bind: conversationID)
            """)
        var active = Set<UUID>(), tagged = Set<UUID>()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if try row.decode(column: "active", as: Int.self) == 1 { active.insert(id) } else { tagged.insert(id) }
        }
        return ThemeChoice.offered(active: active, alreadyTagged: tagged)
    }

    /// The question bank in use, parsed once for each version of the document.
    package static func questionBank(on reads: Reads) async throws -> QuestionBank {
        guard let row = try await reads.firstRow("SELECT document FROM question_banks LIMIT 1") else { return .standard }
        return reads.caches.questionBanks.bank(document: try row.decode(column: "document", as: String.self))
    }
}

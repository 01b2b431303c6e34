import Fluent
import FootholdCore
import Foundation
import SQLKit

/// What two people agreed before: the summaries of their earlier conversations and the actions
/// still open. Both sides may read these (the access policy's shared summary and actions).
struct ConversationHistory {
    struct Earlier {
        var id: UUID
        var heldAt: Date
        var title: String
        var summary: String
    }

    var earlier: [Earlier]
    var openActions: [AgreedActionModel]
    /// The actions agreed in this conversation itself, when asked for (`withOwnActions`).
    var ownActions: [AgreedActionModel] = []

    /// Two queries, whatever the length of the history. With `withOwnActions`, the actions of this
    /// conversation come in the same query as the open ones from before.
    static func load(
        _ record: ConversationForViewer, on reads: Reads, limit: Int = 5,
        withOwnActions: Bool = false
    ) async throws -> ConversationHistory {
        precondition(record.allows(.sharedSummary) && record.allows(.actions), "only the two people in a conversation read its history")
        let employeeID = record.employee.id!, guideID = record.guide.id!
        let earlier = try await reads.rows(
            """
            SELECT c.id, c.held_at, c.kind, c.summary, k.name AS checkpoint_name FROM conversations c \
            LEFT JOIN checkpoints k ON k.id = c.checkpoint_id \
            WHERE c.employee_id = \(bind: employeeID) AND c.guide_id = \(bind: guideID) AND c.state = \(bind: ConversationState.held.rawValue) \
            AND c.id <> \(bind: record.id) AND c.held_at IS NOT NULL ORDER BY c.held_at DESC, c.id DESC LIMIT \(literal: limit)
            """
        ).map { row in
            let kind: ConversationKind = try rawValue(row.decode(column: "kind", as: String.self))
            let checkpoint = try row.decodeNil(column: "checkpoint_name") ? nil : try row.decode(column: "checkpoint_name", as: String.self)
            return Earlier(
                id: try row.decode(column: "id", as: UUID.self), heldAt: try row.decode(column: "held_at", as: Date.self),
                title: checkpoint ?? kind.title, summary: try row.decode(column: "summary", as: String.self))
        }
        var actions: SQLQueryString =
            "SELECT \(unsafeRaw: AgreedActionModel.columns("a")) FROM agreed_actions a JOIN conversations c ON c.id = a.conversation_id WHERE "
        if withOwnActions { actions += "a.conversation_id = \(bind: record.id) OR " }
        actions += """
            (a.employee_id = \(bind: employeeID) AND c.guide_id = \(bind: guideID) AND a.status = \(bind: AgreedActionModel.Status.open.rawValue) \
            AND a.conversation_id <> \(bind: record.id)) ORDER BY a.created_at, a.id
            """
        let all = try await reads.rows(actions).map { try AgreedActionModel.read($0, "a") }
        return ConversationHistory(
            earlier: earlier,
            openActions: all.filter { $0.$conversation.id != record.id },
            ownActions: all.filter { $0.$conversation.id == record.id })
    }
}

/// How actions and earlier summaries look wherever they appear.
enum HistoryViews {
    static func ownerLabel(_ owner: AgreedActionModel.Owner, record: ConversationForViewer) -> String {
        switch owner {
        case .employee: record.side == .employee ? "You" : record.employee.name
        case .guide: record.side == .guide ? "You" : record.guide.name
        case .organisation: "The organisation"
        }
    }

    static func actionsTable(
        _ actions: [AgreedActionModel], record: ConversationForViewer, display: DisplayDate, csrf: String,
        returnTo: String, caption: String
    ) -> BodyNode {
        H.table(
            caption: caption, headers: ["Action", "Who", "By", "Status", ""],
            cells: actions.map { action in
                let done = action.status == .done
                return [
                    .span(class: "answer", action.description),
                    .text(ownerLabel(action.owner, record: record)),
                    .text(action.dueOn.flatMap(CalendarDate.init(iso:)).map(display.day) ?? "No date"),
                    done ? .tag("Done", .met) : .tag("Open", .due),
                    .actionButton(
                        done ? "Reopen" : "Mark done", action: SiteURL.action(record.id, action.id!).path, csrf: csrf,
                        style: .link, hidden: [("status", done ? "open" : "done"), ("return_to", returnTo)]),
                ]
            })
    }

    static func earlier(_ history: ConversationHistory, record: ConversationForViewer, display: DisplayDate, csrf: String, returnTo: String)
        -> [BodyNode]
    {
        var nodes: [BodyNode] = [H.heading(2, "What you agreed before")]
        if history.earlier.isEmpty && history.openActions.isEmpty {
            nodes.append(
                H.paragraph(
                    "This is the first conversation between \(record.employee.name) and \(record.guide.name) in Foothold. Summaries and actions you agree will appear here next time.",
                    class: "muted"))
            return nodes
        }
        nodes.append(H.privacy("You and \(ConversationPages.firstName(record.other))"))
        if !history.openActions.isEmpty {
            nodes.append(
                actionsTable(
                    history.openActions, record: record, display: display, csrf: csrf, returnTo: returnTo, caption: "Actions still open"))
        }
        for earlier in history.earlier {
            nodes.append(
                H.mutedBox([
                    H.strongParagraph("\(earlier.title), \(display.day(earlier.heldAt))"),
                    earlier.summary.isEmpty
                        ? H.paragraph("No summary was written.", class: "muted") : H.paragraph(earlier.summary, class: "answer"),
                ]))
        }
        return nodes
    }
}

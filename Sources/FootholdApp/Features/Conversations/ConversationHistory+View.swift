import FootholdCore
import Foundation

/// How actions and earlier summaries look wherever they appear.
extension ConversationHistory {
    static func ownerLabel(_ owner: AgreedAction.Owner, record: ConversationForViewer) -> String {
        switch owner {
        case .employee: record.side == .employee ? "You" : record.employee.name
        case .guide: record.side == .guide ? "You" : record.guide.name
        case .organisation: "The organisation"
        }
    }

    static func actionsTable(
        _ actions: [AgreedAction], record: ConversationForViewer, display: DisplayDate, csrf: String,
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
                        done ? "Reopen" : "Mark done", action: SiteURL.action(record.id, action.id).path, csrf: csrf,
                        style: .link, hidden: [("status", done ? "open" : "done"), ("return_to", returnTo)]),
                ]
            })
    }

    static func earlierSection(
        _ history: ConversationHistory, record: ConversationForViewer, display: DisplayDate, csrf: String, returnTo: String
    )
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

import FootholdCore
import FootholdData
import Foundation

/// How actions and earlier summaries look wherever they appear.
extension ConversationHistory {
    /// Actions in a conversation's pages: the shared list, returning here after a change.
    static func actionsTable(
        _ actions: [ActionLine], record: ConversationForViewer, display: DisplayDate, csrf: String,
        returnTo: String, caption: String, showSource: Bool = true, nextStep: Bool = true
    ) -> BodyNode {
        ActionsPage.table(
            actions, viewerID: record.viewerID, today: display.today(), display: display, csrf: csrf, caption: caption,
            showSource: showSource, returnTo: returnTo, nextStep: nextStep)
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
        nodes.append(H.privacy("You and \(record.other.name.firstName)"))
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

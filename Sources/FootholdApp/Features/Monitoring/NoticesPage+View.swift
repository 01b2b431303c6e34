import FootholdCore
import FootholdData
import Foundation

extension NoticesPage {
    static let title = "Conversations held in your units"

    static func content(_ model: Model, display: DisplayDate) -> [BodyNode] {
        var nodes: [BodyNode] = [
            H.heading(1, title),
            H.paragraph(
                "Each time a checkpoint conversation is marked held in a unit you lead, Foothold tells you here: who held it with whom, "
                    + "the checkpoint and the day. Never what was said.",
                class: "lead"),
        ]
        if model.lines.isEmpty {
            nodes.append(
                H.emptyState(
                    model.page > 1 ? "No more notices" : "No notices yet",
                    model.headsUnits
                        ? "When a line manager in your units marks a checkpoint conversation held, it appears here."
                        : "Notices go to the director of each unit. You see the counts for the whole organisation on the monitoring page."))
        } else {
            let rows: [[Markup]] = model.lines.map { line in
                [
                    .text(display.day(line.heldAt)), .link(line.employeeName, to: SiteURL.person(line.employeeID).path),
                    .text(line.guideName),
                    .text(
                        line.checkpointName.map { name in line.startYear.map { "\(name), \(CareerYear.label(startYear: $0))" } ?? name }
                            ?? "A checkpoint no longer in the career year"),
                ]
            }
            nodes.append(
                H.table(
                    caption: "Checkpoint conversations held, latest first", headers: ["Held on", "Employee", "With", "Checkpoint"],
                    cells: rows))
            nodes.append(H.pagination(current: model.page, hasNext: model.hasMore) { SiteURL.notices.with(query: [("page", String($0))]) })
        }
        let kinds: [(ConversationKind, String, String)] = [
            (.checkIn, "check-in", "check-ins"), (.mentoring, "mentoring conversation", "mentoring conversations"),
            (.leadership, "Leadership Team conversation", "Leadership Team conversations"),
        ]
        let counted = kinds.map { kind, one, many in
            let count = model.heldByKind[kind] ?? 0
            return "\(count) \(count == 1 ? one : many)"
        }
        let checkpoints = model.heldByKind[.checkpoint] ?? 0
        nodes.append(
            H.card(
                labelledBy: "counted-title",
                [
                    H.heading(2, "Counted, not named", id: "counted-title"),
                    H.paragraph(
                        "In the last \(MonitoringSnapshot.heldDays) days, \(model.countedIn) held \(checkpoints) checkpoint "
                            + "\(checkpoints == 1 ? "conversation" : "conversations") and also "
                            + counted.dropLast().joined(separator: ", ") + " and " + (counted.last ?? "") + ". "
                            + "Mentoring and Leadership Team conversations are people’s own: they are counted, never named."),
                    H.paragraph("Counted at \(display.dateTime(model.countedAt)).", class: "baseline"),
                ]))
        return nodes
    }
}

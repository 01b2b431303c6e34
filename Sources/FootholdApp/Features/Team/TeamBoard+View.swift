import FootholdCore
import FootholdData
import Foundation

extension TeamBoard {
    static func tag(_ status: CadenceStatus) -> Markup {
        switch status {
        case .met: .tag(status.title, .met)
        case .scheduled: .tag(status.title, .scheduled)
        case .due: .tag(status.title, .due)
        case .overdue: .tag(status.title, .overdue)
        case .declined: .tag(status.title, .declined)
        case .upcoming, .notExpected: .tag(status.title, .neutral)
        }
    }

    static func content(_ model: Model, display: DisplayDate, csrf: String, invited: String?) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if let invited {
            nodes.append(H.notice("\(invited) has been invited. They will see it on their home page and by e-mail.", style: "success"))
        }
        nodes.append(H.heading(1, "Your team's career conversations"))
        nodes.append(
            H.paragraph(
                "Career year \(model.year.label). Everyone is offered a conversation at each checkpoint; “declined” means offered, not missed.",
                class: "lead"))
        guard !model.rows.isEmpty else {
            nodes.append(
                H.emptyState("No one reports to you", "When people report to you, their checkpoints and conversations appear here."))
            return nodes
        }
        nodes.append(H.el("p", H.link("Report your team's common themes from their conversations", to: SiteURL.teamThemes.path)))
        let currentIndex = model.current.flatMap { current in model.year.checkpoints.firstIndex { $0.id == current.id } }
        let headers = ["Name"] + model.year.checkpoints.map(\.name) + ["Next conversation", ""]
        let today = display.today()
        let rows: [[Markup]] = model.rows.map { row in
            var cells: [Markup] = [.link(row.person.name, to: SiteURL.person(row.person.id).path)]
            cells += row.statuses.map(tag)
            cells.append(
                row.next.map { c in .link(c.startsAt.map(display.dateTime) ?? "Arranged", to: SiteURL.conversation(c.id).path) }
                    ?? .text("None arranged"))
            var action = Markup.empty
            if let currentIndex, let current = model.current {
                let status = row.statuses[currentIndex]
                let mayAskAgain = status != .declined || (row.askAgainFrom.map { $0 <= today } ?? false)
                if row.invitationWaiting {
                    action = .text("Invitation sent")
                } else if [.due, .upcoming, .declined].contains(status) && mayAskAgain {
                    action = .actionButton(
                        "Invite to \(current.name)", action: SiteURL.teamInvite.path, csrf: csrf, style: .secondary,
                        hidden: [("employee", row.person.id.upperText)])
                } else if status == .declined, let from = row.askAgainFrom {
                    action = .text("Ask again from " + display.day(from))
                } else if status == .declined {
                    action = .text("Said not now: ask again at the next checkpoint")
                }
            }
            cells.append(action)
            return cells
        }
        nodes.append(H.table(caption: "Your team's checkpoints in \(model.year.label)", headers: headers, cells: rows, stacked: true))
        return nodes
    }
}

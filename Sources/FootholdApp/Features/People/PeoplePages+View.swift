import FootholdCore
import FootholdData
import Foundation

/// The people directory and each person's page, drawn from the organisation store's plain values.
enum PeoplePages {}

extension PeoplePages {
    static func directory(query: String, results: OrganisationStore.Page<(OrganisationStore.PersonSummary, String?)>) -> [BodyNode] {
        var nodes: [BodyNode] = [
            H.heading(1, "People"),
            H.searchForm(action: SiteURL.people.path, query: query),
        ]
        if results.items.isEmpty {
            nodes.append(
                query.isEmpty
                    ? H.emptyState("No one is here yet", "People appear here once an HR administrator imports them.")
                    : H.emptyState(
                        "No one matches “\(query)”", "Check the spelling, or try part of a name, an email address or a job title."))
        } else {
            nodes.append(
                H.table(
                    caption: query.isEmpty ? "Everyone" : "People matching “\(query)”", headers: ["Name", "Job title", "Unit"],
                    cells: results.items.map { person, unit in
                        [
                            .link(person.name, to: SiteURL.person(person.id).path), .text(person.jobTitle), .text(unit ?? ""),
                        ]
                    }, stacked: true))
            nodes.append(
                H.pagination(current: results.number, hasNext: results.hasNext) { page in
                    SiteURL.people.with(query: [("q", query), ("page", String(page))])
                })
        }
        return nodes
    }

    static func person(_ model: Person, viewer: UUID, display: DisplayDate, csrf: String) -> [BodyNode] {
        var nodes = profile(model.details, roles: model.details.roleFacts.roles, reports: model.reports, viewer: viewer)
        if let mine = model.asTheirManager {
            nodes.insert(
                contentsOf: asTheirManager(mine, name: model.details.name, viewer: viewer, display: display, csrf: csrf),
                at: min(4, nodes.count))
        }
        if let own = model.ownConversations {
            nodes += ConversationPages.list(
                open: own.open, earlier: own.earlier, page: 1, hasNext: own.hasNext, viewer: viewer, display: display
            ).dropFirst(2)
        }
        return nodes
    }

    static func profile(
        _ person: OrganisationStore.PersonDetails, roles: Set<Role>, reports: [OrganisationStore.PersonSummary], viewer: UUID
    ) -> [BodyNode] {
        var nodes: [BodyNode] = [
            H.heading(1, person.name),
            H.paragraph(person.jobTitle, class: "lead"),
        ]
        if !person.isActive {
            nodes.append(H.notice("\(person.name) has left and is no longer active in Foothold."))
        } else {
            nodes.append(H.el("p", RoleTags.tags(roles)))
        }
        let firstName = person.name.firstName
        if person.id == viewer {
            nodes.append(H.el("p", H.link("Your conversations", to: SiteURL.conversations.path, class: "button button--secondary")))
        } else if person.isActive {
            let label =
                person.manager?.id == viewer ? "Invite \(firstName) to a career conversation" : "Ask \(firstName) for a career conversation"
            nodes.append(
                H.el("p", H.link(label, to: SiteURL.newConversation.with(query: [("with", person.id.uuidString)]), class: "button")))
        }
        nodes.append(
            H.summaryList([
                ("Email", H.link(person.email, to: "mailto:\(person.email)")),
                ("Unit", person.unit.map { H.link($0.path, to: SiteURL.unit($0.id).path) } ?? H.text("Not in a unit")),
                ("Line manager", person.manager.map { H.link($0.name, to: SiteURL.person($0.id).path) } ?? H.text("No line manager")),
            ]))
        if !reports.isEmpty {
            nodes.append(H.heading(2, "Reporting to \(person.name)"))
            nodes.append(
                H.table(
                    caption: "Reporting to \(person.name)", headers: ["Name", "Job title"],
                    rows: reports.map { [H.link($0.name, to: SiteURL.person($0.id).path), H.text($0.jobTitle)] }, stacked: true))
        }
        return nodes
    }

    /// A report's standing, as their line manager may know it: each checkpoint, the last
    /// conversation held, and the open actions agreed with the manager.
    static func asTheirManager(_ model: AsTheirManager, name: String, viewer: UUID, display: DisplayDate, csrf: String)
        -> [BodyNode]
    {
        let firstName = name.firstName
        let checkpoints: [[Markup]] = zip(model.year.checkpoints, model.row.statuses).map { checkpoint, status in
            [.text(checkpoint.name), .text(checkpoint.window), TeamBoard.tag(status)]
        }
        let last: BodyNode =
            model.lastHeld.map { held in
                let what = held.checkpointID.flatMap { id in model.year.checkpoints.first { $0.id == id }?.name } ?? held.kind.title
                let when = held.heldAt.map { display.day($0) } ?? ""
                return held.guideID == viewer
                    ? H.el("p", H.text("Last conversation: "), H.link("\(what), \(when)", to: SiteURL.conversation(held.id).path))
                    : H.paragraph("Last conversation: \(what), \(when), with someone else. What was said is theirs.")
            } ?? H.paragraph("No career conversation held yet that you can know of.")
        let next: BodyNode =
            model.row.next.map { c in
                H.el("p", H.text("Next: "), H.link(c.startsAt.map(display.dateTime) ?? "arranged", to: SiteURL.conversation(c.id).path))
            } ?? H.nothing
        let actions: BodyNode =
            model.actions.isEmpty
            ? H.paragraph("No open actions agreed with you.")
            : ActionsPage.table(
                model.actions, viewerID: viewer, today: display.today(), display: display, csrf: csrf,
                caption: "Open actions agreed with you", showSource: true, returnTo: SiteURL.team.path, nextStep: false)
        return [
            H.card(
                labelledBy: "as-manager",
                [
                    H.heading(2, "\(firstName) and you, \(model.year.label)", id: "as-manager"),
                    H.table(caption: "\(firstName)’s checkpoints", headers: ["Checkpoint", "Window", "Status"], cells: checkpoints),
                    last, next,
                    actions,
                ])
        ]
    }
}

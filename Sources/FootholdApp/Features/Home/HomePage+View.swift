import FootholdCore
import FootholdData
import Foundation

extension HomePage {
    static func content(_ model: Model, display: DisplayDate, csrf: String) -> [BodyNode] {
        let firstName = model.person.name.firstName
        var nodes: [BodyNode] = [
            H.heading(1, "Welcome, \(firstName)"),
            H.el("p", [H.attr("class", "lead")] + [H.text("Your roles in Foothold: ")] + RoleTags.tags(model.roles)),
        ]
        if model.person.hasNewManager, let manager = model.person.manager {
            nodes.append(
                H.notice(
                    "You have a new line manager, \(manager.name). They cannot read anything from your earlier conversations with other guides unless you choose to let them.",
                    style: "info", link: ("Choose what \(manager.name) can see", SiteURL.sharing.path)))
        }
        if let team = model.team { nodes.append(teamCard(team, csrf: csrf)) }
        nodes.append(conversations(model, display: display))
        if !model.toConfirm.isEmpty { nodes.append(toConfirm(model, display: display, csrf: csrf)) }
        nodes.append(actions(model, display: display))
        nodes.append(nextHold())
        if !model.responses.isEmpty || !model.requests.isEmpty { nodes.append(heard(model, display: display)) }
        nodes.append(profile(model.person))
        for unit in model.units { nodes.append(unitCard(unit)) }
        if let administration = model.administration { nodes.append(adminCard(administration)) }
        return nodes
    }

    /// Where to look for the next hold: opportunities, a Leadership Team slot, others' stories.
    static func nextHold() -> BodyNode {
        H.card(
            labelledBy: "next-hold",
            [
                H.heading(2, "Find your next hold", id: "next-hold"),
                H.linkList([
                    (
                        label: "Opportunities", path: SiteURL.opportunities.path,
                        after: ": roles, projects, courses and more, matched to what you want"
                    ),
                    (
                        label: "Book a conversation with the Leadership Team", path: SiteURL.slots.path,
                        after: ": slots they have set aside for anyone"
                    ),
                    (label: "Success stories", path: SiteURL.stories.path, after: ": how colleagues moved or grew"),
                ]),
            ])
    }

    static func conversations(_ model: Model, display: DisplayDate) -> BodyNode {
        let me = model.person.id
        func other(_ c: ConversationLine) -> String { c.other(than: me).name }
        var nodes: [BodyNode] = [H.heading(2, "Your career conversations", id: "conversations-title")]
        if !model.waiting.isEmpty {
            nodes.append(H.heading(3, "Waiting for your answer"))
            nodes.append(
                H.linkList(
                    model.waiting.map { c in
                        (
                            "\(other(c)): \(c.about)", SiteURL.conversation(c.id).path,
                            c.startsAt.map { ", suggested for \(display.dateTime($0))" } ?? ""
                        )
                    }))
        }
        if !model.upcoming.isEmpty {
            nodes.append(H.heading(3, "Coming up"))
            nodes.append(
                H.linkList(
                    model.upcoming.map { c in
                        (
                            "\(other(c)): \(c.about)", SiteURL.conversation(c.id).path,
                            c.startsAt.map { ", \(display.dateTime($0))" }
                                ?? (c.state == .requested ? ", waiting for \(other(c).firstName)'s answer" : "")
                        )
                    }))
        }
        if model.waiting.isEmpty && model.upcoming.isEmpty {
            nodes.append(
                H.paragraph(
                    "Nothing arranged at the moment. You can ask your manager, a member of the Leadership Team or any colleague for a career conversation from their page."
                ))
        }
        nodes.append(H.link("All your conversations", to: SiteURL.conversations.path))
        return H.card(labelledBy: "conversations-title", nodes)
    }

    /// What the person still has to do, soonest first: five at most, and a link to them all.
    static func actions(_ model: Model, display: DisplayDate) -> BodyNode {
        let today = display.today()
        let shown = model.actions.prefix(5)
        var nodes: [BodyNode] = [H.heading(2, "Your actions", id: "actions-title")]
        if shown.isEmpty {
            nodes.append(H.paragraph("Nothing still to do. What you agree in a conversation will appear here.", class: "muted"))
        } else {
            nodes.append(
                H.table(
                    caption: "Your actions still to do", headers: ["Action", "Who", "By", "Status"],
                    cells: shown.map { line in
                        [
                            .link(line.action.description, to: SiteURL.actionPage(line.action.id).path),
                            .text(line.ownerName(for: model.person.id)),
                            ActionsPage.dueCell(line.action, today: today, display: display),
                            ActionsPage.statusCell(line.action),
                        ]
                    }, stacked: true))
        }
        let more = model.actions.count > shown.count ? "All \(model.actions.count) actions still to do" : "All your actions"
        nodes.append(H.link(more, to: SiteURL.myActions.path))
        return H.card(labelledBy: "actions-title", nodes)
    }

    /// Actions the person, as guide, must confirm before anyone relies on them (seed 001).
    static func toConfirm(_ model: Model, display: DisplayDate, csrf: String) -> BodyNode {
        H.card(
            labelledBy: "confirm-title",
            [
                H.heading(2, "Waiting for you to confirm", id: "confirm-title"),
                H.paragraph("You agreed that you or the organisation would do these. Confirm each once you know it can be delivered."),
                ActionsPage.table(
                    model.toConfirm, viewerID: model.person.id, today: display.today(), display: display, csrf: csrf,
                    caption: "Actions waiting for your confirmation", confirm: true, returnTo: SiteURL.home.path),
            ])
    }

    /// "You said, we are doing": what is being done about the themes raised in the person's units.
    static func heard(_ model: Model, display: DisplayDate) -> BodyNode {
        var nodes: [BodyNode] = [
            H.heading(2, "You said, we are doing", id: "heard-title"),
            H.paragraph("What is being done about the themes people raised in their career conversations. Nobody’s words are shown here."),
        ]
        if !model.responses.isEmpty {
            nodes.append(
                H.table(
                    caption: "The Leadership Team’s responses for your units", headers: ["You said", "We are doing", "By whom", "By when"],
                    cells: model.responses.map { response in
                        [
                            .text("\(response.themeName) (\(response.unitName))"), .text(response.response), .text(response.byWhom),
                            .text(response.dueOn.flatMap(CalendarDate.init(iso:)).map(display.day) ?? "No date set"),
                        ]
                    }, stacked: true))
        }
        if !model.requests.isEmpty {
            nodes.append(H.heading(3, "Your team asked, to be done here"))
            nodes.append(H.list(model.requests))
        }
        return H.card(labelledBy: "heard-title", nodes)
    }

    static func profile(_ person: OrganisationStore.PersonDetails) -> BodyNode {
        H.card(
            labelledBy: "profile-title",
            [
                H.heading(2, "Your profile", id: "profile-title"),
                H.summaryList([
                    ("Name", H.text(person.name)),
                    ("Job title", H.text(person.jobTitle)),
                    ("Email", H.text(person.email)),
                    ("Unit", person.unit.map { H.link($0.path, to: SiteURL.unit($0.id).path) } ?? H.text("Not in a unit")),
                    ("Line manager", person.manager.map { H.link($0.name, to: SiteURL.person($0.id).path) } ?? H.text("No line manager")),
                ]),
                H.el(
                    "ul", class: "link-list",
                    H.el("li", H.link("See how others see your page", to: SiteURL.person(person.id).path)),
                    H.el("li", H.link("Choose what your line manager can see", to: SiteURL.sharing.path)),
                    H.el(
                        "li",
                        H.link("Choose your reminders, and add your conversations to your calendar", to: SiteURL.reminderSettings.path)),
                    H.el("li", H.link("Change your password", to: SiteURL.changePassword.path)),
                    H.el("li", H.link("Download everything Foothold holds about you (JSON)", to: SiteURL.myData.path))),
            ])
    }

    /// First for a line manager: how many in the team are due, overdue or waiting, and the next step for each.
    static func teamCard(_ team: TeamSummary, csrf: String) -> BodyNode {
        var nodes: [BodyNode] = [
            H.heading(2, "Your team", id: "team-title"),
            H.figures([("Due now", "\(team.due)"), ("Overdue", "\(team.overdue)"), ("Waiting for you", "\(team.waiting)")]),
        ]
        if team.steps.isEmpty {
            nodes.append(
                H.paragraph(
                    "Everyone in your team is up to date: nobody is waiting for you and nothing is due. \(team.size) \(team.size == 1 ? "person reports" : "people report") to you."
                ))
        } else {
            let shown = team.steps.prefix(8)
            nodes.append(
                H.table(
                    caption: "What your team needs next", headers: ["Who", "Where they are", "Next step"],
                    cells: shown.map { item in
                        let person = Markup.link(item.person.name, to: SiteURL.person(item.person.id).path)
                        switch item.step {
                        case .answer(let id):
                            return [
                                person, .text("Asked you for a career conversation"), .link("Answer", to: SiteURL.conversation(id).path),
                            ]
                        case .invite(let checkpoint):
                            return [
                                person, .tag("Due", .due) + .text(" \(checkpoint.name)"),
                                .actionButton(
                                    "Invite to \(checkpoint.name)", action: SiteURL.teamInvite.path, csrf: csrf, style: .secondary,
                                    hidden: [("employee", item.person.id.upperText), ("back", "home")]),
                            ]
                        case .arrange(let missed):
                            return [
                                person, .tag("Overdue", .overdue) + .text(" \(missed.name): nothing held"),
                                .link(
                                    "Invite to a conversation",
                                    to: SiteURL.newConversation.with(query: [("with", item.person.id.uuidString)])),
                            ]
                        }
                    }, stacked: true))
            if team.steps.count > shown.count {
                nodes.append(H.paragraph("And \(team.steps.count - shown.count) more on your team board."))
            }
        }
        nodes.append(
            H.linkList([
                ("Your team board", SiteURL.team.path, ": everyone’s checkpoints this year"),
                ("Report your team's common themes", SiteURL.teamThemes.path, " to your director"),
            ]))
        return H.card(labelledBy: "team-title", nodes)
    }

    static func unitCard(_ unit: OrganisationStore.UnitOverview) -> BodyNode {
        let id = "unit-\(unit.id.lowerText.prefix(8))"
        return H.card(
            labelledBy: id,
            [
                H.heading(2, "You lead \(unit.name)", id: id),
                H.paragraph("\(unit.headcount) \(unit.headcount == 1 ? "person" : "people") in \(unit.name) and the units within it."),
                unit.children.isEmpty
                    ? H.paragraph("\(unit.name) has no units within it.")
                    : H.table(
                        caption: "Units within \(unit.name)", headers: ["Unit", "People"],
                        cells: unit.children.map { [.link($0.name, to: SiteURL.unit($0.id).path), .text(String($0.headcount))] },
                        stacked: true),
                H.linkList([
                    ("Open \(unit.name)", SiteURL.unit(unit.id).path, ""),
                    (
                        "Career conversations in \(unit.name)", SiteURL.monitoring.with(query: [("unit", unit.id.lowerText)]),
                        ": counts, never content"
                    ),
                ]),
            ])
    }

    static func adminCard(_ counts: (activePeople: Int, units: Int, withoutPassword: Int)) -> BodyNode {
        H.card(
            labelledBy: "admin-title",
            [
                H.heading(2, "Administration", id: "admin-title"),
                H.paragraph(
                    "\(counts.activePeople) active people in \(counts.units) units. \(counts.withoutPassword) have not set a password yet."),
                H.el(
                    "ul", class: "link-list",
                    H.el("li", H.link("Import people from a CSV file", to: SiteURL.adminImport.path)),
                    H.el("li", H.link("People", to: SiteURL.adminPeople.path)),
                    H.el("li", H.link("Units", to: SiteURL.adminUnits.path))),
            ])
    }
}

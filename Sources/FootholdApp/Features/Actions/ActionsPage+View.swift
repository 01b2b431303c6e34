import FootholdCore
import FootholdData
import Foundation

/// How actions look wherever they are listed or written: the actions page, one action's page,
/// and the record page of a conversation.
extension ActionsPage {
    static func content(
        _ model: Model, typed: Form?, problems: FieldProblems, saved: Saved?, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let today = display.today()
        var nodes: [BodyNode] = [
            H.errorSummary(problems.items),
            saved == .added ? H.notice("Action added.", style: "success") : H.nothing,
            H.heading(1, "Actions"),
            H.paragraph(
                "What you agreed to do after your conversations, and anything you have set yourself. Each is checked against SMART: the check only advises.",
                class: "lead"),
        ]
        if !model.lists.awaitingConfirmation.isEmpty {
            nodes.append(
                H.card(
                    labelledBy: "confirm-heading",
                    [
                        H.heading(2, "Waiting for you to confirm", id: "confirm-heading"),
                        H.paragraph("You or the organisation will do these. Confirm each only once you know it can be delivered."),
                        table(
                            model.lists.awaitingConfirmation, viewerID: model.viewerID, today: today, display: display, csrf: csrf,
                            caption: "Waiting for your confirmation", confirm: true),
                    ]))
        }
        nodes.append(ownCard(model, today: today, display: display, csrf: csrf))
        if !model.lists.asColleague.isEmpty {
            nodes.append(
                H.card(
                    labelledBy: "colleague-heading",
                    [
                        H.heading(2, "Asked of you by colleagues", id: "colleague-heading"),
                        H.privacy("You see only the actions you have been named for"),
                        table(
                            model.lists.asColleague, viewerID: model.viewerID, today: today, display: display, csrf: csrf,
                            caption: "Actions you own for colleagues"),
                    ]))
        }
        let guidedOnly = model.lists.guided.filter { !$0.action.awaitsConfirmation }
        if !guidedOnly.isEmpty {
            nodes.append(
                H.card(
                    labelledBy: "guided-heading",
                    [
                        H.heading(2, "Agreed with people you guide", id: "guided-heading"),
                        table(
                            guidedOnly, viewerID: model.viewerID, today: today, display: display, csrf: csrf,
                            caption: "Actions agreed with people you guide", showEmployee: true),
                    ]))
        }
        nodes.append(addCard(model, typed: typed, problems: problems, display: display, csrf: csrf))
        return nodes
    }

    static func ownCard(_ model: Model, today: CalendarDate, display: DisplayDate, csrf: String) -> BodyNode {
        let filters = Filter.allCases.map { filter in
            filter == model.filter
                ? Markup.tag(filter.label, .brand)
                : Markup.link(filter.label, to: SiteURL.myActions.with(query: [("status", filter == .live ? nil : filter.rawValue)]))
        }
        let shown = model.shown
        return H.card(
            labelledBy: "own-heading",
            [
                H.heading(2, "Your actions", id: "own-heading"),
                H.privacy("You, and the guide of the conversation each came from"),
                H.el("p", class: "filters", H.text("Show: "), H.inline(filters, separator: " · ")),
                shown.isEmpty
                    ? H.paragraph(
                        model.filter == .live
                            ? "Nothing still to do. Actions you agree in a conversation, or add below, will appear here."
                            : "No actions to show here.", class: "muted")
                    : table(
                        shown, viewerID: model.viewerID, today: today, display: display, csrf: csrf,
                        caption: "Your actions: \(model.filter.label.lowercased())"),
            ])
    }

    static func addCard(_ model: Model, typed: Form?, problems: FieldProblems, display: DisplayDate, csrf: String) -> BodyNode {
        // Dated, so that several check-ins with one person can be told apart.
        let conversations =
            [(value: "", label: "None: it is my own")]
            + model.conversations.map { ($0.id.uuidString, $0.title + ($0.on.map { ", " + display.day($0) } ?? "")) }
        return H.card(
            labelledBy: "add-heading",
            [
                H.heading(2, "Add an action of your own", id: "add-heading"),
                H.form(
                    action: SiteURL.myActions.path, csrf: csrf,
                    fields(typed: typed, problems: problems, owners: ownerOptions(employee: "You", guide: nil), goals: model.goals)
                        + [
                            H.select(
                                name: "conversation", label: "Following a conversation (optional)", options: conversations,
                                selected: typed?.conversation ?? "",
                                hint: "If you link one, the person you talked with sees this action too.",
                                error: problems.message(for: "conversation")),
                            H.button("Add the action", style: .secondary),
                        ]),
            ])
    }

    /// Who can own an action, as the person writing it would say it.
    static func ownerOptions(employee: String, guide: String?) -> [(value: String, label: String, hint: String?)] {
        var options: [(value: String, label: String, hint: String?)] = [("employee", employee, nil)]
        if let guide { options.append(("guide", guide, "Agree only to what you can deliver; it waits for the guide to confirm.")) }
        options.append(("organisation", "The organisation", guide == nil ? nil : "It waits for the guide to confirm it can be delivered."))
        options.append(("colleague", "A colleague, named below", nil))
        return options
    }

    /// The fields of an action, for adding or changing one.
    static func fields(
        typed: Form?, problems: FieldProblems, owners: [(value: String, label: String, hint: String?)], goals: [CareerPlan.Goal],
        ownPlan: Bool = true, goalsHidden: Bool = false
    ) -> [BodyNode] {
        var goalOptions: [(value: String, label: String)] = [
            ("", "None yet"), ("influence", "My influence objective for the conversation"),
        ]
        goalOptions += goals.map { ($0.id.uuidString, "Goal: \($0.text)") }
        return [
            H.textarea(
                name: "description", label: "What will be done", value: typed?.description ?? "",
                hint: "Start with a verb and name the thing: \u{201C}Book a place on the March data course\u{201D}.",
                error: problems.message(for: "description"), rows: 2),
            H.field(
                name: "success_measure", label: "How we will know it is done (optional)", value: typed?.success_measure ?? "",
                hint: "A number, a certificate, a draft, a booked place.", error: problems.message(for: "success_measure")),
            H.radios(
                name: "owner", legend: "Who will do it", options: owners, selected: typed?.owner ?? "employee",
                error: problems.message(for: "owner")),
            H.field(
                name: "colleague", label: "The colleague's name or work e-mail address (if a colleague will do it)",
                value: typed?.colleague ?? "", hint: "They will see this action, and nothing else of yours.",
                error: problems.message(for: "colleague")),
            H.field(
                name: "due_on", label: "By when (optional)", value: typed?.due_on ?? "", type: "date",
                error: problems.message(for: "due_on")),
            goalsHidden
                ? H.hidden(name: "goal", value: typed?.goal ?? "")
                : H.select(
                    name: "goal", label: "What it is for (optional)", options: goalOptions, selected: typed?.goal ?? "",
                    hint: goals.isEmpty && ownPlan ? "Add development goals to your career plan to link actions to them." : nil,
                    error: problems.message(for: "goal")),
        ]
    }

    /// The SMART verdict in a table cell: "SMART", or in plain words what would make it so.
    static func smartCell(_ verdict: SmartVerdict) -> Markup {
        verdict.isSmart
            ? Markup.tag("SMART", .met)
            : Markup.span(class: "muted", verdict.hints)
    }

    /// Status as words, with "overdue" marked in amber beside the date, never red (DESIGN.md).
    static func statusCell(_ action: AgreedAction) -> Markup {
        switch action.status {
        case .open: action.awaitsConfirmation ? .tag("Not yet confirmed", .due) : .tag("Open", .scheduled)
        case .inProgress: action.awaitsConfirmation ? .tag("Not yet confirmed", .due) : .tag("In progress", .scheduled)
        case .done: .tag("Done", .met)
        case .dropped: .tag("Dropped", .declined)
        }
    }

    static func dueCell(_ action: AgreedAction, today: CalendarDate, display: DisplayDate) -> Markup {
        guard let due = action.due else { return .text("No date") }
        let day = Markup.text(display.day(due))
        return ActionRules.isOverdue(dueOn: due, status: action.status, today: today) ? day + .text(" ") + .tag("Overdue", .overdue) : day
    }

    static func table(
        _ lines: [ActionLine], viewerID: UUID, today: CalendarDate, display: DisplayDate, csrf: String, caption: String,
        showEmployee: Bool = false, showSource: Bool = true, confirm: Bool = false, returnTo: String = SiteURL.myActions.path,
        nextStep: Bool = true
    ) -> BodyNode {
        H.table(
            caption: caption, headers: ["Action", "Who", "By", "Status", "SMART"] + (nextStep ? [""] : []),
            cells: lines.map { line in
                let action = line.action
                var about = showSource ? line.conversationTitle.map { "From: \($0)" } ?? "Your own" : ""
                if showEmployee || action.employeeID != viewerID && showSource { about = "For \(line.employeeName) · " + about }
                let button: Markup =
                    confirm
                    ? .actionButton(
                        "Confirm it can be delivered", action: SiteURL.actionConfirm(action.id).path, csrf: csrf, style: .link,
                        hidden: [("return_to", returnTo)])
                    : nextStepButton(action, csrf: csrf, returnTo: returnTo)
                return [
                    .link(action.description, to: SiteURL.actionPage(action.id).path)
                        + (about.isEmpty ? .empty : .text(" ") + .span(class: "action-meta", about)),
                    .text(line.ownerName(for: viewerID)),
                    dueCell(action, today: today, display: display),
                    statusCell(action),
                    smartCell(line.smart),
                ] + (nextStep ? [button] : [])
            }, stacked: true)
    }

    /// The one next step a list offers: start it, mark it done, or reopen it.
    static func nextStepButton(_ action: AgreedAction, csrf: String, returnTo: String) -> Markup {
        let (label, status): (String, ActionStatus) =
            switch action.status {
            case .open: ("Mark done", .done)
            case .inProgress: ("Mark done", .done)
            case .done, .dropped: ("Reopen", .open)
            }
        return .actionButton(
            label, action: SiteURL.actionStatus(action.id).path, csrf: csrf, style: .link,
            hidden: [("status", status.rawValue), ("return_to", returnTo)])
    }
}

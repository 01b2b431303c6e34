import FootholdCore
import FootholdData
import Foundation

/// The pages of arranging a conversation.
extension ConversationPages {
    /// "Your conversation with Ben Khan", or for a manager following cadence, "Freya Parker's conversation with Kate Iqbal".
    static func title(_ record: ConversationForViewer) -> String {
        if record.side != nil { return "Your conversation with \(record.other.name)" }
        return "\(record.employee.name)'s conversation with \(record.guide.name)"
    }

    static func stateTag(_ state: ConversationState) -> BodyNode { stateTagMarkup(state).node }

    static func stateTagMarkup(_ state: ConversationState) -> Markup {
        switch state {
        case .requested: .tag(state.title, .due)
        case .scheduled: .tag(state.title, .scheduled)
        case .held: .tag(state.title, .met)
        case .cancelled, .declined: .tag(state.title, .declined)
        }
    }

    // MARK: list

    static let earlierPageSize = 25

    /// Open conversations all at once; earlier ones a page at a time, most recent first.
    static func list(
        open: [ConversationLine], earlier past: [ConversationLine], page: Int, hasNext: Bool, viewer: UUID,
        display: DisplayDate
    ) -> [BodyNode] {
        let waiting = open.filter { $0.awaitsAnswer(from: viewer) }
        let upcoming = open.filter { !$0.awaitsAnswer(from: viewer) }
            .sorted { ($0.startsAt ?? .distantFuture, $0.createdAt) < ($1.startsAt ?? .distantFuture, $1.createdAt) }
        func rows(_ list: [ConversationLine]) -> [[Markup]] {
            list.map { c in
                let when = c.heldAt ?? c.startsAt
                return [
                    .link(c.other(than: viewer).name, to: SiteURL.conversation(c.id).path),
                    .text(c.about),
                    .text(when.map(display.dateTime) ?? "No time yet"),
                    stateTagMarkup(c.state),
                ]
            }
        }
        var nodes: [BodyNode] = [
            H.heading(1, "Your conversations"),
            H.paragraph(
                "Career conversations you are having, as the person whose career it is or as their guide. What is said in them stays between the two of you.",
                class: "lead"),
        ]
        if !waiting.isEmpty {
            nodes.append(H.heading(2, "Waiting for your answer"))
            nodes.append(
                H.table(
                    caption: "Waiting for your answer", headers: ["With", "About", "When", "Status"], cells: rows(waiting), stacked: true))
        }
        nodes.append(H.heading(2, "Coming up"))
        nodes.append(
            upcoming.isEmpty
                ? H.emptyState(
                    "Nothing arranged yet",
                    "Ask your manager, a member of the Leadership Team or any colleague for a career conversation from their page in People.",
                    action: H.link("Find someone in People", to: SiteURL.people.path, class: "button button--secondary"))
                : H.table(caption: "Coming up", headers: ["With", "About", "When", "Status"], cells: rows(upcoming), stacked: true))
        nodes.append(H.heading(2, "Earlier"))
        nodes.append(
            past.isEmpty
                ? H.emptyState(
                    "No earlier conversations", "Conversations you have held, and ones that were declined or cancelled, appear here.")
                : H.table(
                    caption: page > 1 ? "Earlier, page \(page)" : "Earlier", headers: ["With", "About", "When", "Status"],
                    cells: rows(past), stacked: true))
        nodes.append(H.pagination(current: page, hasNext: hasNext) { SiteURL.conversations.with(query: [("page", String($0))]) })
        return nodes
    }

    // MARK: inviting and asking

    static func proposalTitle(_ relationship: Arranging.Relationship) -> String {
        relationship.viewerIsTheirManager
            ? "Invite \(relationship.other.name) to a career conversation"
            : "Ask \(relationship.other.name) for a career conversation"
    }

    static func kindHint(_ kind: ConversationKind) -> String {
        switch kind {
        case .checkpoint: "One of the year's checkpoint conversations with the line manager."
        case .checkIn: "A short, informal catch-up about how things are going."
        case .leadership: "A conversation with a member of the Leadership Team, open to anyone."
        case .mentoring: "Time with a colleague whose experience could help you."
        }
    }

    static func proposal(
        _ relationship: Arranging.Relationship, form: ProposalForm, year: CareerYear,
        today: CalendarDate, problems: FieldProblems, csrf: String
    ) -> [BodyNode] {
        let name = relationship.other.name.firstName
        let openCheckpoints = year.arrangeable(on: today)
        var fields: [BodyNode] = [H.hidden(name: "with", value: form.with?.uuidString ?? "")]
        fields.append(
            H.radios(
                name: "kind", legend: "What kind of conversation?",
                options: relationship.kinds.map { ($0.rawValue, $0.title, kindHint($0)) },
                selected: form.kind, error: problems.message(for: "kind")))
        if relationship.kinds.contains(.checkpoint) {
            fields.append(
                H.select(
                    name: "checkpoint", label: "Which checkpoint? (for a checkpoint conversation)",
                    options: openCheckpoints.map { ($0.id.uuidString, "\($0.name), \($0.window)") },
                    selected: form.checkpoint, error: problems.message(for: "checkpoint")))
        }
        fields += [
            H.textarea(
                name: "purpose", label: "What would you like to talk about?", value: form.purpose ?? "",
                hint: "A sentence or two is plenty. \(name) will see this with the invitation.", error: problems.message(for: "purpose"),
                rows: 3),
            H.el(
                "fieldset", class: "fieldset",
                H.el("legend", class: "field__label", H.text("When and where (optional)")),
                H.paragraph("Leave the date empty to let \(name) suggest a time.", class: "field__hint"),
                H.field(name: "date", label: "Date", value: form.date ?? "", type: "date", error: problems.message(for: "date")),
                H.field(name: "time", label: "Time", value: form.time ?? "", type: "time", error: problems.message(for: "time")),
                H.field(
                    name: "minutes", label: "Length in minutes", value: form.minutes ?? "", type: "number",
                    error: problems.message(for: "minutes")),
                H.field(name: "place", label: "Place or video link", value: form.place ?? "", error: problems.message(for: "place"))),
            H.button(relationship.viewerIsTheirManager ? "Send invitation" : "Send request"),
        ]
        return [
            H.errorSummary(problems.items),
            H.heading(1, proposalTitle(relationship)),
            H.notice(
                "Career conversations are confidential. What you each prepare and record stays between you and \(name), unless you choose to share it."
            ),
            H.form(action: SiteURL.conversations.path, csrf: csrf, fields),
        ]
    }

    // MARK: one conversation

    static func detail(
        _ record: ConversationForViewer, firstTogether: Bool, shared: SharedHistory? = nil, display: DisplayDate, saved: Saved? = nil,
        csrf: String
    ) -> [BodyNode] {
        let c = record.conversation
        var nodes: [BodyNode] = [
            H.heading(1, title(record)),
            H.el("p", stateTag(c.state), H.text(" "), H.tag(record.checkpoint?.name ?? c.kind.title, .neutral)),
        ]
        if saved == .checkpoint && record.side == .guide {
            nodes.append(
                H.notice(
                    record.checkpoint.map { "Saved: it met \($0.name). The director of \(record.employee.name)’s unit is told that." }
                        ?? "Saved: it met no checkpoint. Anything the director was told of it is withdrawn.",
                    style: "success"))
        }
        nodes.append(facts(record, display: display))
        guard let side = record.side else { return nodes + forLineManager(record, shared: shared, display: display) }
        if c.state == .declined { nodes += declined(record, side: side, display: display) }
        if firstTogether && c.state.isOpen { nodes.append(firstConversation(record, side: side)) }
        nodes.append(nextSteps(record, side: side, csrf: csrf))
        return nodes
    }

    /// When and where, who, and what it is about, as far as the viewer may know.
    static func facts(_ record: ConversationForViewer, display: DisplayDate) -> BodyNode {
        let c = record.conversation
        var rows: [(String, BodyNode)] = []
        if let startsAt = c.startsAt, c.state != .held {
            rows.append(("When", H.text("\(display.dateTime(startsAt)), \(c.minutes) minutes")))
        }
        if let heldAt = c.heldAt { rows.append(("Held", H.text("\(display.day(heldAt)), \(c.heldMinutes ?? c.minutes) minutes"))) }
        if c.startsAt == nil && c.state == .requested { rows.append(("When", H.text("No time suggested yet"))) }
        if record.allows(.place) && !c.place.isEmpty { rows.append(("Where", H.text(c.place))) }
        rows.append(("Employee", H.link(record.employee.name, to: SiteURL.person(record.employee.id).path)))
        rows.append(("Guide", H.link(record.guide.name, to: SiteURL.person(record.guide.id).path)))
        if let checkpoint = record.checkpoint { rows.append(("Checkpoint", H.text("\(checkpoint.name): \(checkpoint.focus)"))) }
        if record.allows(.purpose) && !c.purpose.isEmpty { rows.append(("About", H.paragraph(c.purpose, class: "answer"))) }
        rows.append(("Asked by", H.text(c.requestedBy == .guide ? record.guide.name : record.employee.name)))
        return H.summaryList(rows)
    }

    /// What a line manager who is not in the conversation sees: that it is arranged, and what the
    /// employee has chosen to share of it once held.
    static func forLineManager(_ record: ConversationForViewer, shared: SharedHistory?, display: DisplayDate) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if let shared {
            nodes.append(H.heading(2, "What they agreed"))
            nodes.append(H.privacy("Shared with you by \(record.employee.name)"))
            nodes.append(
                shared.summary.isEmpty
                    ? H.paragraph("No summary was written.", class: "muted") : H.paragraph(shared.summary, class: "answer"))
            if !shared.themes.isEmpty {
                nodes.append(H.el("p", [H.text("Themes: ")] + shared.themes.flatMap { [H.tag($0, .neutral), H.text(" ")] }))
            }
            if !shared.actions.isEmpty {
                nodes.append(
                    H.table(
                        caption: "Actions agreed", headers: ["Action", "By", "Status"],
                        rows: shared.actions.map { action in
                            [
                                H.el("span", class: "answer", H.text(action.description)),
                                H.text(action.dueOn.flatMap(CalendarDate.init(iso:)).map(display.day) ?? "No date"),
                                action.status == .done ? H.tag("Done", .met) : H.tag("Open", .due),
                            ]
                        }, captionHidden: false))
            }
            nodes.append(
                H.notice(
                    "\(record.employee.name) has chosen to let their line manager read the summaries of earlier conversations. Preparation and private notes are never shared."
                ))
        } else {
            nodes.append(
                H.notice(
                    "You can see that this conversation is arranged because you are \(record.employee.name)'s line manager. What is prepared and said in it is for \(record.employee.name) and \(record.guide.name) only."
                ))
        }
        return nodes
    }

    /// Who said not now, when it will be offered again, and (for the employee alone) their reason.
    static func declined(_ record: ConversationForViewer, side: ConversationSide, display: DisplayDate) -> [BodyNode] {
        let c = record.conversation
        var nodes: [BodyNode] = []
        let who = c.requestedBy == .guide ? record.employee.name : record.guide.name
        var text = "\(who == record.employee.name && side == .employee ? "You" : who) said not now."
        if let returnOn = c.returnOn.flatMap(CalendarDate.init(iso:)) {
            text += " The invitation will be offered again from \(display.day(returnOn))."
        } else if side == .employee || c.requestedBy == .guide {
            text += " The invitation will be offered again at the next checkpoint."
        }
        nodes.append(H.notice(text))
        if record.allows(.declineReason), let reason = c.declineReason {
            nodes.append(H.privacy("Only you"))
            nodes.append(H.paragraph("Your reason: \(reason)", class: "answer"))
        }
        return nodes
    }

    /// The buttons for what the viewer can do next.
    static func nextSteps(_ record: ConversationForViewer, side: ConversationSide, csrf: String) -> BodyNode {
        let c = record.conversation
        var buttons: [BodyNode] = []
        if record.may(.accept) { buttons.append(H.link("Accept", to: SiteURL.accept(record.id).path, class: "button")) }
        if record.may(.decline) {
            buttons.append(H.link("Not now", to: SiteURL.decline(record.id).path, class: "button button--secondary"))
        }
        if ConversationRules.allows(.prepare, in: c.state) {
            buttons.append(
                H.link(
                    side == .employee ? "Prepare" : "Prepare as guide", to: SiteURL.prepare(record.id).path,
                    class: record.may(.accept) || ConversationRules.allows(.record, in: c.state) ? "button button--secondary" : "button"))
        }
        if c.state == .scheduled {
            buttons.append(H.link("Open the guided conversation", to: SiteURL.guided(record.id).path, class: "button button--secondary"))
        }
        if record.may(.markHeld) {
            buttons.append(H.link("Mark as held", to: SiteURL.markHeld(record.id).path, class: "button button--secondary"))
        }
        if ConversationRules.allows(.record, in: c.state) {
            buttons.append(H.link("The record", to: SiteURL.record(record.id).path, class: "button"))
        }
        if record.may(.changeCheckpoint) && (record.metCheckpointsWhenHeld || c.checkpointID != nil) {
            buttons.append(
                H.link("Change which checkpoint it met", to: SiteURL.changeCheckpoint(record.id).path, class: "button button--secondary"))
        }
        if record.may(.reschedule) {
            buttons.append(H.link("Change the time", to: SiteURL.reschedule(record.id).path, class: "button button--secondary"))
        }
        if c.startsAt != nil && c.state == .scheduled {
            buttons.append(H.link("Add to calendar (.ics)", to: SiteURL.calendar(record.id).path, class: "button button--secondary"))
        }
        if record.may(.cancel) {
            // Quiet, and asked about first: the next step above is the one to see.
            buttons.append(H.actionButton("Cancel the conversation", action: SiteURL.cancel(record.id).path, csrf: csrf, style: .link))
        }
        return buttons.isEmpty ? H.nothing : H.el("div", [H.attr("class", "button-row")] + buttons)
    }

    /// What a career conversation is and each side's part in it, shown the first time two people meet in Foothold.
    static func firstConversation(_ record: ConversationForViewer, side: ConversationSide) -> BodyNode {
        let other = record.other.name.firstName, employee = record.employee.name.firstName
        return H.el(
            "section", class: "card",
            H.heading(2, "Your first career conversation with \(other)"),
            H.paragraph(
                "A career conversation is time to think together about where \(side == .employee ? "you" : employee) might head next "
                    + "and how to get there. It is not a performance review: nothing is rated, and it goes at the pace of the person "
                    + "whose career it is."
            ),
            H.el(
                "ul",
                H.el(
                    "li",
                    H.text(
                        side == .employee
                            ? "You lead. You are the expert on your own career: the more openly you share your ideas and doubts, the more you will get out of it."
                            : "\(employee) leads. They are the expert on their own career; your part is to ask good questions and listen."
                    )),
                H.el(
                    "li",
                    H.text(
                        side == .employee
                            ? "\(other) guides. They help you see your strengths and the opportunities around you; they will not make decisions for you."
                            : "You guide, not direct. Share what you know about opportunities, and agree only to what you can deliver.")),
                H.el(
                    "li",
                    H.text(
                        "It is confidential. What each of you prepares stays private until you choose to share it, and only the two of you read the record."
                    )),
                H.el("li", H.text("It is fine to say not now. Either of you can come back to it later."))))
    }

    static func meetingForm(
        _ record: ConversationForViewer, step: ConversationLifecycle.Step, form: MeetingForm,
        problems: FieldProblems, csrf: String
    ) -> [BodyNode] {
        let heading =
            step == .accept
            ? "Accept and agree a time with \(record.other.name)" : "Change the time of your conversation with \(record.other.name)"
        return [
            H.errorSummary(problems.items),
            H.heading(1, heading),
            H.form(
                action: step == .accept ? SiteURL.accept(record.id).path : SiteURL.reschedule(record.id).path, csrf: csrf,
                [
                    H.field(name: "date", label: "Date", value: form.date ?? "", type: "date", error: problems.message(for: "date")),
                    H.field(name: "time", label: "Time", value: form.time ?? "", type: "time", error: problems.message(for: "time")),
                    H.field(
                        name: "minutes", label: "Length in minutes", value: form.minutes ?? "", type: "number",
                        error: problems.message(for: "minutes")),
                    H.field(
                        name: "place", label: "Place or video link", value: form.place ?? "",
                        hint: "Somewhere private where you will not be interrupted.",
                        error: problems.message(for: "place")),
                    H.button(step == .accept ? "Accept" : "Save the new time"),
                ]),
        ]
    }

    /// Asked before a conversation is cancelled: with whom, when, and that they will be told.
    static func cancelConfirmation(_ record: ConversationForViewer, display: DisplayDate, csrf: String) -> [BodyNode] {
        let other = record.other.name
        let when = record.conversation.startsAt.map { " on " + display.dateTime($0) } ?? ""
        return H.confirmation(
            title: "Cancel this conversation?", lead: "Your career conversation with \(other)\(when) will be cancelled.",
            consequences: [
                "\(other) will be told, in Foothold and by e-mail"
                    + (record.conversation.startsAt == nil ? "." : ", and the calendar invitation is cancelled."),
                "You can arrange another at any time.",
            ], action: SiteURL.cancel(record.id).path, csrf: csrf, confirmLabel: "Yes, cancel it", keepLabel: "No, keep it",
            keepPath: SiteURL.conversation(record.id).path)
    }

    static func declineForm(
        _ record: ConversationForViewer, form: DeclineForm, problems: FieldProblems, csrf: String
    ) -> [BodyNode] {
        let employee = record.side == .employee
        var fields: [BodyNode] = [
            H.textarea(
                name: "reason", label: "Anything you would like to note? (optional)", value: form.reason ?? "",
                hint: employee
                    ? "This is for you alone; \(record.other.name.firstName) will only see that you said not now." : "This is not kept.",
                error: problems.message(for: "reason"), rows: 3, privacy: employee ? "Only you" : nil)
        ]
        if employee {
            fields.append(
                H.field(
                    name: "return_on", label: "Ask me again from (optional)", value: form.return_on ?? "", type: "date",
                    hint: "Leave empty to be asked again at the next checkpoint.", error: problems.message(for: "return_on")))
        }
        fields.append(H.button("Say not now", style: .secondary))
        return [
            H.errorSummary(problems.items),
            H.heading(1, employee ? "Not now" : "Decline \(record.other.name.firstName)'s request"),
            H.paragraph(
                employee
                    ? "That is absolutely fine. Not everyone is ready to talk about their career at every point, and this will count as offered, not missed."
                    : "\(record.other.name.firstName) will see that you could not take this on. They may ask someone else.", class: "lead"),
            H.form(action: SiteURL.decline(record.id).path, csrf: csrf, fields),
        ]
    }

    static func heldForm(
        _ record: ConversationForViewer, form: HeldForm, offered: [Checkpoint], problems: FieldProblems, csrf: String
    ) -> [BodyNode] {
        var options: [(value: String, label: String)] = [("", "None: it was not a checkpoint conversation")]
        options += offered.map { ($0.id.uuidString, "\($0.name), \($0.window)") }
        let checkpointField: BodyNode =
            record.meetsCheckpoints
            ? H.select(
                name: "checkpoint", label: "Which checkpoint does it meet?", options: options, selected: form.checkpoint,
                hint: "A checkpoint is met by a conversation with the line manager held inside its window, "
                    + "so choose one only if the date above falls in it.",
                error: problems.message(for: "checkpoint"))
            : H.paragraph(
                "This conversation counts as a career conversation for \(record.employee.name). It does not meet a checkpoint: "
                    + "only a conversation with their line manager does.")
        return [
            H.errorSummary(problems.items),
            H.heading(1, "Mark your conversation with \(record.other.name) as held"),
            H.form(
                action: SiteURL.markHeld(record.id).path, csrf: csrf,
                [
                    H.field(
                        name: "date", label: "When was it held?", value: form.date ?? "", type: "date", error: problems.message(for: "date")
                    ),
                    H.field(
                        name: "minutes", label: "How long did it take, in minutes?", value: form.minutes ?? "", type: "number",
                        error: problems.message(for: "minutes")),
                    checkpointField,
                    H.button("Mark as held"),
                ]),
        ]
    }

    /// Saying again which checkpoint a held conversation met: none, or the one open on the day.
    static func checkpointForm(
        _ record: ConversationForViewer, heldOn: String, fits: Checkpoint?, chosen: String, problems: FieldProblems, csrf: String
    ) -> [BodyNode] {
        var options: [(value: String, label: String)] = [("", "None: it was not a checkpoint conversation")]
        if let fits { options.append((fits.id.uuidString, "\(fits.name), \(fits.window)")) }
        let employee = record.employee.name.firstName
        let explanation =
            fits == nil
            ? "It was held on \(heldOn), when no checkpoint was open, so it meets none."
            : "It was held on \(heldOn), inside the \(fits!.name) window."
        return [
            H.errorSummary(problems.items),
            H.heading(1, "Which checkpoint did your conversation with \(record.other.name) meet?"),
            H.paragraph(
                explanation + " If you choose another answer, the director of \(employee)’s unit is told the new one "
                    + "and what they were told before is withdrawn. \(employee)’s plan history follows.",
                class: "lead"),
            H.form(
                action: SiteURL.changeCheckpoint(record.id).path, csrf: csrf,
                [
                    H.select(
                        name: "checkpoint", label: "Which checkpoint does it meet?", options: options, selected: chosen,
                        error: problems.message(for: "checkpoint")),
                    H.button("Save"),
                ]),
        ]
    }
}

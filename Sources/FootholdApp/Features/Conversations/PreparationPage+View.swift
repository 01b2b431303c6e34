import FootholdCore
import FootholdData
import Foundation

extension PreparationPage {
    static func title(_ record: ConversationForViewer) -> String {
        "Prepare for your conversation with \(record.other.name.firstName)"
    }

    static func content(
        _ model: Model, typed: [String: String], shared: Bool, problems: FieldProblems, saved: Bool,
        display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let record = model.record
        let other = record.other.name.firstName
        let editable = ConversationRules.allows(.prepare, in: record.conversation.state)
        var nodes: [BodyNode] = [H.errorSummary(problems.items)]
        if saved {
            nodes.append(
                H.notice(
                    shared ? "Saved. \(other) can read your preparation." : "Saved as a draft. Only you can read it.", style: "success"))
        }
        nodes.append(H.heading(1, title(record)))
        nodes.append(
            H.paragraph(
                model.side == .employee
                    ? "Take your time: answer what helps and leave the rest. Your answers are private until you choose to share them with \(other), and you can change them until the conversation is held."
                    : "A few minutes of thought beforehand makes the conversation \(record.employee.name.firstName)'s, not yours. "
                        + "Your notes stay private unless you share them.",
                class: "lead"))

        let privacy = shared ? "You and \(other)" : "Only you"
        var fields = ownFields(model, typed: typed, problems: problems, privacy: privacy, editable: editable)
        if editable {
            fields.append(
                H.checkbox(
                    name: "share", label: "Share my preparation with \(other)", checked: shared,
                    hint:
                        "\(other) will be able to read these answers before and during the conversation. You can stop sharing at any time.")
            )
            fields.append(H.button("Save"))
            if model.side == .employee { fields.append(bringInSection(model, display: display)) }
            nodes.append(H.form(action: SiteURL.prepare(record.id).path, csrf: csrf, fields))
        } else {
            nodes.append(H.notice("This conversation has been held, so the preparation can no longer be changed."))
            nodes += fields
        }

        if let past = model.pastReflection { nodes.append(ReflectionPage.reminder(past, display: display)) }
        nodes.append(opportunitiesSection(model, editable: editable, csrf: csrf))
        nodes += othersPreparation(model)
        nodes += shownToGuide(model, display: display)
        nodes += ConversationHistory.earlierSection(
            model.history, record: record, display: display, csrf: csrf, returnTo: SiteURL.prepare(record.id).path)
        return nodes
    }

    /// The viewer's own questions, in groups for the employee: fields while it can change, answers after.
    static func ownFields(
        _ model: Model, typed: [String: String], problems: FieldProblems, privacy: String, editable: Bool
    ) -> [BodyNode] {
        var fields: [BodyNode] = []
        if model.side == .employee {
            for group in PreparationGroup.allCases {
                let groupFields = PreparationField.fields(for: .employee).filter { $0.group == group }
                fields.append(
                    H.el(
                        "fieldset",
                        [H.attr("class", "fieldset card"), H.el("legend", class: "field__label", H.text(group.title))]
                            + groupFields.map { field in
                                fieldNode(field, model: model, typed: typed, problems: problems, privacy: privacy, editable: editable)
                            }))
            }
        } else {
            fields += PreparationField.fields(for: .guide).map {
                fieldNode($0, model: model, typed: typed, problems: problems, privacy: privacy, editable: editable)
            }
        }
        return fields
    }

    /// What the other person has shared of their preparation, if anything.
    /// One click brings a part of the plan or a journal entry into the preparation, after what is
    /// already written there (and saves what was typed with it).
    static func bringInSection(_ model: Model, display: DisplayDate) -> BodyNode {
        var items: [BodyNode] = []
        if let plan = model.plan {
            for field in CareerPlan.Field.allCases where !plan[field].isEmpty {
                items.append(H.submitButton("Bring in \u{201C}\(field.label)\u{201D}", name: "bring", value: "plan:\(field.rawValue)"))
            }
            if !plan.goals.isEmpty { items.append(H.submitButton("Bring in your development goals", name: "bring", value: "goals")) }
        }
        for entry in model.journal {
            let start = entry.body.count > 50 ? entry.body.prefix(47) + "\u{2026}" : Substring(entry.body)
            items.append(
                H.submitButton(
                    "Bring in \(display.day(entry.writtenOn)): \u{201C}\(start)\u{201D}", name: "bring",
                    value: "journal:\(entry.id.uuidString)"))
        }
        guard !items.isEmpty else {
            return H.paragraph("Tip: your career plan and journal can be brought in here once you have written in them.", class: "muted")
        }
        return H.el(
            "fieldset",
            [
                H.attr("class", "fieldset card bring-in"), H.el("legend", class: "field__label", H.text("From your plan and journal")),
                H.paragraph("Each button adds the words to the matching question above and saves your preparation.", class: "muted"),
            ] + items)
    }

    /// For the guide: what the employee has chosen to show them of their plan and journal.
    static func shownToGuide(_ model: Model, display: DisplayDate) -> [BodyNode] {
        guard model.side == .guide else { return [] }
        let employee = model.record.employee.name.firstName
        var nodes: [BodyNode] = []
        if model.planShown {
            nodes.append(
                H.notice(
                    "\(employee) has shown you their career plan.", style: "info",
                    link: ("Read \(employee)\u{2019}s plan", SiteURL.personPlan(model.record.employee.id).path)))
        }
        if !model.journalShown.isEmpty {
            nodes.append(H.heading(2, "From \(employee)\u{2019}s journal"))
            nodes.append(H.privacy("Shown to you by \(employee)"))
            nodes.append(
                H.table(
                    caption: "Journal entries shown to you", headers: ["When", "What", "Entry"],
                    cells: model.journalShown.map {
                        [
                            .text(display.day($0.writtenOn)), .tag($0.kind.label, $0.kind == .accomplishment ? .met : .due),
                            .span(class: "answer", $0.body),
                        ]
                    }))
        }
        return nodes
    }

    static func othersPreparation(_ model: Model) -> [BodyNode] {
        let other = model.record.other.name.firstName
        var nodes: [BodyNode] = []
        nodes.append(H.heading(2, "\(other)'s preparation"))
        if let theirs = model.other, !theirs.isEmpty {
            nodes.append(H.privacy("Shared with you by \(other)"))
            let otherSide: ConversationSide = model.side == .employee ? .guide : .employee
            nodes.append(
                H.summaryList(
                    PreparationField.fields(for: otherSide).compactMap { field in
                        theirs.answers[field].map { (model.bank.wording(for: field), H.paragraph($0, class: "answer")) }
                    }))
        } else {
            nodes.append(
                H.paragraph(
                    "\(other) has not shared their preparation. That is their choice; you will see it here if they do.", class: "muted"))
        }
        return nodes
    }

    static func fieldNode(
        _ field: PreparationField, model: Model, typed: [String: String], problems: FieldProblems, privacy: String, editable: Bool
    ) -> BodyNode {
        let value = typed[field.rawValue] ?? model.own.answers[field] ?? ""
        if !editable {
            return H.readOnlyAnswer(label: model.bank.wording(for: field), value: value)
        }
        if field == .profileLink {
            return H.field(
                // Text, not "url": the browser would refuse "linkedin.com/in/ann" in its own words; Foothold adds the https://.
                name: field.rawValue, label: model.bank.wording(for: field), value: value, type: "text",
                hint: "A web address, such as linkedin.com/in/your-name", error: problems.message(for: field.rawValue))
        }
        return H.textarea(
            name: field.rawValue, label: model.bank.wording(for: field), value: value, error: problems.message(for: field.rawValue),
            rows: 3, privacy: privacy)
    }
}

extension PreparationPage {
    /// Opportunities to talk about: the agenda the two have made, and what matches what the
    /// employee wants, each with one click to put it on the agenda.
    static func opportunitiesSection(_ model: Model, editable: Bool, csrf: String) -> BodyNode {
        let items = model.opportunities
        guard editable || !items.agenda.isEmpty else { return H.nothing }
        var nodes: [BodyNode] = [
            H.heading(2, "Opportunities to talk about", id: "agenda"),
            H.privacy("You and \(model.record.other.name.firstName)"),
            agendaTable(model, editable: editable, csrf: csrf),
        ]
        if editable { nodes += matchesTable(model, csrf: csrf) }
        if editable && !items.resources.isEmpty {
            nodes.append(H.heading(3, "Resources"))
            nodes.append(ResourcesPage.list(items.resources))
        }
        return H.card(labelledBy: "agenda", nodes)
    }

    static func agendaTable(_ model: Model, editable: Bool, csrf: String) -> BodyNode {
        let record = model.record
        guard !model.opportunities.agenda.isEmpty else {
            return H.paragraph("Nothing on the agenda yet. Add an opportunity below and it is here for you both.", class: "muted")
        }
        return H.table(
            caption: "Opportunities on the agenda", headers: ["On the agenda", "Kind", ""],
            cells: model.opportunities.agenda.map { item in
                [
                    .link(item.title, to: SiteURL.opportunity(item.id).path), .text(item.kind.title),
                    editable
                        ? .actionButton(
                            "Take it off", action: SiteURL.agendaRemove(record.id).path, csrf: csrf,
                            hidden: [("opportunity", item.id.uuidString)])
                        : .empty,
                ]
            })
    }

    static func matchesTable(_ model: Model, csrf: String) -> [BodyNode] {
        let record = model.record
        let employee = record.employee.name.firstName
        let matches = model.opportunities.matches
        return [
            H.heading(3, model.side == .employee ? "Matched to what you want" : "Matched to what \(employee) has said"),
            matches.isEmpty
                ? H.paragraph(
                    model.side == .employee
                        ? "Nothing open matches your plan or this preparation yet."
                        : "Nothing open matches what \(employee) has shared with you yet.", class: "muted")
                : H.table(
                    caption: "Opportunities that match", headers: ["Opportunity", "Why", ""],
                    cells: matches.map { match in
                        [
                            .link(match.opportunity.title, to: SiteURL.opportunity(match.opportunity.id).path), .text(match.why),
                            .actionButton(
                                "Add to the agenda", action: SiteURL.agendaAdd(record.id).path, csrf: csrf,
                                hidden: [("opportunity", match.opportunity.id.uuidString)]),
                        ]
                    }),
            H.link("See every opportunity", to: SiteURL.opportunities.path),
        ]
    }
}

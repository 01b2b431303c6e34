import FootholdCore
import FootholdData
import Foundation

extension OpportunitiesPage {
    static func content(_ model: Model, message: String?, display: DisplayDate) -> [BodyNode] {
        [
            message.map { H.notice($0, style: "success") } ?? H.nothing,
            H.heading(1, "Opportunities"),
            H.paragraph(
                "Roles, projects, secondments, courses, mentoring, shadowing and people to talk to, across the organisation. The ones at the top match what you have said you want in your career plan and your latest preparation.",
                class: "lead"),
            H.el(
                "p", class: "button-row",
                model.keeper.mayAdd
                    ? H.link("Add an opportunity", to: SiteURL.newOpportunity.path, class: "button button--primary") : H.nothing,
                H.link("Book a conversation with the Leadership Team", to: SiteURL.slots.path, class: "button button--secondary"),
                H.link("Read success stories", to: SiteURL.stories.path, class: "button button--secondary")),
            rankedCard(model, display: display),
            allCard(model, display: display),
            model.resources.isEmpty
                ? H.nothing
                : H.card(
                    labelledBy: "resources",
                    [
                        H.heading(2, "Resources for you", id: "resources"),
                        H.paragraph("Links and templates your unit and the organisation keep for everyone's development."),
                        ResourcesPage.list(model.resources),
                    ]),
        ]
    }

    static func rankedCard(_ model: Model, display: DisplayDate) -> BodyNode {
        H.card(
            labelledBy: "for-you",
            [
                H.heading(2, "Matched to what you want", id: "for-you"),
                H.privacy("Only you see why each one matched"),
                model.ranked.isEmpty
                    ? H.emptyState(
                        model.hasSaid ? "Nothing open matches what you have said yet" : "Tell Foothold what you want",
                        model.hasSaid
                            ? "New opportunities are added all the time. Look through everything open below, or add more to your plan's interests and goals."
                            : "Write your interests, the roles that interest you and your development goals in your career plan, and the opportunities that match will appear here with the reasons.",
                        action: H.link("Your career plan", to: SiteURL.plan.path))
                    : entryList(model.ranked, display: display),
            ])
    }

    static func entryList(_ entries: [Entry], display: DisplayDate) -> BodyNode {
        H.el(
            "ul",
            [H.attr("class", "slot-list")]
                + entries.map { entry in
                    H.el(
                        "li",
                        H.el("p", class: "slot__when", H.link(entry.opportunity.title, to: SiteURL.opportunity(entry.opportunity.id).path)),
                        H.el("p", class: "slot__who", H.text(facts(entry, display: display))),
                        entry.why.map { H.el("p", class: "reason", H.text($0)) } ?? H.nothing,
                        entry.stories.first.map { line in
                            H.el(
                                "p", class: "story-link", H.text("Someone who did something like it: "),
                                H.link(line.story.title, to: SiteURL.story(line.story.id).path))
                        } ?? H.nothing)
                })
    }

    /// "Secondment · Finance · closes 31 January 2027".
    static func facts(_ entry: Entry, display: DisplayDate) -> String {
        var parts = [entry.opportunity.kind.title, entry.unitName ?? "Across the organisation"]
        if let closes = entry.opportunity.closesOn { parts.append("closes \(display.day(closes))") }
        return parts.joined(separator: " · ")
    }

    static func allCard(_ model: Model, display: DisplayDate) -> BodyNode {
        let kinds = [(value: "", label: "Every kind")] + OpportunityKind.allCases.map { (value: $0.rawValue, label: $0.title) }
        return H.card(
            labelledBy: "everything",
            [
                H.heading(2, "Everything open (\(model.openCount))", id: "everything"),
                H.getForm(
                    action: SiteURL.opportunities.path,
                    [
                        H.select(name: "kind", label: "Kind", options: kinds, selected: model.kind?.rawValue ?? ""),
                        H.button("Show", style: .secondary),
                    ]),
                model.all.isEmpty
                    ? H.emptyState(
                        "No open opportunities", "When HR or a manager adds an opportunity, it appears here until its closing date.")
                    : H.table(
                        caption: "Open opportunities", headers: ["Opportunity", "Kind", "Unit", "Closes"],
                        cells: model.all.map { entry in
                            [
                                .link(entry.opportunity.title, to: SiteURL.opportunity(entry.opportunity.id).path),
                                .text(entry.opportunity.kind.title), .text(entry.unitName ?? "Across the organisation"),
                                .text(entry.opportunity.closesOn.map { display.day($0) } ?? "Stays open"),
                            ]
                        }),
                H.pagination(current: model.page.number, hasNext: model.hasNext) { model.link(page: $0) },
            ])
    }
}

extension OpportunitiesPage {
    static func detailContent(_ model: DetailModel, display: DisplayDate, today: CalendarDate, csrf: String) -> [BodyNode] {
        let entry = model.entry
        let opportunity = entry.opportunity
        var rows: [(String, BodyNode)] = [
            ("Kind", H.text(opportunity.kind.title)),
            ("Unit", H.text(entry.unitName ?? "Across the organisation")),
        ]
        if !opportunity.skills.isEmpty { rows.append(("Skills", H.text(opportunity.skills.joined(separator: ", ")))) }
        if !opportunity.tags.isEmpty { rows.append(("Tags", H.text(opportunity.tags.joined(separator: ", ")))) }
        if let contact = entry.item.contactID, let name = entry.contactName {
            rows.append(("Who to ask", H.link(name, to: SiteURL.person(contact).path)))
        }
        rows.append(("Closes", H.text(opportunity.closesOn.map { display.day($0) } ?? "It stays open")))
        return [
            H.heading(1, opportunity.title),
            opportunity.isOpen(on: today) ? H.nothing : H.notice("This opportunity has closed."),
            entry.why.map { H.el("p", class: "reason", H.text($0)) } ?? H.nothing,
            H.card(
                labelledBy: "about",
                [
                    H.heading(2, "About it", id: "about"),
                    H.summaryList(rows),
                    opportunity.description.isEmpty ? H.nothing : H.el("p", class: "answer", H.text(opportunity.description)),
                ]),
            entry.stories.isEmpty
                ? H.nothing
                : H.card(
                    labelledBy: "stories",
                    [
                        H.heading(2, "Stories from people who did something like it", id: "stories"),
                        StoriesPage.storyList(entry.stories),
                    ]),
            entry.mayKeep
                ? H.el(
                    "div", class: "button-row",
                    H.link("Change this opportunity", to: SiteURL.opportunityEdit(opportunity.id).path, class: "button button--secondary"),
                    H.actionButton("Delete it", action: SiteURL.opportunityDelete(opportunity.id).path, csrf: csrf, style: .warning))
                : H.nothing,
        ]
    }

    static func formContent(_ model: FormModel, typed: Form, problems: FieldProblems, csrf: String) -> [BodyNode] {
        let action = model.existing.map { SiteURL.opportunityEdit($0.opportunity.id).path } ?? SiteURL.newOpportunity.path
        return [
            H.errorSummary(problems.items),
            H.heading(1, model.existing == nil ? "Add an opportunity" : "Change an opportunity"),
            H.paragraph(
                "Everyone in the organisation sees it until its closing date, matched against what each person has said they want. Words in the title, skills and tags count most.",
                class: "lead"),
            H.form(action: action, csrf: csrf, formFields(model, typed: typed, problems: problems) + [H.button("Save the opportunity")]),
        ]
    }

    static func formFields(_ model: FormModel, typed: Form, problems: FieldProblems) -> [BodyNode] {
        let units =
            (model.keeper.isHRAdministrator ? [(value: "", label: "Across the organisation")] : [])
            + model.units.map { (value: $0.id.uuidString, label: $0.path) }
        return [
            H.radios(
                name: "kind", legend: "What kind of opportunity",
                options: OpportunityKind.allCases.map { (value: $0.rawValue, label: $0.title, hint: nil) }, selected: typed.kind,
                error: problems.message(for: "kind")),
            H.field(name: "title", label: "Title", value: typed.title ?? "", error: problems.message(for: "title")),
            H.textarea(
                name: "description", label: "What it involves", value: typed.description ?? "",
                hint: "Who it suits, how long it lasts, how to apply.", error: problems.message(for: "description"), rows: 5),
            H.field(
                name: "skills", label: "Skills it uses or builds", value: typed.skills ?? "", hint: "Separated by commas.",
                error: problems.message(for: "skills")),
            H.field(
                name: "tags", label: "Tags", value: typed.tags ?? "", hint: "Separated by commas, such as leadership, data, policy.",
                error: problems.message(for: "tags")),
            H.select(
                name: "unit", label: "Unit", options: units, selected: typed.unit ?? model.keeper.unitID?.uuidString ?? "",
                error: problems.message(for: "unit")),
            H.field(
                name: "contact", label: "Who to ask (optional)", value: typed.contact ?? "", hint: "Their name or work e-mail address.",
                error: problems.message(for: "contact")),
            H.field(
                name: "closes_on", label: "Closing date (optional)", value: typed.closes_on ?? "", type: "date",
                hint: "After this day it drops out of the lists by itself.", error: problems.message(for: "closes_on")),
        ]
    }
}

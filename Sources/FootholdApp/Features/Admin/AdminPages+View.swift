import FootholdCore
import FootholdData
import Foundation

extension AdminPages {
    static func overview(_ counts: (activePeople: Int, units: Int, withoutPassword: Int)) -> [BodyNode] {
        [
            H.heading(1, "Administration"),
            H.paragraph(
                "\(counts.activePeople) active people in \(counts.units) units. \(counts.withoutPassword) have not set a password yet.",
                class: "lead"),
            counts.withoutPassword == 0
                ? H.nothing : H.el("p", H.link("Invite the people who have not signed in yet", to: SiteURL.adminPeople.path)),
            H.el(
                "div", class: "card-grid",
                H.card(
                    H.heading(2, "Import people"), H.paragraph("Add and update people, units and reporting lines from a CSV file."),
                    H.link("Import people", to: SiteURL.adminImport.path)),
                H.card(
                    H.heading(2, "People"), H.paragraph("Everyone in Foothold, including people who have left."),
                    H.link("See people", to: SiteURL.adminPeople.path)),
                H.card(
                    H.heading(2, "Units"), H.paragraph("The organisation's units with their headcounts."),
                    H.link("See units", to: SiteURL.adminUnits.path)),
                H.card(
                    H.heading(2, "Career year"), H.paragraph("The checkpoints at which everyone is offered a career conversation."),
                    H.link("See the career year", to: SiteURL.adminCareerYear.path)),
                H.card(
                    H.heading(2, "Question bank"),
                    H.paragraph("Preparation questions, the eight stages and their tips. Export and import as JSON."),
                    H.link("Edit the question bank", to: SiteURL.adminQuestionBank.path)),
                H.card(
                    H.heading(2, "Themes"), H.paragraph("The themes conversations are tagged with, for anonymous reporting."),
                    H.link("Edit the themes", to: SiteURL.adminThemes.path)),
                H.card(
                    H.heading(2, "Anonymity"),
                    H.paragraph("The fewest people a theme figure may come from before directors and the Leadership Team see it."),
                    H.link("Set the anonymity threshold", to: SiteURL.adminAnonymity.path)),
                H.card(
                    H.heading(2, "Reminders and retention"),
                    H.paragraph("Whether reminders also go to a chat channel, and how long private notes and preparation are kept."),
                    H.link("Choose reminders and retention", to: SiteURL.adminReminders.path)),
                H.card(
                    H.heading(2, "Resources"),
                    H.paragraph("Links and templates for each unit's people, such as the development-plan template."),
                    H.link("Keep the resources", to: SiteURL.adminResources.path)),
                H.card(
                    H.heading(2, "Provisioning"),
                    H.paragraph("Let your identity provider, such as Entra ID or Okta, keep Foothold's people up to date over SCIM."),
                    H.link("Connect your identity provider", to: SiteURL.adminProvisioning.path)),
                H.card(
                    H.heading(2, "Audit log"), H.paragraph("Who opened or changed conversation records, and when. Never what they said."),
                    H.link("See the audit log", to: SiteURL.adminAudit.path))),
        ]
    }

    /// Everyone, with whether they have signed in yet; HR chooses people to invite or send a
    /// password link to, or invites everyone who has not signed in (decision 0022).
    static func people(
        query: String, results: OrganisationStore.Page<(OrganisationStore.PersonSummary, String?)>,
        standing: [UUID: AccountEmails.Standing], sent: (kind: String, count: Int)?, display: DisplayDate,
        csrf: String
    ) -> [BodyNode] {
        var nodes: [BodyNode] = [H.heading(1, "People")]
        if let sent { nodes.append(sentNotice(sent)) }
        nodes.append(notSignedInCard(query: query, csrf: csrf))
        nodes.append(H.searchForm(action: SiteURL.adminPeople.path, query: query))
        if results.items.isEmpty {
            nodes.append(
                query.isEmpty
                    ? H.emptyState(
                        "No people yet", "Import a CSV file of your organisation's people to get started.",
                        action: H.link("Import people", to: SiteURL.adminImport.path, class: "button"))
                    : H.emptyState(
                        "No one matches “\(query)”", "Check the spelling, or try part of a name, an email address or a job title."))
            return nodes
        }
        func status(_ person: OrganisationStore.PersonSummary) -> Markup {
            guard person.isActive else { return Markup.tag("Left", .inactive) }
            guard let account = standing[person.id], !account.hasPassword else { return Markup.tag("Can sign in", .met) }
            let sent = account.lastLinkSent.map { " · link sent \(display.day(CalendarDate($0, in: display.timeZone)))" } ?? ""
            return Markup.tag("Not signed in yet", .due) + Markup.text(sent)
        }
        nodes.append(
            H.form(
                action: SiteURL.adminPeopleLinks.path, csrf: csrf,
                [
                    H.hidden(name: "q", value: query),
                    H.table(
                        caption: "People", headers: ["Choose", "Name", "Email", "Job title", "Unit", "Status"],
                        cells: results.items.map { person, unit in
                            [
                                person.isActive
                                    ? Markup.rowChoice(
                                        name: "people[]", value: person.id.uuidString, label: "Choose \(person.name)",
                                        id: "choose-\(person.id.lowerText)") : Markup.empty,
                                Markup.link(person.name, to: SiteURL.person(person.id).path), Markup.text(person.email),
                                Markup.text(person.jobTitle), Markup.text(unit ?? ""), status(person),
                            ]
                        }, stacked: true),
                    H.el(
                        "div", [H.attr("class", "button-row")],
                        H.submitButton("Send an invitation", name: "send", value: "invitation", style: .secondary),
                        H.submitButton("Send a link to choose a new password", name: "send", value: "reset", style: .secondary)),
                    H.paragraph(
                        "Tick the people first. Each gets an e-mail with a link of their own: an invitation works for seven days, "
                            + "a link to choose a new password for 30 minutes.",
                        class: "muted"),
                ]))
        nodes.append(
            H.pagination(current: results.number, hasNext: results.hasNext) { page in
                SiteURL.adminPeople.with(query: [("q", query), ("page", String(page))])
            })
        return nodes
    }

    static func sentNotice(_ sent: (kind: String, count: Int)) -> BodyNode {
        let people = sent.count == 1 ? "1 person" : "\(sent.count) people"
        return switch sent.kind {
        case "invitation": H.notice("Invitations are on their way to \(people).", style: "success")
        case "reset": H.notice("A link to choose a new password is on its way to \(people).", style: "success")
        default: H.notice("Nothing was sent: no one chosen is still here without a password, or no one was ticked.")
        }
    }

    static func notSignedInCard(query: String, csrf: String) -> BodyNode {
        H.el(
            "section", class: "card",
            H.heading(2, "Letting people in"),
            H.paragraph(
                "Everyone who is still here and has not set a password yet can be sent an invitation at once: an e-mail with a link "
                    + "that works for seven days. Sending again sends a new link. The list below says who has not signed in."),
            H.form(
                action: SiteURL.adminPeopleLinks.path, csrf: csrf,
                [
                    H.hidden(name: "send", value: "invitation"), H.hidden(name: "everyone", value: "not_signed_in"),
                    H.hidden(name: "q", value: query),
                    H.button("Invite everyone who has not signed in yet", style: .secondary),
                ]))
    }

    /// Mail is not set up, so many links cannot be sent at once.
    static func noMail(count: Int, back: String) -> [BodyNode] {
        [
            H.heading(1, "No e-mail is set up"),
            H.paragraph(
                "Foothold has no way to send e-mail here (FOOTHOLD_SMTP_URL, FOOTHOLD_SENDMAIL or FOOTHOLD_MAIL_FOLDER is not set), "
                    + "so it cannot send \(count) links at once. Nothing was sent. Choose one person at a time to be shown their link "
                    + "to pass on yourself, or ask whoever runs Foothold to set up e-mail.",
                class: "lead"),
            H.link("Back to people", to: back, class: "button button--secondary"),
        ]
    }

    /// One person's link, shown once for HR to pass on by hand when mail is not set up.
    static func linkToPassOn(_ kind: ReminderKind, link: String, back: String) -> [BodyNode] {
        [
            H.heading(1, "A link to pass on"),
            H.paragraph(
                "Foothold cannot send e-mail here, so here is the link. Give it to the person yourself, privately: whoever has it can "
                    + (kind == .passwordReset
                        ? "choose their password. It works once, for 30 minutes." : "set their password. It works once, for seven days."),
                class: "lead"),
            H.el("p", class: "answer", H.text(link)),
            H.paragraph("It is shown only this once; Foothold keeps only a fingerprint of it.", class: "muted"),
            H.link("Back to people", to: back, class: "button button--secondary"),
        ]
    }

    static func units(_ units: [(unit: OrganisationStore.UnitCount, depth: Int, own: Int)]) -> [BodyNode] {
        guard !units.isEmpty else {
            return [
                H.heading(1, "Units"),
                H.emptyState(
                    "No units yet", "Units are created from the unit column when you import people.",
                    action: H.link("Import people", to: SiteURL.adminImport.path, class: "button")),
            ]
        }
        return [
            H.heading(1, "Units"),
            H.paragraph("\(units.count) units. Each unit's total includes the units within it."),
            H.table(
                caption: "Units", headers: ["Unit", "People in it", "In total"],
                rows: units.map { entry in
                    [
                        H.el(
                            "span", H.attr("class", "indent indent--\(min(entry.depth, 6))"),
                            H.link(entry.unit.name, to: SiteURL.unit(entry.unit.id).path)),
                        H.text("\(entry.own)"), H.text("\(entry.unit.headcount)"),
                    ]
                }),
        ]
    }

    static func importForm(csrf: String, deactivateMissing: Bool, error: String?) -> [BodyNode] {
        [
            H.errorSummary(error.map { [(field: "file", message: $0)] } ?? []),
            H.heading(1, "Import people"),
            H.paragraph(
                "Upload a CSV file with one row per person. Foothold checks the whole file first and shows you what it will do; nothing changes until you say so. If any row has a problem, you see every problem with its line number.",
                class: "lead"),
            H.form(
                action: SiteURL.adminImport.path, csrf: csrf, multipart: true,
                [
                    H.field(
                        name: "file", label: "CSV file", type: "file", hint: "UTF-8 text, comma-separated, with a header row.", error: error
                    ),
                    H.checkbox(
                        name: "deactivate_missing", label: "Mark people who are not in this file as having left",
                        checked: deactivateMissing,
                        hint: "Leave this unticked to add and update people only."),
                    H.button("Check the file"),
                ]),
            H.heading(2, "Columns"),
            H.table(
                caption: "Columns of the people file", headers: ["Column", "What it holds"],
                rows: [
                    [H.text("email"), H.text("Work email address; it identifies the person. Required.")],
                    [H.text("name"), H.text("Full name. Required.")],
                    [H.text("job_title"), H.text("Job title. Required.")],
                    [
                        H.text("unit"),
                        H.text(
                            "Where they work, from the top down, such as Ridgeway/Housing/Planning. Missing units are created. Required."),
                    ],
                    [H.text("manager_email"), H.text("Their line manager's email; empty for the person at the top.")],
                    [H.text("leadership_team"), H.text("yes or no: on the Leadership Team.")],
                    [H.text("hr_admin"), H.text("yes or no: an HR administrator.")],
                    [
                        H.text("unit_head"),
                        H.text(
                            "Optional. yes for the head of their unit. Without it, the head is the one person in the unit whose manager works outside it."
                        ),
                    ],
                ], captionHidden: false),
        ]
    }

    static func importProblems(_ failure: PeopleImport.Failure, filename: String, csrf: String, deactivateMissing: Bool) -> [BodyNode] {
        let count = failure.problems.count
        return [
            H.el(
                "div", H.attr("class", "error-summary"), H.attr("role", "alert"),
                H.el("h2", class: "error-summary__title", H.text("Nothing was imported")),
                H.paragraph(
                    "\(filename) has \(count) problem\(count == 1 ? "" : "s"). Correct \(count == 1 ? "it" : "them") in your spreadsheet and upload the file again."
                )),
            H.heading(1, "Import people"),
            H.table(
                caption: "Problems in \(filename)", headers: ["Line", "Column", "Problem"],
                rows: failure.problems.map { [H.text("\($0.line)"), H.text($0.field ?? ""), H.text($0.message)] }, captionHidden: false),
            warnings(failure.warnings),
            H.heading(2, "Upload the corrected file"),
            H.form(
                action: SiteURL.adminImport.path, csrf: csrf, multipart: true,
                [
                    H.field(name: "file", label: "CSV file", type: "file"),
                    H.checkbox(
                        name: "deactivate_missing", label: "Mark people who are not in this file as having left", checked: deactivateMissing
                    ),
                    H.button("Check the file"),
                ]),
        ]
    }

    static func imported(_ outcome: PeopleImporter.Outcome, filename: String, notSignedIn: Int, csrf: String) -> [BodyNode] {
        [
            H.notice("\(filename) was imported.", style: "success"),
            H.heading(1, "People imported"),
            H.summaryList([
                ("Added", H.text("\(outcome.created)")),
                ("Updated", H.text("\(outcome.updated)")),
                ("Unchanged", H.text("\(outcome.unchanged)")),
                ("Marked as having left", H.text("\(outcome.deactivated)")),
                ("New units", H.text("\(outcome.unitsCreated)")),
            ]),
            warnings(outcome.warnings),
            notSignedIn == 0
                ? H.nothing
                : H.el(
                    "section", class: "card",
                    H.heading(2, "Let them in"),
                    H.paragraph(
                        "\(notSignedIn) \(notSignedIn == 1 ? "person has" : "people have") not signed in yet. Each can be e-mailed an "
                            + "invitation with a link to set their password."),
                    H.form(
                        action: SiteURL.adminPeopleLinks.path, csrf: csrf,
                        [
                            H.hidden(name: "send", value: "invitation"), H.hidden(name: "everyone", value: "not_signed_in"),
                            H.button("Invite everyone who has not signed in yet (\(notSignedIn))"),
                        ])),
            H.el(
                "ul", class: "link-list",
                H.el("li", H.link("See people", to: SiteURL.adminPeople.path)),
                H.el("li", H.link("Import another file", to: SiteURL.adminImport.path))),
        ]
    }

    /// What importing a checked file will do, before anything is written.
    static func importPreview(_ outcome: PeopleImporter.Outcome, filename: String, pending: UUID, csrf: String) -> [BodyNode] {
        [
            H.heading(1, "Check the import"),
            H.paragraph("Nothing has changed yet. This is what importing \(filename) will do.", class: "lead"),
            H.summaryList([
                ("Added", H.text("\(outcome.created)")),
                ("Changed", H.text("\(outcome.updated)")),
                ("Unchanged", H.text("\(outcome.unchanged)")),
                ("Marked as having left", H.text("\(outcome.deactivated)")),
                ("New units", H.text("\(outcome.unitsCreated)")),
            ]),
            previewList(
                "New heads of units", id: "heads",
                about:
                    "Heading a unit shows its monitoring: coverage, notices of conversations held and theme figures. Check each is right.",
                outcome.newHeads.map { "\($0.name) will head \($0.unit)" }),
            previewList("New units", id: "units", about: nil, outcome.newUnits),
            previewList(
                "Leaving", id: "leaving", about: "They will no longer be able to sign in, and any link they were sent stops working.",
                outcome.leaving),
            warnings(outcome.warnings),
            H.form(
                action: SiteURL.adminImportConfirm.path, csrf: csrf,
                [
                    H.hidden(name: "pending", value: pending.uuidString),
                    H.el(
                        "div", [H.attr("class", "button-row")], H.button("Import these changes"),
                        H.link("Choose another file", to: SiteURL.adminImport.path, class: "button button--secondary")),
                ]),
        ]
    }

    /// One list of a preview, at most `shown` long, with how many more there are.
    static func previewList(_ title: String, id: String, about: String?, _ items: [String], shown: Int = 50) -> BodyNode {
        guard !items.isEmpty else { return H.nothing }
        var lines = Array(items.prefix(shown))
        if items.count > shown { lines.append("and \(items.count - shown) more") }
        return H.card(
            labelledBy: "preview-\(id)",
            [H.heading(2, title, id: "preview-\(id)"), about.map { H.paragraph($0) } ?? H.nothing, H.list(lines)])
    }

    static func warnings(_ warnings: [PeopleImport.Warning]) -> BodyNode {
        guard !warnings.isEmpty else { return H.nothing }
        return H.el(
            "section", class: "card",
            H.heading(2, "Worth checking"),
            H.el("ul", warnings.map { H.el("li", H.text($0.description)) }))
    }
}

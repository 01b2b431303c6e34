import FootholdCore
import FootholdData
import Foundation

extension ProgrammeAdminPages {
    // MARK: career year

    static func careerYear(_ year: CareerYear, current: Int, years: [Int], display: DisplayDate, csrf: String, opened: Int?) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if let opened {
            nodes.append(
                H.notice(
                    "The career year \(CareerYear.label(startYear: opened)) is open, with the same checkpoints a year on. Change any of them below.",
                    style: "success"))
        }
        nodes.append(H.heading(1, "Career year \(year.label)"))
        nodes.append(
            H.paragraph(
                year.startYear == current
                    ? "This is the current career year. Everyone is offered a career conversation at each checkpoint."
                    : "The current career year is \(CareerYear.label(startYear: current)).", class: "lead"))
        nodes.append(
            H.table(
                caption: "Checkpoints of \(year.label)", headers: ["Checkpoint", "Window", "Length", "Questions", "Focus", ""],
                rows: year.checkpoints.map { checkpoint in
                    [
                        H.text(checkpoint.name), H.text("\(display.day(checkpoint.opens)) to \(display.day(checkpoint.closes))"),
                        H.text("\(checkpoint.suggestedMinutes) minutes"), H.text(checkpoint.stage.title), H.text(checkpoint.focus),
                        H.link("Change", to: SiteURL.adminCheckpoint(checkpoint.id).path),
                    ]
                }))
        if years.count > 1 {
            nodes.append(
                H.el(
                    "nav", [H.attr("aria-label", "Career years"), H.attr("class", "link-list")],
                    H.el(
                        "p",
                        [H.text("Career years: ")]
                            + years.sorted().flatMap { start in
                                [
                                    start == year.startYear
                                        ? H.el("strong", H.text(CareerYear.label(startYear: start)))
                                        : H.link(
                                            CareerYear.label(startYear: start),
                                            to: SiteURL.adminCareerYear.with(query: [("year", String(start))])), H.text(" "),
                                ]
                            })))
        }
        if years.max() == year.startYear {
            nodes.append(H.heading(2, "The next career year"))
            nodes.append(
                H.paragraph(
                    "Open \(CareerYear.label(startYear: year.startYear + 1)) with these checkpoints a year later. You can change its checkpoints afterwards."
                ))
            nodes.append(
                H.actionButton("Open \(CareerYear.label(startYear: year.startYear + 1))", action: SiteURL.adminNextYear.path, csrf: csrf))
        }
        return nodes
    }

    static func checkpointForm(_ id: UUID, draft: CheckpointDraft, year: CareerYear, problems: FieldProblems, csrf: String) -> [BodyNode] {
        [
            H.errorSummary(problems.items),
            H.heading(1, "Change \(draft.name.isEmpty ? "the checkpoint" : draft.name)"),
            H.paragraph("Career year \(year.label), from \(year.firstDay.spoken) to \(year.lastDay.spoken).", class: "lead"),
            H.form(
                action: SiteURL.adminCheckpoint(id).path, csrf: csrf,
                [
                    H.field(name: "name", label: "Name", value: draft.name, error: problems.message(for: "name")),
                    H.field(
                        name: "opens", label: "First day of the window", value: draft.opens, type: "date",
                        error: problems.message(for: "opens")),
                    H.field(
                        name: "closes", label: "Last day of the window", value: draft.closes, type: "date",
                        error: problems.message(for: "closes")),
                    H.field(
                        name: "suggested_minutes", label: "Suggested length in minutes", value: draft.suggestedMinutes, type: "number",
                        error: problems.message(for: "suggested_minutes")),
                    H.radios(
                        name: "stage", legend: "Which questions suit it?",
                        options: CheckpointStage.allCases.map { ($0.rawValue, $0.title, nil) },
                        selected: draft.stage, error: problems.message(for: "stage")),
                    H.textarea(
                        name: "focus", label: "Focus", value: draft.focus, hint: "One sentence people see with the invitation.",
                        error: problems.message(for: "focus"), rows: 2),
                    H.button("Save the checkpoint"),
                ]),
        ]
    }

    // MARK: themes

    static func themes(_ themes: [Theme], typed: String, problems: FieldProblems, csrf: String) -> [BodyNode] {
        [
            H.errorSummary(problems.items),
            H.heading(1, "Themes"),
            H.paragraph(
                "Guides and employees tag each conversation with the themes that came up. They are counted anonymously, so you can see what people across the organisation are thinking about without reading anything they said.",
                class: "lead"),
            H.table(
                caption: "Themes", headers: ["Theme", "Status", ""],
                rows: themes.map { theme in
                    [
                        H.text(theme.name), theme.isActive ? H.tag("In use", .met) : H.tag("Retired", .inactive),
                        H.actionButton(
                            theme.isActive ? "Retire" : "Use again", action: SiteURL.adminThemes.path, csrf: csrf, style: .link,
                            hidden: [("theme", theme.id.uuidString), ("active", theme.isActive ? "no" : "yes")]),
                    ]
                }),
            H.heading(2, "Add a theme"),
            H.form(
                action: SiteURL.adminThemes.path, csrf: csrf,
                [
                    H.field(name: "name", label: "Name", value: typed, error: problems.message(for: "name")),
                    H.button("Add the theme", style: .secondary),
                ]),
        ]
    }

    // MARK: question bank

    static func questionBank(_ bank: QuestionBank, problems: FieldProblems, csrf: String, saved: Bool, importFailed: String? = nil)
        -> [BodyNode]
    {
        var nodes: [BodyNode] = [H.errorSummary(problems.items)]
        if saved {
            nodes.append(
                H.notice("The question bank is saved. New preparation and guided conversations use it straight away.", style: "success"))
        }
        if let importFailed { nodes.append(H.notice("\(importFailed) was not imported; the question bank is unchanged.")) }
        nodes.append(H.heading(1, "Question bank"))
        nodes.append(
            H.paragraph(
                "The questions people see when they prepare, and the tips and questions of each stage of the guided conversation. Write one question per line.",
                class: "lead"))
        nodes.append(
            H.el(
                "div", class: "button-row",
                H.link("Export as JSON", to: SiteURL.adminQuestionBankExport.path, class: "button button--secondary")))
        nodes.append(questionBankImport(problems: problems, csrf: csrf))
        nodes.append(
            H.form(
                action: SiteURL.adminQuestionBank.path, csrf: csrf,
                questionBankFields(bank, problems: problems) + [H.button("Save the question bank")]))
        return nodes
    }

    /// Importing a whole bank from a JSON file exported before.
    static func questionBankImport(problems: FieldProblems, csrf: String) -> BodyNode {
        H.form(
            action: SiteURL.adminQuestionBankImport.path, csrf: csrf, multipart: true, class: "card",
            [
                H.heading(2, "Import a question bank"),
                H.field(
                    name: "file", label: "A question bank exported from Foothold (JSON)", type: "file",
                    hint: "It replaces the whole bank. Nothing changes if the file has a problem.", error: problems.message(for: "file")
                ),
                H.button("Import", style: .secondary),
            ])
    }

    /// One field for every question, stage and point of the year, as `bank(fromForm:)` reads them.
    static func questionBankFields(_ bank: QuestionBank, problems: FieldProblems) -> [BodyNode] {
        var fields: [BodyNode] = [H.heading(2, "Preparation questions")]
        for side in [ConversationSide.employee, .guide] {
            fields.append(H.heading(3, side == .employee ? "For the employee" : "For the guide"))
            fields += PreparationField.fields(for: side).map { field in
                H.textarea(
                    name: "preparation.\(field.rawValue)", label: field.rawValue.replacingOccurrences(of: "_", with: " ").capitalisedFirst,
                    value: bank.preparation[field] ?? "", error: problems.message(for: "preparation.\(field.rawValue)"), rows: 2)
            }
        }
        fields.append(H.heading(2, "The eight stages"))
        for stage in ConversationStage.allCases {
            let current = bank.stage(stage)
            fields.append(
                H.el(
                    "fieldset", class: "fieldset card",
                    H.el("legend", class: "field__label", H.text("Stage \(stage.number)")),
                    H.field(
                        name: "stages.\(stage.rawValue).title", label: "Title", value: current?.title ?? "",
                        error: problems.message(for: "stages.\(stage.rawValue).title")
                            ?? problems.message(for: "stages.\(stage.rawValue)")),
                    H.textarea(
                        name: "stages.\(stage.rawValue).tip", label: "Tip", value: current?.tip ?? "",
                        error: problems.message(for: "stages.\(stage.rawValue).tip"), rows: 2),
                    H.textarea(
                        name: "stages.\(stage.rawValue).questions", label: "Suggested questions, one per line",
                        value: (current?.questions ?? []).joined(separator: "\n"), rows: 3)))
        }
        fields.append(H.heading(2, "Questions for each point of the year"))
        for stage in CheckpointStage.allCases {
            fields.append(
                H.textarea(
                    name: "checkpoints.\(stage.rawValue)", label: "\(stage.title) checkpoints, one per line",
                    value: (bank.checkpoints[stage] ?? []).joined(separator: "\n"),
                    error: problems.message(for: "checkpoints.\(stage.rawValue)"), rows: 5))
        }
        return fields
    }

    // MARK: audit

    static func audit(
        _ entries: [AuditEntry], person: String, subjectName: String?, notFound: Bool,
        page: Int, hasNext: Bool, display: DisplayDate
    ) -> [BodyNode] {
        let caption = subjectName.map { "Who opened or changed \($0)'s records" } ?? "Audit log"
        return [
            H.heading(1, "Audit log"),
            H.paragraph(
                "Who opened or changed a record, and when: conversation records, sign-ins, imports, roles and reporting lines, and the programme's settings. It never shows what anything said, who holds a mentoring or Leadership Team conversation with whom, or how anyone answered an invitation.",
                class: "lead"),
            H.searchForm(
                action: SiteURL.adminAudit.path, query: person, name: "person", label: "Whose records (their email address)", button: "Show"
            ),
            notFound ? H.notice("No one with the email address \(person) is in Foothold.", style: "warning") : H.nothing,
            entries.isEmpty && !notFound
                ? H.emptyState(
                    "Nothing yet", "Each time someone opens or changes a record, signs in or changes a setting, a line appears here.")
                : entries.isEmpty
                    ? H.nothing
                    : H.table(
                        caption: caption, headers: ["When", "Who", "What", "Whose records"],
                        cells: entries.map { entry in
                            [.text(display.dateTime(entry.at)), .text(entry.line.who), .text(entry.line.what), .text(entry.line.whose)]
                        }),
            H.pagination(current: page, hasNext: hasNext) {
                SiteURL.adminAudit.with(query: [("person", person.isEmpty ? nil : person), ("page", String($0))])
            },
        ]
    }
}

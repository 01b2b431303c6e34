import FootholdCore
import FootholdData
import Foundation

/// One action: what it says, the SMART check, its progress, and what the viewer may change.
extension ActionPage {
    static func content(
        _ model: Model, typed: ActionsPage.Form?, typedStatus: ActionsPage.StatusForm? = nil, typedNote: String? = nil,
        problems: FieldProblems, saved: Saved?, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let loaded = model.loaded, action = loaded.action, line = loaded.line
        let verdict = line.smart
        let savedMessage: String? =
            switch saved {
            case .changed: "Action changed."
            case .status: "Status saved."
            case .note: "Note added."
            case .confirmed: "Confirmed: it can be delivered."
            case nil: nil
            }
        var nodes: [BodyNode] = [
            H.errorSummary(problems.items),
            savedMessage.map { H.notice($0, style: "success") } ?? H.nothing,
            H.heading(1, action.description),
            H.privacy(whoSees(line, viewerID: loaded.viewerID)),
            H.summaryList(summary(model, display: display)),
            H.adviceBox(
                title: "SMART check", met: SmartCriterion.allCases.filter(verdict.met.contains).map(\.name),
                missing: verdict.advice.map { ($0.criterion.name, $0.sentence) }, id: "smart"),
        ]
        if action.awaitsConfirmation {
            nodes.append(
                loaded.allows(.confirm)
                    ? H.card(
                        H.heading(2, "Can it be delivered?"),
                        H.paragraph(
                            "Confirm only once you know you or the organisation can do this. Until then both of you see it as not yet confirmed."
                        ),
                        H.actionButton(
                            "Confirm it can be delivered", action: SiteURL.actionConfirm(action.id).path, csrf: csrf, style: .primary))
                    : H.notice(
                        "Not yet confirmed: \(line.guideName ?? "the guide") has still to confirm this can be delivered.", style: "info"))
        }
        nodes.append(progressCard(model, typedStatus: typedStatus, typedNote: typedNote, problems: problems, display: display, csrf: csrf))
        if loaded.allows(.edit) { nodes.append(editCard(model, typed: typed, problems: problems, csrf: csrf)) }
        return nodes
    }

    static func whoSees(_ line: ActionLine, viewerID: UUID) -> String {
        var people = ["\(line.action.employeeID == viewerID ? "You" : line.employeeName)"]
        if let guide = line.guideName { people.append(line.guideID == viewerID ? "you" : guide) }
        if line.action.owner == .colleague, let colleague = line.colleagueName {
            people.append(line.action.ownerPersonID == viewerID ? "you, as the colleague named" : "\(colleague), who is named for it")
        }
        return "Seen by " + (people.count == 1 ? people[0] + " only" : people.dropLast().joined(separator: ", ") + " and " + people.last!)
    }

    static func summary(_ model: Model, display: DisplayDate) -> [(String, BodyNode)] {
        let loaded = model.loaded, action = loaded.action, line = loaded.line
        var rows: [(String, BodyNode)] = [
            ("Who will do it", H.text(line.ownerName(for: loaded.viewerID))),
            ("By when", ActionsPage.dueCell(action, today: display.today(), display: display).node),
            ("Status", ActionsPage.statusCell(action).node),
            ("How we will know it is done", H.text(action.successMeasure.isEmpty ? "Not written yet" : action.successMeasure)),
        ]
        if action.status == .dropped, let reason = action.dropReason { rows.append(("Why it was dropped", H.text(reason))) }
        if let title = line.conversationTitle, let conversationID = action.conversationID {
            let when = line.conversationDate.map { ", \(display.day($0))" } ?? ""
            rows.append(("Agreed in", H.link(title + when, to: SiteURL.conversation(conversationID).path)))
        }
        // The request went from the employee to the colleague: theirs to follow, nobody else's.
        if let request = line.talkRequestID, action.employeeID == loaded.viewerID {
            rows.append(("Your request", H.link("The conversation you were suggested", to: SiteURL.conversation(request).path)))
        }
        if let goal = model.goalText {
            rows.append(("For the goal", H.text(goal)))
        } else if action.goalID != nil {
            rows.append(("For the goal", H.text("One of \(line.employeeName)\u{2019}s development goals")))
        } else if action.forInfluenceObjective {
            rows.append(("For", H.text("The influence objective of the conversation")))
        }
        return rows
    }

    static func progressCard(
        _ model: Model, typedStatus: ActionsPage.StatusForm?, typedNote: String?, problems: FieldProblems, display: DisplayDate,
        csrf: String
    ) -> BodyNode {
        let loaded = model.loaded, action = loaded.action
        var nodes: [BodyNode] = [H.heading(2, "Progress", id: "progress")]
        nodes.append(
            model.notes.isEmpty
                ? H.paragraph("No notes yet.", class: "muted")
                : H.table(
                    caption: "Progress notes", headers: ["When", "Who", "Note"],
                    cells: model.notes.map { [.text(display.day($0.createdAt)), .text($0.authorName), .span(class: "answer", $0.body)] }))
        guard loaded.allows(.progress) else { return H.card(labelledBy: "progress", nodes) }
        let options = ActionStatus.allCases.map {
            ($0.rawValue, $0.label, $0 == .dropped ? "Say why below." : nil) as (String, String, String?)
        }
        nodes.append(
            H.form(
                action: SiteURL.actionStatus(action.id).path, csrf: csrf,
                [
                    H.radios(
                        name: "status", legend: "Where it stands", options: options, selected: typedStatus?.status ?? action.status.rawValue
                    ),
                    H.field(
                        name: "drop_reason", label: "Why it is dropped (if it is)",
                        value: typedStatus?.drop_reason ?? action.dropReason ?? "",
                        error: problems.message(for: "drop_reason")),
                    H.button("Save the status", style: .secondary),
                ]))
        nodes.append(
            H.form(
                action: SiteURL.actionNotes(action.id).path, csrf: csrf,
                [
                    H.textarea(
                        name: "body", label: "Add a note of progress", value: typedNote ?? "",
                        hint: "What has happened, dated today.", error: problems.message(for: "body"), rows: 2),
                    H.button("Add the note", style: .secondary),
                ]))
        return H.card(labelledBy: "progress", nodes)
    }

    static func editCard(_ model: Model, typed: ActionsPage.Form?, problems: FieldProblems, csrf: String) -> BodyNode {
        let loaded = model.loaded, line = loaded.line
        let employee = line.action.employeeID == loaded.viewerID ? "You" : line.employeeName
        let guide = line.guideID.map { $0 == loaded.viewerID ? "You" : (line.guideName ?? "The guide") }
        let form = typed ?? ActionsPage.Form(line)
        let isOwner = line.action.employeeID == loaded.viewerID
        return H.card(
            labelledBy: "edit-heading",
            [
                H.heading(2, "Change the action", id: "edit-heading"),
                H.form(
                    action: SiteURL.actionPage(line.action.id).path, csrf: csrf,
                    ActionsPage.fields(
                        typed: form, problems: problems, owners: ActionsPage.ownerOptions(employee: employee, guide: guide),
                        goals: model.goals, ownPlan: isOwner, goalsHidden: !isOwner && model.goals.isEmpty)
                        + [H.button("Save the changes", style: .secondary)]),
            ])
    }
}

import FootholdCore
import FootholdData
import Foundation

extension ReflectionPage {
    static func content(_ record: ConversationForViewer, typed: Form, problems: FieldProblems, saved: Bool, csrf: String) -> [BodyNode] {
        let guide = record.guide.name.firstName
        let options = Reflection.Answer.allCases.map { ($0.rawValue, $0.label, nil) as (String, String, String?) }
        var fields: [BodyNode] = Reflection.Question.allCases.map { question in
            H.radios(
                name: question.rawValue, legend: question.wording, options: options, selected: typed.answer(question),
                error: problems.message(for: question.rawValue))
        }
        fields.insert(
            H.radios(
                name: "balance", legend: "Where did you spend your time?",
                options: Reflection.Balance.allCases.map { ($0.rawValue, $0.label, nil) }, selected: typed.balance,
                error: problems.message(for: "balance")), at: 4)
        fields.append(
            H.textarea(
                name: "what_worked", label: "What worked", value: typed.what_worked ?? "", error: problems.message(for: "what_worked"),
                rows: 3))
        fields.append(
            H.textarea(
                name: "differently", label: "What you would do differently next time", value: typed.differently ?? "",
                error: problems.message(for: "differently"), rows: 3))
        return [
            H.errorSummary(problems.items),
            saved ? H.notice("Saved. You will see it again when you next prepare.", style: "success") : H.nothing,
            H.heading(1, "Your reflection on the conversation with \(guide)"),
            H.paragraph(
                "A few minutes now, while it is fresh, makes the next conversation better. Answer what helps and leave the rest.",
                class: "lead"),
            H.privacy("Only you. \(guide) never sees it, and nor does anyone else."),
            H.form(action: SiteURL.reflection(record.id).path, csrf: csrf, fields + [H.button("Save your reflection")]),
        ]
    }

    /// The earlier reflection the preparation page shows again, briefly.
    static func reminder(_ past: PastReflection, display: DisplayDate) -> BodyNode {
        var rows: [(String, BodyNode)] = []
        if let met = past.reflection[.influenceMet] { rows.append((Reflection.Question.influenceMet.wording, H.text(met.label))) }
        if let balance = past.reflection.balance { rows.append(("Where your time went", H.text(balance.label))) }
        if !past.reflection.whatWorked.isEmpty { rows.append(("What worked", H.paragraph(past.reflection.whatWorked, class: "answer"))) }
        if !past.reflection.differently.isEmpty {
            rows.append(("What you would do differently", H.paragraph(past.reflection.differently, class: "answer")))
        }
        let when = past.heldAt.map { ", \(display.day($0))" } ?? ""
        return H.card(
            labelledBy: "reflection-reminder",
            [
                H.heading(2, "What you noted last time", id: "reflection-reminder"),
                H.privacy("Only you"),
                H.paragraph("From your reflection on \(past.title)\(when).", class: "muted"),
                H.summaryList(rows),
            ])
    }
}

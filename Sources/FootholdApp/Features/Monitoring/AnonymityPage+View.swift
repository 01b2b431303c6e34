import FootholdCore
import Foundation

/// The page where HR administrators set the anonymity threshold and when theme figures are published.
enum AnonymityPage {
    static let title = "Anonymity of theme figures"

    static func content(form: AnonymityController.Form, problems: FieldProblems, saved: Bool, csrf: String) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if saved {
            nodes.append(
                H.notice("Saved. Figures published from now on use it; figures already published never change.", style: "success"))
        }
        nodes.append(H.errorSummary(problems.items))
        nodes.append(H.heading(1, title))
        nodes.append(
            H.paragraph(
                "Directors and the Leadership Team see how often each theme comes up, never who said what. A figure drawn from, or "
                    + "counting, fewer people than the threshold is held back, and so is one that everyone it is drawn from shares, "
                    + "and any figure it could be worked out from.",
                class: "lead"))
        nodes.append(
            H.card(
                H.form(
                    action: SiteURL.adminAnonymity.path, csrf: csrf,
                    [
                        H.field(
                            name: "threshold", label: "Fewest people a figure may come from", value: form.threshold ?? "",
                            type: "number", hint: "A whole number from 3 to 10. Higher protects more and shows less.",
                            error: problems.message(for: "threshold"), required: true),
                        H.field(
                            name: "days", label: "Days after a checkpoint window closes that its figures are published",
                            value: form.days ?? "", type: "number",
                            hint:
                                "From \(ThemeRelease.reportingDays.lowerBound) to \(ThemeRelease.reportingDays.upperBound); "
                                + "\(ThemeRelease.standardReportingDays) to begin with. Line managers report until then. Figures are "
                                + "worked out once, then, and never change, so nobody can learn one team’s themes by watching "
                                + "them move.",
                            error: problems.message(for: "days")),
                        H.button("Save"),
                    ])))
        return nodes
    }
}

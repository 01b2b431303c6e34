import FootholdCore
import Foundation

/// The page where HR administrators set the anonymity threshold.
enum AnonymityPage {
    static let title = "Anonymity threshold"

    static func content(value: String, error: String?, saved: Bool, csrf: String) -> [BodyNode] {
        var nodes: [BodyNode] = []
        if saved { nodes.append(H.notice("Saved. Theme figures use it within a minute.", style: "success")) }
        if let error { nodes.append(H.errorSummary([("threshold", error)])) }
        nodes.append(H.heading(1, title))
        nodes.append(
            H.paragraph(
                "Directors and the Leadership Team see how often each theme comes up, never who said what. A figure drawn from, or "
                    + "counting, fewer people than this is held back, and so is any figure it could be worked out from.",
                class: "lead"))
        nodes.append(
            H.card(
                H.form(
                    action: SiteURL.adminAnonymity.path, csrf: csrf,
                    [
                        H.field(
                            name: "threshold", label: "Fewest people a figure may come from", value: value, type: "number",
                            hint: "A whole number from 3 to 10. Higher protects more and shows less.", error: error, required: true),
                        H.button("Save"),
                    ])))
        return nodes
    }
}

import Vapor
import Plot

extension H {
    /// "Are you sure?" before something that cannot be undone and reaches someone else: what will
    /// happen, who will be told, a button that does it and a way back that does nothing. The button
    /// posts to the same address with `confirm=yes`; without it the address only asks.
    static func confirmation(
        title: String, lead: String, consequences: [String], action: String, csrf: String, confirmLabel: String, keepLabel: String,
        keepPath: String
    ) -> [BodyNode] {
        [
            H.heading(1, title),
            H.paragraph(lead, class: "lead"),
            consequences.isEmpty ? H.nothing : H.list(consequences),
            H.form(
                action: action, csrf: csrf,
                [
                    H.el(
                        "div", [H.attr("class", "button-row")],
                        H.submitButton(confirmLabel, name: "confirm", value: "yes", style: .warning),
                        H.link(keepLabel, to: keepPath, class: "button button--secondary"))
                ]),
        ]
    }
}

extension Request {
    /// Whether the form was sent from a confirmation's "Yes" button (H.confirmation).
    var confirmed: Bool { Ticked(field: try? content.get(String.self, at: "confirm")).isTicked }
}

import FootholdCore
import FootholdData
import Foundation

extension SharingPage {
    static func content(_ standing: Standing, csrf: String, saved: Bool, changed: Bool) -> [BodyNode] {
        let manager = standing.managerName ?? "your line manager"
        return [
            saved ? H.notice("Saved.", style: "success") : H.nothing,
            changed
                ? H.notice(
                    "Your line manager changed while this page was open, so nothing was saved. Choose again for \(manager).",
                    style: "warning") : H.nothing,
            H.heading(1, "What your line manager can see"),
            H.paragraph(
                "Your line manager always sees whether your checkpoint conversations have happened, so they can offer them. What was said stays between you and the person you talked to.",
                class: "lead"),
            H.paragraph(
                "If you have moved to a new manager, you may want them to read what you agreed with your previous one, so you do not start again from scratch. Your private notes, your preparation and your reasons for saying not now are never shared."
            ),
            standing.managerID == nil
                ? H.paragraph("You have no line manager in Foothold at the moment, so there is no one to share with.")
                : H.form(
                    action: SiteURL.sharing.path, csrf: csrf,
                    [
                        H.hidden(name: "manager", value: standing.managerID?.lowerText ?? ""),
                        H.checkbox(
                            name: "share",
                            label: "Let \(manager) read the summaries, themes and actions of my conversations with other guides",
                            checked: standing.shares,
                            hint:
                                "This is for \(manager) only. If your line manager changes, the new one sees none of it until you choose for them. You can change your mind at any time."
                        ),
                        H.button("Save"),
                    ]),
        ]
    }
}

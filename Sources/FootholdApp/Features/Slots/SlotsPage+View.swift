import FootholdCore
import FootholdData
import Foundation

extension SlotsPage {
    static func content(_ model: Model, message: String?, problem: String?, display: DisplayDate, csrf: String) -> [BodyNode] {
        [
            problem.map { H.notice($0, style: "warning") } ?? H.nothing,
            message.map { H.notice($0, style: "success") } ?? H.nothing,
            H.heading(1, "Book a conversation with the Leadership Team"),
            H.paragraph(
                "Members of the Leadership Team set time aside for career conversations with anyone who wants one. Book a slot with one click, and say what you would like to talk about if you wish. It is as confidential as any career conversation: only you and the person you meet see what you write.",
                class: "lead"),
            model.viewerIsLeadershipTeam
                ? H.el(
                    "p", H.text("You are on the Leadership Team: "), H.link("offer slots of your own", to: SiteURL.ownSlots.path),
                    H.text("."))
                : H.nothing,
            bookingsCard(model, display: display, csrf: csrf),
            openCard(model, display: display, csrf: csrf),
        ]
    }

    static func bookingsCard(_ model: Model, display: DisplayDate, csrf: String) -> BodyNode {
        guard !model.bookings.isEmpty else { return H.nothing }
        return H.card(
            labelledBy: "your-bookings",
            [
                H.heading(2, "Your bookings", id: "your-bookings"),
                H.table(
                    caption: "Slots you have booked", headers: ["When", "With", "Where", ""],
                    cells: model.bookings.map { slot in
                        [
                            .text(display.dateTime(slot.startsAt) + " (\(slot.minutes) minutes)"),
                            .text(slot.memberName),
                            .text(slot.place),
                            slot.withdrawn
                                ? .tag("Withdrawn", .declined) + .text(" \(slot.memberName) can no longer meet at this time.")
                                : (slot.conversationID.map { .link("Prepare", to: SiteURL.prepare($0).path) + .text(" ") } ?? .empty)
                                    + .actionButton("Cancel", action: SiteURL.slotCancel(slot.id).path, csrf: csrf),
                        ]
                    }),
            ])
    }

    static func openCard(_ model: Model, display: DisplayDate, csrf: String) -> BodyNode {
        H.card(
            labelledBy: "open-slots",
            [
                H.heading(2, "Open slots in the week of \(display.day(model.week))", id: "open-slots"),
                filterForm(model),
                weekNavigation(model, display: display),
                model.open.isEmpty
                    ? H.emptyState(
                        "No open slots this week",
                        model.nextWeekWithSlots == nil
                            ? "When a member of the Leadership Team offers slots, they appear here. You can also ask anyone for a conversation from their page in the directory."
                            : "There are open slots in a later week.",
                        action: model.nextWeekWithSlots.map { H.link("See the week of \(display.day($0))", to: model.link(week: $0)) })
                    : slotList(model.open, display: display, csrf: csrf),
            ])
    }

    static func filterForm(_ model: Model) -> BodyNode {
        let options = [(value: "", label: "Everyone")] + model.members.map { (value: $0.id.uuidString, label: $0.name) }
        return H.getForm(
            action: SiteURL.slots.path,
            [
                H.hidden(name: "week", value: model.week.iso),
                H.select(name: "member", label: "Whose slots", options: options, selected: model.memberID?.uuidString ?? ""),
                H.button("Show", style: .secondary),
            ])
    }

    static func weekNavigation(_ model: Model, display: DisplayDate) -> BodyNode {
        var links: [Markup] = []
        if model.week > model.thisWeek { links.append(.link("Previous week", to: model.link(week: model.week.adding(days: -7)))) }
        links.append(.link("Next week", to: model.link(week: model.week.adding(days: 7))))
        return H.el("p", class: "week-nav", H.inline(links, separator: " · "))
    }

    static func slotList(_ slots: [LeadershipSlot], display: DisplayDate, csrf: String) -> BodyNode {
        H.el(
            "ul",
            [H.attr("class", "slot-list")]
                + slots.map { slot in
                    H.el(
                        "li",
                        H.el("p", class: "slot__when", H.text(display.dateTime(slot.startsAt))),
                        H.el("p", class: "slot__who", H.text("\(slot.memberName) · \(slot.minutes) minutes · \(slot.place)")),
                        slot.theme.isEmpty ? H.nothing : H.el("p", class: "slot__theme", H.text(slot.theme)),
                        H.oneFieldForm(
                            action: SiteURL.slotBook(slot.id).path, csrf: csrf, name: "note",
                            label: "What would you like to talk about? (optional)", id: "note-\(slot.id.uuidString.lowercased())",
                            button: "Book this slot", maxLength: SlotBooking.noteLength))
                })
    }
}

extension SlotsPage {
    static func ownContent(
        _ model: OwnModel, typed: PublishForm?, problems: FieldProblems, message: String?, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        [
            H.errorSummary(problems.items),
            message.map { H.notice($0, style: "success") } ?? H.nothing,
            H.heading(1, "Offer slots for career conversations"),
            H.paragraph(
                "Anyone in the organisation can book one of your slots. Each booking becomes a conversation with you, prepared for and recorded like any other, and as confidential.",
                class: "lead"),
            H.card(
                labelledBy: "offer",
                [
                    H.heading(2, "Offer a slot or a series", id: "offer"),
                    H.form(
                        action: SiteURL.ownSlots.path, csrf: csrf,
                        publishFields(typed, problems: problems, display: display) + [H.button("Offer the slots")]),
                ]),
            ownSlotsCard(model, display: display, csrf: csrf),
        ]
    }

    static func publishFields(_ typed: PublishForm?, problems: FieldProblems, display: DisplayDate) -> [BodyNode] {
        [
            H.field(
                name: "date", label: "Date of the first slot", value: typed?.date ?? "", type: "date", error: problems.message(for: "date")),
            H.field(
                name: "time", label: "Time", value: typed?.time ?? "10:00", type: "time", hint: "The same time each week, in UK time.",
                error: problems.message(for: "time")),
            H.field(name: "minutes", label: "Length in minutes", value: typed?.minutes ?? "30", error: problems.message(for: "minutes")),
            H.field(
                name: "weeks", label: "How many weeks", value: typed?.weeks ?? "1",
                hint: "1 for a single slot; 8 for every week for eight weeks.", error: problems.message(for: "weeks")),
            H.field(
                name: "place", label: "Where", value: typed?.place ?? "", hint: "A room, or a link for a call.",
                error: problems.message(for: "place")),
            H.field(
                name: "theme", label: "Theme (optional)", value: typed?.theme ?? "",
                hint: "Such as \u{201C}A summer series on moving across departments\u{201D}.", error: problems.message(for: "theme")),
            H.field(
                name: "per_person", label: "How many of these slots one person may hold at once", value: typed?.per_person ?? "1",
                error: problems.message(for: "per_person")),
        ]
    }

    static func ownSlotsCard(_ model: OwnModel, display: DisplayDate, csrf: String) -> BodyNode {
        H.card(
            labelledBy: "your-slots",
            [
                H.heading(2, "Your slots to come", id: "your-slots"),
                model.slots.isEmpty
                    ? H.emptyState("You have no slots to come", "Slots you offer appear here, with who booked each.")
                    : H.table(
                        caption: "Your slots to come", headers: ["When", "Where", "Theme", "Booked", ""],
                        cells: model.slots.map { slot in
                            [
                                .text(display.dateTime(slot.startsAt) + " (\(slot.minutes) minutes)"), .text(slot.place), .text(slot.theme),
                                booked(slot),
                                slot.withdrawn
                                    ? .empty
                                    : .actionButton("Withdraw", action: SiteURL.slotWithdraw(slot.id).path, csrf: csrf),
                            ]
                        }),
            ])
    }

    static func booked(_ slot: LeadershipSlot) -> Markup {
        if slot.withdrawn { return .tag("Withdrawn", .inactive) }
        guard let name = slot.bookerName, let conversationID = slot.conversationID else { return .tag("Open", .scheduled) }
        return .tag("Booked", .met) + .text(" ") + .link(name, to: SiteURL.conversation(conversationID).path)
    }
}

extension SlotsPage {
    /// Asked before a booked slot is withdrawn: whose conversation it cancels, and that they will be told.
    static func withdrawConfirmation(_ slot: LeadershipSlot, display: DisplayDate, csrf: String) -> [BodyNode] {
        let booker = slot.bookerName ?? "The person who booked it"
        return H.confirmation(
            title: "Withdraw this slot?",
            lead:
                "\(booker) has booked your slot on \(display.dateTime(slot.startsAt)). Withdrawing it cancels their conversation with you.",
            consequences: [
                "\(booker) will be told, in Foothold and by e-mail, and the calendar invitation is cancelled.",
                "They can book another of your slots, or anyone's.",
            ], action: SiteURL.slotWithdraw(slot.id).path, csrf: csrf, confirmLabel: "Yes, withdraw it", keepLabel: "No, keep it",
            keepPath: SiteURL.ownSlots.path)
    }

    /// Asked before a booking is cancelled by the person who made it.
    static func cancelConfirmation(_ slot: LeadershipSlot, display: DisplayDate, csrf: String) -> [BodyNode] {
        H.confirmation(
            title: "Cancel your booking?",
            lead: "Your conversation with \(slot.memberName) on \(display.dateTime(slot.startsAt)) will be cancelled.",
            consequences: [
                "\(slot.memberName) will be told, in Foothold and by e-mail.",
                "The slot is offered to others again.",
            ], action: SiteURL.slotCancel(slot.id).path, csrf: csrf, confirmLabel: "Yes, cancel it", keepLabel: "No, keep it",
            keepPath: SiteURL.slots.path)
    }
}

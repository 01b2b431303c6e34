import FootholdCore
import FootholdData
import Foundation

/// The notifications page, the reminder settings page and the unsubscribe pages.
enum RemindersPages {
    /// What the settings page says was just done: reminders saved, or a calendar address made.
    enum Saved: String, SavedState { case reminders, calendar }

    static func notifications(
        _ items: [RemindersStore.Notification], page: Int, more: Bool, display: DisplayDate, csrf: String
    ) -> [BodyNode] {
        let unread = items.contains { !$0.read }
        return [
            H.heading(1, "Notifications"),
            H.paragraph(
                "Reminders Foothold sends you: when it is time for a conversation, to prepare, or to follow something "
                    + "up. Each one takes you to where you can act.",
                class: "lead"),
            items.isEmpty && page == 1
                ? H.emptyState(
                    "Nothing yet", "When a checkpoint window opens or a conversation is a week away, you will see a reminder here.")
                : H.card(
                    unread
                        ? H.form(action: SiteURL.notificationsRead.path, csrf: csrf, [H.button("Mark all as read", style: .secondary)])
                        : H.nothing,
                    list(items, display: display)),
            H.pagination(current: page, hasNext: more) { SiteURL.notifications.with(query: [("page", String($0))]) },
            H.paragraph("You choose which reminders you get, in the app and by e-mail.", class: "muted"),
            H.link("Choose your reminders", to: SiteURL.reminderSettings.path),
        ]
    }

    static func list(_ items: [RemindersStore.Notification], display: DisplayDate) -> BodyNode {
        H.el(
            "ul",
            [H.attr("class", "notification-list")]
                + items.map { item in
                    H.el(
                        "li", class: item.read ? "notification" : "notification notification--unread",
                        H.el(
                            "p", class: "notification__text", item.read ? H.nothing : H.tag("New", .due), H.text(" "),
                            H.link(item.text, to: SiteURL.notification(item.id).path)),
                        H.paragraph(display.dateTime(item.createdAt), class: "muted notification__when"))
                })
    }

    /// The person's calendar address: just made (shown this once), or made on a day.
    enum Feed {
        case new(String)
        case made(String)
    }

    static func settings(offered: [ReminderKind], switchedOff: Set<ReminderKind>, feed: Feed?, csrf: String, saved: Saved?) -> [BodyNode] {
        [
            saved == .reminders ? H.notice("Saved.", style: "success") : H.nothing,
            saved == .calendar
                ? H.notice(
                    "Your calendar address is ready: copy it now, as Foothold shows it only this once. Any address you made before "
                        + "no longer works.", style: "success") : H.nothing,
            H.heading(1, "Your reminders"),
            H.paragraph(
                "Foothold reminds you here in the app and, where your organisation sends e-mail, by e-mail too. "
                    + "Untick any you would rather not get. Reminders never say anything that was said in a conversation.",
                class: "lead"),
            H.form(
                action: SiteURL.reminderSettings.path, csrf: csrf,
                offered.map { kind in
                    H.checkbox(
                        name: "on[]", label: kind.setting, checked: !switchedOff.contains(kind), hint: hint(kind),
                        id: "kind-\(kind.rawValue)", value: kind.rawValue)
                } + [H.button("Save")]),
            calendar(feed: feed, csrf: csrf),
        ]
    }

    static func calendar(feed: Feed?, csrf: String) -> BodyNode {
        H.card(
            labelledBy: "calendar",
            [
                H.heading(2, "Your conversations in your own calendar", id: "calendar"),
                H.paragraph(
                    "Subscribe to this private address in Outlook, Google Calendar or Apple Calendar to see your career "
                        + "conversations, any Leadership Team slot you booked, and the checkpoint windows. It shows who and "
                        + "when, never what a conversation is about."
                ),
                calendarAddress(feed),
                H.form(
                    action: SiteURL.calendarFeedReset.path, csrf: csrf,
                    [
                        feed == nil
                            ? H.button("Make my calendar address", style: .secondary)
                            : H.button("Make a new address (the old one stops working)", style: .secondary)
                    ]),
            ])
    }

    static func calendarAddress(_ feed: Feed?) -> BodyNode {
        switch feed {
        case .new(let address):
            H.el(
                "div", class: "calendar-address",
                H.field(
                    name: "calendar-address", label: "Your calendar address", value: address,
                    hint:
                        "Copy it into your calendar program, or open it there directly, now: Foothold keeps only a fingerprint of "
                        + "it and cannot show it again. Keep it to yourself: anyone with it can see when your conversations are.",
                    readOnly: true),
                H.link("Open in my calendar program", to: "webcal" + address.drop { $0 != ":" }))
        case .made(let day):
            H.paragraph(
                "You made a calendar address on \(day). Foothold keeps only a fingerprint of it, so it cannot show it again: "
                    + "if you have lost it, make a new one, and the old one stops working.")
        case nil:
            H.nothing
        }
    }

    static func hint(_ kind: ReminderKind) -> String {
        switch kind {
        case .windowOpened: "To you when you are due a career conversation; to line managers, how many in their team are."
        case .prepare: "To both of you, a week before the day."
        case .overdue: "For line managers: how many people in the team had no conversation before the window closed."
        case .actionDue: "On the day it is due, for a week."
        case .askAgain: "For guides: the day someone asked to be asked again."
        case .digest: "For directors: counts of conversations met, due and overdue in your units. Never what was said."
        case .conversationNews: "As it happens, with a calendar invitation when a time is set."
        case .summaryNews: "As it happens: to the employee when the guide writes it, to the guide when it is confirmed."
        case .actionGiven: "As it happens. Never what the action says."
        case .invitation, .passwordReset: "Sent only when asked for."
        }
    }

    static func admin(_ form: ReminderAdminController.Form, problems: FieldProblems, saved: Bool, csrf: String) -> [BodyNode] {
        [
            saved ? H.notice("Saved. The next reminder pass uses it.", style: "success") : H.nothing,
            H.errorSummary(problems.items),
            H.heading(1, ReminderAdminController.title),
            H.paragraph(
                "Everyone gets their reminders in Foothold, and by e-mail where it is set up. Here you choose whether "
                    + "directors' weekly digests also go to a chat channel, and how long private notes and preparation are kept.",
                class: "lead"),
            H.form(
                action: SiteURL.adminReminders.path, csrf: csrf,
                [
                    H.card(
                        labelledBy: "chat",
                        [
                            H.heading(2, "Chat", id: "chat"),
                            H.field(
                                name: "webhook", label: "Incoming webhook address (Slack, or anything that takes the same messages)",
                                value: form.webhook ?? "", hint: "Leave it empty to send nothing to chat.",
                                error: problems.message(for: "webhook")),
                            H.checkbox(
                                name: "digests", label: "Send directors' weekly digests", checked: form.digests.isTicked,
                                hint:
                                    "Counts of conversations met, due and overdue in each director's units. They name no one. "
                                    + "Reminders for one person never go to a channel: they say whom someone meets."),
                        ]),
                    H.card(
                        labelledBy: "retention",
                        [
                            H.heading(2, "Retention", id: "retention"),
                            H.field(
                                name: "retention", label: "Keep private notes and preparation for this many months",
                                value: form.retention ?? "", type: "number",
                                hint:
                                    "From \(OrganisationReminders.retentionRange.lowerBound) to "
                                    + "\(OrganisationReminders.retentionRange.upperBound). Older ones are deleted in the next reminder "
                                    + "pass, and the audit log says how many. Leave it empty to keep them.",
                                error: problems.message(for: "retention")),
                        ]),
                    H.button("Save"),
                ]),
        ]
    }

    static func confirmUnsubscribe(_ kind: ReminderKind, action: String) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow", H.heading(1, "Stop these reminders?"),
                H.paragraph("You will no longer get this reminder, in the app or by e-mail: \(kind.setting.lowercasedFirst)."),
                H.form(action: action, csrf: "", [H.button("Stop these reminders")]),
                H.paragraph("You can turn it back on at any time from your reminder settings.", class: "muted"))
        ]
    }

    static func unsubscribed(_ kind: ReminderKind, signedIn: Bool) -> [BodyNode] {
        [
            H.el(
                "div", class: "narrow", H.heading(1, "Reminders stopped"),
                H.paragraph("You will no longer get this reminder: \(kind.setting.lowercasedFirst)."),
                H.link(signedIn ? "Choose your reminders" : "Sign in to choose your reminders", to: SiteURL.reminderSettings.path))
        ]
    }
}

extension String {
    /// "When a window opens" as "when a window opens", to sit inside a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

import FootholdCore
import Foundation
import Plot

/// A reminder as an e-mail: a subject, the reminder's one sentence, a link to act and a link to
/// switch that kind off, in plain text and in simple HTML that reads well in any mail client. The
/// reminder's text names people, days and checkpoints only (`ReminderPlan`): nothing said in a
/// conversation can reach an e-mail.
enum ReminderEmail {
    static func subject(_ kind: ReminderKind) -> String {
        switch kind {
        case .windowOpened: "Time for a career conversation"
        case .prepare: "Your career conversation is coming up"
        case .overdue: "A checkpoint window has closed"
        case .actionDue: "An action is due"
        case .askAgain: "Time to offer a career conversation again"
        case .digest: "Your weekly career conversations digest"
        case .conversationNews: "News of your career conversation"
        case .summaryNews: "A conversation summary"
        case .actionGiven: "An action for you"
        case .invitation, .passwordReset: AccountEmail.subject(kind)
        }
    }

    static func action(_ kind: ReminderKind) -> String {
        switch kind {
        case .windowOpened: "Arrange your conversation"
        case .prepare: "Prepare for it"
        case .overdue, .askAgain: "See your team"
        case .actionDue: "See the action"
        case .digest: "See the figures"
        case .conversationNews: "See the conversation"
        case .summaryNews: "See the record"
        case .actionGiven: "See your actions"
        case .invitation, .passwordReset: "Open Foothold"
        }
    }

    /// The message for one delivery. `link` and `unsubscribe` are whole addresses; `sentAt` is said
    /// on the organisation's clock.
    static func message(
        kind: ReminderKind, text: String, to recipient: MailMessage.Address, from sender: MailMessage.Address, link: String,
        unsubscribe: String, settings: String, sentAt: Date, timeZone: TimeZone, messageID: String,
        calendar: (method: String, text: String)? = nil
    ) -> MailMessage {
        let name = recipient.name.firstName
        let local = LocalTime(sentAt, in: timeZone)
        let when = "\(local.weekdayName) \(local.day) \(local.monthName) \(local.year) at \(local.clock) (\(timeZone.identifier) time)"
        let plain = """
            Hello \(name),

            \(text)

            \(action(kind)): \(link)

            Sent by Foothold on \(when).
            You can stop e-mails like this one with one click: \(unsubscribe)
            Or choose which reminders you get: \(settings)

            """
        let html = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"/><title>\(subject(kind).textEscaped)</title></head>\
            <body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2933; \
            margin: 0; padding: 24px;">\
            <p>Hello \(name.textEscaped),</p><p>\(text.textEscaped)</p>\
            <p><a href="\(link.attributeEscaped)" style="display: inline-block; background: #1d6b57; color: #ffffff; \
            padding: 10px 16px; border-radius: 4px; text-decoration: none; font-weight: bold;">\(action(kind).textEscaped)</a></p>\
            <p style="font-size: 14px; color: #52606d;">Sent by Foothold on \(when.textEscaped).<br/>\
            <a href="\(unsubscribe.attributeEscaped)" style="color: #52606d;">Stop e-mails like this one</a> · \
            <a href="\(settings.attributeEscaped)" style="color: #52606d;">Choose which reminders you get</a></p></body></html>
            """
        return MailMessage(
            from: sender, to: recipient, subject: subject(kind), text: plain, html: html, date: sentAt, messageID: messageID,
            headers: [("List-Unsubscribe", "<\(unsubscribe)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
            calendar: calendar)
    }
}

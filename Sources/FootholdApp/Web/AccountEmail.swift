import FootholdCore
import Foundation
import Plot

/// An invitation to Foothold or a link to choose a new password, as an e-mail: one sentence, the
/// link, and how long it works. No unsubscribe: these are sent only when someone asks for them.
enum AccountEmail {
    static func subject(_ kind: ReminderKind) -> String {
        kind == .passwordReset ? "Choose a new password for Foothold" : "You are invited to Foothold"
    }

    static func message(
        kind: ReminderKind, to recipient: MailMessage.Address, from sender: MailMessage.Address, link: String, organisation: String,
        sentAt: Date, timeZone: TimeZone, messageID: String
    ) -> MailMessage {
        let name = recipient.name.firstName
        let local = LocalTime(sentAt, in: timeZone)
        let when = "\(local.weekdayName) \(local.day) \(local.monthName) \(local.year) at \(local.clock) (\(timeZone.identifier) time)"
        let (sentence, button, works): (String, String, String) =
            kind == .passwordReset
            ? (
                "Someone asked for a link to choose a new password for your Foothold account. If it was you, use this link; "
                    + "if not, you can ignore this e-mail and your password stays as it is.",
                "Choose a new password",
                "The link works once, for 30 minutes. Using it signs you out everywhere else."
            )
            : (
                "\(organisation) uses Foothold for career conversations: preparing for them, holding them and following them up. "
                    + "What you write there is yours, and you choose who sees it. Set your password to sign in.",
                "Set your password",
                "The link works once, for seven days. If it has run out, ask your HR administrator for another, "
                    + "or use “Forgot your password?” on the sign-in page."
            )
        let plain = """
            Hello \(name),

            \(sentence)

            \(button): \(link)

            \(works)

            Sent by Foothold on \(when).

            """
        let html = """
            <!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"/><title>\(subject(kind).textEscaped)</title></head>\
            <body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2933; \
            margin: 0; padding: 24px;">\
            <p>Hello \(name.textEscaped),</p><p>\(sentence.textEscaped)</p>\
            <p><a href="\(link.attributeEscaped)" style="display: inline-block; background: #1d6b57; color: #ffffff; \
            padding: 10px 16px; border-radius: 4px; text-decoration: none; font-weight: bold;">\(button.textEscaped)</a></p>\
            <p>\(works.textEscaped)</p>\
            <p style="font-size: 14px; color: #52606d;">Sent by Foothold on \(when.textEscaped).</p></body></html>
            """
        return MailMessage(
            from: sender, to: recipient, subject: subject(kind), text: plain, html: html, date: sentAt, messageID: messageID)
    }
}

import Foundation

/// The nudges that make the programme happen (SPEC §6). Each kind can be switched off by the
/// person it is sent to.
public enum ReminderKind: String, CaseIterable, Sendable, Codable {
    /// A checkpoint window opens: to each person due a conversation, and to their line manager.
    case windowOpened = "window_opened"
    /// A week before a scheduled conversation: to both of its people.
    case prepare
    /// A checkpoint window closed without the conversation: to the line manager.
    case overdue
    /// An action falls due: to whoever took it on.
    case actionDue = "action_due"
    /// The day someone who said "not now" asked to be asked again: to the guide they said it to.
    case askAgain = "ask_again"
    /// Each week, the counts of a director's units.
    case digest
    /// Something happened to one of the person's conversations (decision 0022): an invitation, a
    /// request, an answer, a new time, a cancellation, a booking or a withdrawn slot.
    case conversationNews = "conversation_news"
    /// A summary waits for the employee to confirm it, or the employee confirmed it.
    case summaryNews = "summary_news"
    /// Someone named the person to do an action.
    case actionGiven = "action_given"
    /// An invitation to Foothold with a link to set a password (decision 0022): sent when HR asks.
    case invitation
    /// A link to choose a new password: sent when the person or HR asks.
    case passwordReset = "password_reset"

    /// What the settings page calls it.
    public var setting: String {
        switch self {
        case .windowOpened: "When a checkpoint window opens"
        case .prepare: "A week before a conversation, to prepare"
        case .overdue: "When people in your team miss a checkpoint"
        case .actionDue: "When an action you took on falls due"
        case .askAgain: "When it is time to ask someone again after \u{201C}not now\u{201D}"
        case .digest: "A weekly digest of your units\u{2019} figures"
        case .conversationNews: "When someone invites you, answers, moves or cancels a conversation, or books your slot"
        case .summaryNews: "When a summary waits for you to confirm it, or is confirmed"
        case .actionGiven: "When someone names you to do an action"
        case .invitation: "Invitations to Foothold"
        case .passwordReset: "Links to choose a new password"
        }
    }

    /// Told when it happens, whatever the sending hours: something someone has just done.
    public var isNews: Bool { self == .conversationNews || self == .summaryNews || self == .actionGiven }

    /// An e-mail about someone's account, sent because it was asked for: never switched off,
    /// without an unsubscribe link, and never unread in the app (decision 0022).
    public var isAccountEmail: Bool { self == .invitation || self == .passwordReset }

    /// The kinds a person chooses on their settings page.
    public static var switchable: [ReminderKind] { allCases.filter { !$0.isAccountEmail } }

    /// The kinds a person is offered: the team's missed checkpoints only to someone with a team,
    /// the weekly digest only to someone who heads a unit (an employee was offered both on
    /// 4 December 2026).
    public static func offered(hasReports: Bool, headsUnit: Bool) -> [ReminderKind] {
        switchable.filter { kind in
            switch kind {
            case .overdue: hasReports
            case .digest: headsUnit
            default: true
            }
        }
    }

    /// Whether a reminder of this kind may go to a shared chat channel (SPEC §6: counts only). A
    /// digest counts a unit and names nobody; every other kind is for one person and says whom
    /// they meet, which a channel's readers must never learn (decision 0013).
    public var goesToSharedChannel: Bool { self == .digest }
}

/// One reminder to one person, said in one sentence that names people, days and checkpoints but
/// never anything said in a conversation, with the page where they act.
public struct Reminder: Sendable, Equatable {
    public var kind: ReminderKind
    public var recipientID: UUID
    /// What it is about: a checkpoint, a conversation, an action or a week.
    public var subject: String
    /// Which time of it: a reschedule, a new due date or another week is another reminder.
    public var occurrence: String
    public var text: String
    /// A path on the site.
    public var link: String

    public init(kind: ReminderKind, recipientID: UUID, subject: String, occurrence: String, text: String, link: String) {
        self.kind = kind
        self.recipientID = recipientID
        self.subject = subject
        self.occurrence = occurrence
        self.text = text
        self.link = link
    }

    /// Unique for each reminder that should reach someone once: recorded before it is sent.
    public var key: String {
        [kind.rawValue, recipientID.uuidString.lowercased(), subject, occurrence].joined(separator: "|")
    }
}

/// What a reminder pass knows: the time, the checkpoints, and what the database found that might
/// be due. The pass reads only what could be due (`ReminderPlan.readsFrom` says how far back).
public struct ReminderFacts: Sendable {
    public struct Person: Sendable, Equatable {
        public var id: UUID
        public var firstName: String
        public var managerID: UUID?
        public init(id: UUID, firstName: String, managerID: UUID?) {
            self.id = id
            self.firstName = firstName
            self.managerID = managerID
        }
    }

    /// A scheduled conversation and its two people.
    public struct Scheduled: Sendable, Equatable {
        public var id: UUID
        public var start: Date
        public var employeeID: UUID
        public var employeeFirstName: String
        public var guideID: UUID
        public var guideFirstName: String
        public init(id: UUID, start: Date, employeeID: UUID, employeeFirstName: String, guideID: UUID, guideFirstName: String) {
            self.id = id
            self.start = start
            self.employeeID = employeeID
            self.employeeFirstName = employeeFirstName
            self.guideID = guideID
            self.guideFirstName = guideFirstName
        }
    }

    /// A live action with a due date, whoever took it on, and the other person it was agreed with.
    public struct ActionDue: Sendable, Equatable {
        public var id: UUID
        public var dueOn: CalendarDate
        public var ownerID: UUID
        /// Who it was agreed with, from the owner's side: "Ben", or nil for one of their own.
        public var withFirstName: String?
        public init(id: UUID, dueOn: CalendarDate, ownerID: UUID, withFirstName: String?) {
            self.id = id
            self.dueOn = dueOn
            self.ownerID = ownerID
            self.withFirstName = withFirstName
        }
    }

    /// A "not now" with the day the person asked to be asked again, and nothing arranged since.
    public struct AskAgain: Sendable, Equatable {
        public var conversationID: UUID
        public var on: CalendarDate
        public var declinedOn: CalendarDate
        public var guideID: UUID
        public var employeeID: UUID
        public var employeeFirstName: String
        public init(
            conversationID: UUID, on: CalendarDate, declinedOn: CalendarDate, guideID: UUID, employeeID: UUID, employeeFirstName: String
        ) {
            self.conversationID = conversationID
            self.on = on
            self.declinedOn = declinedOn
            self.guideID = guideID
            self.employeeID = employeeID
            self.employeeFirstName = employeeFirstName
        }
    }

    /// A director's figures, already through the anonymity rules the dashboard uses.
    public struct Digest: Sendable, Equatable {
        public var directorID: UUID
        public var scope: String
        public var checkpoint: String?
        /// Each figure as the dashboard shows it.
        public var met: String
        public var due: String
        public var overdue: String
        public init(directorID: UUID, scope: String, checkpoint: String?, met: String, due: String, overdue: String) {
            self.directorID = directorID
            self.scope = scope
            self.checkpoint = checkpoint
            self.met = met
            self.due = due
            self.overdue = overdue
        }
    }

    public var now: Date
    public var timeZone: TimeZone
    public var checkpoints: [Checkpoint]
    /// Everyone active, by id.
    public var people: [UUID: Person]
    /// For each checkpoint with a window opened or closed lately (`ReminderPlan.checkpointsToStand`),
    /// how each active person stands against it.
    public var standing: [UUID: [UUID: CadenceStatus]]
    public var scheduled: [Scheduled]
    public var actions: [ActionDue]
    public var askAgain: [AskAgain]
    public var digests: [Digest]
    /// "kind|person id" for each kind a person has switched off.
    public var switchedOff: Set<String>
    /// When reminders may go out.
    public var sending: SendingTime

    public init(
        now: Date, timeZone: TimeZone, checkpoints: [Checkpoint], people: [UUID: Person], standing: [UUID: [UUID: CadenceStatus]] = [:],
        scheduled: [Scheduled] = [], actions: [ActionDue] = [], askAgain: [AskAgain] = [], digests: [Digest] = [],
        switchedOff: Set<String> = [], sending: SendingTime = .standard
    ) {
        self.sending = sending
        self.now = now
        self.timeZone = timeZone
        self.checkpoints = checkpoints
        self.people = people
        self.standing = standing
        self.scheduled = scheduled
        self.actions = actions
        self.askAgain = askAgain
        self.digests = digests
        self.switchedOff = switchedOff
    }

    public static func switchedOffKey(_ kind: ReminderKind, _ personID: UUID) -> String {
        kind.rawValue + "|" + personID.uuidString.lowercased()
    }
}

/// The hours and days reminders go out, on the organisation's clock.
public struct SendingTime: Sendable, Equatable {
    /// From the first hour up to, not including, the last: 8..<18 is 08:00 to 17:59.
    public var hours: Range<Int>
    public var weekends: Bool

    public init(hours: Range<Int>, weekends: Bool) {
        self.hours = hours
        self.weekends = weekends
    }

    /// Weekdays, 08:00 to 18:00.
    public static let standard = SendingTime(hours: 8..<18, weekends: false)

    public func contains(_ now: Date, in timeZone: TimeZone) -> Bool {
        let local = LocalTime(now, in: timeZone)
        return (weekends || local.weekday <= 5) && hours.contains(local.hour)
    }

    /// Reads "8-18" (hours) as a setting, or says what is wrong with it.
    public static func hours(_ text: String) -> Range<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), 0 <= from, from < to, to <= 24 else { return nil }
        return from..<to
    }
}

/// Decides what is due. A reminder stays due for a while after its day (a pass may not run every
/// day, and none runs outside sending hours), so a pass that comes late still sends it, once.
public enum ReminderPlan {
    /// How many days after its day each kind may still be sent.
    public static let windowOpenedFor = 14
    public static let overdueFor = 14
    public static let actionDueFor = 7
    public static let askAgainFor = 14
    /// The same time of day a week before, on the organisation's clock (a week before 10:00 on
    /// the Tuesday after the clocks go back is 10:00 on the Tuesday before, not 11:00).
    public static func weekBefore(_ start: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .day, value: -7, to: start) ?? start.addingTimeInterval(-7 * 24 * 60 * 60)
    }

    /// The checkpoints whose window opened, or closed, recently enough for a reminder.
    public static func checkpointsToStand(_ checkpoints: [Checkpoint], today: CalendarDate) -> [Checkpoint] {
        checkpoints.filter { opening($0, today: today) || closing($0, today: today) }
    }

    static func opening(_ checkpoint: Checkpoint, today: CalendarDate) -> Bool {
        checkpoint.opens <= today && today <= min(checkpoint.opens.adding(days: windowOpenedFor - 1), checkpoint.closes)
    }

    static func closing(_ checkpoint: Checkpoint, today: CalendarDate) -> Bool {
        checkpoint.closes < today && today <= checkpoint.closes.adding(days: overdueFor)
    }

    /// The earliest action due date and ask-again day a pass on `today` could still remind of.
    public static func earliestDay(today: CalendarDate) -> CalendarDate {
        today.adding(days: -max(actionDueFor, askAgainFor))
    }

    /// Everything due now, to everyone who has not switched its kind off; nothing outside sending
    /// hours. In a stable order, so two passes decide alike.
    public static func due(_ facts: ReminderFacts) -> [Reminder] {
        guard facts.sending.contains(facts.now, in: facts.timeZone) else { return [] }
        let today = CalendarDate(facts.now, in: facts.timeZone)
        var reminders: [Reminder] = []
        for checkpoint in checkpointsToStand(facts.checkpoints, today: today) {
            let standing = facts.standing[checkpoint.id] ?? [:]
            if opening(checkpoint, today: today) {
                reminders += windowOpened(checkpoint, standing: standing, facts: facts)
            } else {
                reminders += overdue(checkpoint, standing: standing, facts: facts)
            }
        }
        for conversation in facts.scheduled
        where conversation.start > facts.now && facts.now >= weekBefore(conversation.start, in: facts.timeZone) {
            let local = LocalTime(conversation.start, in: facts.timeZone)
            let when = "\(local.weekdayName) \(local.day) \(local.monthName) at \(local.clock)"
            for (personID, other) in [
                (conversation.employeeID, conversation.guideFirstName), (conversation.guideID, conversation.employeeFirstName),
            ] {
                reminders.append(
                    Reminder(
                        kind: .prepare, recipientID: personID, subject: conversation.id.uuidString.lowercased(),
                        occurrence: iso(conversation.start),
                        text: "Your career conversation with \(other) is on \(when). There is time to prepare.",
                        link: SiteURL.prepare(conversation.id).path))
            }
        }
        for action in facts.actions where action.dueOn <= today && today <= action.dueOn.adding(days: actionDueFor - 1) {
            let agreed = action.withFirstName.map { "An action you agreed with \($0)" } ?? "An action of your own"
            let when = action.dueOn == today ? "is due today" : "was due on \(day(action.dueOn))"
            reminders.append(
                Reminder(
                    kind: .actionDue, recipientID: action.ownerID, subject: action.id.uuidString.lowercased(), occurrence: action.dueOn.iso,
                    text: "\(agreed) \(when).", link: SiteURL.actionPage(action.id).path))
        }
        for ask in facts.askAgain where ask.on <= today && today <= ask.on.adding(days: askAgainFor - 1) {
            reminders.append(
                Reminder(
                    kind: .askAgain, recipientID: ask.guideID, subject: ask.conversationID.uuidString.lowercased(), occurrence: ask.on.iso,
                    text:
                        "\(ask.employeeFirstName) said \u{201C}not now\u{201D} on \(day(ask.declinedOn)) and asked to be asked again from "
                        + "\(day(ask.on)). It is time to offer them a career conversation again.",
                    link: SiteURL.team.path))
        }
        let week = isoWeek(today)
        for digest in facts.digests {
            let figures =
                digest.checkpoint.map { "For \($0): \(digest.met) met, \(digest.due) due and \(digest.overdue) overdue." }
                ?? "No checkpoint window is open or just closed."
            reminders.append(
                Reminder(
                    kind: .digest, recipientID: digest.directorID, subject: "week", occurrence: week,
                    text: "Weekly digest for \(digest.scope). \(figures)", link: SiteURL.monitoring.path))
        }
        return reminders.filter {
            !facts.switchedOff.contains(ReminderFacts.switchedOffKey($0.kind, $0.recipientID)) && facts.people[$0.recipientID] != nil
        }
    }

    static func windowOpened(_ checkpoint: Checkpoint, standing: [UUID: CadenceStatus], facts: ReminderFacts) -> [Reminder] {
        let subject = checkpoint.id.uuidString.lowercased()
        var reminders: [Reminder] = []
        var dueByManager: [UUID: Int] = [:]
        for (personID, status) in standing.sorted(by: { $0.key.sorts(before: $1.key) }) where status == .due {
            guard let person = facts.people[personID] else { continue }
            let manager = person.managerID.flatMap { facts.people[$0] }
            if let manager { dueByManager[manager.id, default: 0] += 1 }
            reminders.append(
                Reminder(
                    kind: .windowOpened, recipientID: personID, subject: subject, occurrence: checkpoint.opens.iso,
                    text: "The \(checkpoint.name) window is open until \(day(checkpoint.closes)): time for your career conversation"
                        + (manager.map { " with \($0.firstName)." } ?? "."),
                    link: SiteURL.newConversation.path))
        }
        for (managerID, count) in dueByManager.sorted(by: { $0.key.sorts(before: $1.key) }) {
            let who = count == 1 ? "1 person in your team is" : "\(count) people in your team are"
            reminders.append(
                Reminder(
                    kind: .windowOpened, recipientID: managerID, subject: "team:" + subject, occurrence: checkpoint.opens.iso,
                    text: "The \(checkpoint.name) window is open until \(day(checkpoint.closes)): \(who) due a career conversation.",
                    link: SiteURL.team.path))
        }
        return reminders
    }

    static func overdue(_ checkpoint: Checkpoint, standing: [UUID: CadenceStatus], facts: ReminderFacts) -> [Reminder] {
        var overdueByManager: [UUID: Int] = [:]
        for (personID, status) in standing where status == .overdue {
            guard let managerID = facts.people[personID]?.managerID, facts.people[managerID] != nil else { continue }
            overdueByManager[managerID, default: 0] += 1
        }
        return overdueByManager.sorted(by: { $0.key.sorts(before: $1.key) }).map { managerID, count in
            let who = count == 1 ? "1 person in your team did" : "\(count) people in your team did"
            return Reminder(
                kind: .overdue, recipientID: managerID, subject: checkpoint.id.uuidString.lowercased(), occurrence: checkpoint.closes.iso,
                text: "\(who) not have a \(checkpoint.name) conversation before the window closed on \(day(checkpoint.closes)). "
                    + "It is not too late to offer one.",
                link: SiteURL.team.path)
        }
    }

    /// "3 June 2027".
    public static func day(_ date: CalendarDate) -> String {
        "\(date.day) \(LocalTime.monthNames[date.month - 1]) \(date.year)"
    }

    /// The ISO week of a day, such as "2027-W23": a director's digest comes once in each.
    public static func isoWeek(_ date: CalendarDate) -> String {
        // The week belongs to the year of its Thursday.
        let thursday = date.adding(days: 4 - date.weekday)
        let firstOfYear = CalendarDate(year: thursday.year, month: 1, day: 1)!
        let week = (days(from: firstOfYear, to: thursday)) / 7 + 1
        return "\(thursday.year)-W" + LocalTime.twoDigits(week)
    }

    static func days(from a: CalendarDate, to b: CalendarDate) -> Int {
        LocalTime.days(year: b.year, month: b.month, day: b.day) - LocalTime.days(year: a.year, month: a.month, day: a.day)
    }

    static func iso(_ instant: Date) -> String {
        let t = LocalTime(instant, in: TimeZone(secondsFromGMT: 0)!)
        return t.date.iso + "T" + t.clock + ":" + LocalTime.twoDigits(t.second) + "Z"
    }
}

/// When a delivery that failed is tried again: sooner at first, then less often, and not after a
/// day and a half of trying.
public enum DeliveryRetry {
    public static let waits: [TimeInterval] = [60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60, 12 * 60 * 60]

    /// The wait after the `attempts`-th failure, or nil to stop trying.
    public static func wait(afterAttempts attempts: Int) -> TimeInterval? {
        attempts >= 1 && attempts <= waits.count ? waits[attempts - 1] : nil
    }
}

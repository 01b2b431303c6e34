import FootholdCore
import Foundation

/// Believable career-conversation history for the demo organisation: for every checkpoint of every
/// year asked for, most people held their conversation, some said not now, some were missed; the
/// current checkpoint has a mix of held, arranged, waiting and due; and a few people had mentoring
/// or Leadership Team conversations. The same organisation, years, day and seed give the same history.
public struct DemoHistory: Sendable {
    public struct Conversation: Sendable {
        public var employee: Int
        public var guide: Int
        public var kind: ConversationKind
        public var state: ConversationState
        public var requestedBy: ConversationSide
        public var checkpoint: UUID?
        public var withLineManager: Bool
        public var purpose: String
        public var startsAt: Date?
        public var minutes: Int
        public var place: String
        public var heldAt: Date?
        public var summary: String
        public var summaryConfirmed: Bool
        public var expectations: String
        public var employeePreparation: [PreparationField: String]
        public var employeePreparationShared: Bool
        public var guidePreparation: [PreparationField: String]
        /// Indexes into the theme list.
        public var themes: [Int]
        public var actions: [Action]
        public var createdAt: Date
        /// Private notes, each read only by its author.
        public var employeeNote: String = ""
        public var guideNote: String = ""
        /// The employee's plan as it stood when this checkpoint conversation was held.
        public var planSnapshot: CareerPlan?
        /// The employee's reflection on it.
        public var reflection: Reflection?
        public var planSnapshotLabel = ""
    }

    public struct Action: Sendable {
        public var description: String
        public var owner: String
        public var dueOn: CalendarDate?
        public var done: Bool
        /// Filled in by `addFollowUp`: where it stands, how it will be known done, whether the
        /// guide has confirmed it, the plan goal it serves, and notes of progress (each by the
        /// employee when `true`, else by the guide).
        public var status: ActionStatus = .open
        public var successMeasure = ""
        public var confirmed = true
        public var dropReason: String?
        public var goal: UUID?
        public var notes: [(text: String, byEmployee: Bool, daysAfter: Int)] = []
    }

    /// A person's plan in the current career year: as it started, and as it stands now.
    public struct Plan: Sendable {
        public var employee: Int
        public var start: CareerPlan
        public var current: CareerPlan
        public var updatedAt: Date
        /// "Start of 2026–27", on the year's first day.
        public var startLabel: String
        public var startAt: Date
    }

    public struct JournalLine: Sendable {
        public var employee: Int
        public var writtenOn: CalendarDate
        public var isAccomplishment: Bool
        public var text: String
        /// Shown to the employee's line manager.
        public var shownToManager: Bool
    }

    public var conversations: [Conversation] = []
    public var plans: [Plan] = []
    public var journal: [JournalLine] = []

    /// One career year of history; call it for each year wanted, so that a large organisation's
    /// history is written a year at a time rather than held in memory all at once.
    /// - Parameters:
    ///   - themeCount: how many themes there are to choose from.
    public init(
        organisation: DemoOrganisation, year: CareerYear, isCurrentYear: Bool, today: CalendarDate, timeZone: TimeZone,
        themeCount: Int, seed: UInt64, cast: DemoOrganisation.Cast? = nil
    ) {
        var random = SeededGenerator(seed: seed ^ 0x4869_7374_6F72_79 ^ UInt64(year.startYear))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func at(_ day: CalendarDate, hour: Int, minute: Int = 0) -> Date {
            calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
        }
        func randomDay(from first: CalendarDate, to last: CalendarDate) -> CalendarDate {
            let span = max(0, Int((last.start(in: timeZone).timeIntervalSince(first.start(in: timeZone)) / 86_400).rounded()))
            return first.adding(days: random.int(in: 0...span))
        }
        let places = [
            "Meeting room 2", "The quiet room, third floor", "Video call", "Café on the ground floor", "Meeting room 5",
            "A walk round the park",
        ]
        let reports = organisation.directReports()
        let yearsAgo = CareerYear.startYear(containing: today) - year.startYear
        let areas = organisation.areas()

        do {
            for (employee, person) in organisation.people.enumerated() {
                guard let manager = person.manager else { continue }
                var openActionsLeft = 2
                let area = areas[person.unit]
                for (checkpointNumber, checkpoint) in year.checkpoints.sorted(by: { $0.opens < $1.opens }).enumerated() {
                    if checkpoint.opens > today { continue }
                    let windowOpen = checkpoint.contains(today)
                    let isCast = cast.map { $0.employee == employee && $0.lineManager == manager } ?? false
                    let roll = random.int(in: 0...99)
                    var state: ConversationState
                    if windowOpen {
                        state =
                            isCast
                            ? .scheduled
                            : (roll < 30 ? .held : roll < 55 ? .scheduled : roll < 70 ? .requested : roll < 75 ? .declined : .cancelled)
                        if state == .cancelled { continue }  // nothing yet: due
                    } else {
                        let held = Self.heldPercent(yearsAgo: yearsAgo, checkpoint: checkpointNumber, lagging: area.isLagging)
                        state = isCast ? .held : (roll < held ? .held : roll < held + 10 ? .declined : .cancelled)
                        if state == .cancelled { continue }  // missed: overdue
                    }
                    let lastPossible = windowOpen ? min(today, checkpoint.closes) : checkpoint.closes
                    let heldDay = randomDay(from: checkpoint.opens, to: lastPossible)
                    let hour = random.int(in: 9...16)
                    let invitedOn = checkpoint.opens.adding(days: -random.int(in: 3...14))
                    var conversation = Conversation(
                        employee: employee, guide: manager, kind: .checkpoint, state: state, requestedBy: .guide, checkpoint: checkpoint.id,
                        withLineManager: true, purpose: "Our \(checkpoint.name) conversation. \(checkpoint.focus)",
                        startsAt: nil, minutes: checkpoint.suggestedMinutes, place: random.pick(places), heldAt: nil, summary: "",
                        summaryConfirmed: false, expectations: "", employeePreparation: [:], employeePreparationShared: false,
                        guidePreparation: [:], themes: [], actions: [], createdAt: at(invitedOn, hour: 10))
                    switch state {
                    case .held:
                        conversation.startsAt = at(heldDay, hour: hour)
                        conversation.heldAt = conversation.startsAt
                        conversation.summary = Self.summary(for: checkpoint.stage, &random)
                        conversation.summaryConfirmed = random.chance(0.8)
                        conversation.expectations = random.pick(Self.expectations)
                        conversation.themes = Array(
                            Set((0..<random.int(in: 1...2)).map { _ in Self.theme(themeCount, area: area.number, &random) })
                        ).sorted()
                        let recent = isCurrentYear && checkpoint.closes >= today.adding(days: -120)
                        for _ in 0..<random.int(in: 0...2) {
                            let done = !recent || openActionsLeft == 0 || random.chance(0.5)
                            if !done { openActionsLeft -= 1 }
                            conversation.actions.append(
                                Action(
                                    description: random.pick(Self.actions),
                                    owner: random.chance(0.75) ? "employee" : random.pick(["guide", "organisation"]),
                                    dueOn: heldDay.adding(days: random.int(in: 21...90)), done: done))
                        }
                        if random.chance(0.6) {
                            conversation.employeePreparation = Self.preparation(&random)
                            conversation.employeePreparationShared = random.chance(0.7)
                        }
                    case .scheduled:
                        let from = max(today.adding(days: 1), checkpoint.opens)
                        let day = from > checkpoint.closes ? today.adding(days: 2) : randomDay(from: from, to: checkpoint.closes)
                        conversation.startsAt = at(day, hour: hour, minute: random.chance(0.5) ? 0 : 30)
                        if isCast || random.chance(0.5) {
                            conversation.employeePreparation = Self.preparation(&random)
                            conversation.employeePreparationShared = isCast || random.chance(0.6)
                        }
                        if isCast {
                            conversation.guidePreparation = [
                                .noticed:
                                    "Always the first to help new starters find their feet; explains the process better than the manual does.",
                                .opportunities: "The data team's secondment in the spring; shadowing the allocations panel.",
                            ]
                        }
                    case .requested:
                        if random.chance(0.5) {
                            conversation.startsAt = at(
                                randomDay(from: max(today, checkpoint.opens), to: max(today, checkpoint.closes)), hour: hour)
                        }
                    default:
                        break
                    }
                    conversations.append(conversation)
                }
            }
            // Mentoring and Leadership Team conversations: a few people a year.
            let leadership = organisation.people.indices.filter { organisation.people[$0].isLeadershipTeam }
            let extras = max(1, organisation.people.count / 25)
            for _ in 0..<extras {
                let employee = random.int(in: 0...(organisation.people.count - 1))
                let kind: ConversationKind = random.chance(0.4) && !leadership.isEmpty ? .leadership : .mentoring
                let guide = kind == .leadership ? random.pick(leadership) : random.int(in: 0...(organisation.people.count - 1))
                guard guide != employee, organisation.people[employee].manager != guide, reports[employee]?.contains(guide) != true else {
                    continue
                }
                let day = randomDay(from: year.firstDay, to: min(today, year.lastDay))
                guard day <= today else { continue }
                conversations.append(
                    Conversation(
                        employee: employee, guide: guide, kind: kind, state: .held, requestedBy: .employee, checkpoint: nil,
                        withLineManager: false,
                        purpose: random.pick(Self.requests), startsAt: at(day, hour: random.int(in: 9...16)), minutes: 45,
                        place: random.pick(places),
                        heldAt: at(day, hour: random.int(in: 9...16)), summary: Self.summary(for: .mid, &random), summaryConfirmed: true,
                        expectations: "", employeePreparation: [:], employeePreparationShared: false, guidePreparation: [:],
                        themes: [random.int(in: 0...max(0, themeCount - 1))], actions: [], createdAt: at(day.adding(days: -10), hour: 11)))
            }
            if isCurrentYear, let cast {
                conversations += Self.alive(
                    cast, organisation: organisation, today: today, themeCount: themeCount,
                    at: { at($0, hour: $1) }, places: places, &random)
            }
        }
        addFollowUp(
            organisation: organisation, year: year, isCurrentYear: isCurrentYear, today: today, timeZone: timeZone,
            seed: seed ^ UInt64(year.startYear),
            cast: cast)
    }

    /// What keeps the demo alive on any day of the year: for each person the demo names, something
    /// coming up to prepare for (a check-in, a mentoring request, a Leadership Team conversation,
    /// whatever the checkpoint windows say) and a recent conversation held, with its record and
    /// both sides' private notes.
    static func alive(
        _ cast: DemoOrganisation.Cast, organisation: DemoOrganisation, today: CalendarDate, themeCount: Int,
        at: (CalendarDate, Int) -> Date, places: [String], _ random: inout SeededGenerator
    ) -> [Conversation] {
        let people = organisation.people
        var made: [Conversation] = []
        func conversation(
            _ employee: Int, _ guide: Int, _ kind: ConversationKind, _ state: ConversationState, by side: ConversationSide,
            inDays days: Int, hour: Int, purpose: String, _ random: inout SeededGenerator
        ) -> Conversation {
            // On a working day: forward for what is coming up, back for what was held.
            var day = today.adding(days: days)
            while day.weekday >= 6 { day = day.adding(days: days >= 0 ? 1 : -1) }
            let startsAt = at(day, hour)
            var c = Conversation(
                employee: employee, guide: guide, kind: kind, state: state, requestedBy: side, checkpoint: nil,
                withLineManager: people[employee].manager == guide, purpose: purpose, startsAt: startsAt,
                minutes: kind == .checkIn ? 30 : 45,
                place: random.pick(places), heldAt: nil, summary: "", summaryConfirmed: false, expectations: "", employeePreparation: [:],
                employeePreparationShared: false, guidePreparation: [:], themes: [], actions: [],
                createdAt: at(today.adding(days: min(days, 0) - 7), 11))
            if state == .held {
                c.heldAt = startsAt
                c.summary = summary(for: .mid, &random)
                c.summaryConfirmed = true
                c.expectations = random.pick(expectations)
                c.employeePreparation = preparation(&random)
                c.employeePreparationShared = true
                c.guidePreparation = guidePreparation(&random)
                c.themes = Array(Set([random.int(in: 0...max(0, themeCount - 1)), random.int(in: 0...max(0, themeCount - 1))])).sorted()
                c.actions = [Action(description: random.pick(actions), owner: "employee", dueOn: today.adding(days: 30), done: false)]
                c.employeeNote = random.pick(employeeNotes)
                c.guideNote = random.pick(guideNotes)
            } else {
                c.employeePreparation = preparation(&random)
                c.employeePreparationShared = random.chance(0.5)
                c.guidePreparation = guidePreparation(&random)
            }
            return c
        }
        let (employee, manager) = (cast.employee, cast.lineManager)
        // The employee and their manager: a check-in coming up and one held a fortnight ago.
        made.append(
            conversation(
                employee, manager, .checkIn, .scheduled, by: .guide, inDays: 3, hour: 10,
                purpose: "A quick check-in on how the new work is going.", &random))
        made.append(
            conversation(
                employee, manager, .checkIn, .held, by: .employee, inDays: -12, hour: 14,
                purpose: "A catch-up on the secondment idea before the panel meets.", &random))
        // The employee asks the director to be a mentor (waiting for an answer) and has a
        // conversation booked with a Leadership Team member.
        if people[employee].manager != cast.director {
            made.append(
                conversation(
                    employee, cast.director, .mentoring, .requested, by: .employee, inDays: 8, hour: 15,
                    purpose: random.pick(requests), &random))
        }
        let leader = cast.leadershipTeamMember
        if people[leader].isLeadershipTeam, people[employee].manager != leader {
            made.append(
                conversation(
                    employee, leader, .leadership, .scheduled, by: .employee, inDays: 6, hour: 11,
                    purpose: "Could we talk about how you got into leadership?", &random))
        }
        // The Leadership Team member held a conversation a month ago with someone they do not manage.
        if people[leader].isLeadershipTeam,
            let visitor = [manager, cast.director, cast.hrAdministrator].first(where: { people[$0].manager != leader })
        {
            made.append(
                conversation(
                    visitor, leader, .leadership, .held, by: .employee, inDays: -26, hour: 11,
                    purpose: "I'd value your advice on moving into policy work.", &random))
        }
        // Everyone else named: a check-in coming up with their own manager and one held last month
        // (a mentoring conversation with the Leadership Team member for someone with no manager).
        for (offset, person) in [cast.lineManager, cast.director, cast.leadershipTeamMember, cast.hrAdministrator].enumerated() {
            let guide = people[person].manager ?? (person == leader ? cast.director : leader)
            guard guide != person else { continue }
            let kind: ConversationKind = people[person].manager == nil ? .mentoring : .checkIn
            made.append(
                conversation(
                    person, guide, kind, .scheduled, by: .guide, inDays: 4 + offset, hour: 9 + offset,
                    purpose: "Time to look at how the year is going for you.", &random))
            made.append(
                conversation(
                    person, guide, kind, .held, by: .employee, inDays: -30 - offset, hour: 10 + offset,
                    purpose: "A catch-up on the year so far.", &random))
        }
        return made
    }

    /// The share of people, in percent, whose conversation at a checkpoint that has closed was held.
    /// The programme began last career year: from near the 12% baseline (seed 002) at its first
    /// checkpoint, it rises each checkpoint since; some areas lag behind. Older years are history
    /// kept for scale.
    public static func heldPercent(yearsAgo: Int, checkpoint: Int, lagging: Bool) -> Int {
        let rising = [[14, 24, 33, 42], [52, 61, 68, 72]]
        let percent: Int
        switch yearsAgo {
        case 1: percent = rising[0][min(checkpoint, 3)]
        case 0: percent = rising[1][min(checkpoint, 3)]
        default: percent = 72
        }
        return lagging && yearsAgo <= 1 ? percent * 3 / 5 : percent
    }

    /// A theme for a conversation: some themes come up far more than others, and which ones
    /// differs from one area of the organisation to the next.
    static func theme(_ count: Int, area: Int, _ random: inout SeededGenerator) -> Int {
        guard count > 1 else { return 0 }
        let weights = (0..<count).map { max(1, 6 - (($0 + count - area % count) % count)) }
        var roll = random.int(in: 0...(weights.reduce(0, +) - 1))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return count - 1
    }

    static func guidePreparation(_ random: inout SeededGenerator) -> [PreparationField: String] {
        [
            .noticed: random.pick([
                "Always the first to help new starters find their feet; explains the process better than the manual does.",
                "Took on the audit follow-up without being asked and kept everyone informed.",
            ]),
            .fullyEngaged: random.pick([
                "Running the residents' workshop in March.", "Untangling the allocations backlog with the data team.",
            ]),
            .opportunities: random.pick([
                "The data team's secondment in the spring; shadowing the allocations panel.",
                "A place on the project leadership course; presenting at the next directorate meeting.",
            ]),
        ]
    }

    static let employeeNotes = [
        "Remember to ask about the course dates before the budget closes.",
        "I felt listened to. Next time, say more about the move to policy.",
        "I didn't mention the workload; raise it at the next check-in.",
    ]

    static let guideNotes = [
        "Check with HR whether the secondment can start in April.",
        "Find out who in the data team would make a good contact.",
        "Follow up on protected development time at the team meeting.",
    ]

    static func summary(for stage: CheckpointStage, _ random: inout SeededGenerator) -> String {
        let opening: [String]
        switch stage {
        case .start:
            opening = [
                "We talked about where you would like your career to go over the next few years.",
                "We set the direction for the year now that your objectives are agreed.",
                "You said you are after more breadth this year rather than depth.",
            ]
        case .mid:
            opening = [
                "We looked back at what we agreed in May and how it is going.",
                "Good progress since we last spoke, and one or two things have changed.",
                "We caught up on the plan; the secondment idea is still the priority.",
            ]
        case .end:
            opening = [
                "We reflected on the year and what you would like next year to hold.",
                "A good year overall; we talked about what to carry into next year's plan.",
                "We looked at how your plans changed over the year.",
            ]
        }
        let middle = [
            "You enjoy the casework most when you can see the difference it makes.",
            "Presenting to the leadership meeting went well and you would like more of that.",
            "You are keen to build your data skills and would like a course.",
            "Workload has been heavy; we agreed to protect time for development.",
            "A sideways move to the policy team came up as a real option.",
            "You would like to mentor the new starters.",
            "Promotion is on your mind for next year, once you have led a project.",
            "You want to understand how the budget process works.",
        ]
        let closing = [
            "We will check in again in six weeks.", "You will keep a note of achievements as you go.",
            "We agreed to look for someone in the data team you could talk to.", "Next step: a short check-in next month.",
        ]
        return "\(random.pick(opening)) \(random.pick(middle)) \(random.pick(closing))"
    }

    static func preparation(_ random: inout SeededGenerator) -> [PreparationField: String] {
        [
            .whatMattersNow: random.pick([
                "Getting the balance right with two young children.", "Learning something new after four years in the same role.",
                "Being trusted with bigger pieces of work.", "Staying close to the people we help.",
            ]),
            .strengths: random.pick([
                "Untangling messy cases and explaining them simply.", "Keeping a project on track when things get busy.",
                "Getting on with people across teams.", "Spotting patterns in the numbers.",
            ]),
            .timeFlies: random.pick([
                "Workshops with residents.", "Building spreadsheets that save the team time.", "Training new colleagues.",
                "Writing reports for the panel.",
            ]),
            .inTwelveMonths: random.pick([
                "Leading a small project.", "On a secondment to the policy team.", "Confident presenting to senior people.",
                "Qualified in data analysis.",
            ]),
            .influenceObjective: random.pick([
                "A place on the spring data course.", "An introduction to the head of policy.",
                "A slot at the next leadership meeting to present the allocations idea.", "Agreement to shadow the panel for a month.",
            ]),
            .pullQuestions: random.pick([
                "Which projects are coming up next year?", "What would you need to see from me before a promotion?",
                "Who else should I talk to about a move?",
            ]),
        ]
    }

    static let expectations = [
        "Forty minutes; focus on the secondment idea; the guide drafts the summary.",
        "Half an hour; mostly about training; summary in Foothold, confirmed by the employee.",
        "An hour; a look back at the year and forward to the next; we write the summary together.",
    ]

    static let actions = [
        "Book a place on the spring data analysis course", "Shadow the allocations panel for two sessions",
        "Talk to someone in the policy team about a secondment", "Present the tenancy audit findings at the team meeting",
        "Find a mentor outside the directorate", "Write up three achievements from this quarter",
        "Ask HR about the leadership programme", "Lead the induction for the next new starter",
        "Agree protected development time each Friday afternoon", "Read the organisation's strategy and pick two priorities to link to",
    ]

    static let requests = [
        "I'd value your advice on moving into policy work.", "Could we talk about how you got into leadership?",
        "I'm thinking about a secondment and would like a sounding board.", "I'd like to hear how the data team works.",
    ]
}

import FootholdCore
import Foundation

/// What happens after the demo's conversations: actions in every state with measures, notes and
/// confirmations; and, for a third of the people (and everyone the demo names), a career plan that
/// changes through the year with a snapshot at each checkpoint held, journal entries and
/// reflections. Drawn from a generator of its own, so the conversations themselves stay as they were.
extension DemoHistory {
    mutating func addFollowUp(
        organisation: DemoOrganisation, year: CareerYear, isCurrentYear: Bool, today: CalendarDate, timeZone: TimeZone, seed: UInt64,
        cast: DemoOrganisation.Cast?
    ) {
        var random = SeededGenerator(seed: seed ^ 0x466F_6C6C_6F77_5570)
        let named: Set<Int> = cast.map { [$0.employee, $0.lineManager, $0.director, $0.leadershipTeamMember, $0.hrAdministrator] } ?? []
        func keepsAPlan(_ person: Int) -> Bool { isCurrentYear && (person % 3 == 0 || named.contains(person)) }

        // Plans first, so actions can serve their goals: each planner's checkpoint conversations,
        // in order, move the plan on one version each.
        var versions: [Int: [CareerPlan]] = [:]
        var heldCheckpoints: [Int: [Int]] = [:]
        for (index, c) in conversations.enumerated() where c.kind == .checkpoint && c.state == .held && keepsAPlan(c.employee) {
            heldCheckpoints[c.employee, default: []].append(index)
        }
        for person in organisation.people.indices where keepsAPlan(person) {
            let held = (heldCheckpoints[person] ?? []).sorted {
                conversations[$0].heldAt ?? .distantPast < conversations[$1].heldAt ?? .distantPast
            }
            let plans = Self.evolvingPlan(versions: held.count + 2, &random)
            versions[person] = plans
            for (step, index) in held.enumerated() {
                conversations[index].planSnapshot = plans[step + 1]
                let name = year.checkpoints.first { $0.id == conversations[index].checkpoint }?.name ?? "Checkpoint"
                conversations[index].planSnapshotLabel = "\(name) conversation held"
                if random.chance(0.6) || named.contains(person) { conversations[index].reflection = Self.reflection(&random) }
            }
            self.plans.append(
                Plan(
                    employee: person, start: plans[0], current: plans[plans.count - 1],
                    updatedAt: today.adding(days: -random.int(in: 1...20)).start(in: timeZone), startLabel: "Start of \(year.label)",
                    startAt: year.firstDay.start(in: timeZone)))
            for _ in 0..<random.int(in: named.contains(person) ? 4...6 : 2...5) {
                let accomplishment = random.chance(0.6)
                journal.append(
                    JournalLine(
                        employee: person, writtenOn: today.adding(days: -random.int(in: 3...200)), isAccomplishment: accomplishment,
                        text: random.pick(accomplishment ? Self.accomplishments : Self.challenges), shownToManager: random.chance(0.3)))
            }
        }

        for index in conversations.indices {
            let goals = versions[conversations[index].employee]?.last?.goals ?? []
            let recent =
                isCurrentYear && (conversations[index].heldAt.map { CalendarDate($0, in: timeZone) >= today.adding(days: -150) } ?? false)
            for a in conversations[index].actions.indices {
                var action = conversations[index].actions[a]
                if action.done {
                    action.status = random.chance(0.88) ? .done : .dropped
                    if action.status == .dropped { action.dropReason = random.pick(Self.dropReasons) }
                } else {
                    action.status = random.chance(0.45) ? .inProgress : .open
                }
                if random.chance(0.65) { action.successMeasure = random.pick(Self.measures) }
                action.confirmed = action.owner == "employee" || !recent || !action.status.isLive || random.chance(0.5)
                if !goals.isEmpty && random.chance(0.6) { action.goal = random.pick(goals).id }
                if recent && action.status != .open {
                    for step in 0..<random.int(in: 1...2) {
                        action.notes.append((random.pick(Self.progressNotes), random.chance(0.7), 7 + step * random.int(in: 7...21)))
                    }
                }
                conversations[index].actions[a] = action
            }
        }
    }

    /// A plan in `versions` steps, each a little further on than the last: words added and changed,
    /// a goal gained or met, breadth or depth reconsidered.
    static func evolvingPlan(versions: Int, _ random: inout SeededGenerator) -> [CareerPlan] {
        func id() -> UUID {
            let a = random.next(), b = random.next()
            return UUID(
                uuid: (
                    UInt8(a >> 56), UInt8(a >> 48 & 0xFF), UInt8(a >> 40 & 0xFF), UInt8(a >> 32 & 0xFF), UInt8(a >> 24 & 0xFF),
                    UInt8(a >> 16 & 0xFF), 0x40 | UInt8(a >> 8 & 0x0F), UInt8(a & 0xFF), 0x80 | UInt8(b >> 56 & 0x3F),
                    UInt8(b >> 48 & 0xFF),
                    UInt8(b >> 40 & 0xFF), UInt8(b >> 32 & 0xFF), UInt8(b >> 24 & 0xFF), UInt8(b >> 16 & 0xFF), UInt8(b >> 8 & 0xFF),
                    UInt8(b & 0xFF)
                ))
        }
        var plan = CareerPlan(
            fields: [
                .whereIAm: random.pick(whereIAm), .inThreeYears: random.pick(inThreeYears), .strengths: random.pick(strengths),
                .barriers: random.pick(barriers), .support: random.pick(support),
            ],
            direction: random.pick(CareerPlan.Direction.allCases),
            goals: [CareerPlan.Goal(id: id(), text: random.pick(goalTexts))])
        var made = [plan]
        for step in 1..<max(2, versions) {
            switch step % 4 {
            case 1:
                plan[.progress] = (plan[.progress].isEmpty ? "" : plan[.progress] + " ") + random.pick(progress)
                plan.goals.append(CareerPlan.Goal(id: id(), text: random.pick(goalTexts)))
            case 2:
                plan[.roles] = random.pick(roles)
                plan[.whereIAm] = plan[.whereIAm] + " " + random.pick(whereIAmLater)
            case 3:
                plan[.inThreeYears] = random.pick(inThreeYears)
                if plan.goals.count > 1 { plan.goals.removeFirst() }
                plan[.progress] = plan[.progress] + " " + random.pick(progress)
            default:
                plan.direction = random.pick(CareerPlan.Direction.allCases)
                plan[.support] = random.pick(support)
            }
            made.append(plan)
        }
        return made
    }

    static func reflection(_ random: inout SeededGenerator) -> Reflection {
        var reflection = Reflection(
            balance: random.pick(Reflection.Balance.allCases), whatWorked: random.pick(worked), differently: random.pick(differently))
        for question in Reflection.Question.allCases where random.chance(0.8) {
            reflection[question] = random.chance(0.6) ? .yes : random.pick([.partly, .no])
        }
        return reflection
    }

    static let whereIAm = [
        "Housing officer in the north team, mostly allocations and tenancy visits.",
        "Two years into the finance business partner role, looking after three directorates.",
        "Case worker in the benefits team; confident with the caseload, less so with the systems side.",
        "Project support officer, keeping plans and risks up to date for the estates programme.",
        "Customer services adviser, often the one new starters come to with questions.",
    ]
    static let whereIAmLater = [
        "Since the summer I have also covered the allocations panel.", "I now lead the weekly stand-up when my manager is away.",
        "I have taken on the induction of new starters.", "I moved onto the data improvement project two days a week.",
    ]
    static let inThreeYears = [
        "Leading a small team, ideally in housing or neighbourhoods.", "In a policy role, working on how services are designed.",
        "A senior specialist: the person people come to for complex cases.", "Managing projects from start to finish.",
        "Working with data every day, in the insight team or one like it.",
    ]
    static let strengths = [
        "Untangling messy cases; staying calm with upset residents.", "Explaining numbers to people who do not like numbers.",
        "Organising people and keeping track of what was agreed.", "Spotting what is not working and suggesting a fix.",
    ]
    static let barriers = [
        "No management experience yet, and few chances to get it in my team.",
        "The promotion route seems to need a qualification I do not have.", "Time: the caseload leaves little room for development.",
        "Confidence in speaking up in larger meetings.",
    ]
    static let support = [
        "A mentor outside my directorate, and time for one course this year.", "My manager's help to find a project to lead.",
        "Shadowing someone in the role I am aiming for.", "Funding for the Level 3 qualification.",
    ]
    static let progress = [
        "Finished the data analysis course in June.", "Presented at the leadership meeting for the first time.",
        "Shadowed the policy team for a week.", "Led the induction for two new starters.", "Started the Level 3 qualification.",
    ]
    static let roles = [
        "Team leader in neighbourhoods; policy officer; insight analyst.", "Project manager in the estates programme.",
        "Senior case worker; later a practice lead.", "Business partner in a larger directorate.",
    ]
    static let goalTexts = [
        "Lead a project from start to finish", "Gain a recognised data qualification", "Manage someone for the first time",
        "Spend time in another directorate", "Speak at a regional event", "Get better at managing my time around the caseload",
    ]
    static let accomplishments = [
        "Cleared the repairs backlog on the north estate with the team.", "A resident wrote in to thank me for sorting out their transfer.",
        "Ran the team meeting for the first time and kept to time.", "Finished the first module of the data course.",
        "Helped a new starter through their first difficult case.",
    ]
    static let challenges = [
        "Struggled with the budget report; need to understand the spreadsheet better.",
        "Did not speak up in the panel when I disagreed; want to practise that.", "Ran out of time for the course work this month.",
        "A difficult conversation with a resident that I would handle differently now.",
    ]
    static let measures = [
        "A confirmed booking", "A one-page note shared with the team", "Two sessions attended", "Certificate received",
        "A date in the diary", "Feedback from the people involved",
    ]
    static let dropReasons = [
        "The course was cancelled; we will look again in the spring.", "Priorities changed after the restructure.",
        "Something better came up: the secondment instead.",
    ]
    static let progressNotes = [
        "Booked it; waiting for the joining instructions.", "Spoke to them on Tuesday, following up next week.",
        "Halfway through; going well.", "Done the first part, the rest is planned for next month.", "Sent the draft round for comments.",
    ]
    static let worked = [
        "Starting with what I wanted made the rest easier.", "Having examples from my journal ready.",
        "Asking what the organisation needs, not just what I want.",
    ]
    static let differently = [
        "Ask more about the team's plans before saying what I want.", "Be clearer about the course I want funding for.",
        "Leave more time at the end to agree the actions.",
    ]
}

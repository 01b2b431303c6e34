import FootholdCore
import Foundation

/// The demo's Leadership Team slots, opportunities, success stories and resources (issue
/// "Leadership Team slots…", item 6): a year of weekly slots from every Leadership Team member with
/// a summer series among them and some booked, opportunities across the units (forty in the
/// small demo, one for every 25 people at scale), a handful of stories, and resources for each
/// top-level unit. Deterministic for a seed.
public struct DemoOpportunities: Sendable {
    public struct Slot: Sendable, Equatable {
        public var member: Int
        public var series: Int
        public var startsAt: Date
        public var minutes: Int
        public var place: String
        public var theme: String
        /// Who booked it, if anyone, and what they would like to talk about.
        public var bookedBy: Int?
        public var note: String
    }

    public struct Item: Sendable, Equatable {
        public var kind: OpportunityKind
        public var title: String
        public var description: String
        public var skills: [String]
        public var tags: [String]
        public var unit: Int?
        public var contact: Int?
        public var closesOn: CalendarDate?
    }

    public struct Story: Sendable, Equatable {
        public var person: Int
        public var writer: Int
        public var title: String
        public var body: String
        public var tags: [String]
        public var consented: Bool
    }

    public struct Resource: Sendable, Equatable {
        public var unit: Int?
        public var title: String
        public var url: String
        public var description: String
    }

    public var slots: [Slot] = []
    public var opportunities: [Item] = []
    public var stories: [Story] = []
    public var resources: [Resource] = []

    public static let summerTheme = "A summer series on moving across departments"

    public init(organisation: DemoOrganisation, today: CalendarDate, timeZone: TimeZone, seed: UInt64) {
        var random = SeededGenerator(seed: seed &+ 0x5107)
        let people = organisation.people
        let members = people.indices.filter { people[$0].isLeadershipTeam }
        let cast = organisation.cast()
        let topUnits = organisation.units.indices.filter { organisation.units[$0].parent == 0 }

        // Slots: each member offers one a week for a year, on their own weekday and hour; the
        // weeks of July and August are the summer series. The next few weeks are partly booked.
        let monday = today.adding(days: 8 - today.weekday)
        for (number, member) in members.enumerated() {
            let weekday = number % 5, hour = [9, 10, 11, 14, 15][(number / 5) % 5]
            let place = Self.places[number % Self.places.count]
            for week in 0..<52 {
                let day = monday.adding(days: 7 * week + weekday)
                let summer = day.month == 7 || day.month == 8
                let start = SlotSeries.instant(day, hour: hour, minute: summer ? 30 : 0, in: timeZone)
                var slot = Slot(
                    member: member, series: summer ? number * 2 + 1 : number * 2, startsAt: start, minutes: summer ? 45 : 30,
                    place: place, theme: summer ? Self.summerTheme : "", bookedBy: nil, note: "")
                if (week < 6 && random.chance(0.4)) || (summer && random.chance(0.3)) {
                    // Someone other than a member; not the employee the demo names, who books their own.
                    var booker = random.int(in: 0...(people.count - 1)), tries = 0
                    while (booker == cast.employee || people[booker].isLeadershipTeam) && tries < people.count {
                        booker = (booker + 1) % people.count
                        tries += 1
                    }
                    if tries < people.count && !slots.contains(where: { $0.bookedBy == booker && $0.member == member }) {
                        slot.bookedBy = booker
                        slot.note = random.pick(Self.notes)
                    }
                }
                slots.append(slot)
            }
        }

        // Opportunities: across the units, closing over the coming months; a few already closed.
        let count = max(40, people.count / 25)
        let units = Array(organisation.units.indices)
        var usedTitles = Set<String>()
        for index in 0..<count {
            let template = Self.templates[index % Self.templates.count]
            // A template used again is another unit's own, named as such: no two look alike
            // (on 4 December 2026 one was listed four times with nothing to tell them apart).
            let again = index >= Self.templates.count
            var unit = index % 6 == 0 && !again ? nil : random.pick(units)
            func titled(_ unit: Int?) -> String {
                let place = unit.map { organisation.units[$0].path.name } ?? "the organisation"
                let title = again && !template.title.contains("{unit}") ? template.title + " in \(place)" : template.title
                return title.replacingOccurrences(of: "{unit}", with: place)
            }
            var tries = 0
            while usedTitles.contains(titled(unit)) && tries < units.count {
                unit = units[(index + tries) % units.count]
                tries += 1
            }
            let place = unit.map { organisation.units[$0].path.name } ?? "the organisation"
            let title = titled(unit)
            usedTitles.insert(title)
            let closes: CalendarDate? =
                index % 7 == 0
                ? nil : (index % 13 == 5 ? today.adding(days: -random.int(in: 3...60)) : today.adding(days: random.int(in: 10...200)))
            opportunities.append(
                Item(
                    kind: template.kind, title: title,
                    description: template.description.replacingOccurrences(of: "{unit}", with: place), skills: template.skills,
                    tags: template.tags, unit: unit, contact: unit.map { organisation.units[$0].head }, closesOn: closes))
        }

        // Stories: five published, one waiting for its person to agree.
        for (index, story) in Self.storyTexts.enumerated() {
            let person = people.indices.filter { !people[$0].isLeadershipTeam && $0 != cast.employee }.dropFirst(index * 7 + 3).first ?? 0
            stories.append(
                Story(
                    person: person, writer: index == 2 ? cast.hrAdministrator : person, title: story.title, body: story.body,
                    tags: story.tags, consented: index != 4))
        }

        // Resources: for everyone, and for each top-level unit.
        resources.append(
            Resource(
                unit: nil, title: "Development-plan template", url: "https://intranet.example/careers/development-plan-template.docx",
                description: "The template from the career conversations charter"))
        resources.append(
            Resource(
                unit: nil, title: "Career conversations charter", url: "https://intranet.example/careers/charter",
                description: "What every member of staff can expect"))
        for unit in topUnits {
            let name = organisation.units[unit].path.name
            let slug = name.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: "-")
            resources.append(
                Resource(
                    unit: unit, title: "\(name): learning and development", url: "https://intranet.example/\(slug)/learning",
                    description: "Courses, qualifications and funding in \(name)"))
        }
    }

    static let places = ["Room 2.14, Civic Centre", "The Hub, first floor", "Video call (link in the invitation)", "Room G.03"]

    static let notes = [
        "I would like to understand how people move between directorates.", "Whether a secondment would suit me at this stage.",
        "How you got into leadership, and what you would do differently.", "Moving from casework into policy.",
        "What the organisation will need in three years' time.",
    ]

    struct Template {
        var kind: OpportunityKind
        var title: String
        var description: String
        var skills: [String]
        var tags: [String]
    }

    static let templates: [Template] = [
        Template(
            kind: .secondment, title: "Insight analyst secondment in {unit}",
            description: "Six months working with data on how services are used. Suits someone who enjoys spreadsheets and questions.",
            skills: ["Data analysis", "Spreadsheets"], tags: ["data", "insight"]),
        Template(
            kind: .project, title: "Lead a service improvement project in {unit}",
            description: "Plan and run a small project from start to finish, with a sponsor to support you.",
            skills: ["Project management"], tags: ["leadership", "project"]),
        Template(
            kind: .course, title: "Data analysis qualification (Level 3)",
            description: "A recognised data qualification over nine months, one day a fortnight, funded.", skills: ["Data analysis"],
            tags: ["data", "qualification"]),
        Template(
            kind: .shadowing, title: "Shadow the policy team",
            description: "A week alongside policy officers, seeing how services are designed.", skills: ["Policy"],
            tags: ["policy", "directorate"]),
        Template(
            kind: .mentoring, title: "Mentoring for first-time managers",
            description: "A mentor from another directorate for a year, meeting monthly, for anyone about to manage someone.",
            skills: ["Management"], tags: ["leadership", "mentor", "team"]),
        Template(
            kind: .role, title: "Team leader, neighbourhoods ({unit})",
            description: "Leading a small team of neighbourhood officers. Open to people stepping up for the first time.",
            skills: ["Leadership", "Casework"], tags: ["leadership", "team", "neighbourhoods"]),
        Template(
            kind: .talkToSomeone, title: "Talk to a project manager in the estates programme",
            description: "Half an hour with someone who manages projects every day.", skills: ["Project management"],
            tags: ["project", "estates"]),
        Template(
            kind: .project, title: "Speak at the regional housing event",
            description: "Present your team's work to peers from across the region; coaching offered beforehand.",
            skills: ["Presenting"], tags: ["speaking", "event", "confidence"]),
        Template(
            kind: .secondment, title: "Policy officer secondment in {unit}",
            description: "Nine months in a policy role, working on how services are designed.", skills: ["Policy", "Writing"],
            tags: ["policy", "secondment"]),
        Template(
            kind: .course, title: "Managing your time around a caseload",
            description: "Two half-days on planning, priorities and saying no kindly.", skills: ["Time management"],
            tags: ["caseload", "time"]),
    ]

    static let storyTexts: [(title: String, body: String, tags: [String])] = [
        (
            "From housing officer to policy adviser",
            "I shadowed the policy team for a week, then asked for a secondment. It was daunting to write for ministers, but my years on the estates meant I knew what a policy would feel like on the ground. Ask to shadow first: it costs little and tells you a lot.",
            ["policy", "secondment"]
        ),
        (
            "Leading a project for the first time",
            "My manager found me a small project with a sponsor who checked in every fortnight. I learnt more about planning in three months than in three years of being planned for.",
            ["project", "leadership"]
        ),
        (
            "Into the insight team through a data qualification",
            "I took the Level 3 data qualification one day a fortnight. Halfway through I was helping the insight team with their spreadsheets; by the end they had a vacancy.",
            ["data", "insight", "qualification"]
        ),
        (
            "Managing someone for the first time",
            "A mentor from another directorate helped me through the first six months: what to say in a first one-to-one, how to give feedback that lands.",
            ["leadership", "mentor", "team"]
        ),
        (
            "Speaking at the regional event",
            "I had never presented outside my team. With two coaching sessions I spoke to a room of eighty, and three councils have since asked about our approach.",
            ["speaking", "event"]
        ),
        (
            "Moving across departments",
            "After eight years in finance I moved to the estates programme. The summer conversations with the Leadership Team helped me see what I already had to offer.",
            ["moving", "departments", "estates"]
        ),
    ]
}

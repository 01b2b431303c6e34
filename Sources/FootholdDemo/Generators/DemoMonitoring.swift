import FootholdCore
import Foundation

/// What monitoring holds for the demo organisation, made from its history: the notices directors
/// were sent, line managers' theme reports (most managers report, some do not), and a few
/// responses from the Leadership Team. The same history and seed give the same result.
public struct DemoMonitoring: Sendable {
    public struct Report: Sendable, Equatable {
        public var manager: Int
        public var checkpoint: UUID
        public var people: Int
        /// People who raised each theme, by the theme's place in the list.
        public var counts: [Int: Int]
        public var note: String
        /// A few days after the team's last conversation: inside the reporting period, so the
        /// report counts in the checkpoint's published figures (decision 0021).
        public var submittedAt: Date = .distantPast
    }

    public struct Notice: Sendable, Equatable {
        public var recipient: Int
        /// The conversation's place in the history it came from.
        public var conversation: Int
        public var employee: Int
        public var guide: Int
        public var checkpoint: UUID
        public var heldAt: Date
    }

    public struct Response: Sendable, Equatable {
        public var unit: Int
        public var theme: Int
        public var response: String
        public var byWhom: String
        public var dueOn: CalendarDate
        public var author: Int
    }

    public var reports: [Report] = []
    public var notices: [Notice] = []

    /// Reports and notices for one career year of history.
    public init(organisation: DemoOrganisation, history: DemoHistory, themeCount: Int, seed: UInt64) {
        var random = SeededGenerator(seed: seed ^ 0x4D6F_6E69_746F_72)
        let directors = organisation.people.indices.map { organisation.director(of: $0) }
        // Each manager's held checkpoint conversations with their own reports, by checkpoint.
        var held: [UUID: [Int: [Int]]] = [:]
        for (index, c) in history.conversations.enumerated() where c.kind == .checkpoint && c.state == .held {
            guard let checkpoint = c.checkpoint, let heldAt = c.heldAt else { continue }
            // Only a conversation with the line manager meets a checkpoint and tells the director.
            guard organisation.people[c.employee].manager == c.guide else { continue }
            held[checkpoint, default: [:]][c.guide, default: []].append(index)
            if let recipient = directors[c.employee], recipient != c.guide {
                notices.append(
                    Notice(
                        recipient: recipient, conversation: index, employee: c.employee, guide: c.guide, checkpoint: checkpoint,
                        heldAt: heldAt))
            }
        }
        for checkpoint in held.keys.sorted(by: { $0.uuidString < $1.uuidString }) {
            for (manager, conversations) in held[checkpoint]!.sorted(by: { $0.key < $1.key }) {
                // Most managers report; some have not yet.
                guard random.chance(0.85) else { continue }
                var counts: [Int: Int] = [:]
                var people = Set<Int>()
                var raised: [Int: Set<Int>] = [:]
                var last = Date.distantPast
                for index in conversations {
                    let c = history.conversations[index]
                    people.insert(c.employee)
                    if let heldAt = c.heldAt, heldAt > last { last = heldAt }
                    for theme in c.themes where theme < themeCount { raised[theme, default: []].insert(c.employee) }
                }
                for (theme, who) in raised { counts[theme] = who.count }
                reports.append(
                    Report(
                        manager: manager, checkpoint: checkpoint, people: people.count, counts: counts,
                        note: people.count >= 5 && random.chance(0.3) ? random.pick(Self.notes) : "",
                        submittedAt: last.addingTimeInterval(TimeInterval(Int.random(in: 1...6, using: &random) * 86_400))))
            }
        }
    }

    /// A few responses from the Leadership Team, each for a top-level unit and the theme its
    /// teams raised most in these reports.
    public static func responses(organisation: DemoOrganisation, reports: [Report], today: CalendarDate, limit: Int = 5) -> [Response] {
        let areas = organisation.areas()
        guard let author = organisation.people.indices.first(where: { organisation.people[$0].isLeadershipTeam }) else { return [] }
        var byArea: [Int: [Int: Int]] = [:]
        var unitOfArea: [Int: Int] = [:]
        for (index, unit) in organisation.units.enumerated() where unit.parent.map({ organisation.units[$0].parent == nil }) == true {
            unitOfArea[areas[index].number] = index
        }
        for report in reports {
            let area = areas[organisation.people[report.manager].unit]
            guard unitOfArea[area.number] != nil else { continue }
            for (theme, count) in report.counts { byArea[area.number, default: [:]][theme, default: 0] += count }
        }
        return byArea.keys.sorted().prefix(limit).enumerated().compactMap { offset, area in
            guard let unit = unitOfArea[area], let theme = byArea[area]!.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key
            else { return nil }
            let (response, byWhom) = Self.responseTexts[offset % Self.responseTexts.count]
            return Response(
                unit: unit, theme: theme, response: response, byWhom: byWhom, dueOn: today.adding(days: 30 + 21 * offset), author: author)
        }
    }

    static let notes = [
        "Several people want to try work in another department before deciding on a move.",
        "The team asked for more time set aside for learning; the rota makes it hard.",
        "Most conversations came back to workload: people want to grow but struggle to find the hours.",
        "There is real interest in secondments, and some worry about how to apply.",
        "People valued the conversations and asked for shorter check-ins between checkpoints.",
        "A few want to move towards leading a team and would like a mentor.",
    ]

    static let responseTexts = [
        ("A monthly lunchtime session where colleagues from other departments talk about their work", "The Leadership Team"),
        ("Two protected learning hours a month for everyone, written into the rota", "Heads of service"),
        ("A secondment register, with how to apply explained in plain words", "People and Culture"),
        ("A mentoring scheme for people who want to lead a team, opening in the spring", "People and Culture"),
        ("A review of workload in the busiest teams, reported back at the next checkpoint", "Directors, with their managers"),
    ]
}

extension DemoOrganisation {
    /// The director a person's notices go to: the head of their unit, or of the nearest unit above
    /// when they head their own; nil for the head of the organisation.
    public func director(of person: Int) -> Int? {
        var heads: [Int?] = []
        var unit: Int? = people[person].unit
        while let current = unit {
            heads.append(units[current].head)
            unit = units[current].parent
        }
        return Directorship.director(of: person, heads: heads)
    }
}

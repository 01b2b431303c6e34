import FootholdCore
import Foundation

/// A believable fictional organisation for demonstrations and benchmarks: Ridgeway, a public body
/// whose units go three or four levels deep, where every manager has between 3 and 12 direct reports.
/// The same size and seed always give the same organisation.
public struct DemoOrganisation: Sendable {
    public struct Unit: Sendable, Equatable {
        public var path: UnitPath
        public var parent: Int?
        /// Index into `people`.
        public var head: Int
    }

    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String
        public var jobTitle: String
        public var unit: Int
        public var manager: Int?
        public var isLeadershipTeam: Bool
        public var isHRAdministrator: Bool
    }

    public var units: [Unit] = []
    public var people: [Person] = []

    public static let domain = "ridgeway.example"
    static let maximumSpan = 12
    static let minimumSpan = 3
    static let deepestUnitLevel = 4

    public init(people count: Int, seed: UInt64) {
        precondition(count >= 1, "an organisation needs at least one person")
        var builder = Builder(seed: seed)
        builder.build(count: count)
        units = builder.units
        people = builder.people
    }

    /// People who report to someone, by manager index, in the order they were created.
    /// Each unit's area: the top-level unit it lies in (numbered in order), and whether that area
    /// lags behind the others in holding its conversations (every third one does).
    public func areas() -> [(number: Int, isLagging: Bool)] {
        var top: [Int] = units.map { _ in 0 }
        var numbers: [Int: Int] = [:]
        for (index, unit) in units.enumerated() {
            guard let parent = unit.parent else { continue }
            if units[parent].parent == nil {
                numbers[index] = numbers.count
                top[index] = index
            } else {
                top[index] = top[parent]
            }
        }
        return units.indices.map { index in
            guard let number = numbers[top[index]] else { return (0, false) }
            return (number, number % 3 == 2)
        }
    }

    public func directReports() -> [Int: [Int]] {
        var reports: [Int: [Int]] = [:]
        for (index, person) in people.enumerated() { if let manager = person.manager { reports[manager, default: []].append(index) } }
        return reports
    }

    /// Good people to sign in as in a demonstration, one per role.
    public struct Cast: Sendable, Equatable {
        public var employee: Int
        public var lineManager: Int
        public var director: Int
        public var leadershipTeamMember: Int
        public var hrAdministrator: Int
    }

    /// Five different people, one per role, chosen so each shows their role at its clearest.
    public func cast() -> Cast {
        let reports = directReports()
        let heads = Set(units.map(\.head))
        var used: Set<Int> = []
        func choose(_ preferences: [(Int) -> Bool]) -> Int {
            for preference in preferences {
                if let found = people.indices.first(where: { !used.contains($0) && preference($0) }) {
                    used.insert(found)
                    return found
                }
            }
            let fallback = people.indices.first { !used.contains($0) } ?? 0
            used.insert(fallback)
            return fallback
        }
        // A manager of a front-line team (whose reports manage no one) who heads no unit.
        let manager = choose([
            { index in
                guard let team = reports[index], team.count >= 3, !heads.contains(index) else { return false }
                return team.allSatisfy { reports[$0] == nil }
            },
            { reports[$0] != nil && !heads.contains($0) },
        ])
        let employee = choose([{ self.people[$0].manager == manager && reports[$0] == nil }, { reports[$0] == nil }])
        let hr = choose([{ self.people[$0].isHRAdministrator && !heads.contains($0) }, { self.people[$0].isHRAdministrator }])
        let director = choose([
            { index in heads.contains(index) && !self.people[index].isLeadershipTeam && reports[index] != nil },
            { heads.contains($0) },
        ])
        let leadership = choose([{ self.people[$0].isLeadershipTeam && $0 != 0 }, { self.people[$0].isLeadershipTeam }])
        return Cast(employee: employee, lineManager: manager, director: director, leadershipTeamMember: leadership, hrAdministrator: hr)
    }
}

private struct Builder {
    var random: SeededGenerator
    var units: [DemoOrganisation.Unit] = []
    var people: [DemoOrganisation.Person] = []
    var usedEmails: Set<String> = []

    init(seed: UInt64) { random = SeededGenerator(seed: seed ^ 0x466F_6F74_686F_6C64) }

    mutating func build(count: Int) {
        let root = UnitPath(names: [DemoNames.organisation])
        let chief = addPerson(title: "Chief Executive", unit: 0, manager: nil)
        units.append(.init(path: root, parent: nil, head: chief))
        people[chief].isLeadershipTeam = true
        fill(unit: 0, head: chief, remaining: count - 1, level: 1, domain: nil)
        markLeadershipAndHR()
    }

    /// Places `remaining` people below `head` in `unit`: in child units while the tree may grow
    /// deeper and the group is large, else as a team inside the unit.
    mutating func fill(unit: Int, head: Int, remaining: Int, level: Int, domain: DemoNames.Domain?) {
        guard remaining > 0 else { return }
        if level >= DemoOrganisation.deepestUnitLevel || remaining <= 14 {
            buildTeam(manager: head, count: remaining, unit: unit, domain: domain ?? DemoNames.domains[0], isUnitHead: true)
            return
        }
        // A few people work for the head directly (a business manager, an assistant).
        let support = remaining >= 40 ? 2 : (remaining >= 12 ? 1 : 0)
        let forChildren = remaining - support
        // The head's span is the child units plus the support staff: at least three.
        let fewestChildren = level == 1 ? DemoOrganisation.minimumSpan : DemoOrganisation.minimumSpan - support
        let childCount = min(
            DemoOrganisation.maximumSpan - support, max(fewestChildren, Int((Double(forChildren) / 6).squareRoot().rounded())))
        let names = childNames(level: level, domain: domain, count: childCount)
        var sizes = split(forChildren, into: childCount)
        if level == 1, let hrIndex = names.firstIndex(where: { $0.domain.name == DemoNames.peopleDomain }) {
            // People and Culture stays modest in size, as it would.
            let moved = sizes[hrIndex] - max(6, sizes[hrIndex] / 3)
            if moved > 0 { sizes[hrIndex] -= moved; sizes[(hrIndex + 1) % childCount] += moved }
        }
        for index in 0..<support {
            let title = index == 0 ? "Business Manager" : "Executive Assistant"
            _ = addPerson(title: title, unit: unit, manager: head)
        }
        for (index, child) in names.enumerated() where sizes[index] > 0 {
            let path = UnitPath(names: units[unit].path.names + [child.name])
            let childUnit = units.count
            let title = headTitle(level: level + 1, unitName: child.name)
            let childHead = addPerson(title: title, unit: childUnit, manager: head)
            units.append(.init(path: path, parent: unit, head: childHead))
            fill(unit: childUnit, head: childHead, remaining: sizes[index] - 1, level: level + 1, domain: child.domain)
        }
    }

    /// A team inside one unit: up to twelve report to the manager, and a unit head with seven or
    /// more people has a team leader among them; a larger group is split between team leaders.
    mutating func buildTeam(manager: Int, count: Int, unit: Int, domain: DemoNames.Domain, isUnitHead: Bool) {
        if count <= DemoOrganisation.maximumSpan {
            var direct = count
            if isUnitHead && count >= 7 {
                let leaderTeam = max(DemoOrganisation.minimumSpan, count / 3)
                let leader = addPerson(title: "Team Leader", unit: unit, manager: manager)
                for _ in 0..<leaderTeam { _ = addPerson(title: staffTitle(domain), unit: unit, manager: leader) }
                direct = count - 1 - leaderTeam
            }
            for _ in 0..<direct { _ = addPerson(title: staffTitle(domain), unit: unit, manager: manager) }
            return
        }
        let leaders = min(DemoOrganisation.maximumSpan, max(DemoOrganisation.minimumSpan, (count + 8) / 9))
        var sizes = split(count - leaders, into: leaders)
        // Keep every leader's span at three or more where the numbers allow.
        for index in sizes.indices where sizes[index] < DemoOrganisation.minimumSpan { sizes[index] = 0 }
        let placed = sizes.reduce(0, +)
        sizes[0] += count - leaders - placed
        for size in sizes {
            let leader = addPerson(title: size > 0 ? "Team Leader" : "Senior " + staffTitle(domain), unit: unit, manager: manager)
            if size > 0 { buildTeam(manager: leader, count: size, unit: unit, domain: domain, isUnitHead: false) }
        }
    }

    func split(_ total: Int, into parts: Int) -> [Int] {
        (0..<parts).map { total / parts + ($0 < total % parts ? 1 : 0) }
    }

    mutating func childNames(level: Int, domain: DemoNames.Domain?, count: Int) -> [(name: String, domain: DemoNames.Domain)] {
        if level == 1 {
            // People and Culture is always there, so there are HR administrators.
            var chosen = [DemoNames.domains.first { $0.name == DemoNames.peopleDomain }!]
            for candidate in DemoNames.domains where chosen.count < count && candidate.name != DemoNames.peopleDomain {
                chosen.append(candidate)
            }
            return chosen.map { ($0.name, $0) }
        }
        let domain = domain ?? DemoNames.domains[0]
        let pool = level == 2 ? domain.divisions : DemoNames.sections
        var names: [String] = []
        var round = 0
        while names.count < count {
            for base in pool where names.count < count {
                let name = round == 0 ? base : "\(base) \(DemoNames.areas[(round - 1) % DemoNames.areas.count])"
                if !names.contains(name) { names.append(name) }
            }
            round += 1
        }
        return names.map { ($0, domain) }
    }

    func headTitle(level: Int, unitName: String) -> String {
        switch level {
        case 2: "Director of \(unitName)"
        case 3: "Head of \(unitName)"
        default: "\(unitName) Manager"
        }
    }

    mutating func staffTitle(_ domain: DemoNames.Domain) -> String {
        let title = random.pick(domain.roles)
        return random.chance(0.2) ? "Senior \(title)" : title
    }

    mutating func addPerson(title: String, unit: Int, manager: Int?) -> Int {
        let first = random.pick(DemoNames.firstNames)
        let last = random.pick(DemoNames.lastNames)
        let base = "\(first).\(last)".folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: " ", with: "-")
            .replacingOccurrences(of: "'", with: "")
        var email = "\(base)@\(DemoOrganisation.domain)"
        var suffix = 2
        while usedEmails.contains(email) {
            email = "\(base)\(suffix)@\(DemoOrganisation.domain)"
            suffix += 1
        }
        usedEmails.insert(email)
        people.append(
            .init(
                name: "\(first) \(last)", email: email, jobTitle: title, unit: unit, manager: manager,
                isLeadershipTeam: false, isHRAdministrator: false))
        return people.count - 1
    }

    /// The Leadership Team: the chief executive and the first five directors. HR administrators:
    /// the director of People and Culture and two of their people.
    mutating func markLeadershipAndHR() {
        let directors = units.filter { $0.path.depth == 2 }.map(\.head)
        for head in directors.prefix(5) { people[head].isLeadershipTeam = true }
        guard let hrUnit = units.firstIndex(where: { $0.path.depth == 2 && $0.path.name == DemoNames.peopleDomain }) else {
            people[0].isHRAdministrator = true
            return
        }
        people[units[hrUnit].head].isHRAdministrator = true
        let hrUnits = Set(units.indices.filter { units[$0].path.names.starts(with: units[hrUnit].path.names) })
        let heads = Set(units.map(\.head))
        var added = 0
        for index in people.indices where added < 2 && hrUnits.contains(people[index].unit) && !heads.contains(index) {
            people[index].isHRAdministrator = true
            people[index].jobTitle = added == 0 ? "HR Business Partner" : "HR Systems Adviser"
            added += 1
        }
    }
}

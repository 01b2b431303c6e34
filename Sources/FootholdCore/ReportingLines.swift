/// Reporting lines form a forest: following "manager of" from anyone must end at someone with no
/// manager. These functions find where that is not so.
public enum ReportingLines {
    /// Every cycle in `managerOf` (person → their manager), each listed once, starting from its
    /// smallest member so the result does not depend on dictionary order.
    public static func cycles<ID: Hashable & Comparable>(in managerOf: [ID: ID]) -> [[ID]] {
        var state: [ID: Int] = [:]  // 1 = on the current path, 2 = finished
        var found: [[ID]] = []
        for start in managerOf.keys.sorted() where state[start] == nil {
            var path: [ID] = []
            var current: ID? = start
            while let person = current, state[person] == nil {
                state[person] = 1
                path.append(person)
                current = managerOf[person]
            }
            if let person = current, state[person] == 1, let at = path.firstIndex(of: person) {
                let cycle = Array(path[at...])
                let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] })!
                found.append(Array(cycle[smallest...] + cycle[..<smallest]))
            }
            for person in path { state[person] = 2 }
        }
        return found.sorted { $0[0] < $1[0] }
    }

    /// Whether making `manager` the manager of `person` would close a loop.
    public static func wouldCreateCycle<ID: Hashable>(person: ID, manager: ID, managerOf: [ID: ID]) -> Bool {
        var seen: Set<ID> = []
        var current: ID? = manager
        while let next = current {
            if next == person { return true }
            if !seen.insert(next).inserted { return false }
            current = managerOf[next]
        }
        return false
    }

    /// Managers before the people who report to them, so rows can be written with their
    /// manager already present. People whose manager is not in `managerOf`'s keys come first.
    /// Assumes there are no cycles.
    public static func managersFirst<ID: Hashable>(_ people: [ID], managerOf: [ID: ID]) -> [ID] {
        let inSet = Set(people)
        var depth: [ID: Int] = [:]
        func depthOf(_ person: ID) -> Int {
            var chain: [ID] = []
            var current = person
            var base = 0
            while true {
                if let known = depth[current] { base = known + 1; break }
                chain.append(current)
                guard let manager = managerOf[current], inSet.contains(manager), chain.count <= inSet.count else { break }
                current = manager
            }
            for (offset, member) in chain.reversed().enumerated() { depth[member] = base + offset }
            return depth[person]!
        }
        let ranked = people.enumerated().map { ($0.offset, $0.element, depthOf($0.element)) }
        return ranked.sorted { ($0.2, $0.0) < ($1.2, $1.0) }.map(\.1)
    }
}

import Foundation

/// A table of counts about what was said, shaped as a tree: each line manager's report is a leaf,
/// each unit the total of the reports and units below it, the organisation the total of them all.
/// `protect` decides which figures may be shown so that nothing held back can be worked out from
/// what is shown (SPEC §5; decision 0016).
///
/// *Primary suppression*: a figure drawn from fewer people than the threshold, or counting fewer
/// of them than the threshold (but some), is held back; so is one that counts every one of its
/// people ("5 of 5"), which would say what each of them raised. *Secondary suppression*: every sum the
/// table shows — a total and its parts — must hold back none of its figures or at least two, as
/// seen by every viewer. Because each figure is the total of at most one sum and a part of at most
/// one other, that is enough: a held-back figure could only be worked out from a chain of sums
/// that ends in a sum with exactly one unknown (the proof is in the decision, the attacker test in
/// `DisclosureTableTests` checks it by solving the equations). A viewer who wrote a report knows
/// its figures, so for them those are not unknowns. And because a count is never below zero nor
/// above its people, a sum whose unknown parts add up to the least or the most they could be gives
/// every one of them away: such a sum holds back one more figure too.
public struct DisclosureTable: Sendable {
    public struct Node: Sendable, Equatable {
        /// The node this one is a part of; nil for the top.
        public var parent: Int?
        /// How many of the people it is drawn from said it. A node with parts is their total and
        /// what it was given here is replaced by their sum.
        public var value: Int
        /// How many people it is drawn from.
        public var people: Int
        /// Who wrote it, when they can also see figures: they know it, whatever is held back.
        public var author: UUID?

        public init(parent: Int?, value: Int = 0, people: Int = 0, author: UUID? = nil) {
            self.parent = parent
            self.value = value
            self.people = people
            self.author = author
        }
    }

    public enum Visibility: String, Sendable, Equatable, Codable {
        case shown
        /// Nothing is drawn from anyone here yet: there is nothing to hold back.
        case empty
        /// Drawn from, or counting, fewer people than the threshold.
        case tooFew = "too_few"
        /// Shown, it would let a figure held back be worked out; or it counts everyone it is drawn
        /// from. The two are not told apart, so neither gives the other away.
        case withheld
    }

    public private(set) var nodes: [Node]
    /// The parts of each node, in the order given.
    public let parts: [[Int]]

    /// Nodes must form a forest: parents come in any order but never loop.
    public init(nodes: [Node]) {
        var parts = Array(repeating: [Int](), count: nodes.count)
        for (index, node) in nodes.enumerated() {
            if let parent = node.parent {
                precondition(parent != index && nodes.indices.contains(parent), "a node's parent must be another node")
                parts[parent].append(index)
            }
        }
        self.parts = parts
        self.nodes = nodes
        // Totals from the leaves up: children before parents, found without recursion.
        var order: [Int] = []
        var stack = nodes.indices.filter { nodes[$0].parent == nil }
        while let next = stack.popLast() {
            order.append(next)
            stack.append(contentsOf: parts[next])
        }
        precondition(order.count == nodes.count, "the nodes loop: every node must lead to a top")
        for index in order.reversed() where !parts[index].isEmpty {
            self.nodes[index].value = parts[index].reduce(0) { $0 + self.nodes[$1].value }
            self.nodes[index].people = parts[index].reduce(0) { $0 + self.nodes[$1].people }
            self.nodes[index].author = nil
        }
    }

    /// Primary suppression alone: the figures that may not be shown whatever else is.
    public func primary(_ threshold: AnonymityThreshold) -> [Visibility] {
        nodes.map { node in
            if node.people == 0 { return .empty }
            if node.people < threshold.people || (node.value > 0 && node.value < threshold.people) { return .tooFew }
            // Everyone it is drawn from said it: shown, it would tell what each of them raised
            // (group disclosure).
            if node.value == node.people { return .withheld }
            return .shown
        }
    }

    /// Which figures may be shown. Deterministic: the same table and threshold give the same answer.
    public func protect(_ threshold: AnonymityThreshold) -> [Visibility] {
        var visibility = primary(threshold)
        // Each sum: the total first, then its parts.
        let sums: [[Int]] = nodes.indices.compactMap { parts[$0].isEmpty ? nil : [$0] + parts[$0] }
        var sumsOf = Array(repeating: [Int](), count: nodes.count)
        for (sum, members) in sums.enumerated() { for member in members { sumsOf[member].append(sum) } }
        // What each viewer who wrote a report knows: their report, and what follows from it alone.
        var knownBy = nodes.map { node in node.author.map { Set([$0]) } ?? [] }

        func isHidden(_ index: Int) -> Bool { visibility[index] == .tooFew || visibility[index] == .withheld }

        /// What a sum gives away, and to whom (nil: anyone): exactly one figure unknown, which the
        /// others give; or, with its total known, unknown parts that add up to nothing or to all the
        /// people they are drawn from, which tells each of them too (counts are never below zero
        /// nor above their people).
        enum Giveaway {
            case one(Int)
            case allNone
            case allEveryone
        }
        /// The least and most a figure can be to the viewer: itself when known; else from nothing
        /// to its people, narrowed by what its parts show.
        func bounds(_ index: Int, _ viewer: UUID?) -> (low: Int, high: Int) {
            if !isHidden(index) || viewer.map({ knownBy[index].contains($0) }) == true { return (nodes[index].value, nodes[index].value) }
            guard !parts[index].isEmpty else { return (0, nodes[index].people) }
            var (low, high) = (0, 0)
            for part in parts[index] {
                let range = bounds(part, viewer)
                low += range.low
                high += range.high
            }
            return (low, min(high, nodes[index].people))
        }

        func exposed(_ sum: Int) -> (viewer: UUID?, giveaway: Giveaway)? {
            let members = sums[sum]
            let hidden = members.filter(isHidden)
            if hidden.count == 1 { return (nil, .one(hidden[0])) }
            let viewers: [UUID?] = [nil] + Set(hidden.flatMap { knownBy[$0] }).sorted { $0.uuidString < $1.uuidString }
            for viewer in viewers {
                let unknown = hidden.filter { index in viewer.map { !knownBy[index].contains($0) } ?? true }
                if unknown.count == 1 { return (viewer, .one(unknown[0])) }
                let total = members[0]
                guard !unknown.isEmpty, !unknown.contains(total) else { continue }
                let left = unknown.reduce(0) { $0 + nodes[$1].value }
                let range = unknown.map { bounds($0, viewer) }
                if left == range.reduce(0, { $0 + $1.low }) { return (viewer, .allNone) }
                if left == range.reduce(0, { $0 + $1.high }) { return (viewer, .allEveryone) }
            }
            return nil
        }

        /// How hiding `member` would change its other sum: 1 if that sum would newly need help, -1
        /// if it would no longer, else 0.
        func knockOn(_ member: Int, besides sum: Int) -> Int {
            guard let other = sumsOf[member].first(where: { $0 != sum }) else { return 0 }
            let before = exposed(other) != nil
            visibility[member] = .withheld
            let after = exposed(other) != nil
            visibility[member] = .shown
            return (after ? 1 : 0) - (before ? 1 : 0)
        }

        var queue = Array(sums.indices.reversed())
        var queued = Set(queue)
        while let sum = queue.popLast() {
            queued.remove(sum)
            guard let (viewer, giveaway) = exposed(sum) else { continue }
            let total = sums[sum][0]
            var candidates = sums[sum].filter { visibility[$0] == .shown }
            // Parts that add up to nothing need one that is something; parts at their most, one
            // that is not. Failing those, the total.
            switch giveaway {
            case .one: break
            case .allNone:
                let helping = candidates.filter { nodes[$0].value > 0 && $0 != total }
                candidates = helping.isEmpty ? candidates.filter { $0 == total } : helping
            case .allEveryone:
                let helping = candidates.filter { nodes[$0].value < nodes[$0].people && $0 != total }
                candidates = helping.isEmpty ? candidates.filter { $0 == total } : helping
            }
            var touched: Int
            if candidates.isEmpty {
                // Every figure here is held back and the viewer knows all but one: that one follows
                // from their own report alone, so it tells them nothing of anyone else's.
                guard let viewer, case .one(let unknown) = giveaway else { continue }
                knownBy[unknown].insert(viewer)
                touched = unknown
            } else {
                // The next smallest figure, preferring one that is not zero (a zero held back
                // protects little), that does not ripple into another sum, and a part over the total.
                touched = candidates.min { a, b in
                    let ka = (nodes[a].value == 0 ? 1 : 0, knockOn(a, besides: sum), nodes[a].value, a == total ? 1 : 0, a)
                    let kb = (nodes[b].value == 0 ? 1 : 0, knockOn(b, besides: sum), nodes[b].value, b == total ? 1 : 0, b)
                    return ka < kb
                }!
                visibility[touched] = .withheld
            }
            for affected in sumsOf[touched] + [sum] where !queued.contains(affected) {
                queue.append(affected)
                queued.insert(affected)
            }
        }
        return visibility
    }
}

import Foundation

/// The organisation's units as a tree, by position: each unit's parent and children. Counts are
/// kept for the finest groups (a unit's teams) and added up it here, once, for every view.
public struct UnitTree: Sendable, Equatable {
    public let parents: [Int?]
    public let children: [[Int]]

    /// `parents[i]` is the position of unit i's parent, or nil for a unit at the top. A parent
    /// outside the list counts as none.
    public init(parents: [Int?]) {
        let parents = parents.map { parent in parent.flatMap { parents.indices.contains($0) ? $0 : nil } }
        var children = Array(repeating: [Int](), count: parents.count)
        for (index, parent) in parents.enumerated() { if let parent { children[parent].append(index) } }
        self.parents = parents
        self.children = children
    }

    public var count: Int { parents.count }
    public var tops: [Int] { parents.indices.filter { parents[$0] == nil } }

    /// Each unit's own figure with everything below it added, in one pass from the leaves up.
    /// A unit on a loop of parents (which the organisation's rules never allow) is counted once,
    /// at none of the units on the loop.
    public func rolledUp<Figure>(_ own: [Figure], adding add: (Figure, Figure) -> Figure) -> [Figure] {
        precondition(own.count == count, "one figure a unit")
        var totals = own
        for index in topDown().reversed() {
            for child in children[index] { totals[index] = add(totals[index], totals[child]) }
        }
        return totals
    }

    /// The tops' totals added together: the whole organisation.
    public func whole<Figure>(_ totals: [Figure], starting zero: Figure, adding add: (Figure, Figure) -> Figure) -> Figure {
        tops.reduce(zero) { add($0, totals[$1]) }
    }

    /// Every unit reachable from the top, each before its children.
    public func topDown() -> [Int] {
        var order: [Int] = []
        var stack = tops
        while let next = stack.popLast() {
            order.append(next)
            stack.append(contentsOf: children[next])
        }
        return order
    }

    /// Whether `unit` is `ancestor` or lies below it.
    public func unit(_ unit: Int, isWithin ancestor: Int) -> Bool {
        var current: Int? = unit
        var steps = 0
        while let index = current, steps <= count {
            if index == ancestor { return true }
            current = parents[index]
            steps += 1
        }
        return false
    }

    /// The unit and those above it, top first.
    public func lineage(of unit: Int) -> [Int] {
        var result: [Int] = []
        var current: Int? = unit
        while let index = current, result.count <= count {
            result.append(index)
            current = parents[index]
        }
        return result.reversed()
    }
}

import Foundation

/// What the dashboards count for a group of people (a team, a unit with everything below it, the
/// organisation): coverage at each checkpoint, the share with a conversation in the last 90 days,
/// and conversations held lately by kind. Groups add up.
public struct GroupCounts: Sendable, Equatable {
    /// One a checkpoint, in the order the counts keep them.
    public var tallies: [CoverageTally]
    public var recent: RecentConversationShare
    public var heldByKind: [ConversationKind: Int]

    public init(tallies: [CoverageTally], recent: RecentConversationShare, heldByKind: [ConversationKind: Int] = [:]) {
        self.tallies = tallies
        self.recent = recent
        self.heldByKind = heldByKind
    }

    /// Nobody counted, at `checkpoints` checkpoints.
    public static func none(checkpoints: Int) -> GroupCounts {
        GroupCounts(tallies: Array(repeating: CoverageTally(), count: checkpoints), recent: RecentConversationShare(staff: 0, recent: 0))
    }

    public static func + (lhs: GroupCounts, rhs: GroupCounts) -> GroupCounts {
        precondition(lhs.tallies.count == rhs.tallies.count, "groups counted at the same checkpoints")
        return GroupCounts(
            tallies: zip(lhs.tallies, rhs.tallies).map { $0 + $1 }, recent: lhs.recent + rhs.recent,
            heldByKind: lhs.heldByKind.merging(rhs.heldByKind, uniquingKeysWith: +))
    }
}

extension RecentConversationShare {
    public static func + (lhs: RecentConversationShare, rhs: RecentConversationShare) -> RecentConversationShare {
        RecentConversationShare(staff: lhs.staff + rhs.staff, recent: lhs.recent + rhs.recent)
    }
}

import Foundation

/// Where a person stands at a checkpoint as far as it does not depend on today: the best of their
/// conversations for it, in the order `Cadence.status` weighs them. Stored facts, so counts of them
/// can be added up across teams and units and turned into statuses for any day.
public enum CheckpointStanding: Int, CaseIterable, Sendable, Comparable {
    /// No conversation for the checkpoint that counts, arranged or declined.
    case nothing = 0
    case scheduled = 1
    case declined = 2
    /// Held with the line manager inside the window.
    case met = 3

    public static func < (lhs: CheckpointStanding, rhs: CheckpointStanding) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What one conversation for the checkpoint says, by `Cadence.status`'s rule.
    public static func of(_ conversation: Cadence.Conversation, at checkpoint: Checkpoint) -> CheckpointStanding {
        switch conversation.state {
        case .held where conversation.withLineManager && conversation.heldOn.map(checkpoint.contains) == true: .met
        case .declined: .declined
        case .scheduled: .scheduled
        default: .nothing
        }
    }
}

/// Counts of people at one checkpoint, for a team, a unit or the whole organisation. Tallies add up.
public struct CoverageTally: Sendable, Equatable, Hashable {
    /// Active people counted.
    public var staff = 0
    public var met = 0
    /// Not met, with a conversation arranged.
    public var scheduled = 0
    /// Not met, having said "not now".
    public var declined = 0
    /// Not met, and joined after the window closed: none was expected of them.
    public var joinedAfter = 0

    public init(staff: Int = 0, met: Int = 0, scheduled: Int = 0, declined: Int = 0, joinedAfter: Int = 0) {
        self.staff = staff
        self.met = met
        self.scheduled = scheduled
        self.declined = declined
        self.joinedAfter = joinedAfter
    }

    /// Counts one person with the standing and joining date.
    public mutating func add(_ standing: CheckpointStanding, joinedAfterClose: Bool) {
        staff += 1
        if standing == .met {
            met += 1
        } else if joinedAfterClose {
            joinedAfter += 1
        } else if standing == .declined {
            declined += 1
        } else if standing == .scheduled {
            scheduled += 1
        }
    }

    public static func + (lhs: CoverageTally, rhs: CoverageTally) -> CoverageTally {
        CoverageTally(
            staff: lhs.staff + rhs.staff, met: lhs.met + rhs.met, scheduled: lhs.scheduled + rhs.scheduled,
            declined: lhs.declined + rhs.declined, joinedAfter: lhs.joinedAfter + rhs.joinedAfter)
    }

    public static func += (lhs: inout CoverageTally, rhs: CoverageTally) { lhs = lhs + rhs }

    /// The figures a director sees for the checkpoint on `today`, by `Cadence.status`'s rule.
    public func figures(at checkpoint: Checkpoint, today: CalendarDate) -> CoverageFigures {
        let open = staff - met - joinedAfter - declined
        let closed = today > checkpoint.closes
        let opened = today >= checkpoint.opens
        return CoverageFigures(
            staff: staff, notExpected: joinedAfter, held: met, scheduled: closed ? 0 : scheduled, declined: declined,
            overdue: closed ? open : 0, due: !closed && opened ? open - scheduled : 0, notYetOpen: opened ? 0 : open - scheduled)
    }
}

/// What a dashboard shows for a group at a checkpoint. Statuses partition the staff.
public struct CoverageFigures: Sendable, Equatable {
    public var staff: Int
    public var notExpected: Int
    public var held: Int
    public var scheduled: Int
    public var declined: Int
    public var overdue: Int
    public var due: Int
    public var notYetOpen: Int

    public init(staff: Int, notExpected: Int, held: Int, scheduled: Int, declined: Int, overdue: Int, due: Int, notYetOpen: Int) {
        self.staff = staff
        self.notExpected = notExpected
        self.held = held
        self.scheduled = scheduled
        self.declined = declined
        self.overdue = overdue
        self.due = due
        self.notYetOpen = notYetOpen
    }

    /// Those of whom a conversation was expected at this checkpoint.
    public var expected: Int { staff - notExpected }

    /// Held as a share of those expected, from 0 to 1; nil when nobody was expected.
    public var coverage: Double? { expected > 0 ? Double(held) / Double(expected) : nil }

    /// "67%", or "–" when nobody was expected.
    public var coverageText: String { Self.percent(held, of: expected) }

    public static func percent(_ part: Int, of whole: Int) -> String {
        guard let rounded = roundedPercent(part, of: whole) else { return "–" }
        return "\(rounded)%"
    }

    /// A share as a whole percentage, rounded to the nearest (4 of 6 is 67), except that only
    /// everyone is 100 and only no one is 0: 199 of 200 is 99, 1 of 300 is 1. Nil when the whole is 0.
    public static func roundedPercent(_ part: Int, of whole: Int) -> Int? {
        guard whole > 0 else { return nil }
        let nearest = (part * 200 + whole) / (2 * whole)
        if part > 0, part < whole { return min(max(nearest, 1), 99) }
        return nearest
    }
}

/// The share of staff who had a career conversation of any kind, with anyone, in the last 90
/// days, beside the baseline of seed 002 (only 12% of employees have ongoing career conversations).
public struct RecentConversationShare: Sendable, Equatable {
    public static let days = 90
    public static let baselinePercent = 12

    public var staff: Int
    public var recent: Int

    public init(staff: Int, recent: Int) {
        self.staff = staff
        self.recent = recent
    }

    public var percentText: String { CoverageFigures.percent(recent, of: staff) }

    /// The first day counted, for a given today.
    public static func since(_ today: CalendarDate) -> CalendarDate { today.adding(days: -(days - 1)) }
}

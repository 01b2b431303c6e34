import Foundation

/// A time someone is already taken: a career conversation arranged with a time, or a Leadership
/// Team slot they offer. Two times clash when they overlap by a minute or more; one ending as the
/// other starts does not.
public struct BusyTime: Sendable, Equatable {
    public enum What: Sendable, Equatable {
        /// A conversation arranged with someone, named only when the one told is in it.
        case conversation(with: String?)
        /// One of their own Leadership Team slots, booked or not.
        case slot
    }

    public var startsAt: Date
    public var minutes: Int
    public var what: What

    public init(startsAt: Date, minutes: Int, what: What) {
        self.startsAt = startsAt
        self.minutes = minutes
        self.what = what
    }

    public var endsAt: Date { startsAt.addingTimeInterval(TimeInterval(max(minutes, 1) * 60)) }

    public func overlaps(startsAt other: Date, minutes: Int) -> Bool {
        let otherEnd = other.addingTimeInterval(TimeInterval(max(minutes, 1) * 60))
        return startsAt < otherEnd && other < endsAt
    }
}

public enum Clash {
    /// The earliest of `busy` that overlaps the time asked for, if any.
    public static func first(startsAt: Date, minutes: Int, among busy: [BusyTime]) -> BusyTime? {
        busy.filter { $0.overlaps(startsAt: startsAt, minutes: minutes) }.min { $0.startsAt < $1.startsAt }
    }

    /// What the person arranging is told: whose time it is (`nil` for their own), what is there
    /// and when, so they can choose another. Another person's conversation never says with whom.
    public static func message(_ busy: BusyTime, whose: String?, in timeZone: TimeZone) -> String {
        let start = LocalTime(busy.startsAt, in: timeZone)
        let end = LocalTime(busy.endsAt, in: timeZone)
        let when = "from \(start.clock) to \(end.clock) on \(start.weekdayName) \(start.day) \(start.monthName)"
        let thing: String
        switch (busy.what, whose) {
        case (.slot, nil): thing = "You offer a Leadership Team slot"
        case (.slot, let name?): thing = "\(name) offers a Leadership Team slot"
        case (.conversation(let with?), nil): thing = "You already have a career conversation with \(with)"
        case (.conversation, nil): thing = "You already have a career conversation"
        case (.conversation, let name?): thing = "\(name) already has a career conversation"
        }
        return "\(thing) \(when). Choose another time."
    }
}

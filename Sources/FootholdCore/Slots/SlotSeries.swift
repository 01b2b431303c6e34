import Foundation

/// Slots a Leadership Team member offers for career conversations (seed 000: "look out for the
/// Leadership Team making some particular slots available over the Summer"): one, or a weekly
/// series at the same time of day on the wall clock, through clock changes.
public struct SlotSeries: Sendable, Equatable {
    public var firstDay: CalendarDate
    public var hour: Int
    public var minute: Int
    public var minutes: Int
    /// How many weeks running; 1 is a single slot.
    public var weeks: Int
    public var place: String
    /// "A summer series on moving across departments"; may be empty.
    public var theme: String
    /// How many of these slots one person may hold at once.
    public var perPerson: Int

    public static let lengths = 15...120
    public static let mostWeeks = 52
    public static let perPersonRange = 1...10
    public static let placeLength = 200
    public static let themeLength = 200

    public init(
        firstDay: CalendarDate, hour: Int, minute: Int, minutes: Int, weeks: Int = 1, place: String, theme: String = "",
        perPerson: Int = 1
    ) {
        self.firstDay = firstDay
        self.hour = hour
        self.minute = minute
        self.minutes = minutes
        self.weeks = weeks
        self.place = place
        self.theme = theme
        self.perPerson = perPerson
    }

    /// The series as the publishing form gave it, or what is wrong with each field. The first slot
    /// may not have started already.
    public static func parse(
        date: String, time: String, minutes: String, weeks: String, place: String, theme: String, perPerson: String,
        timeZone: TimeZone, now: Date
    ) -> Result<SlotSeries, FieldProblems> {
        var problems = FieldProblems()
        let day = CalendarDate(iso: date.trimmed())
        if day == nil {
            problems.add(
                "date", date.trimmed().isEmpty ? "Enter the date of the first slot" : "Enter the date as year-month-day, such as 2027-07-06"
            )
        }
        let clock = time.trimmed().split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        let validClock =
            clock.count == 2 && clock.allSatisfy { $0 != nil } && (0...23).contains(clock[0]!) && (0...59).contains(clock[1]!)
        if !validClock {
            problems.add("time", time.trimmed().isEmpty ? "Enter the time" : "Enter the time as hours and minutes, such as 10:00")
        }
        let length = Int(minutes.trimmed())
        if length == nil || !lengths.contains(length!) {
            problems.add("minutes", "Enter a length from \(lengths.lowerBound) to \(lengths.upperBound) minutes")
        }
        let weekText = weeks.trimmed()
        let count = weekText.isEmpty ? 1 : Int(weekText)
        if count == nil || !(1...mostWeeks).contains(count!) {
            problems.add("weeks", "Enter how many weeks the series runs, from 1 (a single slot) to \(mostWeeks)")
        }
        let place = place.trimmed(newlines: true)
        if place.isEmpty { problems.add("place", "Say where it happens: a room, or a link for a call") }
        if place.count > placeLength { problems.add("place", "Keep the place to \(placeLength) characters; it has \(place.count)") }
        if place.unicodeScalars.contains(where: { $0.value < 0x20 }) { problems.add("place", "Write the place on one line") }
        let theme = theme.trimmed(newlines: true)
        if theme.count > themeLength { problems.add("theme", "Keep the theme to \(themeLength) characters; it has \(theme.count)") }
        let perText = perPerson.trimmed()
        let per = perText.isEmpty ? 1 : Int(perText)
        if per == nil || !perPersonRange.contains(per!) {
            problems.add(
                "per_person",
                "Enter how many slots one person may hold at once, from \(perPersonRange.lowerBound) to \(perPersonRange.upperBound)")
        }
        guard problems.isEmpty, let day, let length, let count, let per else { return .failure(problems) }
        let series = SlotSeries(
            firstDay: day, hour: clock[0]!, minute: clock[1]!, minutes: length, weeks: count, place: place, theme: theme, perPerson: per)
        if series.starts(in: timeZone)[0] <= now {
            problems.add("date", "Choose a first slot that has not started yet")
            return .failure(problems)
        }
        return .success(series)
    }

    /// When each slot starts: the same wall-clock time each week in `timeZone`, so a 10:00 slot
    /// stays at 10:00 when the clocks go forward or back.
    public func starts(in timeZone: TimeZone) -> [Date] {
        (0..<weeks).map { week in Self.instant(firstDay.adding(days: 7 * week), hour: hour, minute: minute, in: timeZone) }
    }

    /// The instant a wall clock in `timeZone` shows `hour:minute` on `day`. A time the clocks skip
    /// (01:30 on the last Sunday of March in London) is taken an hour later, as the clocks show it.
    public static func instant(_ day: CalendarDate, hour: Int, minute: Int, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
    }
}

/// Whether a person may book a slot.
public enum SlotBooking {
    public enum Refusal: Error, Equatable, Sendable {
        case ownSlot
        case withdrawn
        case started
        case taken
        case atLimit(Int)
        /// The booker is already taken then: the sentence names when and what (Clash).
        case clash(String)

        /// What the person is told.
        public var message: String {
            switch self {
            case .ownSlot: "This is one of your own slots."
            case .withdrawn: "This slot has been withdrawn."
            case .started: "This slot has already started."
            case .taken: "Sorry, someone has just booked this slot. Choose another."
            case .clash(let sentence): sentence
            case .atLimit(let limit):
                limit == 1
                    ? "You already hold one of this person's slots. Cancel it first, or wait until it has happened."
                    : "You already hold \(limit) of this person's slots, as many as they offer to one person at once."
            }
        }
    }

    /// The rule, before the database's own guard against two bookings of one slot.
    /// `heldWithMember` counts the person's bookings of this member's slots still to come.
    public static func check(
        slotMemberID: UUID, startsAt: Date, withdrawn: Bool, booked: Bool, perPerson: Int, personID: UUID, heldWithMember: Int,
        now: Date
    ) -> Refusal? {
        if slotMemberID == personID { return .ownSlot }
        if withdrawn { return .withdrawn }
        if startsAt <= now { return .started }
        if booked { return .taken }
        if heldWithMember >= perPerson { return .atLimit(perPerson) }
        return nil
    }

    public static let noteLength = 1_000
}

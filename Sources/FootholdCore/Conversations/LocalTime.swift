import Foundation

/// An instant as a clock on the wall shows it in a time zone: year, month, day, weekday, hour,
/// minute. Worked out with arithmetic on the proleptic Gregorian calendar and the zone's offset at
/// that instant, so pages that show many dates do not build a calendar or a formatter for each.
public struct LocalTime: Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// 1 is Monday, 7 is Sunday.
    public let weekday: Int

    public init(_ instant: Date, in timeZone: TimeZone) {
        let whole = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = whole + timeZone.secondsFromGMT(for: instant)
        let days = Self.floorDivide(local, 86_400)
        let seconds = local - days * 86_400
        (year, month, day) = Self.civil(fromDays: days)
        hour = seconds / 3600
        minute = seconds % 3600 / 60
        second = seconds % 60
        // 1 January 1970 was a Thursday.
        weekday = Self.floorModulo(days + 3, 7) + 1
    }

    public var date: CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    public var monthName: String { Self.monthNames[month - 1] }
    public var weekdayName: String { Self.weekdayNames[weekday - 1] }

    /// "14:05".
    public var clock: String { Self.twoDigits(hour) + ":" + Self.twoDigits(minute) }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func floorDivide(_ a: Int, _ b: Int) -> Int { (a >= 0 ? a : a - b + 1) / b }
    static func floorModulo(_ a: Int, _ b: Int) -> Int { a - floorDivide(a, b) * b }

    /// Year, month and day of a count of days since 1 January 1970 (H. Hinnant's algorithm).
    public static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Days since 1 January 1970 of a day on the calendar.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

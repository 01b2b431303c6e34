import Foundation

/// A day on the calendar, with no time and no time zone: "12 May 2026". Checkpoint windows are
/// made of these; instants are turned into them in the organisation's time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2026-05-12`.
    public init?(iso text: String) {
        // The stored form, exactly ten ASCII bytes, read without splitting (pages read dozens).
        if text.utf8.count == 10, let (year, month, day) = Self.digits(text.utf8) {
            self.init(year: year, month: month, day: day)
            return
        }
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of `YYYY-MM-DD`, or nil for any other ten bytes (read the slow way).
    private static func digits(_ bytes: String.UTF8View) -> (Int, Int, Int)? {
        var year = 0, month = 0, day = 0
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch index {
            case 0..<4: year = year * 10 + digit
            case 5..<7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        return (year, month, day)
    }

    /// The day on which `instant` falls in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = LocalTime(instant, in: timeZone)
        self.year = local.year
        self.month = local.month
        self.day = local.day
    }

    public var iso: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + LocalTime.twoDigits(month) + "-" + LocalTime.twoDigits(day)
    }
    public var description: String { iso }

    /// "4 December 2026", as people read a date.
    public var spoken: String { "\(day) \(LocalTime.monthNames[month - 1]) \(year)" }

    /// The instant this day begins in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public func adding(days: Int) -> CalendarDate {
        let (year, month, day) = LocalTime.civil(fromDays: LocalTime.days(year: year, month: month, day: day) + days)
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// 1 is Monday, 7 is Sunday.
    public var weekday: Int { LocalTime.floorModulo(LocalTime.days(year: year, month: month, day: day) + 3, 7) + 1 }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

import Foundation

/// Dates as people read them: "Tuesday 12 May, 14:00" (DESIGN.md), in the organisation's time zone.
public struct DisplayDate: Sendable {
    public let timeZone: TimeZone
    public let now: Date

    public init(timeZone: TimeZone, now: Date) {
        self.timeZone = timeZone
        self.now = now
    }

    /// "Tuesday 12 May, 14:00", with the year when it is not this year.
    public func dateTime(_ date: Date) -> String {
        let local = LocalTime(date, in: timeZone)
        let year = local.year == LocalTime(now, in: timeZone).year ? "" : " \(local.year)"
        return "\(local.weekdayName) \(local.day) \(local.monthName)\(year), \(local.clock)"
    }

    /// "Tuesday 12 May 2026".
    public func day(_ date: Date) -> String {
        let local = LocalTime(date, in: timeZone)
        return "\(local.weekdayName) \(local.day) \(local.monthName) \(local.year)"
    }

    /// "12 May 2026".
    public func day(_ date: CalendarDate) -> String { "\(date.day) \(LocalTime.monthNames[date.month - 1]) \(date.year)" }

    public func today() -> CalendarDate { CalendarDate(now, in: timeZone) }

    /// The date and time fields of a form, for a stored instant.
    public func formFields(_ date: Date) -> (date: String, time: String) {
        let local = LocalTime(date, in: timeZone)
        return (local.date.iso, local.clock)
    }
}

import FootholdCore
import Foundation
import Vapor

/// Dates as people read them: "Tuesday 12 May, 14:00" (DESIGN.md), in the organisation's time zone.
struct DisplayDate {
    let timeZone: TimeZone
    let now: Date

    private func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        return formatter
    }

    private func isThisYear(_ date: Date) -> Bool {
        CalendarDate(date, in: timeZone).year == CalendarDate(now, in: timeZone).year
    }

    /// "Tuesday 12 May, 14:00", with the year when it is not this year.
    func dateTime(_ date: Date) -> String {
        formatter(isThisYear(date) ? "EEEE d MMMM, HH:mm" : "EEEE d MMMM yyyy, HH:mm").string(from: date)
    }

    /// "Tuesday 12 May 2026".
    func day(_ date: Date) -> String { formatter("EEEE d MMMM yyyy").string(from: date) }

    /// "12 May 2026".
    func day(_ date: CalendarDate) -> String {
        formatter("d MMMM yyyy").string(from: date.start(in: timeZone).addingTimeInterval(12 * 3600))
    }

    func today() -> CalendarDate { CalendarDate(now, in: timeZone) }

    /// The date and time fields of a form, for a stored instant.
    func formFields(_ date: Date) -> (date: String, time: String) {
        (CalendarDate(date, in: timeZone).iso, formatter("HH:mm").string(from: date))
    }
}

extension Request {
    var display: DisplayDate { DisplayDate(timeZone: application.footholdConfiguration.timeZone, now: now) }
}

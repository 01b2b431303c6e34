import Foundation

/// When and where a conversation happens, as someone typed it, checked before it is saved.
public struct MeetingDraft: Sendable, Equatable {
    public var date: String
    public var time: String
    public var minutes: String
    public var place: String

    public init(date: String = "", time: String = "", minutes: String = "", place: String = "") {
        self.date = date
        self.time = time
        self.minutes = minutes
        self.place = place
    }

    public struct Meeting: Sendable, Equatable {
        public var startsAt: Date
        public var minutes: Int
        public var place: String
    }

    /// A time is optional when asking (the other side can propose one); when `required`, it must be given.
    public func validated(in timeZone: TimeZone, now: Date, required: Bool) -> Result<Meeting?, FieldProblems> {
        var problems = FieldProblems()
        let date = self.date.trimmingCharacters(in: .whitespaces)
        let time = self.time.trimmingCharacters(in: .whitespaces)
        let place = self.place.trimmingCharacters(in: .whitespacesAndNewlines)
        if date.isEmpty && time.isEmpty && !required { return .success(nil) }
        let day = CalendarDate(iso: date)
        if day == nil { problems.add("date", date.isEmpty ? "Enter the date" : "Enter the date as year-month-day, such as 2026-05-12") }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        let validClock = clock.count == 2 && (0...23).contains(clock[0]) && (0...59).contains(clock[1])
        if !validClock { problems.add("time", time.isEmpty ? "Enter the time" : "Enter the time as hours and minutes, such as 14:00") }
        let minutes = Int(self.minutes.trimmingCharacters(in: .whitespaces))
        let range = ConversationRules.minutes
        if minutes == nil || !range.contains(minutes!) {
            problems.add("minutes", "Enter a length from \(range.lowerBound) to \(range.upperBound) minutes")
        }
        ConversationRules.check(place, .place, into: &problems)
        guard problems.isEmpty, let day, let minutes else { return .failure(problems) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let startsAt = calendar.date(
            from: DateComponents(year: day.year, month: day.month, day: day.day, hour: clock[0], minute: clock[1]))!
        if startsAt < now.addingTimeInterval(-24 * 60 * 60) {
            problems.add("date", "Choose a time that has not passed")
            return .failure(problems)
        }
        return .success(Meeting(startsAt: startsAt, minutes: minutes, place: place))
    }
}

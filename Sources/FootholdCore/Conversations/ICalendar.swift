import Foundation

/// A meeting as an iCalendar file (RFC 5545) that any calendar program can add.
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var stamp: Date
        public var start: Date
        public var minutes: Int
        public var summary: String
        public var location: String
        public var description: String
        public var cancelled: Bool
        /// Raised on every change of time and on cancelling, so calendars take the newest.
        public var sequence: Int

        public init(
            uid: String, stamp: Date, start: Date, minutes: Int, summary: String, location: String, description: String,
            cancelled: Bool = false, sequence: Int = 0
        ) {
            self.sequence = sequence
            self.uid = uid
            self.stamp = stamp
            self.start = start
            self.minutes = minutes
            self.summary = summary
            self.location = location
            self.description = description
            self.cancelled = cancelled
        }
    }

    /// A whole day or run of days, such as a checkpoint window: shown free, not busy.
    public struct AllDay: Sendable {
        public var uid: String
        public var stamp: Date
        public var first: CalendarDate
        public var last: CalendarDate
        public var summary: String
        public var description: String

        public init(uid: String, stamp: Date, first: CalendarDate, last: CalendarDate, summary: String, description: String) {
            self.uid = uid
            self.stamp = stamp
            self.first = first
            self.last = last
            self.summary = summary
            self.description = description
        }
    }

    /// One meeting, as the file a person downloads.
    public static func document(_ event: Event) -> String { feed(name: nil, events: [event], days: []) }

    /// A calendar a calendar program subscribes to: always METHOD:PUBLISH (a feed invites nobody),
    /// times in UTC, UIDs that stay the same from one fetch to the next.
    public static func feed(name: String?, events: [Event], days: [AllDay]) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Foothold//Career conversations//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        if let name { lines += ["X-WR-CALNAME:\(escape(name))", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"] }
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(escape(event.uid))",
                "DTSTAMP:\(utc(event.stamp))",
                "DTSTART:\(utc(event.start))",
                "DTEND:\(utc(event.start.addingTimeInterval(TimeInterval(event.minutes * 60))))",
                "SEQUENCE:\(event.sequence)",
                "SUMMARY:\(escape(event.summary))",
            ]
            if !event.location.isEmpty { lines.append("LOCATION:\(escape(event.location))") }
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
            lines.append("STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")")
            lines += ["TRANSP:OPAQUE", "END:VEVENT"]
        }
        for day in days {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(escape(day.uid))",
                "DTSTAMP:\(utc(day.stamp))",
                "DTSTART;VALUE=DATE:\(basic(day.first))",
                // The end of an all-day event is the day after its last.
                "DTEND;VALUE=DATE:\(basic(day.last.adding(days: 1)))",
                "SUMMARY:\(escape(day.summary))",
            ]
            if !day.description.isEmpty { lines.append("DESCRIPTION:\(escape(day.description))") }
            lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func basic(_ date: CalendarDate) -> String { date.iso.replacingOccurrences(of: "-", with: "") }

    static func utc(_ date: Date) -> String {
        let t = LocalTime(date, in: TimeZone(secondsFromGMT: 0)!)
        return t.date.iso.replacingOccurrences(of: "-", with: "") + "T" + LocalTime.twoDigits(t.hour) + LocalTime.twoDigits(t.minute)
            + LocalTime.twoDigits(t.second) + "Z"
    }

    /// Text values escape backslashes, semicolons, commas and line breaks (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets continue on the next line after a space (§3.1), never
    /// splitting a character.
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}

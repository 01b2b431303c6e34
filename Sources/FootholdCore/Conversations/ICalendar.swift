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

    static func basic(_ date: CalendarDate) -> String { basic(year: date.year, month: date.month, day: date.day) }

    /// "20261124T140000Z", by `LocalTime`'s arithmetic.
    static func utc(_ date: Date) -> String {
        let t = LocalTime(date, in: utcZone)
        return basic(year: t.year, month: t.month, day: t.day) + "T" + LocalTime.twoDigits(t.hour) + LocalTime.twoDigits(t.minute)
            + LocalTime.twoDigits(t.second) + "Z"
    }

    private static let utcZone = TimeZone(secondsFromGMT: 0)!

    static func basic(year: Int, month: Int, day: Int) -> String {
        String(year) + LocalTime.twoDigits(month) + LocalTime.twoDigits(day)
    }

    /// Text values escape backslashes, semicolons, commas and line breaks (RFC 5545 §3.3.11). Read
    /// byte by byte: a feed escapes every value of every event on every fetch.
    static func escape(_ text: String) -> String {
        // Most values have nothing to escape: those are returned as they are, with no copy.
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\n")
                || $0 == UInt8(ascii: "\r")
        }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: ";"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: ";")]
            case UInt8(ascii: ","): bytes += [UInt8(ascii: "\\"), UInt8(ascii: ",")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): break
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Lines longer than 75 octets continue on the next line after a space (§3.1), never
    /// splitting a character's UTF-8 bytes.
    static func fold(_ line: String) -> String {
        let utf8 = line.utf8
        guard utf8.count > 75 else { return line }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + utf8.count / 70 * 3)
        var octets = 0
        var limit = 75
        for byte in utf8 {
            // A continuation byte (10xxxxxx) stays with the byte before it.
            let starts = byte & 0xC0 != 0x80
            if starts {
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if octets + size > limit {
                    bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " ")]
                    octets = 0
                    limit = 74
                }
            }
            bytes.append(byte)
            octets += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

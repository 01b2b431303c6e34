import Foundation

extension ICalendar {
    /// Someone in a meeting, as a calendar invitation names them.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var email: String

        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// A meeting as an invitation sent by e-mail (RFC 5546, iTIP): METHOD:REQUEST to add or update it,
    /// METHOD:CANCEL to take it away. The UID is the conversation's and the SEQUENCE is raised on each
    /// change, so a calendar program updates the one event instead of adding another. The organiser
    /// is Foothold's own address; both people are attendees, already accepted (they agreed the time).
    public static func invitation(_ event: Event, method: String, organiser: Person, attendees: [Person]) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Foothold//Career conversations//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:\(method)",
            "BEGIN:VEVENT",
            "UID:\(escape(event.uid))",
            "DTSTAMP:\(utc(event.stamp))",
            "DTSTART:\(utc(event.start))",
            "DTEND:\(utc(event.start.addingTimeInterval(TimeInterval(event.minutes * 60))))",
            "SEQUENCE:\(event.sequence)",
            "SUMMARY:\(escape(event.summary))",
            "ORGANIZER;CN=\(parameter(organiser.name)):mailto:\(organiser.email)",
        ]
        for attendee in attendees {
            lines.append("ATTENDEE;CN=\(parameter(attendee.name));ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:\(attendee.email)")
        }
        if !event.location.isEmpty { lines.append("LOCATION:\(escape(event.location))") }
        if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
        lines.append("STATUS:\(method == "CANCEL" || event.cancelled ? "CANCELLED" : "CONFIRMED")")
        lines += ["TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A parameter value (a name) quoted, with the characters a quoted value cannot hold left out.
    static func parameter(_ text: String) -> String {
        "\"" + String(text.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0 != "\u{7F}" }.map(Character.init)) + "\""
    }
}

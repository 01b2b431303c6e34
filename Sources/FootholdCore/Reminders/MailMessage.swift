import Foundation

/// An e-mail as it goes over the wire (RFC 5322 and MIME): plain text and HTML as alternatives,
/// headers with any non-ASCII words encoded (RFC 2047), bodies in quoted-printable so no line is
/// longer than 76 characters, and every line ending in CRLF.
public struct MailMessage: Sendable, Equatable {
    public struct Address: Sendable, Equatable {
        public var name: String
        public var email: String
        public init(name: String = "", email: String) {
            self.name = name
            self.email = email
        }
    }

    public var from: Address
    public var to: Address
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    /// Without angle brackets, such as "reminder-…@foothold.example".
    public var messageID: String
    /// Further headers, in order, such as List-Unsubscribe.
    public var headers: [(String, String)]
    /// A calendar invitation (RFC 6047, iMIP): its METHOD and the iCalendar text, sent as a third
    /// alternative beside the text and the HTML, as calendar programs expect.
    public var calendar: (method: String, text: String)?

    public init(
        from: Address, to: Address, subject: String, text: String, html: String, date: Date, messageID: String,
        headers: [(String, String)] = [], calendar: (method: String, text: String)? = nil
    ) {
        self.calendar = calendar
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
        self.headers = headers
    }

    public static func == (a: MailMessage, b: MailMessage) -> Bool {
        a.from == b.from && a.to == b.to && a.subject == b.subject && a.text == b.text && a.html == b.html && a.date == b.date
            && a.messageID == b.messageID && a.headers.map { $0.0 + ":" + $0.1 } == b.headers.map { $0.0 + ":" + $0.1 }
            && a.calendar?.method == b.calendar?.method && a.calendar?.text == b.calendar?.text
    }

    /// The whole message, as it is handed to a mail server or a sendmail program.
    public func rendered() -> String {
        let boundary =
            "foothold-"
            + String(messageID.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 36)
        var lines: [String] = []
        func header(_ name: String, _ value: String) { lines.append(Self.folded(name + ": " + value)) }
        header("Date", Self.rfc5322Date(date))
        header("From", Self.address(from))
        header("To", Self.address(to))
        header("Subject", Self.encodedWords(subject))
        header("Message-ID", "<" + messageID + ">")
        for (name, value) in headers { header(name, value) }
        header("MIME-Version", "1.0")
        header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
        lines.append("")
        var parts = [("text/plain; charset=utf-8", text), ("text/html; charset=utf-8", html)]
        if let calendar { parts.append(("text/calendar; charset=utf-8; method=\(calendar.method)", calendar.text)) }
        for (type, body) in parts {
            lines.append("--" + boundary)
            lines.append("Content-Type: \(type)")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(Self.quotedPrintable(body))
        }
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// "Freya Ahmed <freya@…>", the name encoded or quoted as it needs.
    static func address(_ address: Address) -> String {
        guard !address.name.isEmpty else { return "<" + address.email + ">" }
        let plain = address.name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        let name =
            plain
            ? "\"" + address.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : encodedWords(address.name)
        return name + " <" + address.email + ">"
    }

    /// Text as it may stand in a header: as it is if plain ASCII, otherwise as UTF-8 encoded words
    /// of at most 64 characters each, split between characters, never inside one.
    public static func encodedWords(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return clean }
        var words: [String] = []
        var chunk: [UInt8] = []
        // At most 39 bytes a word: 52 characters of base64 and 12 of "=?UTF-8?B?…?=", so even the first
        // word fits on the header's own line ("Subject: " and 64 characters).
        for character in clean {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// A header line longer than 78 characters continues on the next after a space, broken only
    /// where it has a space.
    static func folded(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line }
        var result: [String] = []
        var current: String?
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            guard let sofar = current else {
                current = String(word)
                continue
            }
            // Never straight after the header's name: the value would begin with a space.
            if sofar.utf8.count + 1 + word.utf8.count > 78 && !sofar.isEmpty && !sofar.hasSuffix(":") {
                result.append(sofar)
                current = String(word)
            } else {
                current = sofar + " " + word
            }
        }
        if let current { result.append(current) }
        // Unfolding takes out only the line break: the space that begins each next line stays.
        return result.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045 §6.7): line breaks as CRLF, lines of at most 76 characters with
    /// soft breaks, "=" and anything not plain ASCII as =XX, and spaces at a line's end encoded.
    public static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 0x20 || byte == 0x09) && !last)
                encoded.append(plain ? String(UnicodeScalar(byte)) : "=" + hex(byte))
            }
            var current = ""
            var lines: [String] = []
            for piece in encoded {
                if current.utf8.count + piece.utf8.count > 75 {
                    lines.append(current + "=")
                    current = ""
                }
                current += piece
            }
            lines.append(current)
            out.append(lines.joined(separator: "\r\n"))
        }
        return out.joined(separator: "\r\n")
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// A line that begins with a dot gets another, as SMTP's DATA asks (RFC 5321 §4.5.2).
    public static func dotStuffed(_ rendered: String) -> String {
        rendered.split(separator: "\r\n", omittingEmptySubsequences: false).map { $0.hasPrefix(".") ? "." + $0 : String($0) }
            .joined(separator: "\r\n")
    }

    /// "Wed, 02 Dec 2026 09:15:00 +0000".
    public static func rfc5322Date(_ date: Date) -> String {
        let t = LocalTime(date, in: TimeZone(secondsFromGMT: 0)!)
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][t.weekday - 1]
        let month = String(t.monthName.prefix(3))
        return "\(weekday), \(LocalTime.twoDigits(t.day)) \(month) \(t.year) \(t.clock):\(LocalTime.twoDigits(t.second)) +0000"
    }
}

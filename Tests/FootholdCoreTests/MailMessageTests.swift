import Foundation
import XCTest

@testable import FootholdCore

/// An e-mail as it goes over the wire: short lines, CRLF, headers and bodies that decode back to
/// exactly what was written, whatever was written.
final class MailMessageTests: XCTestCase {
    func message(subject: String, text: String, name: String = "Zoë O’Brien") -> MailMessage {
        MailMessage(
            from: .init(name: "Foothold", email: "foothold@ridgeway.example"), to: .init(name: name, email: "zoe@ridgeway.example"),
            subject: subject, text: text, html: "<p>" + text + "</p>", date: Date(timeIntervalSince1970: 1_811_748_600),
            messageID: "reminder-1@ridgeway.example",
            headers: [("List-Unsubscribe", "<https://foothold.example/unsubscribe/abc?kind=prepare>")])
    }

    /// Quoted-printable back to text: soft breaks joined, =XX turned back into bytes.
    func decodeQuotedPrintable(_ body: String) -> String {
        var bytes: [UInt8] = []
        let joined = body.replacingOccurrences(of: "=\r\n", with: "")
        var iterator = Array(joined.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "="), let a = iterator.next(), let b = iterator.next() {
                bytes.append(UInt8(String(bytes: [a, b], encoding: .ascii)!, radix: 16)!)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    func decodeWords(_ header: String) -> String {
        header.replacingOccurrences(of: "\r\n ", with: " ").split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64))!, as: UTF8.self)
        }.joined()
    }

    func testEveryLineIsShortAndEndsInCRLF() {
        let long = String(repeating: "Prepare for your career conversation with Ben — ", count: 12)
        let rendered = message(subject: long, text: long + "\n. a line with a dot\n" + String(repeating: "=", count: 200)).rendered()
        XCTAssertTrue(rendered.hasSuffix("\r\n"))
        XCTAssertFalse(rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feed")
        XCTAssertFalse(rendered.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "no bare carriage return")
        for line in rendered.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 78, line)
            XCTAssertTrue(line.utf8.allSatisfy { $0 < 0x80 }, "plain ASCII on the wire: \(line)")
        }
    }

    func testHeadersAndBodiesDecodeBackToWhatWasWritten() {
        let subject = "Zoë, your Mid‑year conversation with Siân is on Tuesday 2 November at 10:00 — time to prepare"
        let text = "Dear Zoë,\nYour conversation with Siân is on Tuesday.   \nA=B, and 50% of “quotes”.\n\nFoothold"
        let rendered = message(subject: subject, text: text).rendered()
        let headers = rendered.components(separatedBy: "\r\n\r\n")[0]
        let subjectLine = headers.components(separatedBy: "\r\nMessage-ID")[0].components(separatedBy: "Subject:").last ?? ""
        XCTAssertEqual(decodeWords(subjectLine.trimmingCharacters(in: .whitespacesAndNewlines)), subject)
        XCTAssertTrue(headers.contains("To: =?UTF-8?B?"), "a name that is not plain ASCII is encoded")
        XCTAssertTrue(headers.contains("List-Unsubscribe: <https://foothold.example/unsubscribe/abc?kind=prepare>"))
        XCTAssertTrue(headers.contains("Date: Mon, 31 May 2027 07:30:00 +0000"))
        let plain = rendered.components(separatedBy: "quoted-printable\r\n\r\n")[1].components(separatedBy: "\r\n--foothold-")[0]
        XCTAssertEqual(decodeQuotedPrintable(plain), text)
        XCTAssertTrue(plain.contains("=20\r\n") || plain.contains("  =20"), "a space at a line's end is encoded: \(plain)")
    }

    func testAPlainNameIsQuotedAndALineBreakCannotStartAHeader() {
        let rendered = message(subject: "Hello\r\nBcc: everyone@ridgeway.example", text: "x", name: "Ben \"the guide\" Khan").rendered()
        XCTAssertTrue(rendered.contains("To: \"Ben \\\"the guide\\\" Khan\" <zoe@ridgeway.example>"))
        XCTAssertFalse(rendered.contains("\r\nBcc:"), "a header cannot be smuggled in through the subject")
    }

    func testALineBeginningWithADotGetsAnother() {
        XCTAssertEqual(MailMessage.dotStuffed("a\r\n.b\r\n..c\r\n.\r\n"), "a\r\n..b\r\n...c\r\n..\r\n")
    }

    func testEncodedWordsNeverSplitACharacter() {
        let name = String(repeating: "ŵ🙂", count: 40)
        let encoded = MailMessage.encodedWords(name)
        for word in encoded.split(separator: " ") {
            XCTAssertLessThanOrEqual(word.utf8.count, 64)
            let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            XCTAssertNotNil(String(data: Data(base64Encoded: String(base64))!, encoding: .utf8), "each word is whole UTF-8")
        }
        XCTAssertEqual(decodeWords(encoded), name)
    }
}

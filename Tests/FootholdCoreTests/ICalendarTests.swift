import Foundation
import XCTest

@testable import FootholdCore

/// The parts of RFC 5545 calendar programs trip on: escaping, and folding long lines at 75 octets
/// without splitting a character's bytes.
final class ICalendarTests: XCTestCase {
    func testTextIsEscaped() {
        XCTAssertEqual(ICalendar.escape("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nfg")
        XCTAssertEqual(ICalendar.escape("Siân Ó Dúnlaing"), "Siân Ó Dúnlaing")
    }

    func testLongLinesFoldAt75OctetsOnCharacterBoundaries() {
        let samples = [
            "DESCRIPTION:" + String(repeating: "abcdefghij", count: 30),
            "SUMMARY:" + String(repeating: "Siân Ó Dúnlaing é ", count: 12),
            "SUMMARY:" + String(repeating: "日本語のテキスト", count: 10),
            "SUMMARY:" + String(repeating: "👩🏽‍💼 career 🧗", count: 10),
            "SHORT:fits",
        ]
        for line in samples {
            // Read as octets, as a calendar program does: a fold may fall inside an emoji's cluster.
            let folded = Array(ICalendar.fold(line).utf8)
            var physical: [[UInt8]] = [[]]
            var index = 0
            while index < folded.count {
                if folded[index] == 13, index + 1 < folded.count, folded[index + 1] == 10 {
                    physical.append([])
                    index += 2
                } else {
                    physical[physical.count - 1].append(folded[index])
                    index += 1
                }
            }
            var unfolded: [UInt8] = []
            for (number, part) in physical.enumerated() {
                XCTAssertLessThanOrEqual(part.count, 75, line)
                let body = number == 0 ? part[...] : part.dropFirst()
                if number > 0 { XCTAssertEqual(part.first, 32, "a continuation starts with a space") }
                XCTAssertNotEqual(body.first.map { $0 & 0xC0 }, 0x80, "no line starts inside a character's bytes")
                unfolded += body
            }
            XCTAssertEqual(unfolded, Array(line.utf8), "unfolding gives the line back")
            if line.utf8.count <= 75 { XCTAssertEqual(physical.count, 1) }
        }
        // The first line takes 75 octets, each continuation 74 after its space.
        let ascii = ICalendar.fold(String(repeating: "x", count: 75 + 74 + 10)).components(separatedBy: "\r\n")
        XCTAssertEqual(ascii.map(\.utf8.count), [75, 75, 11])
    }

    func testAFeedPublishesAndMarksAllDayWindows() {
        let stamp = Date(timeIntervalSince1970: 1_795_082_400)
        let feed = ICalendar.feed(
            name: "Foothold",
            events: [
                ICalendar.Event(
                    uid: "a@foothold", stamp: stamp, start: stamp, minutes: 30, summary: "Career conversation with Ben", location: "",
                    description: "", cancelled: true, sequence: 3)
            ],
            days: [
                ICalendar.AllDay(
                    uid: "k@foothold", stamp: stamp, first: CalendarDate(iso: "2026-11-01")!, last: CalendarDate(iso: "2026-11-30")!,
                    summary: "Progress review 2 window", description: "")
            ])
        XCTAssertTrue(feed.contains("\r\nMETHOD:PUBLISH\r\n"))
        XCTAssertFalse(feed.contains("METHOD:REQUEST"))
        XCTAssertTrue(feed.contains("\r\nSEQUENCE:3\r\nSUMMARY:Career conversation with Ben\r\n"))
        XCTAssertTrue(feed.contains("\r\nSTATUS:CANCELLED\r\n"))
        XCTAssertTrue(feed.contains("\r\nDTSTART;VALUE=DATE:20261101\r\nDTEND;VALUE=DATE:20261201\r\n"))
        XCTAssertTrue(feed.hasSuffix("END:VCALENDAR\r\n"))
    }

    /// UTC times agree with Foundation's calendar to the second, across leap days, the turn of
    /// centuries and fractions of a second.
    func testUTCTimesAgreeWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        var generator = SystemRandomNumberGenerator()
        var moments: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400), Date(timeIntervalSince1970: 951_868_799.9),
            Date(timeIntervalSince1970: 4_107_542_399), Date(timeIntervalSince1970: 1_795_478_400.5),
        ]
        for _ in 0..<2_000 { moments.append(Date(timeIntervalSince1970: Double.random(in: 0..<4_200_000_000, using: &generator))) }
        for moment in moments {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
            let expected = String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            XCTAssertEqual(ICalendar.utc(moment), expected, "\(moment.timeIntervalSince1970)")
        }
        XCTAssertEqual(ICalendar.utc(Date(timeIntervalSince1970: 951_782_400)), "20000229T000000Z", "a leap day of a century")
    }
}

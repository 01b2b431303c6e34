import Foundation
import XCTest
@testable import FootholdCore

/// LocalTime replaces Foundation's calendar on busy pages, so it must agree with it everywhere.
final class LocalTimeTests: XCTestCase {
    func testAgreesWithFoundationsCalendarInSeveralZonesAcrossCenturies() {
        var generator = SeededGenerator(seed: 42)
        for identifier in ["Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC", "Australia/Lord_Howe"] {
            let zone = TimeZone(identifier: identifier)!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for _ in 0..<2000 {
                // 1900 to 2100, including instants before 1970.
                let instant = Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...4_102_444_800, using: &generator))
                let local = LocalTime(instant, in: zone)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: instant)
                XCTAssertEqual(
                    [local.year, local.month, local.day, local.hour, local.minute, local.second],
                    [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!],
                    "\(instant) in \(identifier)")
                // Foundation counts Sunday as 1; LocalTime counts Monday as 1.
                XCTAssertEqual(local.weekday % 7 + 1, parts.weekday!, "weekday of \(instant) in \(identifier)")
            }
        }
    }

    func testTheClocksGoForwardAndBackInLondon() {
        let london = TimeZone(identifier: "Europe/London")!
        // 29 March 2026, 00:59:59 UTC is 00:59:59 GMT; a second later it is 02:00 BST.
        XCTAssertEqual(LocalTime(Date(timeIntervalSince1970: 1_774_745_999), in: london).clock, "00:59")
        XCTAssertEqual(LocalTime(Date(timeIntervalSince1970: 1_774_746_000), in: london).clock, "02:00")
        // 25 October 2026, 00:59 UTC is 01:59 BST; at 01:00 UTC it is 01:00 GMT again.
        XCTAssertEqual(LocalTime(Date(timeIntervalSince1970: 1_792_889_940), in: london).clock, "01:59")
        XCTAssertEqual(LocalTime(Date(timeIntervalSince1970: 1_792_890_000), in: london).clock, "01:00")
    }

    func testNamesAndAddingDays() {
        // 12 May 2026, 15:00 BST
        let local = LocalTime(Date(timeIntervalSince1970: 1_778_594_400), in: TimeZone(identifier: "Europe/London")!)
        XCTAssertEqual("\(local.weekdayName) \(local.day) \(local.monthName) \(local.year), \(local.clock)", "Tuesday 12 May 2026, 15:00")
        XCTAssertEqual(CalendarDate(year: 2028, month: 2, day: 28)!.adding(days: 1).iso, "2028-02-29")
        XCTAssertEqual(CalendarDate(year: 2026, month: 12, day: 31)!.adding(days: 1).iso, "2027-01-01")
        XCTAssertEqual(CalendarDate(year: 2026, month: 3, day: 1)!.adding(days: -1).iso, "2026-02-28")
        XCTAssertEqual(CalendarDate(year: 2026, month: 5, day: 12)!.weekday, 2)
        XCTAssertEqual(CalendarDate(year: 987, month: 5, day: 12)!.iso, "0987-05-12")
    }
}

final class TrimmingTests: XCTestCase {
    func testTrimsLikeFoundation() {
        for text in ["", "   ", " a ", "\ta b\t", "\n x \n", " \u{00A0}Siân\u{2003} ", "a", "\r\n", " \n "] {
            XCTAssertEqual(text.trimmed(), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            XCTAssertEqual(text.trimmed(newlines: false), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}

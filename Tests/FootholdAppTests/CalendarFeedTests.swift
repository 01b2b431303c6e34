import FootholdCore
@testable import FootholdData
import Foundation
import XCTest

@testable import FootholdApp

/// Each person's private calendar feed, read back by Python's icalendar package as a calendar
/// program would: METHOD:PUBLISH, UTC times, UIDs that stay put, SEQUENCE raised on every change
/// of time and on cancelling, cancelled events sent as cancelled; the address reset; nothing said
/// or planned for the conversation in it.
final class CalendarFeedTests: XCTestCase {
    struct Parsed: Decodable {
        struct Event: Decodable {
            var uid: String
            var summary: String
            var description: String
            var location: String
            var start: String
            var end: String
            var all_day: Bool
            var sequence: Int
            var status: String
        }
        var method: String
        var version: String
        var name: String
        var events: [Event]
        var errors: [String]
    }

    override func setUpWithError() throws { try PythonModules.require("icalendar") }

    /// What Python's icalendar reads of the file.
    func parse(_ text: String) throws -> Parsed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("calendar/read_ics.py").path
        process.arguments = ["python3", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "icalendar read the file")
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    func address(_ page: String) throws -> String {
        let match = try XCTUnwrap(
            page.firstMatch(of: /value="(http:\/\/[^"]+\/calendar\/[^"]+\/foothold\.ics)"/), "the settings page shows the address")
        return URL(string: String(match.1))!.path
    }

    func testTheFeedFollowsAConversationThroughARescheduleAndACancellation() async throws {
        try await withApp { testApp in
            let (ben, freya, id) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await freya.post(SiteURL.prepare(id).path, ["strengths": "MARK-EMPLOYEE-PREPARATION"])
            _ = try await ben.post(SiteURL.guided(id).path, ["expectations": "MARK-EXPECTATIONS"])
            let before = try await freya.get(SiteURL.reminderSettings.path).body
            XCTAssertTrue(before.contains("Make my calendar address"))
            XCTAssertNil(before.firstMatch(of: /\/calendar\//), "no address until she makes one")
            let made = try await freya.post(SiteURL.calendarFeedReset.path, [:])
            XCTAssertEqual(made.status, .ok)
            let path = try address(made.body)
            // Only its fingerprint is kept: the settings page cannot show it again, and says so.
            let later = try await freya.get(SiteURL.reminderSettings.path).body
            XCTAssertNil(later.firstMatch(of: /\/calendar\/[A-Za-z0-9_-]+/), "the address is shown once")
            XCTAssertTrue(later.visibleText.contains("You made a calendar address on Thursday 19 November 2026"), later.visibleText)
            let stored = try await testApp.db.sql.raw("SELECT token FROM calendar_feeds").all().map {
                try $0.decode(column: "token", as: String.self)
            }
            let secret = String(path.split(separator: "/")[1])
            XCTAssertEqual(stored, [TokenHash.of(secret)], "the database keeps the secret's SHA-256, never the secret")

            // A calendar program fetches it with no session.
            let program = testApp.browser()
            let first = try await program.get(path)
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(first.headers.first(name: .contentType), "text/calendar; charset=utf-8")
            for line in first.body.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
            let feed = try parse(first.body)
            XCTAssertEqual(feed.method, "PUBLISH")
            XCTAssertEqual(feed.errors, [])
            let meeting = try XCTUnwrap(feed.events.first { $0.uid == "\(id.lowerText)@foothold" })
            XCTAssertEqual(meeting.summary, "Career conversation with Ben Khan")
            XCTAssertEqual(meeting.start, "2026-11-24T14:00:00+00:00", "in UTC")
            XCTAssertEqual(meeting.end, "2026-11-24T14:30:00+00:00")
            XCTAssertEqual(meeting.sequence, 0)
            XCTAssertEqual(meeting.status, "CONFIRMED")
            XCTAssertEqual(meeting.location, "", "the place is not in a feed")
            let window = try XCTUnwrap(feed.events.first { $0.summary == "Progress review 2 window for career conversations" })
            XCTAssertTrue(window.all_day)
            XCTAssertEqual(window.start, "2026-11-01")
            XCTAssertEqual(window.end, "2026-12-01", "an all-day event ends the day after its last")

            // Moved to the summer time: the same event, a higher SEQUENCE, the time in UTC.
            let moved = try await ben.post(
                SiteURL.reschedule(id).path, ["date": "2027-04-06", "time": "10:00", "minutes": "45", "place": "MARK-PLACE"])
            XCTAssertEqual(moved.status, .seeOther, moved.body.visibleText)
            let afterMove = try parse(try await program.get(path).body)
            let movedEvent = try XCTUnwrap(afterMove.events.first { $0.uid == "\(id.lowerText)@foothold" })
            XCTAssertEqual(movedEvent.start, "2027-04-06T09:00:00+00:00", "10:00 in London in April is 09:00 UTC")
            XCTAssertEqual(movedEvent.sequence, 1)
            let file = try await freya.get(SiteURL.calendar(id).path).body
            XCTAssertTrue(file.contains("SEQUENCE:1\r\n"), "the conversation's own file follows the same rules")
            XCTAssertEqual(try parse(file).method, "PUBLISH")

            // Cancelled: still sent, as cancelled, so calendars remove it.
            let cancelled = try await ben.post(SiteURL.cancel(id).path, ["confirm": "yes"])
            XCTAssertEqual(cancelled.status, .seeOther)
            let afterCancel = try await program.get(path).body
            let cancelledEvent = try XCTUnwrap(try parse(afterCancel).events.first { $0.uid == "\(id.lowerText)@foothold" })
            XCTAssertEqual(cancelledEvent.status, "CANCELLED")
            XCTAssertEqual(cancelledEvent.sequence, 2)
            XCTAssertFalse(afterCancel.contains("MARK-"), "nothing said or planned: \(afterCancel)")
            XCTAssertFalse(afterCancel.contains("METHOD:REQUEST"))

            // Ben's feed has it from his side.
            let benPath = try address(try await ben.post(SiteURL.calendarFeedReset.path, [:]).body)
            let benFeed = try parse(try await program.get(benPath).body)
            XCTAssertEqual(benFeed.events.first { $0.uid == "\(id.lowerText)@foothold" }?.summary, "Career conversation with Freya Parker")
        }
    }

    func testResettingTheAddressStopsTheOldOne() async throws {
        try await withApp { testApp in
            let (_, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            let old = try address(try await freya.post(SiteURL.calendarFeedReset.path, [:]).body)
            let reset = try await freya.post(SiteURL.calendarFeedReset.path, [:])
            XCTAssertEqual(reset.status, .ok)
            let page = reset.body
            XCTAssertTrue(page.contains("Any address you made before no longer works"))
            let new = try address(page)
            XCTAssertNotEqual(old, new)
            let program = testApp.browser()
            let oldStatus = try await program.get(old).status
            XCTAssertEqual(oldStatus, .notFound)
            let newStatus = try await program.get(new).status
            XCTAssertEqual(newStatus, .ok)
            for wrong in ["/calendar/x/foothold.ics", "/calendar/" + String(repeating: "a", count: 400) + "/foothold.ics"] {
                let status = try await program.get(wrong).status
                XCTAssertEqual(status, .notFound, wrong)
            }
            // Someone who has left: their address opens nothing, and stays closed if they come back.
            let without = Fixtures.organisationCSV.split(separator: "\n").filter { !$0.hasPrefix(Fixtures.employee) }
                .joined(separator: "\n")
            _ = try await PeopleImporter.run(csv: without, deactivateMissing: true, on: testApp.db, now: testApp.clock.now).get()
            let gone = try await program.get(new).status
            XCTAssertEqual(gone, .notFound)
            _ = try await PeopleImporter.run(
                csv: Fixtures.organisationCSV, deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            let back = try await program.get(new).status
            XCTAssertEqual(back, .notFound, "a leaver who comes back needs a new address")
            let feeds = try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM calendar_feeds").first()!.decode(column: "n", as: Int.self)
            XCTAssertEqual(feeds, 0, "revoked when she left")
        }
    }

    /// The windows of this career year and, once HR has opened it, the next; none from years before.
    func testTheFeedShowsTheWindowsOfThisCareerYearAndTheNext() async throws {
        try await withApp { testApp in
            let (_, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            let path = try address(try await freya.post(SiteURL.calendarFeedReset.path, [:]).body)
            let program = testApp.browser()
            func windows() async throws -> [String] {
                try parse(try await program.get(path).body).events.filter(\.all_day).map { "\($0.start) \($0.summary)" }.sorted()
            }
            let thisYear = try await CareerYears.load(startYear: 2026, on: testApp.reads)!.year
            let onlyThisYear = try await windows()
            XCTAssertEqual(onlyThisYear.count, thisYear.checkpoints.count, "each window once: \(onlyThisYear)")
            XCTAssertTrue(onlyThisYear.allSatisfy { $0.hasPrefix("2026-") || $0.hasPrefix("2027-0") }, "\(onlyThisYear)")

            try await CareerYears.create(CareerYears.following(thisYear), on: testApp.db, now: testApp.clock.now)
            try await CareerYears.create(
                CareerYear.standard(startingIn: 2025), on: testApp.db, now: testApp.clock.now)
            let both = try await windows()
            XCTAssertEqual(both.count, 2 * thisYear.checkpoints.count, "\(both)")
            XCTAssertTrue(both.contains("2026-11-01 Progress review 2 window for career conversations"), "\(both)")
            XCTAssertTrue(both.contains("2027-11-01 Progress review 2 window for career conversations"), "\(both)")
            XCTAssertFalse(both.contains { $0.hasPrefix("2025-") }, "none from the year before: \(both)")

            // A calendar program asks every few minutes: on PostgreSQL the whole feed is one round trip.
            if let prepared = testApp.app.data.postgresPrepared {
                let before = prepared.statementsServed
                let status = try await program.get(path).status
                XCTAssertEqual(status, .ok)
                XCTAssertEqual(prepared.statementsServed - before, 1, "the address, the years and the conversations in one statement")
            }
        }
    }

    /// An address made before secrets were kept as hashes keeps working after M025.
    func testAnAddressMadeBeforeTheMigrationStillOpens() async throws {
        try await withApp { testApp in
            _ = try await Fixtures.scheduledConversation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let secret = "an-old-secret-address-made-before"
            try await testApp.db.sql.raw(
                "INSERT INTO calendar_feeds (id, token, created_at) VALUES (\(bind: freya), \(bind: secret), \(bind: testApp.clock.now))"
            ).run()
            let program = testApp.browser()
            let before = try await program.get(SiteURL.calendarFeed(token: secret).path).status
            XCTAssertEqual(before, .notFound, "kept as it was, the secret is not what the feed looks for")
            try await M025_HashCalendarFeedTokens().prepare(on: testApp.db)
            let after = try await program.get(SiteURL.calendarFeed(token: secret).path)
            XCTAssertEqual(after.status, .ok)
            XCTAssertTrue(after.body.contains("BEGIN:VCALENDAR"))
        }
    }
}

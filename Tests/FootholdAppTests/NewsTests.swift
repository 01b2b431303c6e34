import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// Telling people what happened (issue "Day one…", decision 0022): each event reaches the person it
/// concerns in the app and by e-mail, names people, times and places only, and carries a calendar
/// invitation (REQUEST, then CANCEL, one UID, a rising SEQUENCE) that Python's icalendar reads.
final class NewsTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        try PythonModules.require("icalendar")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-news-\(UUID().uuidString)")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    struct Invitation: Decodable {
        struct Calendar: Decodable {
            var content_method: String?
            var method: String
            var uid: String
            var sequence: Int
            var status: String
            var start: String
            var location: String
            var attendees: [String]
        }
        var subject: String
        var calendar: Calendar?
    }

    /// Each e-mail in the folder (raw), with what a mail client and a calendar program read in it.
    func delivered(_ testApp: TestApp, seen: inout Set<String>) async throws -> [(raw: String, read: Invitation)] {
        _ = try await ReminderPass(app: testApp.app).deliverWaiting(now: testApp.clock.now)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".eml") }.sorted() ?? []
        var found: [(String, Invitation)] = []
        for name in names where !seen.contains(name) {
            seen.insert(name)
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("calendar/read_invitation.py").path
            process.arguments = ["python3", script]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            input.fileHandleForWriting.write(data)
            try input.fileHandleForWriting.close()
            let json = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "the mail and its invitation were read")
            found.append(
                (
                    String(decoding: data, as: UTF8.self).replacingOccurrences(of: "=\r\n", with: ""),
                    try JSONDecoder().decode(Invitation.self, from: json)
                ))
        }
        return found
    }

    func testAnInvitationAndEachChangeReachTheOtherPersonWithACalendarInvitation() async throws {
        try await withApp { testApp in
            testApp.app.footholdConfiguration.mail.transport = .folder(path: folder.path)
            var seen = Set<String>()
            try await Fixtures.organisation(in: testApp)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let sent = try await ben.post(
                SiteURL.conversations.path,
                [
                    "with": freyaID.uuidString, "kind": "check_in", "purpose": "MARK-PURPOSE catch-up", "date": "2026-11-24",
                    "time": "14:00",
                    "minutes": "30", "place": "Room 4",
                ])
            let id = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(sent.location).split(separator: "/")[1])))
            let uid = "\(id.lowerText)@foothold"

            let notifications = try await freya.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(
                notifications.contains("Ben Khan invites you to a career conversation on Tuesday 24 November 2026 at 14:00, Room 4."),
                notifications)
            var mail = try await delivered(testApp, seen: &seen)
            XCTAssertEqual(mail.count, 1)
            XCTAssertTrue(mail[0].raw.contains("To: \"Freya Parker\" <freya.parker@ridgeway.example>"))
            XCTAssertFalse(mail[0].raw.contains("MARK-"), "what the conversation is about is not e-mailed")
            var invitation = try XCTUnwrap(mail[0].read.calendar, "the invitation carries a calendar invitation")
            XCTAssertEqual(invitation.method, "REQUEST")
            XCTAssertEqual(invitation.content_method, "REQUEST")
            XCTAssertEqual(invitation.uid, uid)
            XCTAssertEqual(invitation.sequence, 0)
            XCTAssertEqual(invitation.start, "2026-11-24T14:00:00+00:00")
            XCTAssertEqual(invitation.location, "Room 4")
            XCTAssertEqual(invitation.attendees, ["mailto:ben.khan@ridgeway.example", "mailto:freya.parker@ridgeway.example"])

            // Freya accepts: Ben hears, with the meeting for his calendar.
            _ = try await freya.post(SiteURL.accept(id).path, ["date": "2026-11-24", "time": "14:00", "minutes": "30", "place": "Room 4"])
            mail = try await delivered(testApp, seen: &seen)
            XCTAssertEqual(mail.count, 1)
            XCTAssertTrue(mail[0].raw.contains("To: \"Ben Khan\" <ben.khan@ridgeway.example>"))
            XCTAssertTrue(mail[0].raw.contains("Freya Parker accepted your career conversation on Tuesday 24 November 2026 at 14:00"))
            XCTAssertEqual(mail[0].read.calendar?.method, "REQUEST")

            // Ben moves it: Freya's calendar updates the same event.
            _ = try await ben.post(
                SiteURL.reschedule(id).path, ["date": "2026-11-25", "time": "15:30", "minutes": "30", "place": "Room 5"])
            mail = try await delivered(testApp, seen: &seen)
            XCTAssertEqual(mail.count, 1)
            invitation = try XCTUnwrap(mail[0].read.calendar)
            XCTAssertEqual(invitation.uid, uid)
            XCTAssertEqual(invitation.sequence, 1)
            XCTAssertEqual(invitation.start, "2026-11-25T15:30:00+00:00")
            XCTAssertTrue(
                mail[0].raw.contains("Ben Khan changed your career conversation: it is now on Wednesday 25 November 2026 at 15:30, Room 5.")
            )

            // Freya cancels: Ben's calendar removes it.
            _ = try await freya.post(SiteURL.cancel(id).path, ["confirm": "yes"])
            mail = try await delivered(testApp, seen: &seen)
            XCTAssertEqual(mail.count, 1)
            invitation = try XCTUnwrap(mail[0].read.calendar)
            XCTAssertEqual(invitation.method, "CANCEL")
            XCTAssertEqual(invitation.status, "CANCELLED")
            XCTAssertEqual(invitation.uid, uid)
            XCTAssertEqual(invitation.sequence, 2)
            let bens = try await ben.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(bens.contains("Freya Parker cancelled your career conversation on Wednesday 25 November 2026 at 15:30."), bens)

            // Switched off, it is neither in the app nor e-mailed; nothing is ever sent twice.
            _ = try await freya.post(
                SiteURL.reminderSettings.path,
                ["on[]": ReminderKind.windowOpened.rawValue])
            _ = try await ben.post(SiteURL.conversations.path, ["with": freyaID.uuidString, "kind": "check_in", "minutes": "30"])
            mail = try await delivered(testApp, seen: &seen)
            XCTAssertTrue(mail.isEmpty, "Freya switched conversation news off")
            let count = try await testApp.db.sql.raw(
                "SELECT COUNT(*) AS n FROM reminders WHERE kind = 'conversation_news' AND recipient_id = \(bind: freyaID)"
            ).first()?.decode(column: "n", as: Int.self)
            XCTAssertEqual(count, 2, "the invitation and the change; not the one after she switched it off")
        }
    }

    func testASummaryToConfirmItsConfirmationAndAnActionForAColleague() async throws {
        try await withApp { testApp in
            testApp.app.footholdConfiguration.mail.transport = .folder(path: folder.path)
            let (ben, freya, id) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await ben.post(SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30"])
            let path = SiteURL.record(id).path
            _ = try await ben.submit(try await ben.get(path), form: path, pressing: "Save", ["summary": ["MARK-SUMMARY agreed"]])
            let freyas = try await freya.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(freyas.contains("Ben Khan wrote the summary of your conversation. Read it, and confirm it or change it."), freyas)
            XCTAssertFalse(freyas.contains("MARK-"))
            _ = try await freya.submit(
                try await freya.get(path), form: path, pressing: "Save and confirm the summary",
                ["description": ["MARK-ACTION ask Lewis"], "owner": ["colleague"], "colleague": [Fixtures.colleague]])
            let bens = try await ben.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(bens.contains("Freya Parker confirmed the summary of your conversation."), bens)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let lewiss = try await lewis.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(lewiss.contains("Freya Parker named you to do an action. It is on your actions page."), lewiss)
            XCTAssertFalse(lewiss.contains("MARK-"))
            var seen = Set<String>()
            let mail = try await delivered(testApp, seen: &seen)
            XCTAssertFalse(mail.contains { $0.raw.contains("MARK-") }, "nothing written reaches an e-mail")
        }
    }

    func testAWithdrawnSlotTellsItsBooker() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            let omarID = try await Fixtures.personID(Fixtures.leadership, in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            _ = try await omar.post(
                SiteURL.ownSlots.path,
                [
                    "date": "2026-11-26", "time": "10:00", "minutes": "30", "weeks": "1", "place": "Board room", "theme": "",
                    "per_person": "1",
                ])
            let open = try await SlotsStore.open(
                from: testApp.clock.now, until: testApp.clock.now.addingTimeInterval(30 * 86_400), memberID: omarID, on: testApp.reads)
            let slot = try XCTUnwrap(open.first, "Omar's slot is offered")
            let booked = try await freya.post(SiteURL.slotBook(slot.id).path, ["note": ""])
            XCTAssertEqual(booked.status, .seeOther, booked.body.visibleText)
            let omars = try await omar.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(
                omars.contains("Freya Parker booked your Leadership Team slot on Thursday 26 November 2026 at 10:00, Board room."), omars)
            let withdrawn = try await omar.post(SiteURL.slotWithdraw(slot.id).path, ["confirm": "yes"])
            XCTAssertEqual(withdrawn.status, .seeOther)
            let freyas = try await freya.get(SiteURL.notifications.path).body.visibleText
            XCTAssertTrue(
                freyas.contains(
                    "Omar Morgan withdrew the slot you booked on Thursday 26 November 2026 at 10:00, so that conversation is cancelled."),
                freyas)
            _ = freyaID
        }
    }
}

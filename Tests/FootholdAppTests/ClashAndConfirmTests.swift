import Fluent
@testable import FootholdData
import SQLKit
import FootholdCore
import Foundation
import Vapor
import XCTest

@testable import FootholdApp

/// Care with other people's time: a time that clashes with another of the same person's is refused
/// with the clash named, and cancelling or withdrawing asks first and says who will be told.
final class ClashAndConfirmTests: XCTestCase {
    func offer(_ omar: Browser, date: String, time: String, weeks: String = "1") async throws -> Browser.Page {
        try await omar.post(
            SiteURL.ownSlots.path,
            ["date": date, "time": time, "minutes": "30", "weeks": weeks, "place": "Room 7", "theme": "", "per_person": "1"])
    }

    func testTwoSlotsAtTheSameMinuteAreRefusedWithTheFirstNamed() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            let first = try await offer(omar, date: "2026-12-01", time: "10:00")
            XCTAssertEqual(first.status, .seeOther)
            // 10:15 for three weeks: its first overlaps the slot at 10:00.
            let second = try await offer(omar, date: "2026-11-24", time: "10:15", weeks: "3")
            XCTAssertEqual(second.status, .badRequest)
            XCTAssertTrue(
                second.body.visibleText.contains(
                    "You offer a Leadership Team slot from 10:00 to 10:30 on Tuesday 1 December. Choose another time. Nothing was offered."),
                second.body.visibleText)
            XCTAssertTrue(second.body.contains("value=\"10:15\""), "what was typed is kept")
            let slots = try await LeadershipSlotModel.query(on: testApp.db).count()
            XCTAssertEqual(slots, 1)
            // Ending as the other starts is no clash.
            let after = try await offer(omar, date: "2026-12-01", time: "10:30")
            XCTAssertEqual(after.status, .seeOther)
        }
    }

    func testArrangingOrMovingIntoAnotherConversationIsRefusedAndAnotherPersonsIsNotSaidWithWhom() async throws {
        try await withApp { testApp in
            // Ben and Freya meet on Tuesday 24 November at 14:00 for 30 minutes.
            let (ben, _, _) = try await Fixtures.scheduledConversation(in: testApp)
            let lewis = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            func invite(at time: String) async throws -> Browser.Page {
                try await ben.post(
                    SiteURL.conversations.path,
                    ["with": lewis.uuidString, "kind": "check_in", "minutes": "30", "date": "2026-11-24", "time": time, "place": "Room 4"])
            }
            let clashing = try await invite(at: "14:15")
            XCTAssertEqual(clashing.status, .badRequest)
            XCTAssertTrue(
                clashing.body.visibleText.contains(
                    "You already have a career conversation with Freya Parker from 14:00 to 14:30 on Tuesday 24 November. Choose another time."
                ),
                clashing.body.visibleText)
            let before = try await ConversationModel.query(on: testApp.db).count()
            XCTAssertEqual(before, 1, "nothing arranged")
            let free = try await invite(at: "14:30")
            XCTAssertEqual(free.status, .seeOther, free.body.visibleText)

            // Lewis books Omar's slot at 10:00; Ben, inviting Lewis then, is told Lewis is taken, not with whom.
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            _ = try await offer(omar, date: "2026-11-25", time: "10:00")
            let slot = try await LeadershipSlotModel.query(on: testApp.db).first()!.requireID()
            let lewisBrowser = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let booked = try await lewisBrowser.post(SiteURL.slotBook(slot).path, [:])
            XCTAssertEqual(booked.status, .seeOther)
            let taken = try await ben.post(
                SiteURL.conversations.path,
                ["with": lewis.uuidString, "kind": "check_in", "minutes": "30", "date": "2026-11-25", "time": "10:10", "place": ""])
            XCTAssertEqual(taken.status, .badRequest)
            XCTAssertTrue(
                taken.body.visibleText.contains(
                    "Lewis Iqbal already has a career conversation from 10:00 to 10:30 on Wednesday 25 November. Choose another time."),
                taken.body.visibleText)
            XCTAssertFalse(taken.body.visibleText.contains("Omar"), "who Lewis meets is not Ben's to know")

            // Moving Ben's conversation with Lewis onto Freya's time is refused; its own time is no clash.
            let withLewis = try await ConversationModel.query(on: testApp.db).filter(\.$kind == .checkIn).first()!.requireID()
            let lewisAccepts = try await lewisBrowser.post(
                SiteURL.accept(withLewis).path, ["date": "2026-11-24", "time": "14:30", "minutes": "30", "place": "Room 4"])
            XCTAssertEqual(lewisAccepts.status, .seeOther, lewisAccepts.body.visibleText)
            let moved = try await ben.post(
                SiteURL.reschedule(withLewis).path, ["date": "2026-11-24", "time": "14:00", "minutes": "30", "place": "Room 4"])
            XCTAssertEqual(moved.status, .badRequest)
            XCTAssertTrue(moved.body.visibleText.contains("with Freya Parker from 14:00 to 14:30"), moved.body.visibleText)
            let stays = try await ben.post(
                SiteURL.reschedule(withLewis).path, ["date": "2026-11-24", "time": "14:45", "minutes": "30", "place": "Room 5"])
            XCTAssertEqual(stays.status, .seeOther, "moving within its own time is no clash")
        }
    }

    func testBookingASlotWhenAlreadyTakenIsRefused() async throws {
        try await withApp { testApp in
            let (_, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            _ = try await offer(omar, date: "2026-11-24", time: "14:00")
            let slot = try await LeadershipSlotModel.query(on: testApp.db).first()!.requireID()
            let refused = try await freya.post(SiteURL.slotBook(slot).path, [:])
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(
                refused.body.visibleText.contains("You already have a career conversation with Ben Khan from 14:00 to 14:30"),
                refused.body.visibleText)
            let bookings = try await SlotBookingModel.query(on: testApp.db).count()
            XCTAssertEqual(bookings, 0)
        }
    }

    func testCancellingAConversationAsksFirstAndSaysWhoWillBeTold() async throws {
        try await withApp { testApp in
            let (ben, _, id) = try await Fixtures.scheduledConversation(in: testApp)
            let page = try await ben.get(SiteURL.conversation(id).path)
            XCTAssertTrue(page.body.contains(SiteURL.cancel(id).path))
            let asked = try await ben.post(SiteURL.cancel(id).path, [:])
            XCTAssertEqual(asked.status, .ok)
            XCTAssertTrue(asked.body.visibleText.contains("Cancel this conversation?"))
            XCTAssertTrue(
                asked.body.visibleText.contains(
                    "Your career conversation with Freya Parker on Tuesday 24 November, 14:00 will be cancelled."),
                asked.body.visibleText)
            XCTAssertTrue(asked.body.visibleText.contains("Freya Parker will be told, in Foothold and by e-mail"))
            XCTAssertTrue(asked.body.contains("name=\"confirm\" value=\"yes\""))
            XCTAssertTrue(asked.body.contains("href=\"\(SiteURL.conversation(id).path)\""), "a way back that does nothing")
            let still = try await ConversationModel.find(id, on: testApp.db)!.state
            XCTAssertEqual(still, .scheduled, "asking changes nothing")
            func news() async throws -> Int {
                try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM reminders WHERE kind = 'conversation_news'").first()!
                    .decode(column: "n", as: Int.self)
            }
            let before = try await news()

            let done = try await ben.post(SiteURL.cancel(id).path, ["confirm": "yes"])
            XCTAssertEqual(done.status, .seeOther)
            let after = try await ConversationModel.find(id, on: testApp.db)!.state
            XCTAssertEqual(after, .cancelled)
            let told = try await news()
            XCTAssertEqual(told, before + 1, "Freya is told")
            // Someone outside the conversation is not even asked.
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let refused = try await lewis.post(SiteURL.cancel(id).path, [:])
            XCTAssertTrue([.notFound, .forbidden].contains(refused.status))
        }
    }

    func testWithdrawingABookedSlotOrCancellingABookingAsksFirst() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            _ = try await offer(omar, date: "2026-11-24", time: "10:00", weeks: "2")
            let slots = try await LeadershipSlotModel.query(on: testApp.db).sort(\.$startsAt).all().map { try $0.requireID() }
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await freya.post(SiteURL.slotBook(slots[0]).path, [:])

            let asked = try await omar.post(SiteURL.slotWithdraw(slots[0]).path, [:])
            XCTAssertEqual(asked.status, .ok)
            XCTAssertTrue(
                asked.body.visibleText.contains("Freya Parker has booked your slot on Tuesday 24 November, 10:00."), asked.body.visibleText)
            XCTAssertTrue(asked.body.visibleText.contains("Freya Parker will be told, in Foothold and by e-mail"))
            let withdrawn = try await LeadershipSlotModel.find(slots[0], on: testApp.db)!.withdrawnAt
            XCTAssertNil(withdrawn, "asking changes nothing")
            // A slot nobody has booked goes without asking: no one is let down.
            let free = try await omar.post(SiteURL.slotWithdraw(slots[1]).path, [:])
            XCTAssertEqual(free.status, .seeOther)

            let cancelAsked = try await freya.post(SiteURL.slotCancel(slots[0]).path, [:])
            XCTAssertEqual(cancelAsked.status, .ok)
            XCTAssertTrue(cancelAsked.body.visibleText.contains("Omar Morgan will be told, in Foothold and by e-mail."))
            let bookings = try await SlotBookingModel.query(on: testApp.db).count()
            XCTAssertEqual(bookings, 1, "asking changes nothing")

            let done = try await omar.post(SiteURL.slotWithdraw(slots[0]).path, ["confirm": "yes"])
            XCTAssertEqual(done.location, SiteURL.ownSlots.with(query: [("done", "withdrawn")]))
        }
    }
}

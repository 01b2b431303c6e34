import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import Vapor
import XCTest
@testable import FootholdApp

/// Leadership Team slots: offering, browsing, booking (never twice), cancelling and withdrawing.
final class SlotsTests: XCTestCase {
    /// Omar (Leadership Team) offers Tuesdays at 10:00 for three weeks from 24 November 2026; his
    /// browser and the slots' ids, first first.
    func series(in testApp: TestApp, perPerson: String = "1") async throws -> (omar: Browser, slots: [UUID]) {
        try await Fixtures.organisation(in: testApp)
        let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
        let offered = try await omar.post(
            SiteURL.ownSlots.path,
            [
                "date": "2026-11-24", "time": "10:00", "minutes": "30", "weeks": "3", "place": "Room 7, Ridgeway House",
                "theme": "Moving across departments", "per_person": perPerson,
            ])
        XCTAssertEqual(offered.status, .seeOther, offered.body.visibleText)
        let slots = try await LeadershipSlotModel.query(on: testApp.db).sort(\.$startsAt).all()
        XCTAssertEqual(slots.count, 3)
        return (omar, try slots.map { try $0.requireID() })
    }

    func firstBooking(_ testApp: TestApp) async throws -> SlotBookingModel {
        let booking = try await SlotBookingModel.query(on: testApp.db).first()
        return try XCTUnwrap(booking)
    }

    func testAMemberOffersASeriesAndSomeoneBooksOneWithANote() async throws {
        try await withApp { testApp in
            let (omar, slots) = try await series(in: testApp)
            let own = try await omar.get(SiteURL.ownSlots.path)
            XCTAssertTrue(own.body.visibleText.contains("Tuesday 24 November, 10:00 (30 minutes)"), own.body.visibleText)
            XCTAssertTrue(own.body.visibleText.contains("Tuesday 8 December, 10:00"))

            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let list = try await freya.get(SiteURL.slots.with(query: [("week", "2026-11-25")]))
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(list.body.visibleText.contains("Open slots in the week of 23 November 2026"), list.body.visibleText)
            XCTAssertTrue(list.body.visibleText.contains("Omar Morgan · 30 minutes · Room 7, Ridgeway House"))
            XCTAssertTrue(list.body.contains(SiteURL.slotBook(slots[0]).path))

            let booked = try await freya.post(SiteURL.slotBook(slots[0]).path, ["note": "Moving into policy work"])
            XCTAssertEqual(booked.location, SiteURL.slots.with(query: [("done", "booked")]))
            let booking = try await firstBooking(testApp)
            let found = try await ConversationModel.find(booking.$conversation.id, on: testApp.db)
            let conversation = try XCTUnwrap(found)
            XCTAssertEqual(conversation.kind, .leadership)
            XCTAssertEqual(conversation.state, .scheduled)
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            XCTAssertEqual(conversation.$employee.id, freyaID)
            let memberID = try await Fixtures.personID(Fixtures.leadership, in: testApp)
            XCTAssertEqual(conversation.$guide.id, memberID)
            XCTAssertEqual(conversation.purpose, "Moving into policy work")
            XCTAssertEqual(conversation.place, "Room 7, Ridgeway House")
            XCTAssertEqual(conversation.minutes, 30)
            let slotStart = try await LeadershipSlotModel.find(slots[0], on: testApp.db)?.startsAt
            XCTAssertEqual(conversation.startsAt, slotStart)

            // The slot is gone from the open list; Freya sees her booking, Omar who booked.
            let after = try await freya.get(SiteURL.slots.with(query: [("week", "2026-11-23")]))
            XCTAssertFalse(after.body.contains(SiteURL.slotBook(slots[0]).path))
            XCTAssertTrue(after.body.visibleText.contains("Your bookings"))
            XCTAssertTrue(after.body.contains(SiteURL.prepare(conversation.id!).path))
            let ownAfter = try await omar.get(SiteURL.ownSlots.path)
            XCTAssertTrue(ownAfter.body.visibleText.contains("Booked Freya Parker"), ownAfter.body.visibleText)
            // The booking is a conversation like any other, in both people's lists.
            let freyaSeesIt = try await freya.get(SiteURL.conversations.path).body.contains(SiteURL.conversation(conversation.id!).path)
            XCTAssertTrue(freyaSeesIt)
            let memberSeesIt = try await omar.get(SiteURL.conversations.path).body.contains(SiteURL.conversation(conversation.id!).path)
            XCTAssertTrue(memberSeesIt)
        }
    }

    func testASecondBookingOfTheSameSlotIsToldTheSlotHasGone() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            _ = try await freya.post(SiteURL.slotBook(slots[1]).path, [:])
            let second = try await lewis.post(SiteURL.slotBook(slots[1]).path, ["note": "Secondments"])
            XCTAssertEqual(second.status, .conflict)
            XCTAssertTrue(second.body.visibleText.contains("Sorry, someone has just booked this slot. Choose another."))
            let bookings = try await SlotBookingModel.query(on: testApp.db).count()
            XCTAssertEqual(bookings, 1)
            let leadershipConversations = try await ConversationModel.query(on: testApp.db).filter(\.$kind == .leadership).count()
            XCTAssertEqual(leadershipConversations, 1)
        }
    }

    func testTheDatabaseItselfRefusesASecondBookingOfASlot() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await freya.post(SiteURL.slotBook(slots[0]).path, [:])
            let first = try await firstBooking(testApp)
            let again = SlotBookingModel()
            again.id = UUID()
            again.$slot.id = slots[0]
            again.$person.id = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            again.$conversation.id = first.$conversation.id
            again.bookedAt = testApp.clock.now
            do {
                try await again.create(on: testApp.db)
                XCTFail("a second booking of one slot was stored")
            } catch let error as any DatabaseError {
                XCTAssertTrue(error.isConstraintFailure, "\(error)")
            }
        }
    }

    /// Eight people press "Book" on one slot at the same moment, through two server instances on
    /// PostgreSQL (one on SQLite): exactly one gets it; everyone else is told it has gone.
    func testParallelBookingsThroughTwoInstancesLetExactlyOneThrough() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            // Several instances share one database on PostgreSQL; SQLite is served by one instance.
            let sibling = TestDatabase.isPostgres ? try await testApp.sibling() : testApp
            let people = [
                Fixtures.employee, Fixtures.colleague, Fixtures.manager, Fixtures.director, Fixtures.unitHead, Fixtures.hrAdmin,
                Fixtures.hrDirector, Fixtures.chief,
            ]
            var browsers: [Browser] = []
            for (index, email) in people.enumerated() {
                let browser = index % 2 == 0 ? testApp.browser() : sibling.browser()
                let signedIn = try await browser.signIn(email, password: Fixtures.password).status
                XCTAssertEqual(signedIn, .seeOther)
                _ = try await browser.formToken()
                browsers.append(browser)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for browser in browsers {
                    group.addTask { try await browser.post(SiteURL.slotBook(slots[2]).path, ["note": "All at once"]).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            if sibling !== testApp { try? await sibling.app.asyncShutdown() }
            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .conflict }.count, people.count - 1, "\(statuses)")
            let bookingsOfThirdSlot = try await SlotBookingModel.query(on: testApp.db).filter(\.$slot.$id == slots[2]).count()
            XCTAssertEqual(bookingsOfThirdSlot, 1)
            let leadershipConversationsAfter = try await ConversationModel.query(on: testApp.db).filter(\.$kind == .leadership).count()
            XCTAssertEqual(leadershipConversationsAfter, 1)
        }
    }

    func testOnePersonMayHoldAsManyOfAMembersSlotsAsTheMemberAllows() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let secondBooking = try await freya.post(SiteURL.slotBook(slots[0]).path, [:]).status
            XCTAssertEqual(secondBooking, .seeOther)
            let second = try await freya.post(SiteURL.slotBook(slots[1]).path, [:])
            XCTAssertEqual(second.status, .conflict)
            XCTAssertTrue(second.body.visibleText.contains("You already hold one of this person's slots."), second.body.visibleText)
            // The member cannot book their own.
            let omarsOwn = try await Fixtures.signedIn(Fixtures.leadership, in: testApp).post(SiteURL.slotBook(slots[1]).path, [:])
            XCTAssertTrue(omarsOwn.body.visibleText.contains("This is one of your own slots."))
        }
    }

    /// Read in the code on 4 December 2026: booking locked only the slot being booked, then counted
    /// the person's bookings, so one person booking several of a member's slots at once passed the
    /// limit on PostgreSQL. Booked at once, from many connections and two instances, one gets through.
    func testOnePersonBookingSeveralSlotsAtOnceIsHeldToTheLimit() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let sibling = TestDatabase.isPostgres ? try await testApp.sibling() : testApp
            let now = testApp.clock.now
            let refusals = try await withThrowingTaskGroup(of: SlotBooking.Refusal?.self) { group in
                for round in 0..<4 {
                    for (index, slot) in slots.enumerated() {
                        let reads = (round + index) % 2 == 0 ? testApp.reads : sibling.reads
                        group.addTask {
                            do {
                                return try await SlotsStore.book(
                                    slot, by: freya, purpose: "", conversationID: UUID(), bookingID: UUID(), at: now,
                                    timeZone: TimeZone(identifier: "Europe/London")!, on: reads)
                            } catch {
                                return .taken
                            }
                        }
                    }
                }
                return try await group.reduce(into: [SlotBooking.Refusal?]()) { $0.append($1) }
            }
            if sibling !== testApp { try? await sibling.app.asyncShutdown() }
            XCTAssertEqual(refusals.filter { $0 == nil }.count, 1, "\(refusals)")
            let held = try await SlotBookingModel.query(on: testApp.db).filter(\.$person.$id == freya).count()
            XCTAssertEqual(held, 1, "one of Omar's slots at a time, as he allows")
            let conversations = try await ConversationModel.query(on: testApp.db).filter(\.$kind == .leadership).count()
            XCTAssertEqual(conversations, 1, "nothing kept of the refused bookings")
        }
    }

    func testCancellingFreesTheSlotForSomeoneElse() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await freya.post(SiteURL.slotBook(slots[0]).path, [:])
            let conversationID = try await firstBooking(testApp).$conversation.id
            // Lewis cannot cancel Freya's booking.
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let cancelledByOther = try await lewis.post(SiteURL.slotCancel(slots[0]).path, [:]).status
            XCTAssertEqual(cancelledByOther, .notFound)

            let cancelled = try await freya.post(SiteURL.slotCancel(slots[0]).path, ["confirm": "yes"])
            XCTAssertEqual(cancelled.location, SiteURL.slots.with(query: [("done", "cancelled")]))
            let stateAfterCancelling = try await ConversationModel.find(conversationID, on: testApp.db)?.state
            XCTAssertEqual(stateAfterCancelling, .cancelled)
            let bookingsAfterCancelling = try await SlotBookingModel.query(on: testApp.db).count()
            XCTAssertEqual(bookingsAfterCancelling, 0)
            let rebooked = try await lewis.post(SiteURL.slotBook(slots[0]).path, [:]).status
            XCTAssertEqual(rebooked, .seeOther)

            // Cancelling from the conversation's own page frees it too.
            let lewisConversation = try await firstBooking(testApp).$conversation.id
            let cancelledOwn = try await lewis.post(SiteURL.cancel(lewisConversation).path, ["confirm": "yes"]).status
            XCTAssertEqual(cancelledOwn, .seeOther)
            let bookingsAfterCancel = try await SlotBookingModel.query(on: testApp.db).count()
            XCTAssertEqual(bookingsAfterCancel, 0)
            let list = try await freya.get(SiteURL.slots.with(query: [("week", "2026-11-23")]))
            XCTAssertTrue(list.body.contains(SiteURL.slotBook(slots[0]).path))
        }
    }

    func testWithdrawingABookedSlotCancelsTheConversationAndTellsTheBooker() async throws {
        try await withApp { testApp in
            let (omar, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await freya.post(SiteURL.slotBook(slots[0]).path, [:])
            let conversationID = try await firstBooking(testApp).$conversation.id
            // Only the member withdraws their slots.
            let sophie = try await Fixtures.signedIn(Fixtures.chief, in: testApp)
            let withdrawnByOther = try await sophie.post(SiteURL.slotWithdraw(slots[0]).path, [:]).status
            XCTAssertEqual(withdrawnByOther, .notFound)
            let withdrawnByBooker = try await freya.post(SiteURL.slotWithdraw(slots[0]).path, [:]).status
            XCTAssertEqual(withdrawnByBooker, .forbidden)

            let withdrawn = try await omar.post(SiteURL.slotWithdraw(slots[0]).path, ["confirm": "yes"])
            XCTAssertEqual(withdrawn.location, SiteURL.ownSlots.with(query: [("done", "withdrawn")]))
            let stateAfterWithdrawal = try await ConversationModel.find(conversationID, on: testApp.db)?.state
            XCTAssertEqual(stateAfterWithdrawal, .cancelled)
            let list = try await freya.get(SiteURL.slots.path)
            XCTAssertTrue(list.body.visibleText.contains("Withdrawn Omar Morgan can no longer meet at this time."), list.body.visibleText)
            // A withdrawn slot cannot be booked.
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let refusalExplains = try await lewis.post(SiteURL.slotBook(slots[0]).path, [:]).body.visibleText.contains(
                "This slot has been withdrawn.")
            XCTAssertTrue(refusalExplains)
        }
    }

    func testOnlyTheLeadershipTeamOffersSlotsAndBadFieldsAreNamed() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let ownSlotsPage = try await ben.get(SiteURL.ownSlots.path).status
            XCTAssertEqual(ownSlotsPage, .forbidden)
            let offeredByNonMember = try await ben.post(SiteURL.ownSlots.path, ["date": "2026-11-24", "time": "10:00"]).status
            XCTAssertEqual(offeredByNonMember, .forbidden)
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            let bad = try await omar.post(
                SiteURL.ownSlots.path, ["date": "2026-11-18", "time": "9am", "minutes": "600", "weeks": "x", "place": "Room 1"])
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(bad.body.visibleText.contains("Enter the time as hours and minutes, such as 10:00"))
            XCTAssertTrue(bad.body.visibleText.contains("Enter a length from 15 to 120 minutes"))
            XCTAssertTrue(bad.body.contains("value=\"9am\""), "what was typed is kept")
            let slotsAfterRefusal = try await LeadershipSlotModel.query(on: testApp.db).count()
            XCTAssertEqual(slotsAfterRefusal, 0)
            // A slot that is not there, and a note far too long.
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let unknownSlot = try await freya.post(SiteURL.slotBook(UUID()).path, [:]).status
            XCTAssertEqual(unknownSlot, .notFound)
            let unreadableQuery = try await freya.get("/slots?week=tomorrow&member=nobody").status
            XCTAssertEqual(unreadableQuery, .ok)
        }
    }

    func testALongNoteIsRefusedWithItsLength() async throws {
        try await withApp { testApp in
            let (_, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let long = try await freya.post(SiteURL.slotBook(slots[0]).path, ["note": String(repeating: "a", count: 1_001)])
            XCTAssertTrue(long.body.visibleText.contains("to 1000 characters; it has 1001"), long.body.visibleText)
            let bookingsAfterLongNote = try await SlotBookingModel.query(on: testApp.db).count()
            XCTAssertEqual(bookingsAfterLongNote, 0)
        }
    }

    /// A conversation booked in a slot is as confidential as any other: the booker and the member
    /// read it; the booker's line manager, director, HR and a colleague do not.
    func testABookedConversationIsReadOnlyByThePair() async throws {
        try await withApp { testApp in
            let (omar, slots) = try await series(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await freya.post(SiteURL.slotBook(slots[0]).path, ["note": "MARKER-SLOT-NOTE"])
            let id = try await firstBooking(testApp).$conversation.id
            for browser in [freya, omar] {
                let page = try await browser.get(SiteURL.conversation(id).path)
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.body.contains("MARKER-SLOT-NOTE"))
            }
            for email in [Fixtures.manager, Fixtures.director, Fixtures.hrAdmin, Fixtures.colleague, Fixtures.chief] {
                let browser = try await Fixtures.signedIn(email, in: testApp)
                let page = try await browser.get(SiteURL.conversation(id).path)
                XCTAssertNotEqual(page.status, .ok, email)
                XCTAssertFalse(page.body.contains("MARKER-SLOT-NOTE"), email)
                let othersSeeNote = try await browser.get(SiteURL.slots.path).body.contains("MARKER-SLOT-NOTE")
                XCTAssertFalse(othersSeeNote, email)
            }
            let memberSeesNote = try await omar.get(SiteURL.ownSlots.path).body.contains("MARKER-SLOT-NOTE")
            XCTAssertFalse(memberSeesNote)
        }
    }
}

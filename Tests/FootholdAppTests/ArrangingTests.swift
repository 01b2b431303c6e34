import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// Inviting, answering and holding a conversation through the web app.
final class ArrangingTests: XCTestCase {
    /// Thursday 19 November 2026: Progress review 2 is open (1–30 November).
    func checkpointID(_ name: String, in testApp: TestApp) async throws -> UUID {
        let year = try await CareerYears.current(
            today: CalendarDate(testApp.clock.now, in: TimeZone(identifier: "Europe/London")!),
            on: testApp.reads, now: testApp.clock.now)
        return try XCTUnwrap(year.year.checkpoints.first { $0.name == name }).id
    }

    func conversationID(from page: Browser.Page) throws -> UUID {
        let location = try XCTUnwrap(page.location, "expected a redirect, got \(page.status): \(page.body.visibleText.prefix(300))")
        return try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/")[1])))
    }

    func testAManagerInvitesAReportWhoAcceptsAndTheyHoldIt() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let review = try await checkpointID("Progress review 2", in: testApp)

            let form = try await manager.get(SiteURL.newConversation.with(query: [("with", freya.uuidString)]))
            XCTAssertTrue(form.body.visibleText.contains("Invite Freya Parker to a career conversation"))
            let sent = try await manager.post(
                SiteURL.conversations.path,
                [
                    "with": freya.uuidString, "kind": "checkpoint", "checkpoint": review.uuidString,
                    "purpose": "Your November progress review", "date": "", "time": "", "minutes": "30", "place": "",
                ])
            let id = try conversationID(from: sent)

            let waiting = try await employee.get(SiteURL.conversations.path).body.visibleText
            XCTAssertTrue(
                waiting.contains("Waiting for your answer Waiting for your answer With About When Status Ben Khan Progress review 2"),
                waiting)
            let detail = try await employee.get(SiteURL.conversation(id).path).body.visibleText
            XCTAssertTrue(detail.contains("Your first career conversation with Ben"))
            XCTAssertTrue(detail.contains("About Your November progress review"))

            let accepted = try await employee.post(
                SiteURL.accept(id).path, ["date": "2026-11-24", "time": "14:00", "minutes": "30", "place": "Room 4"])
            XCTAssertEqual(accepted.status, .seeOther)
            let scheduled = try await manager.get(SiteURL.conversation(id).path).body.visibleText
            XCTAssertTrue(scheduled.contains("When Tuesday 24 November, 14:00, 30 minutes"), scheduled)

            let ics = try await employee.get(SiteURL.calendar(id).path)
            XCTAssertEqual(ics.headers.first(name: .contentType), "text/calendar; charset=utf-8")
            XCTAssertTrue(ics.body.contains("DTSTART:20261124T140000Z"), ics.body)
            XCTAssertTrue(ics.body.contains("LOCATION:Room 4"))
            XCTAssertFalse(ics.body.contains("November progress review"), "the calendar file carries no content")

            let changeForm = try await employee.get(SiteURL.reschedule(id).path)
            XCTAssertTrue(
                changeForm.body.contains("value=\"14:00\"") && changeForm.body.contains("value=\"2026-11-24\""),
                "filled with what is agreed")
            let moved = try await employee.post(
                SiteURL.reschedule(id).path, ["date": "2026-11-25", "time": "15:30", "minutes": "30", "place": "Room 4"])
            XCTAssertEqual(moved.status, .seeOther)
            let movedText = try await manager.get(SiteURL.conversation(id).path).body.visibleText
            XCTAssertTrue(movedText.contains("When Wednesday 25 November, 15:30, 30 minutes"), movedText)
            _ = try await employee.post(
                SiteURL.reschedule(id).path, ["date": "2026-11-24", "time": "14:00", "minutes": "30", "place": "Room 4"])

            let ownPage = try await employee.get(SiteURL.person(freya).path).body.visibleText
            XCTAssertTrue(
                ownPage.contains("Coming up") && ownPage.contains("Ben Khan Progress review 2 Tuesday 24 November, 14:00 Scheduled"),
                ownPage)
            let bensView = try await manager.get(SiteURL.person(freya).path).body.visibleText
            XCTAssertFalse(bensView.contains("Coming up"), "someone else's page does not list their conversations")

            let refused = try await employee.post(
                SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.uuidString])
            XCTAssertEqual(refused.status, .forbidden, "only the guide marks it held")

            let held = try await manager.post(
                SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "35", "checkpoint": review.uuidString])
            XCTAssertEqual(held.status, .seeOther)
            let stored = try await ConversationModel.find(id, on: testApp.db)
            XCTAssertEqual(stored?.state, .held)
            XCTAssertEqual(stored?.heldMinutes, 35)
            XCTAssertEqual(stored?.$checkpoint.id, review)
            XCTAssertEqual(stored?.withLineManager, true)
        }
    }

    /// Seen on 4 December 2026: a check-in held that day had the February review chosen for it, and
    /// the conversation, the director's notice and the plan history all said the review was held.
    func testACheckInHeldBetweenWindowsMeetsNoCheckpointAndAWrongChoiceCanBeUndone() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let inviting = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let answering = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let february = try await checkpointID("Review and forward look", in: testApp)
            let november = try await checkpointID("Progress review 2", in: testApp)
            _ = try await answering.post(SiteURL.planEdit.path, ["where_i_am": "In lettings", "new_goals[]": "Lead a project"])
            let sent = try await inviting.post(
                SiteURL.conversations.path,
                [
                    "with": freya.uuidString, "kind": "check_in", "purpose": "A catch-up", "date": "2026-12-04", "time": "10:00",
                    "minutes": "30", "place": "Room 4",
                ])
            let id = try conversationID(from: sent)
            _ = try await answering.post(
                SiteURL.accept(id).path, ["date": "2026-12-04", "time": "10:00", "minutes": "30", "place": "Room 4"])
            testApp.clock.advance(to: Date(timeIntervalSince1970: 1_796_396_400))  // 4 December 2026, 15:00
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let freyaBrowser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            let form = try await ben.get(SiteURL.markHeld(id).path)
            XCTAssertTrue(form.body.contains("value=\"2026-12-04\""))
            XCTAssertFalse(form.body.contains(february.uuidString), "a checkpoint not yet open is not offered")
            XCTAssertTrue(form.body.contains("<option value=\"\" selected"), "nothing is chosen that does not fit")
            XCTAssertTrue(
                form.body.visibleText.contains("Progress review 2, 1 November 2026 to 30 November 2026"), "dates as people read them")

            for (checkpoint, name) in [(february, "Review and forward look"), (november, "Progress review 2")] {
                let refused = try await ben.post(
                    SiteURL.markHeld(id).path, ["date": "2026-12-04", "minutes": "30", "checkpoint": checkpoint.uuidString])
                XCTAssertEqual(refused.status, .badRequest, name)
                XCTAssertTrue(
                    refused.body.visibleText.contains("\(name) is open from")
                        && refused.body.visibleText.contains("held on 4 December 2026"),
                    refused.body.visibleText)
                XCTAssertTrue(refused.body.contains("value=\"30\""), "what was typed is kept")
            }
            let unchanged = try await ConversationModel.find(id, on: testApp.db)?.state
            XCTAssertEqual(unchanged, .scheduled)

            // Held on 30 November after all, inside the November window: that fits, and Ines is told.
            let held = try await ben.post(
                SiteURL.markHeld(id).path, ["date": "2026-11-30", "minutes": "30", "checkpoint": november.uuidString])
            XCTAssertEqual(held.status, .seeOther, held.body.visibleText)
            var stored = try await ConversationModel.find(id, on: testApp.db)
            XCTAssertEqual(stored?.$checkpoint.id, november)
            XCTAssertEqual(stored?.kind, .checkpoint)
            var notices = try await NoticeModel.query(on: testApp.db).filter(\.$conversation.$id == id).count()
            XCTAssertEqual(notices, 1)
            let snapshots = try await PlanSnapshotModel.query(on: testApp.db).filter(\.$conversation.$id == id).count()
            XCTAssertEqual(snapshots, 1)

            // It was not a checkpoint conversation: Ben says so from the conversation's page.
            let page = try await ben.get(SiteURL.conversation(id).path)
            XCTAssertTrue(page.body.contains(SiteURL.changeCheckpoint(id).path), "the guide is offered the change")
            let freyasPage = try await freyaBrowser.get(SiteURL.conversation(id).path)
            XCTAssertFalse(freyasPage.body.contains(SiteURL.changeCheckpoint(id).path))
            let byFreya = try await freyaBrowser.post(SiteURL.changeCheckpoint(id).path, ["checkpoint": ""])
            XCTAssertEqual(byFreya.status, .forbidden, "only the guide says which checkpoint it met")
            let change = try await ben.get(SiteURL.changeCheckpoint(id).path)
            XCTAssertTrue(change.body.visibleText.contains("It was held on 30 November 2026, inside the Progress review 2 window"))
            XCTAssertFalse(change.body.contains(february.uuidString))
            let wrong = try await ben.post(SiteURL.changeCheckpoint(id).path, ["checkpoint": february.uuidString])
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.body.visibleText.contains("does not meet it"))
            let none = try await ben.post(SiteURL.changeCheckpoint(id).path, ["checkpoint": ""])
            XCTAssertEqual(none.status, .seeOther)
            let after = try await ben.get(try XCTUnwrap(none.location)).body.visibleText
            XCTAssertTrue(after.contains("Saved: it met no checkpoint. Anything the director was told of it is withdrawn."), after)
            stored = try await ConversationModel.find(id, on: testApp.db)
            XCTAssertNil(stored?.$checkpoint.id)
            XCTAssertEqual(stored?.kind, .checkIn)
            notices = try await NoticeModel.query(on: testApp.db).filter(\.$conversation.$id == id).count()
            XCTAssertEqual(notices, 0, "the director's notice is withdrawn")
            let kept = try await PlanSnapshotModel.query(on: testApp.db).filter(\.$conversation.$id == id).count()
            XCTAssertEqual(kept, 0, "the plan history no longer says the review was held")
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let inesNotices = try await ines.get(SiteURL.notices.path).body.visibleText
            XCTAssertFalse(inesNotices.contains("Freya Parker"), inesNotices)

            // And back again: the notice is sent afresh.
            let again = try await ben.post(SiteURL.changeCheckpoint(id).path, ["checkpoint": november.uuidString])
            XCTAssertEqual(again.status, .seeOther)
            notices = try await NoticeModel.query(on: testApp.db).filter(\.$conversation.$id == id).count()
            XCTAssertEqual(notices, 1)
        }
    }

    func testAFormWithAnErrorKeepsWhatWasTyped() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)

            let page = try await manager.post(
                SiteURL.conversations.path,
                [
                    "with": freya.uuidString, "kind": "check_in", "purpose": "Catch up on the “Allocations” secondment",
                    "date": "24/11/2026", "time": "2pm", "minutes": "30", "place": "The café",
                ])

            XCTAssertEqual(page.status, .badRequest)
            let text = page.body.visibleText
            XCTAssertTrue(text.contains("Enter the date as year-month-day"))
            XCTAssertTrue(text.contains("Enter the time as hours and minutes"))
            XCTAssertTrue(page.body.contains("Catch up on the “Allocations” secondment</textarea>"))
            XCTAssertTrue(page.body.contains("value=\"The café\""))
            XCTAssertTrue(page.body.contains("value=\"check_in\" class=\"radio__input\" checked=\"checked\""))
            let count = try await ConversationModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testNotNowIsOneStepItsReasonStaysWithTheEmployee() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let review = try await checkpointID("Progress review 2", in: testApp)
            let id = try conversationID(
                from: try await manager.post(
                    SiteURL.conversations.path,
                    [
                        "with": freya.uuidString, "kind": "checkpoint", "checkpoint": review.uuidString, "minutes": "30",
                    ]))

            let declined = try await employee.post(
                SiteURL.decline(id).path, ["reason": "Caring for my dad this month", "return_on": "2027-01-11"])
            XCTAssertEqual(declined.status, .seeOther)

            let mine = try await employee.get(SiteURL.conversation(id).path).body.visibleText
            XCTAssertTrue(mine.contains("Caring for my dad this month"))
            XCTAssertTrue(mine.contains("offered again from 11 January 2027"))
            let theirs = try await manager.get(SiteURL.conversation(id).path).body
            XCTAssertFalse(theirs.contains("Caring for my dad"))
            XCTAssertTrue(theirs.visibleText.contains("Freya Parker said not now"))
        }
    }

    func testOnlyThePeopleInvolvedLearnOfAMentoringConversation() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let omar = try await Fixtures.personID(Fixtures.leadership, in: testApp)
            let id = try conversationID(
                from: try await employee.post(
                    SiteURL.conversations.path,
                    [
                        "with": omar.uuidString, "kind": "leadership", "purpose": "Thinking about a move to policy", "minutes": "30",
                    ]))

            for email in [Fixtures.manager, Fixtures.director, Fixtures.hrAdmin, Fixtures.colleague] {
                let browser = try await Fixtures.signedIn(email, in: testApp)
                let page = try await browser.get(SiteURL.conversation(id).path)
                XCTAssertEqual(page.status, .notFound, email)
                XCTAssertFalse(page.body.contains("move to policy"), email)
            }
            let guide = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            let page = try await guide.get(SiteURL.conversation(id).path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.visibleText.contains("Thinking about a move to policy"))
        }
    }

    /// SPEC §2: only a conversation with the line manager meets a checkpoint. A Leadership Team
    /// member's or a mentor's conversation is counted, never offered a checkpoint, and the director
    /// is never told whom it was with.
    func testOnlyAConversationWithTheLineManagerMeetsACheckpoint() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let review = try await checkpointID("Progress review 2", in: testApp)
            for (email, kind) in [(Fixtures.leadership, "leadership"), (Fixtures.colleague, "mentoring")] {
                let guideID = try await Fixtures.personID(email, in: testApp)
                let guide = try await Fixtures.signedIn(email, in: testApp)
                let asked = try await freya.post(
                    SiteURL.conversations.path, ["with": guideID.uuidString, "kind": kind, "minutes": "30", "purpose": "Where next"])
                let id = try conversationID(from: asked)
                let accepted = try await guide.post(
                    SiteURL.accept(id).path, ["date": "2026-11-19", "time": "10:00", "minutes": "30", "place": "Room 2"])
                XCTAssertEqual(accepted.status, .seeOther, kind)
                let form = try await guide.get(SiteURL.markHeld(id).path)
                XCTAssertFalse(form.body.contains("name=\"checkpoint\""), "\(kind): no checkpoint offered")
                XCTAssertTrue(form.body.visibleText.contains("only a conversation with their line manager does"), kind)
                let refused = try await guide.post(
                    SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.uuidString])
                XCTAssertEqual(refused.status, .badRequest, kind)
                XCTAssertTrue(
                    refused.body.visibleText.contains("Only a conversation with Freya Parker’s line manager meets a checkpoint"))
                let unchanged = try await ConversationModel.find(id, on: testApp.db)?.state
                XCTAssertEqual(unchanged, .scheduled, "\(kind): nothing changed")
                let held = try await guide.post(SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30"])
                XCTAssertEqual(held.status, .seeOther, kind)
                let stored = try await ConversationModel.find(id, on: testApp.db)
                XCTAssertEqual(stored?.state, .held)
                XCTAssertNil(stored?.$checkpoint.id, kind)
            }
            let notices = try await NoticeModel.query(on: testApp.db).count()
            XCTAssertEqual(notices, 0, "no director is told of a mentor's or a Leadership Team conversation")
            for email in [Fixtures.unitHead, Fixtures.director] {
                let page = try await Fixtures.signedIn(email, in: testApp).get(SiteURL.notices.path).body.visibleText
                XCTAssertFalse(page.contains("Omar Morgan") || page.contains("Lewis Iqbal"), page)
            }
        }
    }
}

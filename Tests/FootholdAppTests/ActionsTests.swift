import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest

@testable import FootholdApp

/// Actions after a conversation: who sees and changes them, page by page; the guide's
/// confirmation; progress; and forms that keep what was typed.
final class ActionsTests: XCTestCase {
    /// Ben and Freya hold Progress review 2; Ben writes one action for Freya, one for himself and
    /// one for Lewis, her colleague, to do.
    struct Cast {
        var ben: Browser
        var freya: Browser
        var conversation: UUID
        var forFreya: UUID
        var forBen: UUID
        var forLewis: UUID
    }

    static func held(in testApp: TestApp) async throws -> Cast {
        let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
        _ = try await ben.post(SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
        func add(_ fields: [String: String]) async throws -> UUID {
            let added = try await ben.post(SiteURL.actions(conversation).path, fields)
            XCTAssertEqual(added.status, .seeOther, fields["description"] ?? "")
            let action = try await AgreedActionModel.query(on: testApp.db).filter(\.$description == fields["description"]!).first()
            return try XCTUnwrap(action?.id)
        }
        let forFreya = try await add([
            "description": "Book a place on the Level 2 data course MARK-FREYA", "owner": "employee", "due_on": "2027-01-15",
            "success_measure": "A confirmed booking",
        ])
        let forBen = try await add([
            "description": "Release Freya for two days in March MARK-BEN", "owner": "guide", "due_on": "2027-03-01",
        ])
        let forLewis = try await add([
            "description": "Show Freya the allocations dashboard MARK-LEWIS", "owner": "colleague", "colleague": "Lewis Iqbal",
            "due_on": "2026-12-10",
        ])
        return Cast(ben: ben, freya: freya, conversation: conversation, forFreya: forFreya, forBen: forBen, forLewis: forLewis)
    }

    /// Page by page: the pair see all three; Lewis sees only the one he owns; his line manager,
    /// the director, the Leadership Team and HR see none, and no page of theirs carries a marker.
    func testWhoSeesWhichActionPageByPage() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let all = [cast.forFreya, cast.forBen, cast.forLewis]
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let markers = ["MARK-FREYA", "MARK-BEN", "MARK-LEWIS"]
            for (browser, name) in [(cast.freya, "Freya"), (cast.ben, "Ben")] {
                for id in all {
                    let page = try await browser.get(SiteURL.actionPage(id).path)
                    XCTAssertEqual(page.status, .ok, name)
                }
                let list = try await browser.get(SiteURL.myActions.path).body
                for marker in markers { XCTAssertTrue(list.contains(marker), "\(name) lists \(marker)") }
            }
            let ownPage = try await lewis.get(SiteURL.actionPage(cast.forLewis).path)
            XCTAssertEqual(ownPage.status, .ok)
            for id in [cast.forFreya, cast.forBen] {
                let page = try await lewis.get(SiteURL.actionPage(id).path)
                XCTAssertEqual(page.status, .notFound, "Lewis sees only his own")
            }
            let lewisList = try await lewis.get(SiteURL.myActions.path).body
            XCTAssertTrue(lewisList.contains("MARK-LEWIS"))
            XCTAssertFalse(lewisList.contains("MARK-FREYA") || lewisList.contains("MARK-BEN"))
            // The Lewis page shows his action and nothing else of the conversation.
            let lewisPage = try await lewis.get(SiteURL.actionPage(cast.forLewis).path).body
            XCTAssertFalse(lewisPage.contains("MARK-FREYA"))

            for email in [Fixtures.director, Fixtures.unitHead, Fixtures.chief, Fixtures.leadership, Fixtures.hrAdmin, Fixtures.hrDirector]
            {
                let other = try await Fixtures.signedIn(email, in: testApp)
                for id in all {
                    let page = try await other.get(SiteURL.actionPage(id).path)
                    XCTAssertEqual(page.status, .notFound, email)
                    XCTAssertFalse(markers.contains { page.body.contains($0) }, email)
                    let changed = try await other.post(SiteURL.actionStatus(id).path, ["status": "done"])
                    XCTAssertEqual(changed.status, .notFound, email)
                    let noted = try await other.post(SiteURL.actionNotes(id).path, ["body": "Sneaky"])
                    XCTAssertEqual(noted.status, .notFound, email)
                }
                let list = try await other.get(SiteURL.myActions.path).body
                XCTAssertFalse(markers.contains { list.contains($0) }, email)
                let home = try await other.get(SiteURL.home.path).body
                XCTAssertFalse(markers.contains { home.contains($0) }, email)
            }
            let notes = try await ActionNoteModel.query(on: testApp.db).count()
            XCTAssertEqual(notes, 0, "nobody outside could add a note")
            let statuses = try await AgreedActionModel.query(on: testApp.db).all().map(\.status)
            XCTAssertEqual(Set(statuses), [.open], "nobody outside could change a status")
        }
    }

    func testANamedColleagueMovesTheirActionOnButCannotRewriteIt() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let noted = try await lewis.post(SiteURL.actionNotes(cast.forLewis).path, ["body": "Booked half an hour on Thursday"])
            XCTAssertEqual(noted.status, .seeOther)
            let started = try await lewis.post(SiteURL.actionStatus(cast.forLewis).path, ["status": "in_progress"])
            XCTAssertEqual(started.status, .seeOther)
            let rewrite = try await lewis.post(
                SiteURL.actionPage(cast.forLewis).path, ["description": "Something else", "owner": "employee"])
            XCTAssertEqual(rewrite.status, .forbidden)
            let confirm = try await lewis.post(SiteURL.actionConfirm(cast.forLewis).path, [:])
            XCTAssertEqual(confirm.status, .forbidden)
            let freyaView = try await cast.freya.get(SiteURL.actionPage(cast.forLewis).path).body.visibleText
            XCTAssertTrue(freyaView.contains("Booked half an hour on Thursday"), "the pair read the colleague's progress")
            XCTAssertTrue(freyaView.contains("In progress"))
            let stored = try await AgreedActionModel.find(cast.forLewis, on: testApp.db)
            XCTAssertEqual(stored?.description, "Show Freya the allocations dashboard MARK-LEWIS")
            // Each change is audited against the conversation, never with what it said.
            let lewisID = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            let audited = try await AuditLogModel.query(on: testApp.db).filter(\.$actor.$id == lewisID)
                .filter(\.$event == "changed an action").all()
            XCTAssertEqual(audited.count, 2, "the note and the status")
            XCTAssertTrue(audited.allSatisfy { $0.$conversation.id == cast.conversation && $0.detail.isEmpty })
        }
    }

    /// An action the guide owns is "not yet confirmed" to both until the guide confirms it; the
    /// guide's home and actions page list it; the employee cannot confirm for the guide.
    func testTheGuideConfirmsWhatTheyCanDeliver() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let freyaPage = try await cast.freya.get(SiteURL.actionPage(cast.forBen).path).body.visibleText
            XCTAssertTrue(freyaPage.contains("Not yet confirmed"))
            let benHome = try await cast.ben.get(SiteURL.home.path).body
            XCTAssertTrue(benHome.visibleText.contains("Waiting for you to confirm"))
            XCTAssertTrue(benHome.contains("MARK-BEN"))
            let freyaHome = try await cast.freya.get(SiteURL.home.path).body
            XCTAssertFalse(freyaHome.visibleText.contains("Waiting for you to confirm"))
            XCTAssertTrue(freyaHome.contains("MARK-FREYA"), "her own actions are on her home page")

            let refused = try await cast.freya.post(SiteURL.actionConfirm(cast.forBen).path, [:])
            XCTAssertEqual(refused.status, .forbidden)
            let confirmed = try await cast.ben.post(SiteURL.actionConfirm(cast.forBen).path, ["return_to": SiteURL.home.path])
            XCTAssertEqual(confirmed.location, SiteURL.home.path)
            let after = try await cast.freya.get(SiteURL.actionPage(cast.forBen).path).body.visibleText
            XCTAssertFalse(after.contains("Not yet confirmed"))
            let benAfter = try await cast.ben.get(SiteURL.home.path).body
            XCTAssertFalse(benAfter.visibleText.contains("Waiting for you to confirm"))
            // Giving it to the organisation asks again.
            _ = try await cast.ben.post(
                SiteURL.actionPage(cast.forBen).path,
                ["description": "Release Freya for two days in March MARK-BEN", "owner": "organisation", "due_on": "2027-03-01"])
            let again = try await cast.freya.get(SiteURL.actionPage(cast.forBen).path).body.visibleText
            XCTAssertTrue(again.contains("Not yet confirmed"))
            // Confirming what nobody needs to confirm is refused.
            let pointless = try await cast.ben.post(SiteURL.actionConfirm(cast.forFreya).path, [:])
            XCTAssertEqual(pointless.status, .forbidden)
        }
    }

    func testDroppingNeedsAReasonAndTheListFiltersByStatus() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let noReason = try await cast.freya.post(SiteURL.actionStatus(cast.forFreya).path, ["status": "dropped", "drop_reason": "  "])
            XCTAssertEqual(noReason.status, .badRequest)
            XCTAssertTrue(noReason.body.visibleText.contains("Say why it is being dropped"))
            let nonsense = try await cast.freya.post(SiteURL.actionStatus(cast.forFreya).path, ["status": "finished-ish"])
            XCTAssertEqual(nonsense.status, .badRequest)
            let dropped = try await cast.freya.post(
                SiteURL.actionStatus(cast.forFreya).path, ["status": "dropped", "drop_reason": "The course was cancelled"])
            XCTAssertEqual(dropped.status, .seeOther)
            _ = try await cast.freya.post(SiteURL.actionStatus(cast.forLewis).path, ["status": "done"])

            let live = try await cast.freya.get(SiteURL.myActions.path).body
            XCTAssertFalse(live.contains("MARK-FREYA"), "dropped is not still to do")
            XCTAssertFalse(live.contains("MARK-LEWIS"), "done is not still to do")
            XCTAssertTrue(live.contains("MARK-BEN"))
            let droppedList = try await cast.freya.get(SiteURL.myActions.with(query: [("status", "dropped")])).body
            XCTAssertTrue(droppedList.contains("MARK-FREYA"))
            XCTAssertFalse(droppedList.contains("MARK-BEN"))
            let doneList = try await cast.freya.get(SiteURL.myActions.with(query: [("status", "done")])).body
            XCTAssertTrue(doneList.contains("MARK-LEWIS"))
            let page = try await cast.ben.get(SiteURL.actionPage(cast.forFreya).path).body.visibleText
            XCTAssertTrue(page.contains("Why it was dropped The course was cancelled"))
            // An unknown filter shows what is still to do rather than failing.
            let odd = try await cast.freya.get(SiteURL.myActions.with(query: [("status", "<script>")]))
            XCTAssertEqual(odd.status, .ok)
        }
    }

    func testOverdueIsMarkedAndTheSmartCheckIsShownBesideEachAction() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let added = try await cast.ben.post(
                SiteURL.actions(cast.conversation).path, ["description": "Improve my skills", "owner": "employee", "due_on": "2026-11-20"])
            XCTAssertEqual(added.status, .seeOther)
            testApp.clock.advance(by: 14 * 24 * 60 * 60)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let list = try await freya.get(SiteURL.myActions.path).body.visibleText
            XCTAssertTrue(list.contains("20 November 2026 Overdue"), "an action past its date is marked")
            XCTAssertFalse(list.contains("10 December 2026 Overdue"))
            XCTAssertTrue(list.contains("Improve my skills"))
            XCTAssertTrue(
                list.contains("To make it SMART: say what you will do, and to what; say how you will know it is done; link it to a goal."),
                "plain words in the list, not the criteria's names: \(list)")
            let vague = try await AgreedActionModel.query(on: testApp.db).filter(\.$description == "Improve my skills").first()!
            let page = try await freya.get(SiteURL.actionPage(vague.id!).path).body.visibleText
            XCTAssertTrue(page.contains("has no concrete verb or object: what will you do, and what will exist when it is done?"))
        }
    }

    /// On 4 December 2026 an action due on a day already past was accepted without a word.
    func testADueDateAlreadyPastIsRefusedUnlessTheActionAlreadyHadIt() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let past = try await cast.freya.post(
                SiteURL.myActions.path,
                ["description": "Book the Level 2 data course MARK-PAST", "owner": "employee", "due_on": "2026-11-18"])
            XCTAssertEqual(past.status, .badRequest)
            XCTAssertTrue(
                past.body.visibleText.contains("18 November 2026 has passed: choose today or a later date"), past.body.visibleText)
            XCTAssertTrue(past.body.contains("MARK-PAST"), "what was typed is kept")
            let kept = try await AgreedActionModel.query(on: testApp.db).filter(\.$description == "Book the Level 2 data course MARK-PAST")
                .count()
            XCTAssertEqual(kept, 0)
            let inRecord = try await cast.ben.post(
                SiteURL.actions(cast.conversation).path, ["description": "Read the strategy", "owner": "employee", "due_on": "2025-11-19"])
            XCTAssertEqual(inRecord.status, .badRequest)
            let today = try await cast.freya.post(
                SiteURL.myActions.path,
                ["description": "Book the Level 2 data course MARK-TODAY", "owner": "employee", "due_on": "2026-11-19"])
            XCTAssertEqual(today.status, .seeOther, "today is fine")
            // An action whose day has passed can still be changed without choosing a new date.
            testApp.clock.advance(by: 60 * 24 * 60 * 60)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let edited = try await freya.post(
                SiteURL.actionPage(cast.forFreya).path,
                [
                    "description": "Book a place on the Level 2 data course MARK-FREYA", "owner": "employee", "due_on": "2027-01-15",
                    "success_measure": "A confirmed booking, and the dates in my diary",
                ])
            XCTAssertEqual(edited.status, .seeOther, edited.body.visibleText)
        }
    }

    func testAFormThatFailsKeepsWhatWasTypedAndSaysWhichFieldAndWhy() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let typed = [
                "description": "Ask someone about the analytics secondment MARK-TYPED", "owner": "colleague", "colleague": "Nobody Atall",
                "due_on": "31/01/2027", "success_measure": "A conversation held",
            ]
            let failed = try await cast.freya.post(SiteURL.myActions.path, typed)
            XCTAssertEqual(failed.status, .badRequest)
            let text = failed.body.visibleText
            XCTAssertTrue(text.contains("Nobody called \u{201C}Nobody Atall\u{201D} works here"))
            XCTAssertTrue(text.contains("Enter the date as year-month-day"))
            XCTAssertTrue(failed.body.contains("MARK-TYPED</textarea>"))
            XCTAssertTrue(failed.body.contains("value=\"A conversation held\""))
            XCTAssertTrue(failed.body.contains("value=\"Nobody Atall\""))
            let count = try await AgreedActionModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 3, "nothing was saved")

            let badGoal = try await cast.freya.post(
                SiteURL.myActions.path, ["description": "Read the strategy", "owner": "employee", "goal": UUID().uuidString])
            XCTAssertEqual(badGoal.status, .badRequest)
            XCTAssertTrue(badGoal.body.visibleText.contains("Choose one of the development goals in the plan"))
            let badConversation = try await cast.freya.post(
                SiteURL.myActions.path, ["description": "Read the strategy", "owner": "employee", "conversation": UUID().uuidString])
            XCTAssertEqual(badConversation.status, .badRequest)
            let tooLong = try await cast.freya.post(
                SiteURL.myActions.path, ["description": String(repeating: "a", count: 501), "owner": "employee"])
            XCTAssertTrue(tooLong.body.visibleText.contains("Keep the action to 500 characters; it has 501"))

            // By e-mail address, it finds Lewis; the action of her own is hers and Lewis's only.
            let saved = try await cast.freya.post(
                SiteURL.myActions.path,
                [
                    "description": "Ask Lewis about the analytics secondment MARK-OWN", "owner": "colleague",
                    "colleague": "LEWIS.IQBAL@ridgeway.example",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let own = try await AgreedActionModel.query(on: testApp.db).filter(
                \.$description == "Ask Lewis about the analytics secondment MARK-OWN"
            )
            .first()
            XCTAssertNil(own?.$conversation.id)
            let lewisID = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            XCTAssertEqual(own?.$ownerPerson.id, lewisID)
            let benView = try await cast.ben.get(SiteURL.actionPage(own!.id!).path)
            XCTAssertEqual(benView.status, .notFound, "not from a conversation with Ben")
        }
    }

    func testTwoPeopleWithOneNameAreToldApart() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let lewis = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.colleague).first()!
            let twin = PersonModel()
            twin.email = "lewis.iqbal2@ridgeway.example"
            twin.name = lewis.name
            twin.jobTitle = "Surveyor"
            twin.searchText = ""
            twin.isLeadershipTeam = false
            twin.isHRAdministrator = false
            twin.isActive = true
            twin.createdAt = testApp.clock.now
            try await twin.create(on: testApp.db)
            let failed = try await cast.freya.post(
                SiteURL.myActions.path, ["description": "Ask Lewis for the survey", "owner": "colleague", "colleague": "lewis iqbal"])
            XCTAssertEqual(failed.status, .badRequest)
            XCTAssertTrue(failed.body.visibleText.contains("More than one person is called lewis iqbal"))
            XCTAssertTrue(failed.body.visibleText.contains("lewis.iqbal2@ridgeway.example"))
        }
    }

    func testActionsCarryIntoTheNextConversationWithTheSameGuideOnly() async throws {
        try await withApp { testApp in
            let cast = try await Self.held(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let next = try await cast.ben.post(SiteURL.conversations.path, ["with": freya.uuidString, "kind": "check_in", "minutes": "15"])
            let nextID = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(next.location).split(separator: "/")[1])))
            _ = try await cast.freya.post(SiteURL.actionStatus(cast.forLewis).path, ["status": "in_progress"])
            let preparation = try await cast.freya.get(SiteURL.prepare(nextID).path).body
            for marker in ["MARK-FREYA", "MARK-BEN", "MARK-LEWIS"] { XCTAssertTrue(preparation.contains(marker), marker) }
            // A mentoring request to someone else carries none of Ben's actions.
            let lewisID = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            let mentoring = try await cast.freya.post(
                SiteURL.conversations.path, ["with": lewisID.uuidString, "kind": "mentoring", "minutes": "30", "purpose": "Data"])
            let mentoringID = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(mentoring.location).split(separator: "/")[1])))
            let other = try await cast.freya.get(SiteURL.prepare(mentoringID).path).body
            XCTAssertFalse(other.contains("MARK-FREYA"))
        }
    }
}

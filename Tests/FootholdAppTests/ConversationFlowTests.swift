import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// From invitation to record through the web app, with who can and cannot see each part.
final class ConversationFlowTests: XCTestCase {
    struct Cast {
        var manager: Browser
        var employee: Browser
        var conversation: UUID
    }

    /// Ben invites Freya to Progress review 2 and she accepts.
    func scheduled(in testApp: TestApp) async throws -> Cast {
        let (manager, employee, id) = try await Fixtures.scheduledConversation(in: testApp)
        return Cast(manager: manager, employee: employee, conversation: id)
    }

    func testPreparationIsPrivateUntilShared() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            let prepare = SiteURL.prepare(cast.conversation).path

            let draft = try await cast.employee.post(
                prepare, ["influence_objective": "A place on the spring data course", "strengths": "Untangling messy cases"])
            XCTAssertEqual(draft.status, .seeOther)
            XCTAssertEqual(draft.location, prepare + "?saved=1")
            let ownPage = try await cast.employee.get(try XCTUnwrap(draft.location))
            XCTAssertTrue(ownPage.body.visibleText.contains("Saved as a draft. Only you can read it."))
            XCTAssertTrue(ownPage.body.contains("A place on the spring data course</textarea>"))

            let guideBefore = try await cast.manager.get(prepare).body
            XCTAssertFalse(guideBefore.contains("spring data course"))
            XCTAssertTrue(guideBefore.visibleText.contains("Freya has not shared their preparation"))
            let guidedBefore = try await cast.manager.get(SiteURL.guided(cast.conversation).path).body
            XCTAssertFalse(guidedBefore.contains("spring data course"))

            _ = try await cast.manager.post(prepare, ["noticed": "Freya has been coaching the new starters"])
            _ = try await cast.employee.post(prepare, ["influence_objective": "A place on the spring data course", "share": "yes"])

            let guideAfter = try await cast.manager.get(prepare).body.visibleText
            XCTAssertTrue(guideAfter.contains("A place on the spring data course"))
            let guided = try await cast.manager.get(SiteURL.guided(cast.conversation).path).body.visibleText
            XCTAssertTrue(guided.contains("A place on the spring data course"), "shown at the stage where it helps")
            XCTAssertTrue(guided.contains("1 Prepare") && guided.contains("8 Close and follow up"))
            XCTAssertTrue(
                guided.contains("How have the steps you've taken so far changed your thinking"),
                "the mid-year questions for this checkpoint")
            let employeeView = try await cast.employee.get(prepare).body
            XCTAssertFalse(employeeView.contains("coaching the new starters"), "the guide did not share")
        }
    }

    func testAPreparationFormWithAnErrorKeepsEverythingTyped() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)

            let page = try await cast.employee.post(
                SiteURL.prepare(cast.conversation).path,
                [
                    "strengths": "Listening", "profile_link": "my cv is on the shared drive", "share": "yes",
                ])

            XCTAssertEqual(page.status, .badRequest)
            XCTAssertTrue(page.body.visibleText.contains("Enter a web address, such as https://www.linkedin.com/in/your-name"))
            XCTAssertTrue(page.body.contains("Listening</textarea>"))
            XCTAssertTrue(page.body.contains("value=\"my cv is on the shared drive\""))
            XCTAssertFalse(page.body.contains("type=\"url\""), "our message, not the browser's bubble")
            let stored = try await PreparationModel.query(on: testApp.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    /// On 4 December 2026 "linkedin.com/in/…" was refused by a browser bubble: it is a web address.
    func testAProfileLinkWithoutHttpsIsTakenAsOne() {
        let typed = PreparationAnswers.from(["profile_link": "linkedin.com/in/freya-parker"], side: .employee)
        XCTAssertEqual(try typed.get().answers[.profileLink], "https://linkedin.com/in/freya-parker")
        let kept = PreparationAnswers.from(["profile_link": "http://intranet.ridgeway.example/cv"], side: .employee)
        XCTAssertEqual(try kept.get().answers[.profileLink], "http://intranet.ridgeway.example/cv")
        for wrong in ["cv.docx on the drive", "javascript:alert(1)", "ask me", "mailto:freya@ridgeway.example"] {
            XCTAssertThrowsError(try PreparationAnswers.from(["profile_link": wrong], side: .employee).get(), wrong)
        }
    }

    /// A theme HR retires stays on the conversations already tagged with it: the record still
    /// offers it ticked, and saving the record again keeps it rather than refusing the form.
    func testARetiredThemeStaysOnARecordSavedAgain() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            _ = try await cast.manager.post(SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "40"])
            let theme = try await ThemeModel.query(on: testApp.db).filter(\.$name == "Learning and development").first()!
            let fields = ["summary": "We talked about data skills.", "themes[]": theme.id!.uuidString]
            let first = try await cast.manager.post(SiteURL.record(cast.conversation).path, fields)
            XCTAssertEqual(first.status, .seeOther)
            theme.isActive = false
            try await theme.save(on: testApp.db)

            let page = try await cast.manager.get(SiteURL.record(cast.conversation).path).body
            XCTAssertTrue(page.contains("value=\"\(theme.id!.uuidString)\" class=\"checkbox__input\" checked"), "still offered, ticked")
            let again = try await cast.manager.post(SiteURL.record(cast.conversation).path, fields)
            XCTAssertEqual(again.status, .seeOther, "the retired theme it already carries is not a wrong choice")
            let tagged = try await ConversationThemeModel.query(on: testApp.db).filter(\.$conversation.$id == cast.conversation).all()
            XCTAssertEqual(tagged.map(\.$theme.id), [theme.id!])

            let other = try await ThemeModel.query(on: testApp.db).filter(\.$name != "Learning and development").first()!
            other.isActive = false
            try await other.save(on: testApp.db)
            let refused = try await cast.manager.post(
                SiteURL.record(cast.conversation).path, ["summary": "We talked.", "themes[]": other.id!.uuidString])
            XCTAssertEqual(refused.status, .badRequest, "a retired theme it never had is not offered")
            XCTAssertTrue(refused.body.visibleText.contains("Choose themes from the list"))
            XCTAssertTrue(refused.body.contains("We talked."), "what was typed is kept")
        }
    }

    func testTheRecordSummaryNotesThemesAndActions() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            let review = try await ConversationModel.find(cast.conversation, on: testApp.db)!.$checkpoint.id!
            _ = try await cast.manager.post(
                SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "40", "checkpoint": review.uuidString])
            let theme = try await ThemeModel.query(on: testApp.db).filter(\.$name == "Learning and development").first()!

            let saved = try await cast.manager.post(
                SiteURL.record(cast.conversation).path,
                [
                    "summary": "Freya wants to build data skills; we agreed to look for a course.",
                    "notes": "Check the training budget before promising anything",
                    "themes[]": theme.id!.uuidString,
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let added = try await cast.manager.post(
                SiteURL.actions(cast.conversation).path,
                [
                    "description": "Find two data courses that start before April", "owner": "guide", "due_on": "2026-12-18",
                ])
            XCTAssertEqual(added.status, .seeOther)

            let employeeRecord = try await cast.employee.get(SiteURL.record(cast.conversation).path).body
            XCTAssertTrue(employeeRecord.contains("Freya wants to build data skills"))
            XCTAssertTrue(employeeRecord.visibleText.contains("Ben has drafted this summary"))
            XCTAssertTrue(
                employeeRecord.visibleText.contains(
                    "Find two data courses that start before April Ben Khan 18 December 2026 Not yet confirmed"),
                "an action the guide owns waits for the guide to confirm it")
            XCTAssertFalse(employeeRecord.contains("training budget"), "the guide's private notes are never shown to the employee")

            _ = try await cast.employee.post(
                SiteURL.record(cast.conversation).path,
                [
                    "summary": "Freya wants to build data skills; we agreed Ben looks for a course.",
                    "notes": "Ask Kate about the analytics team",
                    "themes[]": theme.id!.uuidString, "confirm": "yes",
                ])
            let managerRecord = try await cast.manager.get(SiteURL.record(cast.conversation).path).body
            XCTAssertTrue(managerRecord.visibleText.contains("Confirmed by Freya"))
            XCTAssertTrue(managerRecord.contains("we agreed Ben looks for a course"))
            XCTAssertFalse(managerRecord.contains("analytics team"), "the employee's notes are hers alone")
            XCTAssertTrue(managerRecord.contains("Check the training budget"))
            // Every active theme is offered once, in order, the chosen one ticked; the notes are not a theme.
            let active = try await ThemeModel.query(on: testApp.db).filter(\.$isActive == true).sort(\.$position).all()
            let offered = managerRecord.components(separatedBy: "name=\"themes[]\" value=\"").dropFirst().map { String($0.prefix(36)) }
            XCTAssertEqual(offered, active.map { $0.id!.uuidString })
            XCTAssertTrue(managerRecord.contains("value=\"\(theme.id!.uuidString)\" class=\"checkbox__input\" checked"))
        }
    }

    /// Seen on 4 December 2026: "Save and confirm the summary" with nothing changed said "Saved." and
    /// left the summary unconfirmed on both sides. The button is pressed here as a browser presses it.
    func testAnEmployeeConfirmsASummarySheAgreesWithWithoutChangingIt() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            let path = SiteURL.record(cast.conversation).path
            _ = try await cast.manager.post(SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "30"])
            let drafted = try await cast.manager.submit(
                try await cast.manager.get(path), form: path, pressing: "Save", ["summary": ["We agreed Freya shadows the panel."]])
            XCTAssertEqual(drafted.status, .seeOther)

            let page = try await cast.employee.get(path)
            XCTAssertTrue(page.body.visibleText.contains("Ben has drafted this summary"))
            let confirmed = try await cast.employee.submit(page, form: path, pressing: "Save and confirm the summary")
            XCTAssertEqual(confirmed.status, .seeOther)
            let after = try await cast.employee.get(try XCTUnwrap(confirmed.location)).body.visibleText
            XCTAssertTrue(after.contains("Saved, and the summary is confirmed."), after)
            let stored = try await ConversationModel.find(cast.conversation, on: testApp.db)
            XCTAssertNotNil(stored?.summaryConfirmedAt, "confirmed, though not changed")
            XCTAssertEqual(stored?.summary, "We agreed Freya shadows the panel.")
            let bens = try await cast.manager.get(path).body.visibleText
            XCTAssertTrue(bens.contains("Summary Confirmed by Freya on Thursday 19 November 2026"), bens)
        }
    }

    /// Seen on 4 December 2026: typing the summary and then adding an action threw the summary away.
    /// The record page is one form: the summary, the notes, the themes and a new action are saved
    /// together, and a mistake in any of them keeps everything typed and saves nothing.
    func testTheRecordKeepsEverythingTypedWhenAnActionIsAdded() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            let path = SiteURL.record(cast.conversation).path
            _ = try await cast.manager.post(SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "30"])
            let page = try await cast.manager.get(path)
            XCTAssertTrue(page.body.contains("<script src=\"/assets/foothold-"), "the page warns before unsaved words are left")
            let typed: [String: [String]] = [
                "summary": ["Freya wants data skills; Ben finds a course."], "notes": ["Budget first"],
                "description": ["Find two data courses that start before April"], "owner": ["guide"], "due_on": ["18/12/2026"],
            ]
            let wrong = try await cast.manager.submit(page, form: path, pressing: "Save", typed)
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.body.contains("Freya wants data skills; Ben finds a course.</textarea>"), "the summary is kept")
            XCTAssertTrue(wrong.body.contains("Budget first</textarea>"))
            XCTAssertTrue(wrong.body.contains("Find two data courses that start before April</textarea>"))
            XCTAssertTrue(wrong.body.contains("value=\"18/12/2026\""))
            var stored = try await ConversationModel.find(cast.conversation, on: testApp.db)
            XCTAssertEqual(stored?.summary, "", "nothing is saved while something is wrong")
            var actions = try await AgreedActionModel.query(on: testApp.db).count()
            XCTAssertEqual(actions, 0)

            var fixed = typed
            fixed["due_on"] = ["2026-12-18"]
            let saved = try await cast.manager.submit(wrong, form: path, pressing: "Save", fixed)
            XCTAssertEqual(saved.status, .seeOther)
            stored = try await ConversationModel.find(cast.conversation, on: testApp.db)
            XCTAssertEqual(stored?.summary, "Freya wants data skills; Ben finds a course.")
            actions = try await AgreedActionModel.query(on: testApp.db).count()
            XCTAssertEqual(actions, 1)
            let shown = try await cast.manager.get(try XCTUnwrap(saved.location))
            XCTAssertTrue(shown.body.visibleText.contains("Saved, and the action added."))
            XCTAssertTrue(shown.body.contains("Budget first</textarea>"))

            // Saving again with the action fields left empty adds nothing.
            let again = try await cast.manager.submit(shown, form: path, pressing: "Save")
            XCTAssertEqual(again.status, .seeOther)
            actions = try await AgreedActionModel.query(on: testApp.db).count()
            XCTAssertEqual(actions, 1)

            let script = try await cast.manager.get(SiteURL.script.path)
            XCTAssertEqual(script.status, .ok)
            XCTAssertTrue(script.body.contains("beforeunload"))
            XCTAssertTrue(try XCTUnwrap(script.headers.first(name: "Content-Security-Policy")).contains("script-src 'self'"))
        }
    }

    func testActionsCarryIntoTheNextConversation() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            _ = try await cast.manager.post(
                SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
            _ = try await cast.manager.post(
                SiteURL.actions(cast.conversation).path, ["description": "Shadow the allocations panel", "owner": "employee"])
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let next = try await cast.manager.post(
                SiteURL.conversations.path, ["with": freya.uuidString, "kind": "check_in", "minutes": "15"])
            let nextID = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(next.location).split(separator: "/")[1])))

            let preparation = try await cast.employee.get(SiteURL.prepare(nextID).path).body.visibleText
            XCTAssertTrue(preparation.contains("Actions still open"))
            XCTAssertTrue(preparation.contains("Shadow the allocations panel From: Checkpoint conversation You"), preparation)

            let action = try await AgreedActionModel.query(on: testApp.db).first()!
            let done = try await cast.employee.post(
                SiteURL.action(nextID, action.id!).path, ["status": "done", "return_to": SiteURL.prepare(nextID).path])
            XCTAssertEqual(done.location, SiteURL.prepare(nextID).path + "#actions")
            let after = try await cast.employee.get(SiteURL.prepare(nextID).path).body.visibleText
            XCTAssertFalse(after.contains("Shadow the allocations panel"), "done actions no longer carry forward")
        }
    }

    /// The record of a later conversation lists its own actions under "Actions agreed" and the
    /// earlier ones still open under "Actions still open" (both come from one query), never mixed.
    func testARecordKeepsItsOwnActionsApartFromThoseStillOpen() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            _ = try await cast.manager.post(
                SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
            _ = try await cast.manager.post(
                SiteURL.actions(cast.conversation).path, ["description": "Shadow the allocations panel", "owner": "employee"])
            _ = try await cast.manager.post(
                SiteURL.actions(cast.conversation).path, ["description": "Read the housing strategy", "owner": "employee"])
            let first = try await AgreedActionModel.query(on: testApp.db).filter(\.$description == "Read the housing strategy").first()!
            _ = try await cast.employee.post(
                SiteURL.action(cast.conversation, first.id!).path, ["status": "done", "return_to": SiteURL.record(cast.conversation).path])
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let next = try await cast.manager.post(
                SiteURL.conversations.path, ["with": freya.uuidString, "kind": "check_in", "minutes": "15"])
            let nextID = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(next.location).split(separator: "/")[1])))
            let accepted = try await cast.employee.post(
                SiteURL.accept(nextID).path, ["date": "2026-11-19", "time": "09:00", "minutes": "15", "place": "Room 2"])
            XCTAssertEqual(accepted.status, .seeOther)
            let held = try await cast.manager.post(
                SiteURL.markHeld(nextID).path, ["date": "2026-11-19", "minutes": "15", "checkpoint": ""])
            XCTAssertEqual(held.status, .seeOther)
            _ = try await cast.manager.post(
                SiteURL.actions(nextID).path, ["description": "Book a day with the planning team", "owner": "guide"])

            let record = try await cast.employee.get(SiteURL.record(nextID).path).body
            // Each list is a table with its own caption.
            func table(_ caption: String) throws -> String {
                let start = try XCTUnwrap(record.range(of: "\">" + caption + "</caption>"), "no table “\(caption)”: \(record.visibleText)")
                let end = try XCTUnwrap(record[start.upperBound...].range(of: "</table>"))
                return String(record[start.upperBound..<end.lowerBound]).visibleText
            }
            let agreed = try table("Actions agreed"), stillOpen = try table("Actions still open")
            XCTAssertTrue(agreed.contains("Book a day with the planning team"), agreed)
            XCTAssertFalse(agreed.contains("Shadow the allocations panel"), agreed)
            XCTAssertTrue(stillOpen.contains("Shadow the allocations panel"), stillOpen)
            XCTAssertFalse(stillOpen.contains("Book a day with the planning team"), stillOpen)
            XCTAssertFalse(record.contains("Read the housing strategy"), "a done action from before is not carried forward")
        }
    }

    func testOnlyTheTwoPeopleReachPreparationGuidedViewAndRecord() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            let review = try await ConversationModel.find(cast.conversation, on: testApp.db)!.$checkpoint.id!
            _ = try await cast.employee.post(SiteURL.prepare(cast.conversation).path, ["strengths": "Secret strength", "share": "yes"])
            _ = try await cast.manager.post(
                SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.uuidString])
            _ = try await cast.manager.post(SiteURL.record(cast.conversation).path, ["summary": "Secret summary", "notes": "Secret note"])

            // Ines manages Ben, Kate heads Housing, Rosie is an HR administrator, Omar is on the Leadership Team.
            for email in [Fixtures.unitHead, Fixtures.director, Fixtures.hrAdmin, Fixtures.leadership, Fixtures.colleague] {
                let browser = try await Fixtures.signedIn(email, in: testApp)
                for path in [
                    SiteURL.conversation(cast.conversation).path, SiteURL.prepare(cast.conversation).path,
                    SiteURL.guided(cast.conversation).path, SiteURL.record(cast.conversation).path,
                ] {
                    let page = try await browser.get(path)
                    XCTAssertTrue([.notFound, .forbidden].contains(page.status), "\(email) \(path): \(page.status)")
                    XCTAssertFalse(page.body.contains("Secret"), "\(email) \(path)")
                }
            }
        }
    }

    func testANewManagerSeesEarlierSummariesOnlyWhenTheEmployeeAllows() async throws {
        try await withApp { testApp in
            let cast = try await scheduled(in: testApp)
            let review = try await ConversationModel.find(cast.conversation, on: testApp.db)!.$checkpoint.id!
            _ = try await cast.manager.post(
                SiteURL.markHeld(cast.conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.uuidString])
            _ = try await cast.manager.post(SiteURL.record(cast.conversation).path, ["summary": "Summary from Ben's time"])
            // Freya moves to report to Ines.
            let freya = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.employee).first()!
            freya.$manager.id = try await Fixtures.personID(Fixtures.unitHead, in: testApp)
            try await freya.save(on: testApp.db)
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)

            let without = try await ines.get(SiteURL.conversation(cast.conversation).path)
            XCTAssertEqual(without.status, .ok, "a line manager sees that a checkpoint conversation happened")
            XCTAssertFalse(without.body.contains("Summary from Ben"))
            let record = try await ConversationStore.load(
                cast.conversation,
                for: Viewer(
                    personID: try await Fixtures.personID(Fixtures.unitHead, in: testApp), sessionID: UUID(), name: "Ines",
                    email: Fixtures.unitHead,
                    isLeadershipTeam: false, isHRAdministrator: false), on: testApp.reads)
            XCTAssertFalse(record.allows(.sharedSummary))

            freya.historySharedWithID = freya.$manager.id
            try await freya.save(on: testApp.db)
            let allowed = try await ConversationStore.load(
                cast.conversation,
                for: Viewer(
                    personID: try await Fixtures.personID(Fixtures.unitHead, in: testApp), sessionID: UUID(), name: "Ines",
                    email: Fixtures.unitHead,
                    isLeadershipTeam: false, isHRAdministrator: false), on: testApp.reads)
            XCTAssertTrue(allowed.allows(.sharedSummary))
            XCTAssertFalse(allowed.allows(.guideNotes))
            XCTAssertFalse(allowed.allows(.employeePreparation))
        }
    }
}

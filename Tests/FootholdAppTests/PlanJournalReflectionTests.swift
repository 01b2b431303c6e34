import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest

@testable import FootholdApp

/// The career plan, its snapshots and change view, the journal and reflections: who can see and
/// change each, page by page, and what the employee's preparation brings in from them.
final class PlanJournalReflectionTests: XCTestCase {
    let planFields = [
        "where_i_am": "Housing officer in the north team MARK-PLAN", "in_three_years": "Leading a small team",
        "strengths": "Untangling messy cases", "direction": "depth", "new_goals[]": "Lead a project from start to finish",
    ]

    func testThePlanIsTheEmployeesUntilShownToAGuide() async throws {
        try await withApp { testApp in
            let (ben, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            let saved = try await freya.post(SiteURL.planEdit.path, planFields)
            XCTAssertEqual(saved.location, SiteURL.plan.with(query: [("saved", "plan")]))
            let own = try await freya.get(SiteURL.plan.path).body.visibleText
            XCTAssertTrue(own.contains("Housing officer in the north team MARK-PLAN"))
            XCTAssertTrue(own.contains("Lead a project from start to finish"))
            XCTAssertTrue(own.contains("Depth: become expert in what I do"))

            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let hidden = try await ben.get(SiteURL.personPlan(freyaID).path)
            XCTAssertEqual(hidden.status, .notFound, "not shown yet")
            XCTAssertFalse(hidden.body.contains("MARK-PLAN"))

            let shared = try await freya.post(SiteURL.planSharing.path, ["guides[]": benID.uuidString])
            XCTAssertEqual(shared.status, .seeOther)
            let shown = try await ben.get(SiteURL.personPlan(freyaID).path)
            XCTAssertEqual(shown.status, .ok)
            XCTAssertTrue(shown.body.contains("MARK-PLAN"))
            XCTAssertTrue(shown.body.visibleText.contains("Shown to you by Freya"))
            let audited = try await AuditLogModel.query(on: testApp.db).filter(\.$event == AuditEvent.planViewed.rawValue).all()
            XCTAssertEqual(audited.map(\.$actor.id), [benID], "Ben's read of the plan is in the audit log")
            XCTAssertEqual(audited.first?.detail, "", "and nothing of what it said")
            // Ben cannot change it: the only plan form writes the viewer's own plan.
            _ = try await ben.post(SiteURL.planEdit.path, ["where_i_am": "Ben's own words"])
            let after = try await freya.get(SiteURL.plan.path).body
            XCTAssertTrue(after.contains("MARK-PLAN") && !after.contains("Ben&#39;s own words") && !after.contains("Ben's own words"))

            for email in [Fixtures.colleague, Fixtures.director, Fixtures.unitHead, Fixtures.chief, Fixtures.hrAdmin] {
                let other = try await Fixtures.signedIn(email, in: testApp)
                let page = try await other.get(SiteURL.personPlan(freyaID).path)
                XCTAssertEqual(page.status, .notFound, email)
                XCTAssertFalse(page.body.contains("MARK-PLAN"), email)
            }
            // Choosing someone who is not one of her guides is refused and changes nothing.
            let lewisID = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            let refused = try await freya.post(SiteURL.planSharing.path, ["guides[]": lewisID.uuidString])
            XCTAssertEqual(refused.status, .badRequest)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let lewisView = try await lewis.get(SiteURL.personPlan(freyaID).path)
            XCTAssertEqual(lewisView.status, .notFound)
            // Stopping showing it closes it again.
            _ = try await freya.post(SiteURL.planSharing.path, [:])
            let closed = try await ben.get(SiteURL.personPlan(freyaID).path)
            XCTAssertEqual(closed.status, .notFound)
        }
    }

    /// On the record page, an action can serve one of the employee's goals: the employee always sees
    /// them, the guide only once the plan is shown to them.
    func testTheRecordOffersTheGoalsOnlyToWhoMayReadThePlan() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await ben.post(SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
            _ = try await freya.post(SiteURL.planEdit.path, planFields)
            let goal = "Goal: Lead a project from start to finish"
            let own = try await freya.get(SiteURL.record(conversation).path).body
            XCTAssertTrue(own.contains(goal))
            let before = try await ben.get(SiteURL.record(conversation).path).body
            XCTAssertFalse(before.contains("Lead a project from start to finish"))
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            _ = try await freya.post(SiteURL.planSharing.path, ["guides[]": benID.uuidString])
            let after = try await ben.get(SiteURL.record(conversation).path).body
            XCTAssertTrue(after.contains(goal))
        }
    }

    func testAFormWithAProblemKeepsEverythingTyped() async throws {
        try await withApp { testApp in
            let (_, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            var fields = planFields
            fields["barriers"] = String(repeating: "x", count: 4_001)
            fields["direction"] = "sideways"
            let failed = try await freya.post(SiteURL.planEdit.path, fields)
            XCTAssertEqual(failed.status, .badRequest)
            XCTAssertTrue(
                failed.body.visibleText.contains("Keep \u{201C}Barriers, including to promotion\u{201D} to 4000 characters; it has 4001"))
            XCTAssertTrue(failed.body.visibleText.contains("Choose breadth, depth or some of both"))
            XCTAssertTrue(failed.body.contains("MARK-PLAN</textarea>"))
            XCTAssertTrue(failed.body.contains("value=\"Lead a project from start to finish\""))
            let plans = try await CareerPlanModel.query(on: testApp.db).count()
            XCTAssertEqual(plans, 0)
        }
    }

    /// The first save keeps the year's start; marking a checkpoint conversation held keeps the plan
    /// as it stood; the change view shows what was added, changed and removed, word by word.
    func testSnapshotsAtAHeldCheckpointAndTheChangeViewBetweenThem() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await freya.post(SiteURL.planEdit.path, planFields)
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            _ = try await ben.post(
                SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.id.uuidString])
            let snapshots = try await PlanSnapshotModel.query(on: testApp.db).sort(\.$takenAt).all()
            XCTAssertEqual(snapshots.map(\.label), ["Start of 2026–27", "Progress review 2 conversation held"])
            XCTAssertEqual(snapshots[1].$conversation.id, conversation)
            XCTAssertTrue(snapshots[1].content.contains("MARK-PLAN"))

            let plan = try await CareerPlanModel.query(on: testApp.db).first()!
            let goalID = CareerPlan(document: plan.content).goals[0].id
            _ = try await freya.post(
                SiteURL.planEdit.path,
                [
                    "where_i_am": "Senior Housing officer in the north team MARK-PLAN", "in_three_years": "",
                    "strengths": "Untangling messy cases", "roles": "Policy adviser", "direction": "depth",
                    "goals[\(goalID.uuidString)]": "Lead a project from start to finish",
                ])
            let changes = try await freya.get(
                SiteURL.planChanges.with(query: [("from", snapshots[1].id!.uuidString), ("to", "current")])
            ).body
            XCTAssertTrue(changes.contains("<ins><span class=\"visually-hidden\">added: </span>Senior</ins>"))
            XCTAssertTrue(changes.contains("<del><span class=\"visually-hidden\">struck out: </span>Leading a small team</del>"))
            let text = changes.visibleText
            XCTAssertTrue(text.contains("Roles that interest me, inside or outside the organisation Added"), text)
            XCTAssertTrue(text.contains("Where I want to be in three years and beyond Removed"))
            XCTAssertFalse(text.contains("My strengths and interests"), "an unchanged field is not listed")
            // From the start of the year, everything is added.
            let fromStart = try await freya.get(SiteURL.planChanges.path).body.visibleText
            XCTAssertTrue(fromStart.contains("From Start of 2026–27"))
            XCTAssertTrue(fromStart.contains("Goal added"))
            // Nobody else has a change view of Freya's plan: the page is always the viewer's own.
            let benChanges = try await ben.get(SiteURL.planChanges.path).body
            XCTAssertFalse(benChanges.contains("MARK-PLAN"))
            // Nonsense in the query shows the default comparison.
            let odd = try await freya.get(SiteURL.planChanges.with(query: [("from", "'; DROP TABLE"), ("to", "x")]))
            XCTAssertEqual(odd.status, .ok)
        }
    }

    func testJournalEntriesArePrivateUntilShownAndComeIntoAPreparationWithOneClick() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            _ = try await freya.post(
                SiteURL.journal.path,
                [
                    "written_on": "2026-11-10", "kind": "accomplishment", "body": "Cleared the repairs backlog MARK-SHOWN",
                    "guides[]": benID.uuidString,
                ])
            _ = try await freya.post(
                SiteURL.journal.path,
                ["written_on": "2026-11-12", "kind": "challenge", "body": "Struggled with the budget report MARK-PRIVATE"])
            let benPreparation = try await ben.get(SiteURL.prepare(conversation).path).body
            XCTAssertTrue(benPreparation.contains("MARK-SHOWN"))
            XCTAssertFalse(benPreparation.contains("MARK-PRIVATE"))
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let entries = try await JournalEntryModel.query(on: testApp.db).all()
            for entry in entries {
                let page = try await ben.get(SiteURL.journalEntry(entry.id!).path)
                XCTAssertEqual(page.status, .notFound, "a guide reads shown entries in the preparation, never the entry's page")
                let lewisPage = try await lewis.get(SiteURL.journalEntry(entry.id!).path)
                XCTAssertEqual(lewisPage.status, .notFound)
                let deleted = try await lewis.post(SiteURL.journalEntryDelete(entry.id!).path, [:])
                XCTAssertEqual(deleted.status, .notFound)
            }
            let lewisJournal = try await lewis.get(SiteURL.journal.path).body
            XCTAssertFalse(lewisJournal.contains("MARK-"))

            let challenge = try XCTUnwrap(entries.first { $0.kind == "challenge" })
            let brought = try await freya.post(
                SiteURL.prepare(conversation).path,
                ["influence_objective": "A place on the data course", "bring": "journal:\(challenge.id!.uuidString)"])
            XCTAssertEqual(brought.location, SiteURL.prepare(conversation).with(query: [("saved", "1")]) + "#field-areas_to_grow")
            let preparation = try await freya.get(SiteURL.prepare(conversation).path).body
            XCTAssertTrue(preparation.contains("12 November 2026: Struggled with the budget report MARK-PRIVATE</textarea>"))
            XCTAssertTrue(preparation.contains("A place on the data course</textarea>"), "what was typed is saved with it")
            // Bringing it twice adds it once; someone else's entry brings nothing.
            _ = try await freya.post(SiteURL.prepare(conversation).path, ["bring": "journal:\(challenge.id!.uuidString)"])
            let twice = try await freya.get(SiteURL.prepare(conversation).path).body
            XCTAssertEqual(twice.components(separatedBy: "MARK-PRIVATE").count - 1, 2, "once in the field, once in the journal list")

            _ = try await freya.post(SiteURL.planEdit.path, planFields)
            _ = try await freya.post(SiteURL.prepare(conversation).path, ["bring": "plan:strengths"])
            let fromPlan = try await freya.get(SiteURL.prepare(conversation).path).body
            XCTAssertTrue(fromPlan.contains("Untangling messy cases</textarea>"))

            let bad = try await freya.post(SiteURL.journal.path, ["written_on": "2027-12-01", "kind": "triumph", "body": "  "])
            XCTAssertEqual(bad.status, .badRequest)
            let text = bad.body.visibleText
            XCTAssertTrue(text.contains("the date is in the future"))
            XCTAssertTrue(text.contains("Choose whether it is an accomplishment or a challenge"))
            XCTAssertTrue(text.contains("Write what happened"))
        }
    }

    func testAReflectionIsTheEmployeesAloneAndComesBackWhenTheyNextPrepare() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let before = try await freya.get(SiteURL.reflection(conversation).path)
            XCTAssertEqual(before.status, .notFound, "only once it is held")
            _ = try await ben.post(SiteURL.markHeld(conversation).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": ""])
            let record = try await freya.get(SiteURL.record(conversation).path).body
            XCTAssertTrue(record.contains(SiteURL.reflection(conversation).path))
            let benRecord = try await ben.get(SiteURL.record(conversation).path).body
            XCTAssertFalse(benRecord.contains(SiteURL.reflection(conversation).path), "the guide is not told there is one")

            let saved = try await freya.post(
                SiteURL.reflection(conversation).path,
                ["influence_met": "partly", "balance": "mostly_push", "differently": "Ask more about the team's plans MARK-REFLECTION"])
            XCTAssertEqual(saved.status, .seeOther)
            for email in [Fixtures.manager, Fixtures.director, Fixtures.hrAdmin, Fixtures.chief] {
                let other = try await Fixtures.signedIn(email, in: testApp)
                let page = try await other.get(SiteURL.reflection(conversation).path)
                XCTAssertEqual(page.status, .notFound, email)
                let write = try await other.post(SiteURL.reflection(conversation).path, ["what_worked": "Overwritten"])
                XCTAssertEqual(write.status, .notFound, email)
            }
            let stored = try await ReflectionModel.query(on: testApp.db).all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertTrue(stored[0].content.contains("MARK-REFLECTION"))

            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let next = try await ben.post(SiteURL.conversations.path, ["with": freyaID.uuidString, "kind": "check_in", "minutes": "15"])
            let nextID = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(next.location).split(separator: "/")[1])))
            let preparation = try await freya.get(SiteURL.prepare(nextID).path).body
            XCTAssertTrue(preparation.contains("MARK-REFLECTION"))
            XCTAssertTrue(preparation.visibleText.contains("What you noted last time"))
            let benPreparation = try await ben.get(SiteURL.prepare(nextID).path).body
            XCTAssertFalse(benPreparation.contains("MARK-REFLECTION"))

            let bad = try await freya.post(
                SiteURL.reflection(conversation).path, ["influence_met": "maybe", "what_worked": "Kept MARK-KEPT"])
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue(bad.body.visibleText.contains("Answer yes, partly or no, or leave it"))
            XCTAssertTrue(bad.body.contains("Kept MARK-KEPT</textarea>"))
        }
    }

    /// HR's audit page for a person says their plan was read, and names only their line manager.
    func testHRSeesThatAPlanWasReadWithoutLearningWhoTheMentorIs() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let omar = try await Fixtures.personID(Fixtures.leadership, in: testApp)
            try await AuditLog.record(.planViewed, by: ben, about: freya, at: testApp.clock.now, on: testApp.db)
            try await AuditLog.record(.planViewed, by: omar, about: freya, at: testApp.clock.now, on: testApp.db)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let page = try await hr.get(SiteURL.adminAudit.with(query: [("person", Fixtures.employee)])).body.visibleText
            XCTAssertTrue(page.contains("Ben Khan Read a career plan shown to them"), page)
            XCTAssertTrue(page.contains("Someone they share their plan with Read a career plan shown to them"), page)
            XCTAssertFalse(page.contains("Omar Morgan"), page)
        }
    }
}

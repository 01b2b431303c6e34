import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// Two people working on one conversation at once: each writer read the conversation before the
/// other wrote, then writes. Neither may undo the other.
final class InterleavedWritesTests: XCTestCase {
    func viewer(_ email: String, in testApp: TestApp) async throws -> Viewer {
        Viewer(
            personID: try await Fixtures.personID(email, in: testApp), sessionID: UUID(), name: "", email: email,
            isLeadershipTeam: false, isHRAdministrator: false)
    }

    /// A held conversation between Freya and Ben.
    func held(in testApp: TestApp) async throws -> (ben: Browser, freya: Browser, id: UUID) {
        let (ben, freya, id) = try await Fixtures.scheduledConversation(in: testApp)
        try await ConversationModel.query(on: testApp.db).filter(\.$id == id)
            .set(\.$state, to: .held).set(\.$heldAt, to: testApp.clock.now).set(\.$heldMinutes, to: 30).update()
        return (ben, freya, id)
    }

    /// Ben invites Freya to a check-in on 24 November: his browser and the invitation.
    func invitation(in testApp: TestApp) async throws -> (ben: Browser, id: UUID) {
        try await Fixtures.organisation(in: testApp)
        let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
        let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
        let sent = try await ben.post(
            SiteURL.conversations.path,
            [
                "with": freyaID.uuidString, "kind": "check_in", "purpose": "A catch-up",
                "minutes": "15", "date": "2026-11-24", "time": "14:00", "place": "Room 4",
            ])
        return (ben, try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(sent.location).split(separator: "/")[1]))))
    }

    func testSavingExpectationsDoesNotWipeASummarySavedAMomentEarlier() async throws {
        try await withApp { testApp in
            let (_, freya, id) = try await held(in: testApp)
            // Ben opens the guided view (his copy has no summary)…
            let bensCopy = try await ConversationStore.load(id, for: try await viewer(Fixtures.manager, in: testApp), on: testApp.reads)
            // …Freya saves the summary…
            let saved = try await freya.post(SiteURL.record(id).path, ["summary": "We agreed on the data course."])
            XCTAssertEqual(saved.status, .seeOther)
            // …then Ben saves the expectations from his copy.
            try await ConversationWrites.saveExpectations(
                bensCopy, text: "Half an hour; Freya drafts the summary", now: testApp.clock.now, on: testApp.db)
            let stored = try await ConversationModel.find(id, on: testApp.db)!
            XCTAssertEqual(stored.summary, "We agreed on the data course.", "the summary is kept")
            XCTAssertNotNil(stored.summaryConfirmedAt)
            XCTAssertEqual(stored.expectations, "Half an hour; Freya drafts the summary")
        }
    }

    func testSavingAPreparationDoesNotBringBackACancelledConversation() async throws {
        try await withApp { testApp in
            let (ben, _, id) = try await Fixtures.scheduledConversation(in: testApp)
            let freyasCopy = try await ConversationStore.load(
                id, for: try await viewer(Fixtures.employee, in: testApp), on: testApp.reads)
            let cancelled = try await ben.post(SiteURL.cancel(id).path, ["confirm": "yes"])
            XCTAssertEqual(cancelled.status, .seeOther)
            do {
                try await ConversationWrites.savePreparation(
                    freyasCopy, side: .employee, answers: PreparationAnswers([.strengths: "Listening"]),
                    share: true, now: testApp.clock.now, on: testApp.db)
                XCTFail("a preparation was saved into a cancelled conversation")
            } catch is ConversationWrites.Stale {}
            let stored = try await ConversationModel.find(id, on: testApp.db)!
            XCTAssertEqual(stored.state, .cancelled, "still cancelled")
            XCTAssertFalse(stored.employeePreparationShared)
            let preparations = try await PreparationModel.query(on: testApp.db).filter(\.$conversation.$id == id).count()
            XCTAssertEqual(preparations, 0, "nothing of the preparation was kept")
        }
    }

    func testSchedulingAndCancellingCannotBothWin() async throws {
        try await withApp { testApp in
            let (ben, id) = try await invitation(in: testApp)
            // Freya reads the invitation to accept it; meanwhile Ben withdraws it.
            let freyasCopy = try await ConversationStore.load(
                id, for: try await viewer(Fixtures.employee, in: testApp), on: testApp.reads)
            let withdrawn = try await ben.post(SiteURL.cancel(id).path, ["confirm": "yes"])
            XCTAssertEqual(withdrawn.status, .seeOther)
            do {
                _ = try await Arranging.schedule(
                    freyasCopy, step: .accept, meeting: MeetingDraft(date: "2026-11-24", time: "14:00", minutes: "15", place: "Room 4"),
                    on: testApp.reads, timeZone: testApp.app.footholdConfiguration.timeZone, now: testApp.clock.now)
                XCTFail("a withdrawn invitation was accepted")
            } catch is ConversationWrites.Stale {}
            let stored = try await ConversationModel.find(id, on: testApp.db)!
            XCTAssertEqual(stored.state, .cancelled)
            // In the web app, the late answer is told what happened, and nothing is lost.
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let late = try await freya.post(SiteURL.decline(id).path, ["reason": ""])
            XCTAssertTrue([.forbidden, .conflict].contains(late.status), "\(late.status)")
        }
    }

    func testTwoAnswersAtOnceOneWins() async throws {
        try await withApp { testApp in
            let (_, id) = try await invitation(in: testApp)
            let freya = try await viewer(Fixtures.employee, in: testApp)
            let first = try await ConversationStore.load(id, for: freya, on: testApp.reads)
            let second = try await ConversationStore.load(id, for: freya, on: testApp.reads)
            _ = try await Arranging.decline(
                first, reason: "Not this month", returnOn: "", on: testApp.db, now: testApp.clock.now,
                timeZone: testApp.app.footholdConfiguration.timeZone)
            do {
                _ = try await Arranging.schedule(
                    second, step: .accept, meeting: MeetingDraft(date: "2026-11-24", time: "14:00", minutes: "15", place: ""),
                    on: testApp.reads, timeZone: testApp.app.footholdConfiguration.timeZone, now: testApp.clock.now)
                XCTFail("declined and accepted both")
            } catch is ConversationWrites.Stale {}
            let stored = try await ConversationModel.find(id, on: testApp.db)!
            XCTAssertEqual(stored.state, .declined)
            XCTAssertEqual(stored.declineReason, "Not this month")
        }
    }
}

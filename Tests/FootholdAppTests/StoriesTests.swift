import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// Success stories are published only with the consent of the person they are about.
final class StoriesTests: XCTestCase {
    func storyID(_ testApp: TestApp) async throws -> UUID {
        let story = try await SuccessStoryModel.query(on: testApp.db).first()
        return try XCTUnwrap(story).requireID()
    }

    func testAPersonPublishesTheirOwnStoryAndWithdrawsIt() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let written = try await freya.post(
                SiteURL.newStory.path, ["title": "From housing officer to policy", "body": "I shadowed the policy team.", "tags": "policy"])
            XCTAssertEqual(written.status, .seeOther)
            let id = try await storyID(testApp)
            let unpublished = try await lewis.get(SiteURL.story(id).path)
            XCTAssertEqual(unpublished.status, .notFound, "not published: nobody else reads it")
            let listBefore = try await lewis.get(SiteURL.stories.path)
            XCTAssertFalse(listBefore.body.contains("From housing officer to policy"))

            let consented = try await freya.post(SiteURL.storyConsent(id).path, ["version": "0"])
            XCTAssertEqual(consented.status, .seeOther)
            let published = try await lewis.get(SiteURL.story(id).path)
            XCTAssertEqual(published.status, .ok)
            XCTAssertTrue(published.body.visibleText.contains("I shadowed the policy team."))
            XCTAssertFalse(published.body.contains(SiteURL.storyWithdraw(id).path), "only Freya withdraws")
            let lewisWithdraws = try await lewis.post(SiteURL.storyWithdraw(id).path, [:])
            XCTAssertEqual(lewisWithdraws.status, .forbidden)

            _ = try await freya.post(SiteURL.storyWithdraw(id).path, [:])
            let withdrawn = try await lewis.get(SiteURL.story(id).path)
            XCTAssertEqual(withdrawn.status, .notFound, "withdrawing unpublishes")
            let audited = try await AuditLogModelCount.count(event: AuditEvent.storyConsentChanged.rawValue, in: testApp)
            XCTAssertEqual(audited, 2)
        }
    }

    func testAStoryWrittenWithSomeoneWaitsForTheirConsent() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let written = try await rosie.post(
                SiteURL.newStory.path,
                [
                    "about": Fixtures.employee, "title": "A policy secondment", "body": "Freya spent six months in policy.",
                    "tags": "secondment, policy", "publish": "yes",
                ])
            XCTAssertEqual(written.status, .seeOther)
            let id = try await storyID(testApp)
            let stored = try await SuccessStoryModel.find(id, on: testApp.db)
            XCTAssertNil(stored?.consentedAt, "the writer cannot publish someone else's story")
            let rosieConsents = try await rosie.post(SiteURL.storyConsent(id).path, [:])
            XCTAssertEqual(rosieConsents.status, .forbidden)

            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let list = try await freya.get(SiteURL.stories.path)
            XCTAssertTrue(list.body.visibleText.contains("A policy secondment You Waiting for you"), list.body.visibleText)
            let page = try await freya.get(SiteURL.story(id).path).body
            XCTAssertTrue(page.contains("name=\"version\" value=\"0\""), "the button names the version she reads")
            _ = try await freya.post(SiteURL.storyConsent(id).path, ["version": "0"])

            // A matching opportunity shows it; a story still waiting would not.
            _ = try await rosie.post(
                SiteURL.newOpportunity.path,
                ["kind": "secondment", "title": "Policy secondment", "description": "", "closes_on": "", "unit": ""])
            let found = try await OpportunityModel.query(on: testApp.db).first()
            let opportunity = try XCTUnwrap(found?.id)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let detail = try await lewis.get(SiteURL.opportunity(opportunity).path)
            XCTAssertTrue(detail.body.visibleText.contains("Stories from people who did something like it A policy secondment"))

            // Rosie changes the words: it waits for Freya again, and drops off the opportunity.
            let changed = try await rosie.post(
                SiteURL.storyEdit(id).path, ["title": "A policy secondment", "body": "Freya spent a year in policy.", "tags": "policy"])
            XCTAssertEqual(changed.status, .seeOther)
            let after = try await SuccessStoryModel.find(id, on: testApp.db)
            XCTAssertNil(after?.consentedAt)
            let detailAfter = try await lewis.get(SiteURL.opportunity(opportunity).path)
            XCTAssertFalse(detailAfter.body.contains("A policy secondment</a>"))
            let lewisEdits = try await lewis.get(SiteURL.storyEdit(id).path)
            XCTAssertEqual(lewisEdits.status, .notFound)

            // 4 December 2026: consent from a page opened before the change published the new words.
            // Now it is refused, said plainly, and the words as they are now are shown.
            let stale = try await freya.post(SiteURL.storyConsent(id).path, ["version": "0"])
            XCTAssertEqual(stale.status, .conflict)
            XCTAssertTrue(stale.body.visibleText.contains("The story was changed after you opened it, so it was not published"))
            XCTAssertTrue(stale.body.visibleText.contains("Freya spent a year in policy."))
            let unpublished = try await SuccessStoryModel.find(id, on: testApp.db)
            XCTAssertNil(unpublished?.consentedAt)
            let none = try await freya.post(SiteURL.storyConsent(id).path, [:])
            XCTAssertEqual(none.status, .conflict, "consent names the version it is given to")
            let current = try await freya.post(SiteURL.storyConsent(id).path, ["version": "1"])
            XCTAssertEqual(current.status, .seeOther)
            let published = try await SuccessStoryModel.find(id, on: testApp.db)
            XCTAssertNotNil(published?.consentedAt)
        }
    }

    func testBadFieldsAreNamed() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let page = try await freya.post(SiteURL.newStory.path, ["about": "Nobody Here", "title": "", "body": ""])
            XCTAssertEqual(page.status, .badRequest)
            XCTAssertTrue(page.body.visibleText.contains("Nobody called \u{201C}Nobody Here\u{201D} works here"))
            XCTAssertTrue(page.body.visibleText.contains("Give the story a title"))
            let count = try await SuccessStoryModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 0)
        }
    }
}

enum AuditLogModelCount {
    static func count(event: String, in testApp: TestApp) async throws -> Int {
        let row = try await testApp.reads.firstRow("SELECT COUNT(*) AS n FROM audit_log WHERE event = \(bind: event)")
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}

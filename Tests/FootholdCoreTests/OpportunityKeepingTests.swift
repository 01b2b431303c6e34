import Foundation
import XCTest
@testable import FootholdCore

final class OpportunityKeepingTests: XCTestCase {
    let today = CalendarDate(year: 2026, month: 12, day: 1)!

    func testHRKeepsAnythingAndAManagerTheirOwnUnitOnly() {
        let own = UUID()
        let other = UUID()
        XCTAssertTrue(OpportunityKeeping.mayKeep(unitID: nil, isHRAdministrator: true, isLineManager: false, ownUnitID: nil))
        XCTAssertTrue(OpportunityKeeping.mayKeep(unitID: other, isHRAdministrator: true, isLineManager: false, ownUnitID: own))
        XCTAssertTrue(OpportunityKeeping.mayKeep(unitID: own, isHRAdministrator: false, isLineManager: true, ownUnitID: own))
        XCTAssertFalse(OpportunityKeeping.mayKeep(unitID: other, isHRAdministrator: false, isLineManager: true, ownUnitID: own))
        XCTAssertFalse(
            OpportunityKeeping.mayKeep(unitID: nil, isHRAdministrator: false, isLineManager: true, ownUnitID: own),
            "the whole organisation is HR's")
        XCTAssertFalse(OpportunityKeeping.mayKeep(unitID: own, isHRAdministrator: false, isLineManager: false, ownUnitID: own))
        XCTAssertTrue(OpportunityKeeping.mayAdd(isHRAdministrator: false, isLineManager: true, ownUnitID: own))
        XCTAssertFalse(OpportunityKeeping.mayAdd(isHRAdministrator: false, isLineManager: true, ownUnitID: nil))
        XCTAssertFalse(OpportunityKeeping.mayAdd(isHRAdministrator: false, isLineManager: false, ownUnitID: own))
    }

    func testADraftIsCheckedFieldByField() throws {
        let draft = try OpportunityDraft.parse(
            kind: "secondment", title: "  Policy secondment ", description: "Six months.", skills: "Writing, policy; writing",
            tags: "", closesOn: "2027-01-31", today: today
        ).get()
        XCTAssertEqual(draft.title, "Policy secondment")
        XCTAssertEqual(draft.skills, ["Writing", "policy"], "split at commas and semicolons, repeats dropped")
        XCTAssertEqual(draft.closesOn, CalendarDate(iso: "2027-01-31"))

        guard
            case .failure(let problems) = OpportunityDraft.parse(
                kind: "", title: "", description: String(repeating: "d", count: 4_001), skills: String(repeating: "s", count: 301),
                tags: "",
                closesOn: "2026-11-30", today: today)
        else { return XCTFail("a bad draft was taken") }
        XCTAssertEqual(problems.items.map(\.field), ["kind", "title", "description", "skills", "closes_on"])

        // A closing date already past may stay as it was when the opportunity is changed.
        let kept = OpportunityDraft.parse(
            kind: "course", title: "A course", description: "", skills: "", tags: "", closesOn: "2026-11-30", today: today,
            previousClosing: CalendarDate(iso: "2026-11-30"))
        XCTAssertNoThrow(try kept.get())
    }
}

final class ResourceDraftTests: XCTestCase {
    func testOnlyWebLinksAreKept() {
        for safe in ["https://intranet.example/templates/plan.docx", "http://wiki.example/Career%20paths", "HTTPS://Example.org"] {
            XCTAssertNil(ResourceDraft.linkProblem(safe), safe)
        }
        for unsafe in [
            "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
            "vbscript:msgbox", "//evil.example", "https:///nohost", "https://exa mple.org", "https://example.org/\nx",
            "java\tscript:alert(1)", "https:\\\\evil.example", "ftp://files.example",
        ] {
            XCTAssertNotNil(ResourceDraft.linkProblem(unsafe), unsafe)
        }
        guard case .failure(let problems) = ResourceDraft.parse(title: "", url: "javascript:alert(1)", description: "") else {
            return XCTFail("a script link was kept")
        }
        XCTAssertEqual(problems.message(for: "url"), "Only web links can be kept: start it with https:// or http://")
        XCTAssertEqual(problems.message(for: "title"), "Give the resource a title")
    }
}

final class SuccessStoryTests: XCTestCase {
    let amara = UUID()
    let ruth = UUID()
    let someone = UUID()

    func testConsentPublishesAndOnlyItsPersonGivesIt() {
        var story = SuccessStory(id: UUID(), personID: amara, writerID: ruth, title: "Into policy", body: "…", tags: ["policy"])
        XCTAssertFalse(story.isPublished)
        XCTAssertTrue(story.mayRead(amara) && story.mayRead(ruth))
        XCTAssertFalse(story.mayRead(someone), "not published: nobody else reads it")
        XCTAssertTrue(story.mayConsent(amara))
        XCTAssertFalse(story.mayConsent(ruth), "the writer cannot consent for the person")
        story.consentedAt = Date(timeIntervalSince1970: 0)
        XCTAssertTrue(story.mayRead(someone))
        // The writer changes the words: it waits for the person again.
        let rewritten = story.changed(by: ruth, title: "Into policy work", body: "…", tags: ["policy"])
        XCTAssertFalse(rewritten.isPublished)
        // The person changes their own words: their consent stands.
        XCTAssertTrue(story.changed(by: amara, title: "Into policy work", body: "…", tags: ["policy"]).isPublished)
        // Nothing changed: nothing withdrawn.
        XCTAssertTrue(story.changed(by: ruth, title: "Into policy", body: "…", tags: ["policy"]).isPublished)
    }

    func testStoriesMatchAnOpportunityByItsWords() {
        let published = Date(timeIntervalSince1970: 0)
        let policy = SuccessStory(
            id: UUID(), personID: amara, writerID: amara, title: "From housing officer to policy adviser", body: "", tags: ["secondment"],
            consentedAt: published)
        let data = SuccessStory(
            id: UUID(), personID: ruth, writerID: ruth, title: "Learning data analysis", body: "", tags: [], consentedAt: published)
        let waiting = SuccessStory(id: UUID(), personID: someone, writerID: ruth, title: "A policy secondment", body: "", tags: [])
        let opportunity = OpportunityRanking.MatchWords(
            Opportunity(id: UUID(), kind: .secondment, title: "Policy secondment", skills: ["Writing"]))
        XCTAssertEqual(SuccessStory.matching([data, waiting, policy], opportunity: opportunity).map(\.id), [policy.id])
    }

    func testTheFormIsCheckedFieldByField() {
        guard case .failure(let problems) = SuccessStory.parse(title: "", body: " ", tags: "") else { return XCTFail("empty story taken") }
        XCTAssertEqual(problems.items.map(\.field), ["title", "body"])
    }
}

final class TalkToSuggestionTests: XCTestCase {
    func testTheSuggestionReadsAsAnActionAndARequest() throws {
        let suggestion = try TalkToSuggestion.parse(about: "  about the housing secondment ").get()
        XCTAssertEqual(suggestion.action(colleagueFirstName: "Amara"), "Talk to Amara about the housing secondment")
        XCTAssertEqual(
            suggestion.request(guideName: "Ben Khan", employeeFirstName: "Freya"),
            "Ben Khan suggested that Freya talks with you about the housing secondment.")
        guard case .failure(let problems) = TalkToSuggestion.parse(about: "about ") else {
            return XCTFail("nothing to talk about was taken")
        }
        XCTAssertEqual(problems.items.map(\.field), ["about"])
        let (a, b, c) = (UUID(), UUID(), UUID())
        XCTAssertTrue(TalkToSuggestion.mayBeSuggested(c, employeeID: a, guideID: b))
        XCTAssertFalse(TalkToSuggestion.mayBeSuggested(a, employeeID: a, guideID: b))
        XCTAssertFalse(TalkToSuggestion.mayBeSuggested(b, employeeID: a, guideID: b))
    }
}

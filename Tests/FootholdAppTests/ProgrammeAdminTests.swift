import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

final class ProgrammeAdminTests: XCTestCase {
    func admin(_ testApp: TestApp) async throws -> Browser {
        try await Fixtures.organisation(in: testApp)
        return try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
    }

    func testTheCareerYearStartsWithTheStandardCheckpointsAndCanBeChanged() async throws {
        try await withApp { testApp in
            let browser = try await admin(testApp)
            let page = try await browser.get(SiteURL.adminCareerYear.path).body.visibleText
            XCTAssertTrue(page.contains("Career year 2026–27"))
            XCTAssertTrue(page.contains("Progress review 2 1 November 2026 to 30 November 2026 30 minutes Mid-year"), page)

            let year = try await CareerYears.load(startYear: 2026, on: testApp.reads)!.year
            let aspirations = year.checkpoints[0]
            let refused = try await browser.post(
                SiteURL.adminCheckpoint(aspirations.id).path,
                [
                    "name": "Aspirations", "opens": "2026-05-01", "closes": "2026-07-15", "suggested_minutes": "sixty",
                    "focus": "Typed focus", "stage": "start",
                ])
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.body.visibleText.contains("The window overlaps Progress review 1"))
            XCTAssertTrue(refused.body.visibleText.contains("Enter a length from 10 to 240 minutes"))
            XCTAssertTrue(refused.body.contains("value=\"sixty\""))
            XCTAssertTrue(refused.body.contains("Typed focus</textarea>"))

            let saved = try await browser.post(
                SiteURL.adminCheckpoint(aspirations.id).path,
                [
                    "name": "Aspirations", "opens": "2026-05-04", "closes": "2026-06-12", "suggested_minutes": "75",
                    "focus": "Set the direction.", "stage": "start",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let changed = try await CareerYears.load(startYear: 2026, on: testApp.reads)!.year.checkpoints[0]
            XCTAssertEqual(changed.closes, CalendarDate(iso: "2026-06-12"))
            XCTAssertEqual(changed.suggestedMinutes, 75)
        }
    }

    func testOpeningTheNextCareerYear() async throws {
        try await withApp { testApp in
            let browser = try await admin(testApp)
            _ = try await browser.get(SiteURL.adminCareerYear.path)

            let opened = try await browser.post(SiteURL.adminNextYear.path, [:])

            XCTAssertEqual(opened.status, .seeOther)
            let next = try await CareerYears.load(startYear: 2027, on: testApp.reads)
            XCTAssertEqual(next?.year.checkpoints.map(\.opens.iso), ["2027-05-01", "2027-07-01", "2027-11-01", "2028-02-01"])
            XCTAssertEqual(next?.year.checkpoints.last?.closes.iso, "2028-02-29", "the end of February follows the leap year")
            let page = try await browser.get(try XCTUnwrap(opened.location)).body.visibleText
            XCTAssertTrue(page.contains("The career year 2027–28 is open"))
        }
    }

    func testThemesAreAddedAndRetired() async throws {
        try await withApp { testApp in
            let browser = try await admin(testApp)

            let duplicate = try await browser.post(SiteURL.adminThemes.path, ["name": "recognition"])
            XCTAssertEqual(duplicate.status, .badRequest)
            XCTAssertTrue(duplicate.body.visibleText.contains("There is already a theme called recognition"))

            _ = try await browser.post(SiteURL.adminThemes.path, ["name": "Working across teams"])
            let theme = try await ThemeModel.query(on: testApp.db).filter(\.$name == "Working across teams").first()
            XCTAssertEqual(theme?.isActive, true)
            _ = try await browser.post(SiteURL.adminThemes.path, ["theme": theme!.id!.uuidString, "active": "no"])
            let retired = try await ThemeModel.find(theme!.id, on: testApp.db)
            XCTAssertEqual(retired?.isActive, false)
        }
    }

    func testTheQuestionBankIsEditedExportedAndImported() async throws {
        try await withApp { testApp in
            var browser = try await admin(testApp)
            let form = try await browser.get(SiteURL.adminQuestionBank.path)
            XCTAssertTrue(form.body.contains("Have two or three good opening questions ready"))

            var fields = Dictionary(
                uniqueKeysWithValues: PreparationField.allCases.map {
                    ("preparation.\($0.rawValue)", QuestionBank.standard.wording(for: $0))
                })
            for stage in QuestionBank.standard.stages {
                fields["stages.\(stage.stage.rawValue).title"] = stage.title
                fields["stages.\(stage.stage.rawValue).tip"] = stage.tip
                fields["stages.\(stage.stage.rawValue).questions"] = stage.questions.joined(separator: "\n")
            }
            for (stage, questions) in QuestionBank.standard.checkpoints {
                fields["checkpoints.\(stage.rawValue)"] = questions.joined(separator: "\n")
            }
            fields["stages.close.tip"] = ""
            fields["stages.close.questions"] = "What will you do first?\n\nWho else should you talk to?"
            let refused = try await browser.post(SiteURL.adminQuestionBank.path, fields)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.body.visibleText.contains("The stage close has no tip"))
            XCTAssertTrue(
                refused.body.contains("What will you do first?\nWho else should you talk to?</textarea>"), "what was typed is kept")

            fields["stages.close.tip"] = "End on time and agree the next check-in."
            let saved = try await browser.post(SiteURL.adminQuestionBank.path, fields)
            XCTAssertEqual(saved.status, .seeOther)
            let bank = try await ConversationStore.questionBank(on: testApp.reads)
            XCTAssertEqual(bank.stage(.close)?.questions, ["What will you do first?", "Who else should you talk to?"])
            // The pages that show a preparation read the bank with it: the edited wording shows there.
            let cast = try await Fixtures.scheduledConversation(in: testApp)
            let guided = try await cast.manager.get(SiteURL.guided(cast.conversation).path).body.visibleText
            XCTAssertTrue(guided.contains("Who else should you talk to?"), "the edited close questions in the guided view")
            XCTAssertTrue(guided.contains("End on time and agree the next check-in."))
            let preparation = try await cast.employee.get(SiteURL.prepare(cast.conversation).path).body.visibleText
            XCTAssertTrue(preparation.contains(QuestionBank.standard.wording(for: .strengths)), "the bank's preparation questions")

            // The fixture set everyone's password again, which signed the administrator out.
            browser = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let exported = try await browser.get(SiteURL.adminQuestionBankExport.path)
            XCTAssertEqual(exported.headers.first(name: .contentType), "application/json; charset=utf-8")
            XCTAssertTrue(exported.body.contains("End on time and agree the next check-in."))

            let broken = exported.body.replacingOccurrences(of: "\"agree_actions\"", with: "\"agree_everything\"")
            let refusedImport = try await browser.upload(
                SiteURL.adminQuestionBankImport.path, fields: [:], fileField: "file", filename: "bank.json", content: broken)
            XCTAssertEqual(refusedImport.status, .unprocessableEntity)
            XCTAssertTrue(refusedImport.body.visibleText.contains("bank.json was not imported"))
            XCTAssertTrue(refusedImport.body.visibleText.contains("stages[6].stage"), refusedImport.body.visibleText)

            let notJSON = try await browser.upload(
                SiteURL.adminQuestionBankImport.path, fields: [:], fileField: "file", filename: "bank.json", content: "{ nope")
            XCTAssertTrue(notJSON.body.visibleText.contains("The file is not valid JSON"))

            let reimported = try await browser.upload(
                SiteURL.adminQuestionBankImport.path, fields: [:], fileField: "file", filename: "bank.json",
                content: String(decoding: QuestionBank.standard.json(), as: UTF8.self))
            XCTAssertEqual(reimported.status, .seeOther)
            let restored = try await ConversationStore.questionBank(on: testApp.reads)
            XCTAssertEqual(restored, QuestionBank.standard)
        }
    }

    func testTheAuditLogShowsWhoAndWhenButNeverContent() async throws {
        try await withApp { testApp in
            let browser = try await admin(testApp)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let sent = try await manager.post(
                SiteURL.conversations.path,
                [
                    "with": freya.uuidString, "kind": "check_in",
                    "purpose": "Talk about the secret secondment", "minutes": "15",
                ])
            _ = try await manager.get(try XCTUnwrap(sent.location))

            let log = try await browser.get(SiteURL.adminAudit.path).body
            XCTAssertTrue(log.visibleText.contains("Ben Khan Opened a conversation record Freya Parker"), log.visibleText)
            XCTAssertTrue(log.visibleText.contains("Ben Khan Changed a conversation record Freya Parker"))
            XCTAssertFalse(log.contains("secret secondment"))
            XCTAssertFalse(log.contains("Check-in"), "not even what kind of conversation it was")
        }
    }

    /// HR can see who opened a person's records and when, but not who holds a mentoring or
    /// Leadership Team conversation with whom, nor who said "not now" (decision 0013).
    func testTheAuditLogHidesWhoMentorsWhomAndWhoSaidNotNow() async throws {
        try await withApp { testApp in
            let hr = try await admin(testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let lewisID = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            // Freya asks Lewis to mentor her; he opens and accepts it.
            let asked = try await freya.post(
                SiteURL.conversations.path,
                [
                    "with": lewisID.uuidString, "kind": "mentoring",
                    "purpose": "How did you move into surveying?", "minutes": "45",
                    "date": "2026-11-26", "time": "10:00", "place": "Café",
                ])
            let mentoring = try XCTUnwrap(asked.location)
            _ = try await lewis.get(mentoring)
            _ = try await lewis.post(mentoring + "/accept", ["date": "2026-11-26", "time": "10:00", "minutes": "45", "place": "Café"])
            // Ben invites Freya to a check-in and she says not now.
            let invited = try await ben.post(
                SiteURL.conversations.path, ["with": freyaID.uuidString, "kind": "check_in", "purpose": "A catch-up", "minutes": "15"])
            let checkIn = try XCTUnwrap(invited.location)
            _ = try await freya.post(checkIn + "/decline", ["reason": "A hard week"])

            let all = try await hr.get(SiteURL.adminAudit.path).body.visibleText
            let hers = try await hr.get(SiteURL.adminAudit.with(query: [("person", Fixtures.employee)])).body.visibleText
            for page in [all, hers] {
                XCTAssertTrue(page.contains("Someone in the conversation Opened a conversation record Freya Parker"), page)
                XCTAssertTrue(page.contains("Someone in the conversation Changed a conversation record Freya Parker"), page)
                XCTAssertFalse(page.contains("Lewis Iqbal Opened a conversation record Freya Parker"), "who mentors Freya stays hidden")
                XCTAssertFalse(page.contains("Lewis Iqbal Changed"), "who mentors Freya stays hidden")
                XCTAssertFalse(
                    page.contains("declined") || page.contains("Declined") || page.contains("accepted"), "nor how anyone answered")
                XCTAssertFalse(page.contains("A hard week") || page.contains("surveying"))
                XCTAssertTrue(page.contains("Freya Parker Changed a conversation record Freya Parker"), "her own answer, in two words")
            }
            XCTAssertTrue(hers.contains("Who opened or changed Freya Parker's records"))
            XCTAssertTrue(all.contains("Signed in"), "sign-ins are audited too")
            let nobody = try await hr.get(SiteURL.adminAudit.with(query: [("person", "nobody@ridgeway.example")]))
            XCTAssertEqual(nobody.status, .notFound)
            XCTAssertTrue(nobody.body.visibleText.contains("No one with the email address nobody@ridgeway.example"))
        }
    }

    func testOnlyHRAdministratorsReachTheProgrammesAdministration() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let director = try await Fixtures.signedIn(Fixtures.director, in: testApp)
            for path in [
                SiteURL.adminCareerYear.path, SiteURL.adminThemes.path, SiteURL.adminQuestionBank.path, SiteURL.adminAudit.path,
                SiteURL.adminQuestionBankExport.path,
            ] {
                let page = try await director.get(path)
                XCTAssertEqual(page.status, .forbidden, path)
            }
            let opened = try await director.post(SiteURL.adminNextYear.path, [:])
            XCTAssertEqual(opened.status, .forbidden)
        }
    }
}

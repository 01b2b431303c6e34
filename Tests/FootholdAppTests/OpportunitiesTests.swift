import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// The opportunities catalogue: who keeps it, the ranking with its reasons, closing dates, and
/// a conversation's agenda.
final class OpportunitiesTests: XCTestCase {
    func fields(
        title: String, kind: String = "secondment", unit: String = "", skills: String = "", tags: String = "",
        closes: String = "2027-01-31", contact: String = ""
    ) -> [String: String] {
        [
            "kind": kind, "title": title, "description": "Six months with the team.", "skills": skills, "tags": tags, "unit": unit,
            "contact": contact, "closes_on": closes,
        ]
    }

    func opportunityID(titled title: String, in testApp: TestApp) async throws -> UUID {
        let found = try await OpportunityModel.query(on: testApp.db).filter(\.$title == title).first()
        return try XCTUnwrap(found).requireID()
    }

    func testHRKeepsTheCatalogueAnywhereAndAManagerOnlyForTheirOwnUnit() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let housing = try await Fixtures.unitID("Ridgeway/Housing", in: testApp)
            let tenancy = try await Fixtures.unitID("Ridgeway/Housing/Tenancy Services", in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let across = try await rosie.post(SiteURL.newOpportunity.path, fields(title: "Data analyst secondment in Finance"))
            XCTAssertEqual(across.status, .seeOther, across.body.visibleText)
            let forHousing = try await rosie.post(
                SiteURL.newOpportunity.path, fields(title: "Shadow the allocations panel", kind: "shadowing", unit: housing.uuidString))
            XCTAssertEqual(forHousing.status, .seeOther)

            // Ben manages Freya and Lewis in Tenancy Services: his own unit only.
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let own = try await ben.post(
                SiteURL.newOpportunity.path, fields(title: "Lead the tenant survey", kind: "project", unit: tenancy.uuidString))
            XCTAssertEqual(own.status, .seeOther, own.body.visibleText)
            let elsewhere = try await ben.post(
                SiteURL.newOpportunity.path, fields(title: "Something in Housing", kind: "project", unit: housing.uuidString))
            XCTAssertEqual(elsewhere.status, .badRequest)
            XCTAssertTrue(elsewhere.body.visibleText.contains("You can add opportunities for your own unit only"))
            let everywhere = try await ben.post(SiteURL.newOpportunity.path, fields(title: "For everyone", kind: "project"))
            XCTAssertTrue(everywhere.body.visibleText.contains("Choose your unit"))
            let panel = try await opportunityID(titled: "Shadow the allocations panel", in: testApp)
            let survey = try await opportunityID(titled: "Lead the tenant survey", in: testApp)
            let benEdits = try await ben.get(SiteURL.opportunityEdit(panel).path)
            XCTAssertEqual(benEdits.status, .forbidden)
            let benDeletes = try await ben.post(SiteURL.opportunityDelete(panel).path, [:])
            XCTAssertEqual(benDeletes.status, .forbidden)
            let benChanges = try await ben.post(
                SiteURL.opportunityEdit(survey).path,
                fields(title: "Lead the tenant survey 2027", kind: "project", unit: tenancy.uuidString))
            XCTAssertEqual(benChanges.status, .seeOther)
            // HR changes anything, a manager's too.
            let rosieEdits = try await rosie.get(SiteURL.opportunityEdit(survey).path)
            XCTAssertEqual(rosieEdits.status, .ok)
            XCTAssertTrue(rosieEdits.body.contains("value=\"Lead the tenant survey 2027\""))

            // Freya manages nobody: she reads the catalogue and keeps none of it.
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freyaAdds = try await freya.get(SiteURL.newOpportunity.path)
            XCTAssertEqual(freyaAdds.status, .forbidden)
            let freyaPosts = try await freya.post(SiteURL.newOpportunity.path, fields(title: "Mine", unit: tenancy.uuidString))
            XCTAssertEqual(freyaPosts.status, .forbidden)
            let list = try await freya.get(SiteURL.opportunities.path)
            XCTAssertTrue(list.body.visibleText.contains("Everything open (3)"), list.body.visibleText)
            XCTAssertFalse(list.body.contains(SiteURL.newOpportunity.path))
            let detail = try await freya.get(SiteURL.opportunity(panel).path)
            XCTAssertTrue(detail.body.visibleText.contains("Shadowing"))
            XCTAssertFalse(detail.body.contains(SiteURL.opportunityEdit(panel).path))
            let count = try await OpportunityModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 3)
        }
    }

    func testBadFieldsAreNamedAndWhatWasTypedIsKept() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let page = try await rosie.post(
                SiteURL.newOpportunity.path,
                fields(
                    title: String(repeating: "t", count: 151), kind: "holiday", unit: "not-a-unit", closes: "next week",
                    contact: "nobody@ridgeway.example"))
            XCTAssertEqual(page.status, .badRequest)
            let text = page.body.visibleText
            for message in [
                "Choose what kind of opportunity it is", "Keep the title to 150 characters; it has 151", "Choose a unit from the list",
                "Nobody called \u{201C}nobody@ridgeway.example\u{201D} works here",
                "Enter the closing date as year-month-day",
            ] {
                XCTAssertTrue(text.contains(message), message)
            }
            XCTAssertTrue(page.body.contains("value=\"next week\""))
            let past = try await rosie.post(SiteURL.newOpportunity.path, fields(title: "Closed already", closes: "2026-11-18"))
            XCTAssertTrue(past.body.visibleText.contains("Choose a closing date from today on"))
            let count = try await OpportunityModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testTheListIsRankedAgainstWhatThePersonSaidAndClosedOnesDropOut() async throws {
        try await withApp { testApp in
            let (_, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            _ = try await rosie.post(
                SiteURL.newOpportunity.path,
                fields(title: "Data analyst secondment in Finance", skills: "Data analysis, spreadsheets", contact: Fixtures.director))
            _ = try await rosie.post(SiteURL.newOpportunity.path, fields(title: "Gardener", kind: "role"))
            _ = try await rosie.post(
                SiteURL.newOpportunity.path, fields(title: "Lead the tenant survey project", kind: "project", tags: "leadership"))

            let before = try await freya.get(SiteURL.opportunities.path)
            XCTAssertTrue(before.body.visibleText.contains("Tell Foothold what you want"), "nothing said yet: the empty state teaches")

            _ = try await freya.post(SiteURL.planEdit.path, ["roles": "Leading a small team", "new_goals[]": "Lead a project"])
            _ = try await freya.post(SiteURL.prepare(conversation).path, ["interests": "Data analysis"])
            let page = try await freya.get(SiteURL.opportunities.path)
            let text = page.body.visibleText
            XCTAssertTrue(
                text.contains(
                    "Lead the tenant survey project Project · Across the organisation · closes 31 January 2027 Matches your goal to lead a project"
                ),
                text)
            XCTAssertTrue(text.contains("Matches what you wanted to talk about: data analysis."), text)
            let survey = try XCTUnwrap(text.range(of: "Lead the tenant survey project Project"))
            let secondment = try XCTUnwrap(text.range(of: "Data analyst secondment in Finance Secondment"))
            XCTAssertLessThan(survey.lowerBound, secondment.lowerBound, "a goal counts more than an interest")
            let ranked = try XCTUnwrap(text.components(separatedBy: "Everything open").first)
            XCTAssertFalse(ranked.contains("Gardener"), "nothing in common: not ranked")
            XCTAssertTrue(text.contains("Everything open (3)"))
            // The contact is a link to their page.
            let id = try await opportunityID(titled: "Data analyst secondment in Finance", in: testApp)
            let detail = try await freya.get(SiteURL.opportunity(id).path)
            XCTAssertTrue(detail.body.visibleText.contains("Who to ask Kate Iqbal"))

            // A closing date passes: it drops out by itself.
            testApp.clock.advance(by: 80 * 86_400)
            let freyaLater = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let later = try await freyaLater.get(SiteURL.opportunities.path)
            XCTAssertTrue(later.body.visibleText.contains("Everything open (0)"), later.body.visibleText)
            let closed = try await freyaLater.get(SiteURL.opportunity(id).path)
            XCTAssertTrue(closed.body.visibleText.contains("This opportunity has closed."))
        }
    }

    /// The guide sees matches only from what the employee lets them read, and puts one on the
    /// agenda with one click; the employee sees it there too.
    func testTheGuideRanksOnlyWhatTheEmployeeSharesAndAddsToTheAgenda() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            _ = try await rosie.post(
                SiteURL.newOpportunity.path, fields(title: "Data analyst secondment in Finance", skills: "Data analysis"))
            let id = try await opportunityID(titled: "Data analyst secondment in Finance", in: testApp)

            _ = try await freya.post(SiteURL.prepare(conversation).path, ["interests": "Data analysis MARK-PRIVATE"])
            let unshared = try await ben.get(SiteURL.prepare(conversation).path)
            XCTAssertFalse(unshared.body.contains("Data analyst secondment"), "Freya's draft is hers alone")
            XCTAssertTrue(unshared.body.visibleText.contains("Nothing open matches what Freya has shared with you yet."))

            _ = try await freya.post(SiteURL.prepare(conversation).path, ["interests": "Data analysis", "share": "yes"])
            let shared = try await ben.get(SiteURL.prepare(conversation).path)
            XCTAssertTrue(
                shared.body.visibleText.contains("Matches what Freya wanted to talk about: data analysis."), shared.body.visibleText)

            // Lewis is not in the conversation; an unknown opportunity is refused with a message.
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let lewisAdds = try await lewis.post(SiteURL.agendaAdd(conversation).path, ["opportunity": id.uuidString])
            XCTAssertEqual(lewisAdds.status, .notFound)
            let unknown = try await ben.post(SiteURL.agendaAdd(conversation).path, ["opportunity": UUID().uuidString])
            XCTAssertEqual(unknown.status, .badRequest)

            let added = try await ben.post(SiteURL.agendaAdd(conversation).path, ["opportunity": id.uuidString])
            XCTAssertEqual(added.location, SiteURL.prepare(conversation).path + "#agenda")
            _ = try await ben.post(SiteURL.agendaAdd(conversation).path, ["opportunity": id.uuidString])
            let onAgenda = try await AgendaOpportunityModel.query(on: testApp.db).count()
            XCTAssertEqual(onAgenda, 1, "added twice, kept once")
            let freyasPage = try await freya.get(SiteURL.prepare(conversation).path)
            let agenda = try XCTUnwrap(freyasPage.body.visibleText.components(separatedBy: "Opportunities to talk about").last)
            XCTAssertTrue(
                agenda.hasPrefix(" You and Ben Opportunities on the agenda On the agenda Kind Data analyst secondment in Finance"), agenda)
            let guided = try await freya.get(SiteURL.guided(conversation).path)
            XCTAssertTrue(
                guided.body.visibleText.contains("Opportunities you put on the agenda: Data analyst secondment in Finance (Secondment)"))
            // Nobody outside the pair sees the agenda.
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let inesPage = try await ines.get(SiteURL.prepare(conversation).path)
            XCTAssertFalse(inesPage.body.contains("Data analyst secondment"))

            let removed = try await freya.post(SiteURL.agendaRemove(conversation).path, ["opportunity": id.uuidString])
            XCTAssertEqual(removed.status, .seeOther)
            let left = try await AgendaOpportunityModel.query(on: testApp.db).count()
            XCTAssertEqual(left, 0)
        }
    }

    func testResourcesAreKeptByHRWithWebLinksOnlyAndShownToTheUnitsPeople() async throws {
        try await withApp { testApp in
            let (_, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let housing = try await Fixtures.unitID("Ridgeway/Housing", in: testApp)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let benOpens = try await ben.get(SiteURL.adminResources.path)
            XCTAssertEqual(benOpens.status, .forbidden)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            // A unit an import has just made, however deep, can have resources of its own.
            _ = try await PeopleImporter.run(
                csv: Fixtures.organisationCSV
                    + "\namara.okafor@ridgeway.example,Amara Okafor,Lettings Officer,Ridgeway/Housing/Tenancy Services/Lettings,"
                    + "ben.khan@ridgeway.example,no,no\n",
                deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            // From the list, "Add a resource" opens the form, which offers every unit.
            let listed = try await rosie.get(SiteURL.adminResources.path).body
            XCTAssertTrue(listed.contains("href=\"\(SiteURL.newResource.path)\""))
            XCTAssertFalse(listed.contains("<option"), "the list does not carry every unit")
            let form = try await rosie.get(SiteURL.newResource.path).body
            XCTAssertTrue(form.contains(">Ridgeway/Housing/Tenancy Services/Lettings</option>"), "the new unit is offered")
            let bensForm = try await ben.get(SiteURL.newResource.path)
            XCTAssertEqual(bensForm.status, .forbidden)
            let script = try await rosie.post(
                SiteURL.newResource.path, ["title": "Click me", "url": "javascript:alert(document.cookie)", "unit": ""])
            XCTAssertEqual(script.status, .badRequest)
            XCTAssertTrue(script.body.visibleText.contains("Only web links can be kept: start it with https:// or http://"))
            XCTAssertTrue(script.body.contains("value=\"Click me\""))
            let kept = try await rosie.post(
                SiteURL.newResource.path,
                [
                    "title": "Housing career paths", "url": "https://intranet.example/housing/careers", "description": "Where people moved",
                    "unit": housing.uuidString,
                ])
            XCTAssertEqual(kept.status, .seeOther)
            _ = try await rosie.post(
                SiteURL.newResource.path, ["title": "Development-plan template", "url": "https://intranet.example/plan.docx"])

            // Freya works in Tenancy Services, below Housing: she sees both.
            let list = try await freya.get(SiteURL.opportunities.path)
            XCTAssertTrue(list.body.contains("href=\"https://intranet.example/housing/careers\""))
            XCTAssertTrue(list.body.visibleText.contains("Development-plan template"))
            let preparation = try await freya.get(SiteURL.prepare(conversation).path)
            XCTAssertTrue(preparation.body.visibleText.contains("Housing career paths — Where people moved"))
            // Rosie works in People and Culture: the template only.
            let rosies = try await rosie.get(SiteURL.opportunities.path)
            XCTAssertFalse(rosies.body.contains("Housing career paths"))
            XCTAssertTrue(rosies.body.contains("Development-plan template"))
            // Every change to resources and opportunities is in the audit log, by whom.
            let template = try await ResourceModel.query(on: testApp.db).filter(\.$title == "Development-plan template").first()!
            _ = try await rosie.post(SiteURL.adminResourceDelete(template.id!).path, [:])
            _ = try await rosie.post(SiteURL.newOpportunity.path, fields(title: "Data analyst secondment in Finance"))
            let audit = try await rosie.get(SiteURL.adminAudit.path).body.visibleText
            for line in [
                "Rosie Murphy Changed the resources: added “Housing career paths”",
                "Rosie Murphy Changed the resources: removed “Development-plan template”",
                "Rosie Murphy Changed the opportunities: added “Data analyst secondment in Finance”",
            ] {
                XCTAssertTrue(audit.contains(line), line)
            }
        }
    }
}

import FootholdCore
@testable import FootholdData
import Vapor
import XCTest

@testable import FootholdApp

/// Links and routes come from one definition: every address a page can print is one the site
/// answers, with its values read back as they were put in.
final class SiteURLTests: XCTestCase {
    let id1 = UUID(uuidString: "0A1B2C3D-4E5F-4A6B-8C7D-8E9FA0B1C2D3")!
    let id2 = UUID(uuidString: "11111111-2222-4333-8444-555555555555")!

    var everyAddress: [SiteURL] {
        [
            .home,
            .signIn,
            .signOut,
            .setPassword(token: "tok-setPassword"),
            .signInWithProvider,
            .providerReturn,
            .adminProvisioning,
            .adminProvisioningRevoke(id1),
            .scimServiceProviderConfig,
            .scimResourceTypes,
            .scimSchemas,
            .scimUsers,
            .scimUser("scim-user-id"),
            .people,
            .person(id1),
            .unit(id1),
            .admin,
            .adminPeople,
            .adminUnits,
            .adminImport,
            .adminImportConfirm,
            .forgotPassword,
            .adminPeopleLinks,
            .health,
            .ping,
            .conversations,
            .newConversation,
            .conversation(id1),
            .accept(id1),
            .decline(id1),
            .reschedule(id1),
            .cancel(id1),
            .markHeld(id1),
            .changeCheckpoint(id1),
            .calendar(id1),
            .prepare(id1),
            .guided(id1),
            .record(id1),
            .actions(id1),
            .action(id1, id2),
            .myActions,
            .actionPage(id1),
            .actionStatus(id1),
            .actionNotes(id1),
            .actionConfirm(id1),
            .plan,
            .planEdit,
            .planSharing,
            .planChanges,
            .personPlan(id1),
            .journal,
            .journalEntry(id1),
            .journalEntryDelete(id1),
            .reflection(id1),
            .myData,
            .team,
            .teamInvite,
            .sharing,
            .changePassword,
            .adminCareerYear,
            .adminCheckpoint(id1),
            .adminNextYear,
            .adminThemes,
            .adminQuestionBank,
            .adminQuestionBankExport,
            .adminQuestionBankImport,
            .adminAudit,
            .adminAnonymity,
            .monitoring,
            .monitoringCSV,
            .monitoringThemes,
            .monitoringThemesCSV,
            .notices,
            .responses,
            .responseDelete(id1),
            .teamThemes,
            .teamRequests,
            .teamRequestDone(id1),
            .slots,
            .ownSlots,
            .slotBook(id1),
            .slotCancel(id1),
            .slotWithdraw(id1),
            .opportunities,
            .newOpportunity,
            .opportunity(id1),
            .opportunityEdit(id1),
            .opportunityDelete(id1),
            .agendaAdd(id1),
            .agendaRemove(id1),
            .talkTo(id1),
            .adminResources,
            .newResource,
            .adminResourceDelete(id1),
            .stories,
            .newStory,
            .story(id1),
            .storyEdit(id1),
            .storyConsent(id1),
            .storyWithdraw(id1),
            .storyDelete(id1),
            .notifications,
            .notification(id1),
            .notificationsRead,
            .reminderSettings,
            .unsubscribe(token: "tok-unsubscribe"),
            .calendarFeed(token: "tok-calendarFeed"),
            .calendarFeedReset,
            .adminReminders,
            .stylesheet, .script,
        ]
    }

    func testEveryLinkReachesARouteThatReadsItsValuesBack() async throws {
        try await withApp { testApp in
            let router = TrieRouter(Route.self)
            for route in testApp.app.routes.all {
                router.register(route, at: [.constant(route.method.rawValue)] + route.path)
            }
            var reached = Set<String>()
            for url in self.everyAddress {
                let parts = url.path.split(separator: "/").map(String.init)
                var found: Route?
                var parameters = Parameters()
                // The route registered for this very address, by whichever method it answers.
                for method in ["GET", "POST"] where found == nil {
                    parameters = Parameters()
                    let route = router.route(path: [method] + parts, parameters: &parameters)
                    if let route, "\(route.path)" == "\(url.pattern)" { found = route }
                }
                let route = try XCTUnwrap(found, "\(url.path) reaches no route of its own")
                reached.insert("\(route.path)")
                for segment in url.segments {
                    if case .value(let value, let name) = segment {
                        XCTAssertEqual(parameters.get(name), value, "\(name) in \(url.path)")
                    }
                }
                XCTAssertFalse(url.path.contains("00000000-0000-0000-0000-000000000000"), url.path)
            }
            // And every route of the site is one of these addresses.
            let site = testApp.app.routes.all.map { "\($0.path)" }
            XCTAssertEqual(Set(site).subtracting(reached), [], "routes no address reaches")
        }
    }

    func testAPathIsItsWordsAndValuesInOrder() {
        XCTAssertEqual(SiteURL.home.path, "/")
        XCTAssertEqual(
            SiteURL.action(id1, id2).path,
            "/conversations/0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3/actions/11111111-2222-4333-8444-555555555555")
        XCTAssertEqual(SiteURL.calendarFeed(token: "abc").path, "/calendar/abc/foothold.ics")
        XCTAssertEqual(SiteURL.adminPeople.with(query: [("q", "a b"), ("page", nil)]), "/admin/people?q=a%20b")
    }
}

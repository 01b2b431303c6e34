import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import Vapor
import XCTVapor
import XCTest
@testable import FootholdApp

/// Provisioning over SCIM 2.0: HR's connections and their tokens, and what an identity provider
/// reads. (Changes through SCIM come with the rest of the provisioning work.)
final class SCIMTests: XCTestCase {
    struct Answer {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var json: [String: Any]
    }

    func scim(_ testApp: TestApp, _ path: String, token: String?, cookie: String? = nil) async throws -> Answer {
        var headers = HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        if let cookie { headers.add(name: .cookie, value: cookie) }
        let response = try await testApp.app.testable().sendRequest(.GET, path, headers: headers)
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        return Answer(status: response.status, headers: response.headers, json: json)
    }

    /// An HR administrator makes a connection on the page, as they would, and reads its token off it.
    func makeConnection(_ testApp: TestApp, name: String = "Entra ID") async throws -> (hr: Browser, token: String) {
        let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
        let admin = try await hr.get(SiteURL.admin.path)
        XCTAssertTrue(admin.body.contains(SiteURL.adminProvisioning.path), "reached from the administration page")
        let made = try await hr.post(SiteURL.adminProvisioning.path, ["name": name])
        XCTAssertEqual(made.status, .ok)
        let token = try XCTUnwrap(made.body.firstMatch(of: /Secret token<\/p><p class="answer">([A-Za-z0-9_-]{43})</)?.1)
        return (hr, String(token))
    }

    func testHRMakesAConnectionWhoseTokenIsShownOnceAndOpensOnlySCIM() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let (hr, token) = try await makeConnection(testApp)
            let list = try await hr.get(SiteURL.adminProvisioning.path)
            XCTAssertTrue(list.body.contains("Entra ID"))
            XCTAssertFalse(list.body.contains(token), "shown once, never again")
            XCTAssertTrue(list.body.contains("http://127.0.0.1:8080/scim/v2"))
            let stored = try await testApp.db.sql.raw("SELECT token_hash FROM provisioning_connections").all()
            XCTAssertEqual(try stored.first?.decode(column: "token_hash", as: String.self), TokenHash.of(token), "only its hash is kept")

            let blank = try await hr.post(SiteURL.adminProvisioning.path, ["name": "  "])
            XCTAssertEqual(blank.status, .badRequest)
            XCTAssertTrue(blank.body.contains("Enter a name for the connection"))
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let refused = try await employee.get(SiteURL.adminProvisioning.path)
            XCTAssertEqual(refused.status, .forbidden)

            // The token opens SCIM, and nothing else; a session opens no SCIM.
            let config = try await scim(testApp, SiteURL.scimServiceProviderConfig.path, token: token)
            XCTAssertEqual(config.status, .ok)
            XCTAssertEqual(config.headers.contentType?.subType, "scim+json")
            XCTAssertEqual((config.json["filter"] as? [String: Any])?["supported"] as? Bool, true)
            let asCookie = try await scim(testApp, SiteURL.home.path, token: nil, cookie: "\(SessionCookie.name)=\(token)")
            XCTAssertEqual(asCookie.status, .seeOther, "the token is no session")
            let bearerOnSite = try await scim(testApp, SiteURL.home.path, token: token)
            XCTAssertEqual(bearerOnSite.status, .seeOther, "nor does a bearer token open the site")
            let session = try XCTUnwrap(hr.cookies.first { $0.key.hasSuffix(SessionCookie.name) })
            let withSession = try await scim(testApp, SiteURL.scimUsers.path, token: nil, cookie: "\(session.key)=\(session.value)")
            XCTAssertEqual(withSession.status, .unauthorized)
            XCTAssertEqual(withSession.json["schemas"] as? [String], ["urn:ietf:params:scim:api:messages:2.0:Error"])
            XCTAssertEqual(withSession.json["status"] as? String, "401")
            for wrong in ["", "nonsense", String(repeating: "x", count: 5000), token + "x"] {
                let answer = try await scim(testApp, SiteURL.scimUsers.path, token: wrong)
                XCTAssertEqual(answer.status, .unauthorized, wrong.prefix(20).description)
            }

            // Revoked: it opens nothing.
            let id = try await testApp.db.sql.raw("SELECT id FROM provisioning_connections").first()!.decode(column: "id", as: UUID.self)
            let revoked = try await hr.post(SiteURL.adminProvisioningRevoke(id).path, [:])
            XCTAssertEqual(revoked.status, .seeOther)
            let after = try await scim(testApp, SiteURL.scimUsers.path, token: token)
            XCTAssertEqual(after.status, .unauthorized)
            let line = try await testApp.db.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_log WHERE event = \(bind: AuditEvent.provisioningChanged.rawValue)"
            ).first()!.decode(column: "n", as: Int.self)
            XCTAssertEqual(line, 2, "made and revoked, both audited")
        }
    }

    func testTheProviderFindsPeopleByFilterAPageAtATime() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let (_, token) = try await makeConnection(testApp)
            let everyone = try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self)
            // Okta's first request: GET /Users?startIndex=1&count=2.
            let page = try await scim(testApp, SiteURL.scimUsers.with(query: [("startIndex", "1"), ("count", "2")]), token: token)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.json["totalResults"] as? Int, everyone)
            XCTAssertEqual(page.json["itemsPerPage"] as? Int, 2)
            XCTAssertEqual((page.json["Resources"] as? [[String: Any]])?.count, 2)
            let next = try await scim(testApp, SiteURL.scimUsers.with(query: [("startIndex", "3"), ("count", "2")]), token: token)
            let firstIDs = (page.json["Resources"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let nextIDs = (next.json["Resources"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            XCTAssertTrue(Set(firstIDs).isDisjoint(with: nextIDs), "pages do not overlap")

            // Entra ID's: filter=userName eq "…", in any letter case.
            let found = try await scim(
                testApp, SiteURL.scimUsers.with(query: [("filter", "USERNAME Eq \"Freya.Parker@ridgeway.example\"")]), token: token)
            XCTAssertEqual(found.json["totalResults"] as? Int, 1)
            let freya = try XCTUnwrap((found.json["Resources"] as? [[String: Any]])?.first)
            XCTAssertEqual(freya["userName"] as? String, Fixtures.employee)
            XCTAssertEqual(freya["active"] as? Bool, true)
            let enterprise = try XCTUnwrap(freya["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] as? [String: Any])
            XCTAssertNotNil(enterprise["department"] as? String)
            let manager = try XCTUnwrap(enterprise["manager"] as? [String: Any])
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            XCTAssertEqual(manager["value"] as? String, ben.lowerText)

            let one = try await scim(testApp, SiteURL.scimUser(try XCTUnwrap(freya["id"] as? String)).path, token: token)
            XCTAssertEqual(one.status, .ok)
            XCTAssertEqual(one.json["userName"] as? String, Fixtures.employee)
            let none = try await scim(
                testApp, SiteURL.scimUsers.with(query: [("filter", "externalId eq \"nobody\" and userName eq \"x@y.example\"")]),
                token: token)
            XCTAssertEqual(none.json["totalResults"] as? Int, 0)

            // Wrong requests are SCIM's error documents, never a 5xx.
            for filter in [
                "externalId eq \"a\u{0}\"", "userName eq \"a\u{7}b\"", "userName co \"a\"", "title eq \"x\"", "userName eq",
                "userName eq \"unclosed", "userName eq \"a\" or id eq \"b\"",
            ] {
                let answer = try await scim(testApp, SiteURL.scimUsers.with(query: [("filter", filter)]), token: token)
                XCTAssertEqual(answer.status, .badRequest, filter)
                XCTAssertEqual(answer.json["scimType"] as? String, "invalidFilter", filter)
            }
            for id in ["not-an-id", UUID().uuidString, String(repeating: "a", count: 3000)] {
                let answer = try await scim(testApp, SiteURL.scimUser(id).path, token: token)
                XCTAssertEqual(answer.status, .notFound, id.prefix(20).description)
                XCTAssertEqual(answer.json["status"] as? String, "404")
            }
            for query in [[("count", "-5")], [("startIndex", "-3")], [("count", "99999999999999999999")]] {
                let answer = try await scim(testApp, SiteURL.scimUsers.with(query: query), token: token)
                XCTAssertEqual(answer.status, .ok, "\(query)")
            }
            for path in [SiteURL.scimResourceTypes.path, SiteURL.scimSchemas.path] {
                let answer = try await scim(testApp, path, token: token)
                XCTAssertEqual(answer.status, .ok, path)
                XCTAssertEqual(answer.json["schemas"] as? [String], ["urn:ietf:params:scim:api:messages:2.0:ListResponse"])
            }
        }
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTVapor
import XCTest
@testable import FootholdApp

/// Nothing anyone sends can break Foothold: every route the site registers, as each role, with
/// hostile values in every query parameter, form field and path parameter, answers without a
/// server error, and the server still answers its health check afterwards.
final class HostileInputTests: XCTestCase {
    /// Already encoded as they would travel in a URL or a form body, so that broken escapes,
    /// NUL bytes and invalid UTF-8 reach the server as bytes.
    static let hostileValues: [String] = [
        "", "%20", "+", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999999",
        "-1", "0", "1e308", "NaN", "0x10", "%00", "a%00b", "%FF%FE", "%C0%AF", "%ED%A0%80", "%", "%zz", "%E2%80%AE",
        "%F0%9F%91%A9%F0%9F%8F%BD%E2%80%8D%F0%9F%92%BB", "e%CC%81%CC%81%CC%81", "%EF%BB%BF",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "'%20OR%201%3D1%20--",
        "..%2F..%2Fetc%2Fpasswd", "2026-02-30", "2026-13-01", "0000-00-00", "-0001-01-01", "99999-01-01", "2026-11-24T25%3A61",
        "25%3A61", "23%3A59%3A60", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil", "%2F%09%2Fx",
        "a%0D%0ASet-Cookie%3A%20x%3Dy", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "{}", "[]", "true",
        String(repeating: "x", count: 6_000), String(repeating: "%E2%9C%93", count: 3_000),
    ]

    /// Values for a path parameter (a conversation, a person, a token…).
    static let hostilePathValues = [
        "not-a-uuid", "%00", "%FF", "..", "9223372036854775807", "00000000-0000-0000-0000-000000000000",
        String(repeating: "a", count: 3_000), "%3Cscript%3E", "%E2%80%AE",
    ]

    /// Query and field names read by the pages, beyond those their forms show.
    static let extraNames = ["page", "q", "year", "opened", "next", "return_to", "saved", "invited", "state", "with", "kind"]

    func testEveryRouteAsEveryRoleWithHostileValuesAnswersWithoutAServerError() async throws {
        try await withApp { testApp in
            let fixture = try await Fixtures.scheduledConversation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let unit = try await Fixtures.unitID("Ridgeway/Housing/Tenancy Services", in: testApp)
            let checkpoint = try await CheckpointModel.query(on: testApp.db).first()!.requireID()
            // A second conversation, held, so the record and its actions show their forms.
            let lewis = try await Fixtures.personID(Fixtures.colleague, in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let held = ConversationModel()
            held.kind = .checkIn; held.state = .held; held.requestedBy = .guide; held.withLineManager = true; held.purpose = "A check-in"
            held.startsAt = testApp.clock.now.addingTimeInterval(-86_400); held.heldAt = held.startsAt; held.heldMinutes = 30
            held.minutes = 30; held.place = "Room 4"; held.expectations = ""; held.summary = "We talked."
            held.employeePreparationShared = false; held.guidePreparationShared = false
            held.$employee.id = lewis; held.$guide.id = ben; held.createdAt = testApp.clock.now; held.updatedAt = testApp.clock.now
            try await held.create(on: testApp.db)
            let heldID = try held.requireID()
            let action = UUID()
            let real: [String: String] = [
                SiteURL.conversationParameter: fixture.conversation.lowerText, SiteURL.personParameter: freya.lowerText,
                SiteURL.unitParameter: unit.lowerText, SiteURL.checkpointParameter: checkpoint.lowerText,
                SiteURL.actionParameter: action.lowerText, SiteURL.tokenParameter: "no-such-token",
            ]
            let roles: [String?] = [nil, Fixtures.employee, Fixtures.manager, Fixtures.colleague, Fixtures.hrAdmin]
            let routes = testApp.app.routes.all
            XCTAssertGreaterThan(routes.count, 40, "the walk sees every route the site registers")

            func path(_ route: Route, _ value: (String) -> String) -> String {
                "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return value(name) }
                        return component.description
                    }.joined(separator: "/")
            }
            /// The route with real ids: the held conversation for its record and actions.
            func realPath(_ route: Route) -> String {
                let record = route.path.contains { $0.description == "record" || $0.description == "actions" }
                return path(route) { name in
                    name == SiteURL.conversationParameter && record ? heldID.lowerText : real[name] ?? "x"
                }
            }

            // Every name any page's form shows, as the people who see those pages.
            var names = Set(Self.extraNames)
            for role in roles {
                let browser = if let role { try await Fixtures.signedIn(role, in: testApp) } else { testApp.browser() }
                for route in routes where route.method == .GET {
                    let page = try await browser.get(realPath(route))
                    for match in page.body.matches(of: /name="([a-z_]+)"/) { names.insert(String(match.1)) }
                }
            }
            XCTAssertTrue(
                names.isSuperset(of: [
                    "email", "password", "date", "time", "minutes", "place", "summary", "notes", "description", "due_on", "file", "share",
                ]), "\(names.sorted())")
            names.remove(CSRF.fieldName)

            var requests = 0
            var failures: [String] = []
            for role in roles {
                for route in routes where route.method == .GET || route.method == .POST {
                    // A fresh sign-in for each route: signing out, or setting a password, ends the last one;
                    // and the hostile sign-ins before it must not throttle the walk's own.
                    try await SignInAttemptModel.query(on: testApp.db).delete()
                    let browser = if let role { try await Fixtures.signedIn(role, in: testApp) } else { testApp.browser() }
                    let csrf = try await browser.formToken()
                    let realPath = realPath(route)
                    var sends: [(String, String?)] = []
                    for value in Self.hostileValues {
                        let pairs = names.sorted().map { "\($0)=\(value)" }.joined(separator: "&")
                        if route.method == .GET {
                            sends.append((realPath + "?" + pairs, nil))
                        } else {
                            sends.append((realPath, pairs + "&\(CSRF.fieldName)=\(csrf)"))
                        }
                    }
                    if route.method == .POST { sends.append((realPath, "\(CSRF.fieldName)=%FF%00")) }
                    sends.append(
                        (
                            realPath + "?page[]=1&q[x]=y&year[0]=1&page=%FF",
                            route.method == .POST ? "a[b][c]=d&\(CSRF.fieldName)=\(csrf)" : nil
                        ))
                    if route.path.contains(where: { if case .parameter = $0 { true } else { false } }) {
                        for value in Self.hostilePathValues {
                            sends.append((path(route) { _ in value }, route.method == .POST ? "\(CSRF.fieldName)=\(csrf)" : nil))
                        }
                    }
                    for (target, body) in sends {
                        let page = try await browser.send(
                            route.method, target, body: body,
                            contentType: body == nil ? nil : "application/x-www-form-urlencoded")
                        requests += 1
                        if page.status.code >= 500 {
                            failures.append("\(route.method) \(target.prefix(160)) as \(role ?? "nobody"): \(page.status.code)")
                        }
                    }
                }
            }
            XCTAssertEqual(failures, [], "\(failures.count) of \(requests) requests failed")
            XCTAssertGreaterThan(requests, 5_000)
            let health = try await testApp.browser().get(SiteURL.health.path)
            XCTAssertEqual(health.status, .ok, "the server still answers")
        }
    }

    func testAPageNumberAtTheEdgeOfTheIntegersIsClampedOnEveryList() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            for list in [SiteURL.conversations, .people, .adminPeople, .adminAudit] {
                for page in ["9223372036854775807", "-9223372036854775808", "9223372036854775806", "100001", "1000000000000"] {
                    let answer = try await hr.get(list.path + "?page=" + page)
                    XCTAssertEqual(answer.status, .ok, "\(list.path)?page=\(page)")
                }
            }
        }
    }

    func testPageNumbersAreClampedToASensibleRange() {
        XCTAssertEqual(Paging("9223372036854775807", size: 100).number, Paging.largestPage)
        XCTAssertEqual(Paging("9223372036854775807", size: 100).offset, (Paging.largestPage - 1) * 100)
        XCTAssertEqual(Paging("-5", size: 10).number, 1)
        XCTAssertEqual(Paging("abc", size: 10).number, 1)
        XCTAssertEqual(Paging(nil, size: 10).number, 1)
        XCTAssertEqual(Paging(" 3 ", size: 10).offset, 20)
        XCTAssertEqual(Paging("0003", size: 10).number, 3)
        XCTAssertEqual(Paging("+2", size: 10).number, 2)
        XCTAssertEqual(Paging(number: .max, size: .max).offset, (Paging.largestPage - 1) * Paging.largestSize)
        XCTAssertEqual(Paging(number: .min, size: .min).offset, 0)
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

final class SignInTests: XCTestCase {
    /// Pages read the session and form-token cookies straight from the header; they must read
    /// what Vapor's own parsing reads, whatever else the browser sends.
    func testCookiesAreReadAsVaporReadsThem() throws {
        let app = Application(.testing)
        defer { app.shutdown() }
        let headers = [
            ["foothold_session=abc123"],
            ["other=1; foothold_session=abc123; foothold_csrf=tok"],
            ["foothold_session_old=stale;foothold_session=fresh"],
            ["foothold_session=\"quoted-value\"; x=y"],
            ["  foothold_session=spaced  ; foothold_csrf=t2"],
            ["foothold_session=first", "foothold_session=second"],
            ["foothold_session="],
            ["nothing=here; foothold_sessionx=no"],
            [],
        ]
        for values in headers {
            let request = Request(application: app, on: app.eventLoopGroup.next())
            for value in values { request.headers.add(name: .cookie, value: value) }
            for name in [SessionCookie.name, "foothold_csrf"] {
                XCTAssertEqual(request.cookieValue(name), request.cookies[name]?.string, "\(name) in \(values)")
            }
        }
        let request = Request(application: app, on: app.eventLoopGroup.next())
        request.headers.add(name: .cookie, value: "a=1; foothold_session=s3cret; foothold_csrf=f0rm")
        XCTAssertEqual(request.cookieValue(SessionCookie.name), "s3cret")
        XCTAssertEqual(request.cookieValue("foothold_csrf"), "f0rm")
        XCTAssertNil(request.cookieValue("missing"))
    }

    func testTheRightPasswordOpensASessionAndTheHomePage() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = testApp.browser()

            let response = try await browser.signIn(Fixtures.employee, password: Fixtures.password)

            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.location, "/")
            let cookie = try XCTUnwrap(response.setCookies.first { $0.hasPrefix("\(SessionCookie.name)=") })
            XCTAssertTrue(cookie.contains("HttpOnly"))
            XCTAssertTrue(cookie.contains("SameSite=Lax"))
            XCTAssertFalse(cookie.contains("Secure"), "served over plain HTTP, the cookie cannot be Secure")
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.body.visibleText.contains("Welcome, Freya"))
        }
    }

    func testAWrongPasswordGetsOneMessageKeepsTheEmailAndOpensNoSession() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            for email in [Fixtures.employee, "nobody@ridgeway.example"] {
                let browser = testApp.browser()

                let response = try await browser.signIn(email, password: "not the password")

                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertTrue(response.body.visibleText.contains(SignInController.wrongCredentials), "for \(email)")
                XCTAssertTrue(response.body.contains("value=\"\(email)\""), "what was typed is kept")
                XCTAssertNil(browser.cookies[SessionCookie.name])
            }
            let sessions = try await SessionModel.query(on: testApp.db).count()
            XCTAssertEqual(sessions, 0)
        }
    }

    func testEmptyFieldsAreNamed() async throws {
        try await withApp { testApp in
            let response = try await testApp.browser().post(SiteURL.signIn.path, ["email": "", "password": ""])

            XCTAssertEqual(response.status, .badRequest)
            XCTAssertTrue(response.body.visibleText.contains("Enter your email address"))
            XCTAssertTrue(response.body.visibleText.contains("Enter your password"))
            XCTAssertTrue(response.body.contains("href=\"#field-email\""), "the error summary links to the field")
        }
    }

    func testAFormPostWithoutAValidCSRFTokenIsRefused() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = testApp.browser()

            let forged = try await browser.post(
                SiteURL.signIn.path, ["email": Fixtures.employee, "password": Fixtures.password],
                csrf: "forged-token-forged-token-forged-token")
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertTrue(forged.body.visibleText.contains("This form has expired"))

            browser.forgetCookie(CSRF.cookieName)
            let withoutCookie = try await browser.send(
                .POST, SiteURL.signIn.path, body: "email=\(Fixtures.employee)&password=x&csrf_token=abc",
                contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(withoutCookie.status, .forbidden)

            let sessions = try await SessionModel.query(on: testApp.db).count()
            XCTAssertEqual(sessions, 0)
        }
    }

    func testSignedInFormsNeedTheTokenToo() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            let forged = try await browser.post(SiteURL.signOut.path, [:], csrf: "0123456789abcdef0123456789abcdef0123")

            XCTAssertEqual(forged.status, .forbidden)
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, .ok, "the refused sign-out left the session alone")
        }
    }

    /// `SiteMiddleware` checks form tokens and access only on routes that say who may use them, so
    /// every route but the four that need no one (health, stylesheet, script, ping) must say.
    func testEveryRouteOfTheSiteSaysWhoMayUseIt() async throws {
        try await withApp { testApp in
            let unmarked = testApp.app.routes.all.filter { $0.userInfo[Access.key] == nil }.map { "\($0.method) /\($0.path.string)" }
            XCTAssertEqual(
                Set(unmarked),
                ["GET /healthz", "GET /\(SiteURL.stylesheet.path.dropFirst())", "GET /\(SiteURL.script.path.dropFirst())", "GET /ping"])
            let administration = testApp.app.routes.all.filter { ($0.userInfo[Access.key] as? Access) == .hrAdministrator }
            XCTAssertTrue(administration.contains { "/" + $0.path.string == SiteURL.adminPeople.path })
            XCTAssertTrue(
                testApp.app.routes.all.contains {
                    ($0.userInfo[Access.key] as? Access) == .open && "/" + $0.path.string == SiteURL.signIn.path
                })
        }
    }

    /// A route with a middleware of its own is reached through that middleware, behind the same checks.
    func testARouteWithItsOwnMiddlewareIsStillCheckedAndStillReachesIt() async throws {
        struct Marker: AsyncMiddleware {
            func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
                let response = try await next.respond(to: request)
                response.headers.replaceOrAdd(name: "X-Marked", value: request.viewer?.email ?? "nobody")
                return response
            }
        }
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let marked = testApp.app.access(.signedIn).grouped(Marker())
            marked.get("marked") { req async throws -> String in "hello \(try req.requireViewer().name)" }
            marked.post("marked") { _ async throws -> String in "posted" }

            let signedOut = try await testApp.browser().get("/marked")
            XCTAssertEqual(signedOut.status, .seeOther, "signed out, the route is not reached")
            XCTAssertNil(signedOut.headers.first(name: "X-Marked"))

            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let page = try await browser.get("/marked")
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers.first(name: "X-Marked"), Fixtures.employee)
            XCTAssertTrue(page.body.hasPrefix("hello "))

            let forged = try await browser.post("/marked", [:], csrf: "0123456789abcdef0123456789abcdef0123")
            XCTAssertEqual(forged.status, .forbidden, "the form token is checked before the route's own middleware")
            let posted = try await browser.post("/marked", [:])
            XCTAssertEqual(posted.body, "posted")
        }
    }

    func testRepeatedFailuresForOneAccountAreSlowedDown() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = testApp.browser()
            for _ in 0..<SignInThrottle.freeAttempts {
                let response = try await browser.signIn(Fixtures.employee, password: "guess")
                XCTAssertEqual(response.status, .unauthorized)
            }

            let blocked = try await browser.signIn(Fixtures.employee, password: Fixtures.password)
            XCTAssertEqual(blocked.status, .tooManyRequests)
            XCTAssertTrue(blocked.body.visibleText.contains("too many attempts"))
            XCTAssertNil(browser.cookies[SessionCookie.name])

            clock.advance(by: SignInThrottle.firstWait + 1)
            let allowed = try await browser.signIn(Fixtures.employee, password: Fixtures.password)
            XCTAssertEqual(allowed.status, .seeOther)
        }
    }

    func testSignOutEndsTheSession() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let token = try XCTUnwrap(browser.cookies[SessionCookie.name])

            let response = try await browser.post(SiteURL.signOut.path, [:])

            XCTAssertEqual(response.status, .seeOther)
            let sessions = try await SessionModel.query(on: testApp.db).count()
            XCTAssertEqual(sessions, 0)
            browser.setCookie(SessionCookie.name, token)
            let home = try await browser.get("/")
            XCTAssertEqual(home.status, .seeOther, "the old cookie no longer works")
            XCTAssertEqual(home.location, "/sign-in?next=/")
        }
    }

    func testSessionsExpire() async throws {
        let clock = TestClock()
        try await withApp(clock: clock) { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)

            clock.advance(by: Sessions.lifetime + 60)

            let home = try await browser.get("/")
            XCTAssertEqual(home.status, .seeOther)
        }
    }

    func testASessionCreatedByOneInstanceIsHonouredByAnother() async throws {
        try await withApp { first in
            try await Fixtures.organisation(in: first)
            let browser = try await Fixtures.signedIn(Fixtures.manager, in: first)
            let second = try await first.sibling()
            let other = second.browser()
            for (name, value) in browser.cookies { other.setCookie(name, value) }

            let home = try await other.get("/")

            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.body.visibleText.contains("Welcome, Ben"))
            try await second.app.asyncShutdown()
        }
    }

    func testCookiesAreSecureWhenFootholdIsServedOverHTTPS() async throws {
        let testApp = try await TestApp.make(baseURL: "https://foothold.example.org")
        do {
            try await Fixtures.organisation(in: testApp)
            let response = try await testApp.browser().signIn(Fixtures.employee, password: Fixtures.password)
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertFalse(response.setCookies.isEmpty)
            for cookie in response.setCookies { XCTAssertTrue(cookie.contains("Secure"), cookie) }
        } catch {
            XCTFail("\(error)")
        }
        await testApp.shutdown()
    }

    func testSignInSendsPeopleOnlyToPagesOfThisSite() {
        XCTAssertEqual(SafeDestination.path("/people?q=ben"), "/people?q=ben")
        XCTAssertNil(SafeDestination.path("https://elsewhere.example/"))
        XCTAssertNil(SafeDestination.path("//elsewhere.example/"))
        XCTAssertNil(SafeDestination.path("/\\elsewhere.example"))
        XCTAssertNil(SafeDestination.path(nil))
    }

    func testAfterSigningInPeopleGoWhereTheyWereHeading() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let browser = testApp.browser()
            let redirect = try await browser.get("/people?q=ben")
            XCTAssertEqual(redirect.location, "/sign-in?next=/people%3Fq%3Dben")

            let response = try await browser.post(
                SiteURL.signIn.path, ["email": Fixtures.employee, "password": Fixtures.password, "next": "/people?q=ben"])

            XCTAssertEqual(response.location, "/people?q=ben")
        }
    }

    func testNoDestinationSendsPeopleToAnotherSite() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            for next in ["//x", "/\t/x", "/%09/x", "/\\x", "https://x"] {
                let browser = testApp.browser()
                let form = try await browser.get(SiteURL.signIn.with(query: [("next", next)]))
                XCTAssertFalse(form.body.contains("name=\"next\""), "the sign-in form does not carry \(next)")
                let response = try await browser.post(
                    SiteURL.signIn.path, ["email": Fixtures.employee, "password": Fixtures.password, "next": next])
                XCTAssertEqual(response.location, SiteURL.home.path, next)
            }
            // Nor does the form that marks an action done.
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let action = AgreedActionModel(
                id: UUID(), employeeID: try await Fixtures.personID(Fixtures.employee, in: testApp), conversationID: conversation,
                description: "Book a place on the data course", owner: .employee, at: testApp.clock.now)
            try await action.create(on: testApp.db)
            for returnTo in ["//x", "/%09/x", "https://x"] {
                let marked = try await ben.post(
                    SiteURL.action(conversation, try action.requireID()).path, ["status": "done", "return_to": returnTo])
                XCTAssertEqual(marked.location, SiteURL.record(conversation).path + "#actions", returnTo)
            }
        }
    }
}

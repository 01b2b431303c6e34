import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import Vapor
import XCTest
@testable import FootholdApp

/// Signing in with the organisation's account (decision 0025), against the tests' own identity
/// provider over https: the whole flow, and every way an ID token or a return can be wrong.
final class SingleSignOnTests: XCTestCase {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-sso-\(UUID().uuidString)")

    override func setUpWithError() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// An app whose single sign-on goes to a provider of the test's own, reached as localhost.
    func withProvider(
        passwords: PasswordSignIn = .everyone, claim: String = "email",
        _ body: (TestApp, TestIdentityProvider) async throws -> Void
    ) async throws {
        let certificate = try TestCertificate(in: scratch)
        let clock = TestClock()
        let provider = try await TestIdentityProvider.start(certificate: certificate, now: { clock.now })
        do {
            let testApp = try await TestApp.make(
                clock: clock,
                adjust: { configuration in
                    configuration.outbound = OutboundHTTP(allowedHosts: ["localhost"], trustRoots: certificate.certificate)
                    configuration.singleSignOn = SingleSignOnSettings(
                        issuer: provider.issuer, clientID: provider.clientID, clientSecret: provider.clientSecret, claim: claim,
                        buttonLabel: "Sign in with Ridgeway")
                    configuration.passwordSignIn = passwords
                },
                clients: { clients in
                    clients.resolveHost = { _, _ in [OutboundHTTP.Resolved(bytes: [127, 0, 0, 1], text: "127.0.0.1")] }
                })
            do {
                try await Fixtures.organisation(in: testApp)
                try await body(testApp, provider)
            } catch {
                await testApp.shutdown()
                throw error
            }
            await testApp.shutdown()
        } catch {
            await provider.stop()
            throw error
        }
        await provider.stop()
    }

    /// What Foothold sent the person to the provider with.
    struct Begun {
        var query: [String: String]
        var state: String { query["state"] ?? "" }
        var nonce: String { query["nonce"] ?? "" }
        var challenge: String { query["code_challenge"] ?? "" }
    }

    func begin(_ browser: Browser, next: String? = nil) async throws -> Begun {
        let path = SiteURL.signInWithProvider.with(query: [("next", next)])
        let page = try await browser.get(path)
        XCTAssertEqual(page.status, .seeOther, page.body)
        let location = try XCTUnwrap(page.location)
        let components = try XCTUnwrap(URLComponents(string: location))
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value }
        return Begun(query: query)
    }

    /// The provider sends the person back with a code for an ID token about `subject`.
    func finish(_ browser: Browser, _ begun: Begun, subject: [String: Any], nonce: String? = nil) async throws -> Browser.Page {
        let code = TestIdentityProvider.code(nonce: nonce ?? begun.nonce, challenge: begun.challenge, subject: subject)
        return try await browser.get(SiteURL.providerReturn.with(query: [("code", code), ("state", begun.state)]))
    }

    func auditCount(_ event: AuditEvent, _ testApp: TestApp, detail: String? = nil) async throws -> Int {
        let rows = try await testApp.db.sql.raw("SELECT detail FROM audit_log WHERE event = \(bind: event.rawValue)").all()
        return try rows.filter { row in try detail.map { try row.decode(column: "detail", as: String.self) == $0 } ?? true }.count
    }

    func testAPersonSignsInWithTheOrganisationsAccountAndComesBackWhereTheyWereGoing() async throws {
        try await withProvider { testApp, provider in
            let browser = testApp.browser()
            let signInPage = try await browser.get(SiteURL.signIn.path)
            XCTAssertTrue(signInPage.body.contains("Sign in with Ridgeway"))
            XCTAssertTrue(signInPage.body.contains("name=\"password\""), "passwords still work here")
            // Signing out is a form whose answer leads to the provider: the policy lets it, and nowhere else.
            let policy = try XCTUnwrap(signInPage.headers.first(name: "Content-Security-Policy"))
            XCTAssertTrue(policy.contains("form-action 'self' https://localhost:\(provider.port);"), policy)

            let begun = try await begin(browser, next: SiteURL.conversations.path)
            XCTAssertEqual(begun.query["response_type"], "code")
            XCTAssertEqual(begun.query["client_id"], provider.clientID)
            XCTAssertEqual(begun.query["redirect_uri"], "http://127.0.0.1:8080/sign-in/organisation/return")
            XCTAssertEqual(begun.query["code_challenge_method"], "S256")
            XCTAssertEqual(begun.query["scope"], "openid email profile")
            XCTAssertGreaterThanOrEqual(begun.state.count, 43)
            XCTAssertGreaterThanOrEqual(begun.nonce.count, 43)
            XCTAssertNotEqual(begun.state, begun.nonce)

            // The address's letter case is the provider's; Foothold compares it case-insensitively.
            let back = try await finish(browser, begun, subject: ["email": "Freya.PARKER@ridgeway.example", "email_verified": true])
            XCTAssertEqual(back.status, .seeOther, back.body)
            XCTAssertEqual(back.location, SiteURL.conversations.path)
            let home = try await browser.get(SiteURL.home.path)
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.body.contains("Freya"))

            // The code was exchanged with PKCE's verifier and the client's own credentials.
            let request = try XCTUnwrap(provider.tokenRequests.last)
            XCTAssertEqual(request["grant_type"], "authorization_code")
            XCTAssertEqual(request["redirect_uri"], "http://127.0.0.1:8080/sign-in/organisation/return")
            let basic = try XCTUnwrap(request["authorization"]?.dropFirst("Basic ".count))
            let pair = String(decoding: try XCTUnwrap(Data(base64Encoded: String(basic))), as: UTF8.self)
            XCTAssertEqual(pair, "foothold-test-client:a+secret%3A+with+%26+odd+characters")
            let counted = try await auditCount(.signedInWithProvider, testApp)
            XCTAssertEqual(counted, 1)

            // Signing out ends Foothold's session and the provider's.
            let out = try await browser.post(SiteURL.signOut.path, [:])
            XCTAssertEqual(out.status, .seeOther)
            let ending = try XCTUnwrap(out.location)
            XCTAssertTrue(ending.hasPrefix(provider.issuer + "/logout?client_id=foothold-test-client"), ending)
            XCTAssertTrue(ending.contains("post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fsign-in"), ending)
            let after = try await browser.get(SiteURL.home.path)
            XCTAssertEqual(after.status, .seeOther, "signed out")

            // A password sign-in's sign-out stays in Foothold.
            let other = testApp.browser()
            try await other.signIn(Fixtures.employee, password: Fixtures.password)
            let plain = try await other.post(SiteURL.signOut.path, [:])
            XCTAssertEqual(plain.location, SiteURL.signIn.path)
        }
    }

    func testEveryWrongTokenIsRefusedWithAPageAndAnAuditLineAndNobodySignedIn() async throws {
        try await withProvider { testApp, provider in
            let freya: [String: Any] = ["email": Fixtures.employee, "email_verified": true]
            typealias Case = (name: String, tampering: TestIdentityProvider.Tampering, detail: String)
            let cases: [Case] = [
                ("wrong audience", .init(change: { $0["aud"] = "someone-else" }), "the ID token is for another client"),
                (
                    "two audiences, issued to another",
                    .init(change: {
                        $0["aud"] = ["foothold-test-client", "other"]; $0["azp"] = "other"
                    }),
                    "the ID token is for another client"
                ),
                ("wrong issuer", .init(change: { $0["iss"] = "https://evil.example" }), "the ID token is from another issuer"),
                (
                    "expired",
                    .init(change: {
                        $0["exp"] = ($0["iat"] as! Double) - 600; $0["iat"] = ($0["iat"] as! Double) - 900
                    }),
                    "the ID token has expired"
                ),
                (
                    "issued in the future",
                    .init(change: {
                        $0["iat"] = ($0["iat"] as! Double) + 3600; $0["exp"] = ($0["iat"] as! Double) + 300
                    }),
                    "the ID token was issued at the wrong time"
                ),
                ("no nonce", .init(change: { $0["nonce"] = nil }), "the ID token's nonce is not this sign-in's"),
                ("signed by a stranger", .init(signing: .stranger), "the ID token's signature is wrong"),
                ("an unknown key id", .init(signing: .unknownKeyID), "the ID token was signed with a key the provider does not publish"),
                ("alg none", .init(signing: .none), "the ID token's signing algorithm is not allowed"),
                ("a shared secret", .init(signing: .sharedSecret), "the ID token's signing algorithm is not allowed"),
                (
                    "e-mail not verified", .init(change: { $0["email_verified"] = false }),
                    "the provider has not verified the e-mail address"
                ),
                ("no e-mail", .init(change: { $0["email"] = nil }), "the ID token has no email claim"),
                (
                    "e-mail not said to be verified", .init(change: { $0["email_verified"] = nil }),
                    "the provider has not verified the e-mail address"
                ),
                ("no subject", .init(change: { $0["sub"] = nil }), "the ID token has no sub claim"),
                (
                    "someone Foothold never knew", .init(change: { $0["email"] = "stranger@ridgeway.example" }),
                    "no one in Foothold has that account"
                ),
            ]
            for (name, tampering, detail) in cases {
                provider.tamper(tampering)
                let before = try await auditCount(.providerSignInRefused, testApp, detail: detail)
                let browser = testApp.browser()
                let begun = try await begin(browser)
                let page = try await finish(browser, begun, subject: freya)
                XCTAssertTrue([.badRequest, .forbidden].contains(page.status), "\(name): \(page.status)")
                XCTAssertTrue(page.body.contains("You are not signed in"), name)
                XCTAssertFalse(browser.isSignedIn, name)
                let counted = try await auditCount(.providerSignInRefused, testApp, detail: detail)
                XCTAssertEqual(counted, before + 1, name)
                XCTAssertFalse(page.body.contains(Fixtures.employee), "\(name): nothing the token said is shown back")
            }
            provider.tamper(.init())
            let counted = try await auditCount(.signedInWithProvider, testApp)
            XCTAssertEqual(counted, 0)

            // A nonce from another sign-in (a token replayed into this one).
            let first = try await begin(testApp.browser())
            let browser = testApp.browser()
            let second = try await begin(browser)
            let replayed = try await finish(browser, second, subject: freya, nonce: first.nonce)
            XCTAssertEqual(replayed.status, .badRequest)
            XCTAssertFalse(browser.isSignedIn)
        }
    }

    func testAReturnIsUsedOnceAndOnlyInTheBrowserThatBeganIt() async throws {
        try await withProvider { testApp, _ in
            let freya: [String: Any] = ["email": Fixtures.employee]
            // Another browser brings back someone else's sign-in (login CSRF): no cookie, no sign-in.
            let victim = testApp.browser()
            let begun = try await begin(testApp.browser())
            let forced = try await finish(victim, begun, subject: freya)
            XCTAssertEqual(forced.status, .badRequest)
            XCTAssertTrue(forced.body.contains("was not started from this browser"))
            XCTAssertFalse(victim.isSignedIn)

            // The same return twice: the second finds nothing.
            let browser = testApp.browser()
            let mine = try await begin(browser)
            let cookie = try XCTUnwrap(browser.cookies[SingleSignOnController.cookie])
            let first = try await finish(browser, mine, subject: freya)
            XCTAssertEqual(first.status, .seeOther)
            let again = testApp.browser()
            again.setCookie(SingleSignOnController.cookie, cookie)
            let second = try await finish(again, mine, subject: freya)
            XCTAssertEqual(second.status, .badRequest)
            XCTAssertFalse(again.isSignedIn)

            // Too late: a sign-in begun more than ten minutes ago is forgotten.
            let slow = testApp.browser()
            let late = try await begin(slow)
            testApp.clock.advance(by: SingleSignOnStarts.lifetime + 1)
            let page = try await finish(slow, late, subject: freya)
            XCTAssertEqual(page.status, .badRequest)

            // The provider said no, in its own words, which are not shown.
            let refused = testApp.browser()
            let asked = try await begin(refused)
            let denied = try await refused.get(
                SiteURL.providerReturn.with(query: [("error", "access_denied<script>"), ("state", asked.state)]))
            XCTAssertEqual(denied.status, .forbidden)
            XCTAssertFalse(denied.body.contains("<script>"))
            // Hostile returns: 4xx, never 5xx.
            for query in [[("state", String(repeating: "x", count: 5000))], [("code", "%00"), ("state", "")], []] {
                let odd = try await testApp.browser().get(SiteURL.providerReturn.with(query: query))
                XCTAssertTrue((400..<500).contains(Int(odd.status.code)), "\(query): \(odd.status)")
            }
        }
    }

    func testSomeoneWhoHasLeftIsTurnedAwayAndTheKeysAreReadAgainWhenTheProviderRollsThem() async throws {
        try await withProvider { testApp, provider in
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            try await testApp.db.sql.raw("UPDATE people SET active = \(bind: false) WHERE id = \(bind: freya)").run()
            let browser = testApp.browser()
            let left = try await finish(browser, try await begin(browser), subject: ["email": Fixtures.employee])
            XCTAssertEqual(left.status, .forbidden)
            XCTAssertTrue(left.body.contains("having left the organisation"))
            let counted = try await auditCount(.providerSignInRefused, testApp, detail: "the account belongs to someone who has left")
            XCTAssertEqual(counted, 1)

            // ES256 with the published elliptic-curve key works as well as RS256.
            provider.tamper(.init(signing: .publishedEC))
            let ec = testApp.browser()
            let signedEC = try await finish(ec, try await begin(ec), subject: ["email": Fixtures.hrAdmin])
            XCTAssertEqual(signedEC.status, .seeOther, signedEC.body)
            provider.tamper(.init())
            let fetches = provider.keyFetches
            XCTAssertEqual(fetches, 1)

            // The provider rolls its keys: a token under the new key id makes Foothold read them again, once.
            provider.rollKeys(to: "key-2")
            testApp.clock.advance(by: OpenIDProvider.soonestKeysAgain)
            let rolled = testApp.browser()
            let page = try await finish(rolled, try await begin(rolled), subject: ["email": Fixtures.hrAdmin])
            XCTAssertEqual(page.status, .seeOther, page.body)
            XCTAssertEqual(provider.keyFetches, fetches + 1)
            // Tokens under unknown key ids do not make it read them again and again.
            provider.tamper(.init(signing: .unknownKeyID))
            for _ in 0..<3 {
                let other = testApp.browser()
                _ = try await finish(other, try await begin(other), subject: ["email": Fixtures.hrAdmin])
            }
            XCTAssertEqual(provider.keyFetches, fetches + 1, "at most once a minute")
        }
    }

    func testAPersonIsKnownByTheirAccountAtTheProviderOnceTheyHaveSignedIn() async throws {
        try await withProvider { testApp, _ in
            let first = testApp.browser()
            let signed = try await finish(first, try await begin(first), subject: ["email": Fixtures.employee, "sub": "freya-at-provider"])
            XCTAssertEqual(signed.status, .seeOther)
            // Her address changes at the provider before it does in Foothold: still her.
            let renamed = testApp.browser()
            let again = try await finish(
                renamed, try await begin(renamed), subject: ["email": "freya.new@ridgeway.example", "sub": "freya-at-provider"])
            XCTAssertEqual(again.status, .seeOther, again.body)
            let home = try await renamed.get(SiteURL.home.path)
            XCTAssertTrue(home.body.contains("Freya"))
            // Someone else at the provider now gives her address: not let in as her.
            let other = testApp.browser()
            let taken = try await finish(other, try await begin(other), subject: ["email": Fixtures.employee, "sub": "someone-else"])
            XCTAssertEqual(taken.status, .forbidden)
            XCTAssertTrue(taken.body.contains("signs in to Foothold with a different account"))
            XCTAssertFalse(other.isSignedIn)
        }
    }

    func testWithPasswordsOffOnlyTheNamedAdministratorsCanUseOne() async throws {
        try await withProvider(passwords: .only([Fixtures.hrAdmin])) { testApp, _ in
            let browser = testApp.browser()
            let page = try await browser.get(SiteURL.signIn.path)
            XCTAssertTrue(page.body.contains("Sign in with Ridgeway"))
            XCTAssertFalse(page.body.contains("name=\"password\""), "no password form for everyone")
            XCTAssertTrue(page.body.contains("/sign-in?with=password"))
            let shown = try await browser.get(SiteURL.signIn.with(query: [("with", "password")]))
            XCTAssertTrue(shown.body.contains("name=\"password\""))

            // Someone not named, with their right password, is answered exactly as a named
            // administrator with a wrong one: nobody can tell who may still use a password.
            let refused = try await browser.signIn(Fixtures.employee, password: Fixtures.password)
            let wrongPassword = try await testApp.browser().signIn(Fixtures.hrAdmin, password: "not the password at all")
            XCTAssertEqual(refused.status, .unauthorized)
            XCTAssertEqual(wrongPassword.status, .unauthorized)
            let said = { (page: Browser.Page) in
                page.body.firstMatch(of: /<div class="error-summary"(.|\n)*?<\/div>/).map { String($0.output.0) }
            }
            XCTAssertNotNil(said(refused))
            XCTAssertEqual(said(refused), said(wrongPassword), "the same words for both")
            XCTAssertTrue(refused.body.contains("signs in with your organisation"))
            XCTAssertFalse(browser.isSignedIn)
            let counted = try await auditCount(.passwordSignInOff, testApp)
            XCTAssertEqual(counted, 1, "HR's audit log says which it was")

            let admin = testApp.browser()
            let allowed = try await admin.signIn(Fixtures.hrAdmin.uppercased(), password: Fixtures.password)
            XCTAssertEqual(allowed.status, .seeOther, "a named administrator still signs in with a password")
            XCTAssertTrue(admin.isSignedIn)
        }
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTVapor
import XCTest
@testable import FootholdApp

/// What a request may carry is decided before anyone is known.
final class RequestLimitTests: XCTestCase {
    func testANULCharacterInAFormIsRefusedWithAReasonAndNothingIsSaved() async throws {
        try await withApp { testApp in
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            let before = try await ConversationModel.find(conversation, on: testApp.db)!.expectations
            let sent = try await ben.send(
                .POST, SiteURL.guided(conversation).path,
                body: "expectations=Half%20an%20hour%00&\(CSRF.fieldName)=\(try await ben.formToken())",
                contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(sent.status, .badRequest)
            XCTAssertTrue(sent.body.visibleText.contains("contains a NUL character"), sent.body.visibleText)
            let after = try await ConversationModel.find(conversation, on: testApp.db)!.expectations
            XCTAssertEqual(after, before)
            let search = try await ben.get(SiteURL.people.path + "?q=a%00b")
            XCTAssertEqual(search.status, .badRequest)
        }
    }

    func testNULDetection() {
        func nul(_ text: String, raw: Bool = false) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { RequestLimits.containsNUL($0, raw: raw) }
        }
        XCTAssertTrue(nul("a=%00"))
        XCTAssertTrue(nul("%%00"))
        XCTAssertTrue(nul("x=%0%00"))
        XCTAssertFalse(nul("a=%0"))
        XCTAssertFalse(nul("a=%10%20"))
        XCTAssertFalse(nul("a=100%"))
        XCTAssertFalse(nul("a\u{0}b"), "a raw NUL counts only when asked")
        XCTAssertTrue(nul("a\u{0}b", raw: true))
        XCTAssertFalse(nul(""))
    }

    func testOnlyAnHRAdministratorMaySendALargeBodyAndOnlyToAnUpload() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let large = String(repeating: "a", count: 100 * 1024)
            // Nobody signed in: a sign-in form of 100 KB is refused before anything is looked up.
            let stranger = testApp.browser()
            let refused = try await stranger.post(SiteURL.signIn.path, ["email": large, "password": "x"])
            XCTAssertEqual(refused.status, .payloadTooLarge)
            XCTAssertTrue(refused.body.visibleText.contains("64 KB"), refused.body.visibleText)
            // An employee posting a large file to the import is held to a form's limit.
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let upload = try await freya.upload(
                SiteURL.adminImport.path, fields: [:], fileField: "file", filename: "people.csv", content: large)
            XCTAssertEqual(upload.status, .payloadTooLarge)
            // An HR administrator may send a large file there, and is told what is wrong with it.
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let csv = "email,name,job_title,unit,manager_email,leadership_team,hr_admin\n" + String(repeating: "x\n", count: 60 * 1024)
            let imported = try await rosie.upload(
                SiteURL.adminImport.path, fields: [:], fileField: "file", filename: "people.csv", content: csv)
            XCTAssertNotEqual(imported.status, .payloadTooLarge)
            XCTAssertLessThan(imported.status.code, 500)
            // But not to any other form.
            let themes = try await rosie.post(SiteURL.adminThemes.path, ["name": large])
            XCTAssertEqual(themes.status, .payloadTooLarge)
        }
    }

    func testEveryKindOfResponseCarriesTheSecurityHeaders() async throws {
        for baseURL in ["http://127.0.0.1:8080", "https://foothold.example"] {
            let testApp = try await TestApp.make(baseURL: baseURL)
            do {
                let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
                let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
                let responses: [(String, Browser.Page)] = [
                    ("a page", try await ben.get(SiteURL.home.path)),
                    ("a redirect", try await testApp.browser().get(SiteURL.home.path)),
                    ("the style sheet", try await ben.get(SiteURL.stylesheet.path)),
                    ("the calendar file", try await ben.get(SiteURL.calendar(conversation).path)),
                    ("a JSON download", try await rosie.get(SiteURL.adminQuestionBankExport.path)),
                    ("an error page", try await ben.get("/no-such-page")),
                    ("a refused page", try await ben.get(SiteURL.admin.path)),
                    ("the health check", try await ben.get(SiteURL.health.path)),
                    ("a form's answer", try await ben.post(SiteURL.signOut.path, [:])),
                ]
                for (what, response) in responses {
                    XCTAssertEqual(response.headers.first(name: "X-Content-Type-Options"), "nosniff", "\(what) at \(baseURL)")
                    XCTAssertEqual(response.headers.first(name: "X-Frame-Options"), "DENY", "\(what) at \(baseURL)")
                    XCTAssertEqual(response.headers.first(name: "Referrer-Policy"), "same-origin", "\(what) at \(baseURL)")
                    let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                    XCTAssertTrue(
                        policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"),
                        "\(what) at \(baseURL): \(policy)")
                    let hsts = response.headers.first(name: "Strict-Transport-Security")
                    XCTAssertEqual(hsts != nil, baseURL.hasPrefix("https"), "\(what) at \(baseURL)")
                }
            } catch {
                await testApp.shutdown()
                throw error
            }
            await testApp.shutdown()
        }
    }
}

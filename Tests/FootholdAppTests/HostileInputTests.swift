import Fluent
import FootholdCore
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

/// What a server error writes to the log.
final class ErrorLogTests: XCTestCase {
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    struct CapturingHandler: LogHandler {
        let captured: Captured
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String,
            line: UInt
        ) {
            captured.add("\(level) \(message)")
        }
    }

    struct Broken: Error {}

    func testAServerErrorIsLoggedWithoutTheTokenInItsAddress() async throws {
        try await withApp { testApp in
            let captured = Captured()
            testApp.app.logger = Logger(label: "test") { _ in CapturingHandler(captured: captured) }
            testApp.app.access(.open).get("broken-link", ":token") { _ -> String in throw Broken() }
            let page = try await testApp.browser().get("/broken-link/s3cr3t-t0ken-value")
            XCTAssertEqual(page.status, .internalServerError)
            XCTAssertFalse(page.body.contains("Broken"), "the page never shows internals")
            let logged = captured.all.joined(separator: "\n")
            XCTAssertTrue(logged.contains("/broken-link/:token failed"), logged)
            XCTAssertFalse(logged.contains("s3cr3t-t0ken-value"), logged)
        }
    }
}

/// Files an HR administrator uploads are checked line by line, whatever bytes they hold.
final class HostileUploadTests: XCTestCase {
    func testHostileFilesGetAClearMessageAndNoServerError() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let rosie = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let header = "email,name,job_title,unit,manager_email,leadership_team,hr_admin\n"
            let files: [(String, String)] = [
                ("a NUL in a name", header + "new.person@ridgeway.example,New\u{0}Person,Officer,Ridgeway,,no,no\n"),
                ("markup", header + "x@ridgeway.example,<script>alert(1)</script>,Officer,Ridgeway,,no,no\n"),
                ("a very long line", header + String(repeating: "a", count: 500_000) + "\n"),
                ("an unclosed quote", header + "\"x@ridgeway.example,X,Officer,Ridgeway,,no,no\n"),
                ("right-to-left override", header + "y@ridgeway.example,\u{202E}Evil,Officer,Ridgeway,,no,no\n"),
            ]
            for (what, content) in files {
                let page = try await rosie.upload(
                    SiteURL.adminImport.path, fields: [:], fileField: "file", filename: "people.csv", content: content)
                XCTAssertLessThan(page.status.code, 500, what)
                XCTAssertFalse(page.body.contains("<script>alert(1)</script>"), "\(what): markup is escaped")
            }
            let nul = try await rosie.upload(
                SiteURL.adminImport.path, fields: [:], fileField: "file", filename: "people.csv", content: files[0].1)
            XCTAssertTrue(nul.body.visibleText.contains("contains an invisible control character"), nul.body.visibleText)
            let bank = try await rosie.upload(
                SiteURL.adminQuestionBankImport.path, fields: [:], fileField: "file", filename: "bank.json",
                content: "{\"version\": 1, \"stages\": [{\"stage\": \"\\u0000\"}]}")
            XCTAssertLessThan(bank.status.code, 500)
            let health = try await testApp.browser().get(SiteURL.health.path)
            XCTAssertEqual(health.status, .ok)
        }
    }
}

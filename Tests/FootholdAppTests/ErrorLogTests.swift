import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTVapor
import XCTest
@testable import FootholdApp

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

    /// 4 December 2026: 403 and 404 answers were logged nowhere. They are, by route pattern.
    func testRefusalsAreLoggedByTheirRoutesPatternOnly() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let captured = Captured()
            testApp.app.logger = Logger(label: "test") { _ in CapturingHandler(captured: captured) }
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let hidden = UUID()
            let forbidden = try await freya.get(SiteURL.adminAudit.path)
            XCTAssertEqual(forbidden.status, .forbidden)
            let missing = try await freya.get(SiteURL.conversation(hidden).path)
            XCTAssertEqual(missing.status, .notFound)
            let nowhere = try await freya.get("/no/such/place/secret-value-42")
            XCTAssertEqual(nowhere.status, .notFound)
            let logged = captured.all.joined(separator: "\n")
            XCTAssertTrue(logged.contains("notice 403 GET /admin/audit"), logged)
            XCTAssertTrue(logged.contains("notice 404 GET /conversations/:conversationID"), logged)
            XCTAssertTrue(logged.contains("notice 404 GET (an address with no route)"), logged)
            XCTAssertFalse(logged.contains(hidden.uuidString) || logged.contains(hidden.lowerText), logged)
            XCTAssertFalse(logged.contains("secret-value-42"), logged)
        }
    }
}

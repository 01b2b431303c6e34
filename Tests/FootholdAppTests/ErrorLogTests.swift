import Fluent
import FootholdCore
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
}

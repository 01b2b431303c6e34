@testable import FootholdData
import Foundation
import XCTest

/// The Python packages some tests talk to (aiosmtpd, icalendar). scripts/test installs them and sets
/// FOOTHOLD_REQUIRE_SMTP_TESTS, so there a missing one fails the test; a bare `swift test` skips it.
enum PythonModules {
    static func require(_ module: String) throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import \(module)"]
        probe.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus != 0 else { return }
        if ProcessInfo.processInfo.environment["FOOTHOLD_REQUIRE_SMTP_TESTS"] == "1" {
            XCTFail("\(module) is not installed: python3 -m pip install \(module)")
        }
        throw XCTSkip("\(module) is not installed (scripts/test installs it): python3 -m pip install \(module)")
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTVapor
import XCTest
@testable import FootholdApp

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

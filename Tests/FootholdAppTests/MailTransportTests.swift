import FootholdCore
@testable import FootholdData
import Foundation
import NIOPosix
import XCTest

@testable import FootholdApp

/// E-mail handed to a folder of .eml files (the demo's) or to a sendmail-compatible program.
final class MailTransportTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: scratch) }

    func message(id: String = "reminder-1@ridgeway.example") -> MailMessage {
        MailMessage(
            from: .init(name: "Foothold", email: "foothold@ridgeway.example"),
            to: .init(name: "Freya Ahmed", email: "freya@ridgeway.example"),
            subject: "Time to prepare", text: "Dear Freya,\n.a dot\nFoothold", html: "<p>Dear Freya,</p>",
            date: Date(timeIntervalSince1970: 0),
            messageID: id)
    }

    func testAFolderGetsOneWholeFilePerMessage() async throws {
        let folder = scratch.appendingPathComponent("outbox").path
        for id in ["a@x", "b@x"] {
            try await MailTransport.folder(path: folder).send(
                message(id: id), heloName: "test", group: MultiThreadedEventLoopGroup.singleton)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(files, ["a-at-x.eml", "b-at-x.eml"], "no half-written .part files left")
        let text = try String(contentsOfFile: folder + "/a-at-x.eml", encoding: .utf8)
        XCTAssertEqual(text, message(id: "a@x").rendered())
    }

    func testASendmailProgramIsGivenTheMessageAndTheEnvelope() async throws {
        let program = scratch.appendingPathComponent("sendmail").path
        let got = scratch.appendingPathComponent("got").path
        try "#!/bin/sh\necho \"$@\" > \(got).args\ncat > \(got).eml\n".write(toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        try await MailTransport.sendmail(path: program).send(message(), heloName: "test", group: MultiThreadedEventLoopGroup.singleton)
        XCTAssertEqual(
            try String(contentsOfFile: got + ".args", encoding: .utf8), "-i -f foothold@ridgeway.example -- freya@ridgeway.example\n")
        let sent = try String(contentsOfFile: got + ".eml", encoding: .utf8)
        XCTAssertEqual(
            sent, message().rendered().replacingOccurrences(of: "\r\n", with: "\n"), "lines end in LF for sendmail; no dot-stuffing")
    }

    func testASendmailThatFailsSaysSo() async throws {
        let program = scratch.appendingPathComponent("refuses").path
        try "#!/bin/sh\ncat > /dev/null\necho 'queue full' >&2\nexit 75\n".write(toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        do {
            try await MailTransport.sendmail(path: program).send(message(), heloName: "test", group: MultiThreadedEventLoopGroup.singleton)
            XCTFail("a failing program went unnoticed")
        } catch let failure as SMTPFailure {
            XCTAssertTrue(failure.message.contains("exited with 75"), failure.message)
            XCTAssertTrue(failure.message.contains("queue full"), failure.message)
            XCTAssertTrue(failure.isTransient)
        }
    }
}

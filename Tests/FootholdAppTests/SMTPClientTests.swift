import FootholdCore
@testable import FootholdData
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import XCTest

@testable import FootholdApp

/// The SMTP client against a real SMTP server (Python's aiosmtpd, installed by scripts/test), with
/// and without STARTTLS, TLS from the start and AUTH; what arrives is read back by Python's own
/// e-mail parser.
final class SMTPClientTests: XCTestCase {
    struct Server {
        var process: Process
        var port: Int
        var folder: URL
    }

    var servers: [Server] = []
    var scratch: URL!
    var certificate: String { scratch.appendingPathComponent("cert.pem").path }
    var key: String { scratch.appendingPathComponent("key.pem").path }

    override func setUpWithError() throws {
        try PythonModules.require("aiosmtpd")
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        _ = try TestCertificate(in: scratch)
    }

    override func tearDown() {
        for server in servers where server.process.isRunning {
            server.process.terminate()
            for _ in 0..<50 where server.process.isRunning { usleep(20_000) }
            if server.process.isRunning { kill(server.process.processIdentifier, SIGKILL) }
        }
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    func start(_ arguments: [String] = []) throws -> Server {
        let folder = scratch.appendingPathComponent("inbox-\(servers.count)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail/smtp_server.py").path
        process.arguments = ["python3", script, "--port", "0", "--folder", folder.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        // Not the test run's own output: a server left running would keep it open.
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("ready "), let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            struct NotStarted: Error, CustomStringConvertible { var description: String }
            throw NotStarted(description: "the test SMTP server did not start: \(line)")
        }
        let server = Server(process: process, port: port, folder: folder)
        servers.append(server)
        return server
    }

    /// What Python's parser read of each message the server accepted, in order.
    func received(_ server: Server) throws -> [[String: Any]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: server.folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: server.folder.appendingPathComponent($0))) as! [String: Any]
        }
    }

    let subject = "Zoë, your Mid\u{2011}year conversation with Siân is on Tuesday 2 November at 10:00 \u{2014} time to prepare"
    let text = "Dear Zoë,\n.A line that begins with a dot\n..and two\n\(String(repeating: "long words ", count: 20))\n\nFoothold"

    func message() -> MailMessage {
        MailMessage(
            from: .init(name: "Foothold", email: "foothold@ridgeway.example"),
            to: .init(name: "Zoë O’Brien", email: "zoe@ridgeway.example"),
            subject: subject, text: text, html: "<p>Dear Zoë,</p>", date: Date(timeIntervalSince1970: 1_811_748_600),
            messageID: "test-\(UUID().uuidString.lowercased())@ridgeway.example")
    }

    func send(_ url: String) async throws -> String {
        let settings = try SMTPSettings.parse(url)
        return try await SMTPClient.send(
            message(), settings: settings, heloName: "foothold.test", group: MultiThreadedEventLoopGroup.singleton
        ).accepted
    }

    func testAMessageArrivesWholeOverPlainSMTP() async throws {
        let server = try start()
        let reply = try await send("smtp://127.0.0.1:\(server.port)")
        XCTAssertTrue(reply.contains("Accepted"), reply)
        let got = try received(server)
        XCTAssertEqual(got.count, 1)
        XCTAssertEqual(got[0]["subject"] as? String, subject, "the encoded subject reads back exactly")
        XCTAssertEqual((got[0]["text"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n"), text, "dots and long lines survive")
        XCTAssertEqual(got[0]["rcpt_tos"] as? [String], ["zoe@ridgeway.example"])
        XCTAssertEqual(got[0]["to"] as? String, "Zoë O’Brien <zoe@ridgeway.example>")
        XCTAssertEqual(got[0]["defects"] as? [String], [], "Python's parser finds nothing wrong")
        XCTAssertEqual(got[0]["tls"] as? Bool, false)
    }

    func testStartTLSWhenRequiredAndAuthOverIt() async throws {
        let server = try start(["--starttls", certificate, key, "--require-starttls", "--auth", "foothold", "s3cret pass"])
        _ = try await send("smtp://foothold:s3cret%20pass@localhost:\(server.port)?starttls=required&ca=\(certificate)")
        let got = try received(server)
        XCTAssertEqual(got.first?["tls"] as? Bool, true)
        XCTAssertEqual(got.first?["authenticated"] as? Bool, true)
    }

    func testTLSFromTheStart() async throws {
        let server = try start(["--tls", certificate, key])
        _ = try await send("smtps://localhost:\(server.port)?ca=\(certificate)")
        XCTAssertEqual(try received(server).first?["tls"] as? Bool, true)
    }

    func testAuthWithoutTLSOnlyOnThisMachine() async throws {
        let server = try start(["--auth", "foothold", "pass"])
        _ = try await send("smtp://foothold:pass@127.0.0.1:\(server.port)")
        XCTAssertEqual(try received(server).first?["authenticated"] as? Bool, true)
    }

    func testAWrongPasswordIsRefusedForGood() async throws {
        let server = try start(["--starttls", certificate, key, "--auth", "foothold", "right"])
        do {
            _ = try await send("smtp://foothold:wrong@localhost:\(server.port)?ca=\(certificate)")
            XCTFail("sent with a wrong password")
        } catch let failure as SMTPFailure {
            XCTAssertEqual(failure.code, 535)
            XCTAssertFalse(failure.isTransient, "not worth trying again")
        }
        XCTAssertEqual(try received(server).count, 0)
    }

    func testABusyServerIsTriedAgainAndTheSecondTryArrives() async throws {
        let server = try start(["--refuse", "1"])
        do {
            _ = try await send("smtp://127.0.0.1:\(server.port)")
            XCTFail("the first try should be refused")
        } catch let failure as SMTPFailure {
            XCTAssertEqual(failure.code, 451)
            XCTAssertTrue(failure.isTransient)
        }
        _ = try await send("smtp://127.0.0.1:\(server.port)")
        XCTAssertEqual(try received(server).count, 1)
    }

    func testRequiredSTARTTLSThatIsNotOfferedAndAnUntrustedCertificateSendNothing() async throws {
        let plain = try start()
        do {
            _ = try await send("smtp://127.0.0.1:\(plain.port)?starttls=required")
            XCTFail("sent in the clear")
        } catch let failure as SMTPFailure {
            XCTAssertTrue(failure.message.contains("does not offer STARTTLS"), failure.message)
        }
        let secure = try start(["--starttls", certificate, key])
        do {
            _ = try await send("smtp://localhost:\(secure.port)")  // the system's roots do not trust the test's certificate
            XCTFail("trusted a certificate nobody vouched for")
        } catch is SMTPFailure {}
        XCTAssertEqual(try received(plain).count + received(secure).count, 0)
    }

    /// Read in the code on 4 December 2026: replies received in plain text before the handshake
    /// were kept and read after it, as the secure server's (the STARTTLS injection class).
    func testRepliesSentInPlainTextBeforeTheHandshakeAreThrownAway() async throws {
        let log = scratch.appendingPathComponent("commands.log").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail/injecting_smtp_server.py").path
        process.arguments = ["python3", script, "--cert", certificate, "--key", key, "--log", log]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try XCTUnwrap(Int(line.dropFirst("ready ".count).trimmingCharacters(in: .whitespacesAndNewlines)), line)
        let accepted = try await send("smtp://localhost:\(port)?starttls=required&ca=\(certificate)")
        XCTAssertEqual(accepted, "queued as SECURE-1", "each command read its own reply, none of the injected ones")
        let commands = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(
            Array(commands.prefix(4)), ["EHLO foothold.test", "STARTTLS", "EHLO foothold.test", "MAIL FROM:<foothold@ridgeway.example>"])
    }

    func testADeliveryInPlainTextIsReported() async throws {
        let plain = try start()
        let secure = try start(["--starttls", certificate, key])
        let heard = NIOLockedValueBox<[String]>([])
        for url in ["smtp://127.0.0.1:\(plain.port)", "smtp://localhost:\(secure.port)?ca=\(certificate)"] {
            try await MailTransport.smtp(try SMTPSettings.parse(url)).send(
                message(), heloName: "foothold.test", group: MultiThreadedEventLoopGroup.singleton
            ) { host in heard.withLockedValue { $0.append(host) } }
        }
        XCTAssertEqual(heard.withLockedValue { $0 }, ["127.0.0.1"], "the plain one only")
    }

    func testTheAddressIsReadWithClearMessages() {
        XCTAssertEqual(try SMTPSettings.parse("smtp://mail.example.org").port, 587)
        XCTAssertEqual(try SMTPSettings.parse("smtps://mail.example.org").security, .tls)
        XCTAssertEqual(try SMTPSettings.parse("smtps://mail.example.org").port, 465)
        for (bad, says) in [
            ("http://mail.example.org", "must begin smtp:// or smtps://"), ("smtp://", "needs the mail server's name"),
            ("smtp://mail.example.org?verify=no", "a setting it does not know"), ("mail.example.org", "must"),
        ] {
            XCTAssertThrowsError(try SMTPSettings.parse(bad), bad) { error in
                XCTAssertTrue("\(error)".contains(says), "\(bad): \(error)")
                XCTAssertTrue("\(error)".contains("FOOTHOLD_SMTP_URL"), "names the setting")
            }
        }
    }

    /// The whole way: a reminder pass over STARTTLS and AUTH to the real server, which refuses the
    /// first message; the pass tries it again a minute later; every message arrives once, whole,
    /// with its one-click unsubscribe, and none carries anything said.
    func testAReminderPassDeliversOverSMTPAndTriesAgainAfterARefusal() async throws {
        let server = try start(["--starttls", certificate, key, "--auth", "foothold", "s3cret", "--refuse", "1"])
        try await withApp { testApp in
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await ben.post(SiteURL.guided(conversation).path, ["expectations": "MARK-EXPECTATIONS"])
            testApp.app.footholdConfiguration.mail.transport = .smtp(
                try SMTPSettings.parse("smtp://foothold:s3cret@localhost:\(server.port)?starttls=required&ca=\(certificate)"))
            let first = try await ReminderPass(app: testApp.app).run(now: testApp.clock.now)
            // Waiting besides the reminders: the news of Ben's invitation and Freya's acceptance (decision 0022).
            XCTAssertEqual(first.failed, 1, "the server refused the first")
            XCTAssertEqual(first.sent, first.recorded + 2 - 1)
            testApp.clock.advance(by: 61)
            let second = try await ReminderPass(app: testApp.app).run(now: testApp.clock.now)
            XCTAssertEqual(second.sent, 1)
            let got = try received(server)
            XCTAssertEqual(got.count, first.recorded + 2, "each once")
            let ids = got.compactMap { ($0["headers"] as? [String: String])?["Message-ID"] }
            XCTAssertEqual(ids.count, got.count)
            XCTAssertEqual(Set(ids).count, got.count, "no Message-ID twice")
            for message in got {
                XCTAssertEqual(message["defects"] as? [String], [], "Python's parser finds nothing wrong")
                XCTAssertEqual(message["tls"] as? Bool, true)
                let headers = message["headers"] as? [String: String] ?? [:]
                XCTAssertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
                XCTAssertTrue(headers["List-Unsubscribe"]?.hasPrefix("<http://127.0.0.1:8080/unsubscribe/") == true)
                let text = message["text"] as? String ?? ""
                XCTAssertTrue(text.hasPrefix("Hello "), text)
                XCTAssertFalse("\(message)".contains("MARK-"))
            }
        }
    }
}

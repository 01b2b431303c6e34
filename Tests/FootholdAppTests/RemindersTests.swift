import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest

@testable import FootholdApp

/// The reminder pass end to end: what it records and sends, once; the notifications page and its
/// count; switching kinds off, in settings and by the one-click link in an e-mail; retries; and
/// that nothing said in a conversation reaches a notification or an e-mail.
final class RemindersTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("foothold-reminders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// Monday 2 November 2026, 09:00 in London (GMT): the Progress review 2 window opened on Sunday.
    static let windowOpenMonday = Date(timeIntervalSince1970: 1_793_610_000)

    var folder: URL { scratch.appendingPathComponent("mail") }

    func sendToFolder(_ testApp: TestApp) {
        testApp.app.footholdConfiguration.mail.transport = .folder(path: folder.path)
    }

    func pass(_ testApp: TestApp) async throws -> ReminderPass.Outcome {
        try await ReminderPass(app: testApp.app).run(now: testApp.clock.now)
    }

    /// Every message in the folder, as (headers, decoded text of both parts).
    func mail() throws -> [(headers: String, body: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let split = raw.range(of: "\r\n\r\n")!
            return (String(raw[..<split.lowerBound]), Self.quotedPrintableDecoded(String(raw[split.upperBound...])))
        }
    }

    static func quotedPrintableDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let value = UInt8(String(decoding: source[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func reminders(_ testApp: TestApp) async throws -> [(kind: String, recipient: UUID, text: String)] {
        // The reminders a pass decides: not the news of what people did (decision 0022).
        try await testApp.db.sql.raw(
            """
            SELECT kind, recipient_id, text FROM reminders WHERE kind NOT IN \
            (\(binds: ReminderKind.allCases.filter { $0.isNews || $0.isAccountEmail }.map(\.rawValue))) ORDER BY key
            """
        ).all().map {
            (
                try $0.decode(column: "kind", as: String.self), try $0.decode(column: "recipient_id", as: UUID.self),
                try $0.decode(column: "text", as: String.self)
            )
        }
    }

    func testAWindowOpeningRemindsOnceAndShowsAsANotification() async throws {
        try await withApp(clock: TestClock(Self.windowOpenMonday)) { testApp in
            try await Fixtures.organisation(in: testApp)
            sendToFolder(testApp)
            let first = try await pass(testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let recorded = try await reminders(testApp)
            XCTAssertGreaterThan(first.recorded, 2)
            XCTAssertEqual(first.recorded, recorded.count)
            XCTAssertEqual(first.sent, recorded.count, "each reminder e-mailed")
            XCTAssertEqual(try mail().count, recorded.count)
            let toFreya = try XCTUnwrap(recorded.first { $0.recipient == freya })
            XCTAssertEqual(toFreya.kind, "window_opened")
            XCTAssertEqual(
                toFreya.text, "The Progress review 2 window is open until 30 November 2026: time for your career conversation with Ben.")
            let toBen = recorded.filter { $0.recipient == ben }.map(\.text)
            XCTAssertTrue(toBen.contains { $0.contains("2 people in your team are due a career conversation") }, "\(toBen)")

            // Straight after: nothing new, nothing sent again.
            let second = try await pass(testApp)
            XCTAssertEqual(second, ReminderPass.Outcome())
            let stillRecorded = try await reminders(testApp).count
            XCTAssertEqual(stillRecorded, recorded.count)
            XCTAssertEqual(try mail().count, recorded.count)

            // Freya's notifications: the count, the page, and opening one.
            let browser = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let home = try await browser.get(SiteURL.home.path).body
            XCTAssertTrue(home.contains("aria-label=\"Notifications, 1 unread\""), "the count in the navigation")
            let page = try await browser.get(SiteURL.notifications.path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.visibleText.contains("New The Progress review 2 window is open until 30 November 2026"))
            let id = RemindersStore.id(
                ofKey: Reminder(
                    kind: .windowOpened, recipientID: freya, subject: try await checkpointID(testApp), occurrence: "2026-11-01", text: "",
                    link: ""
                ).key)
            let benBrowser = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let benOpening = try await benBrowser.get(SiteURL.notification(id).path).status
            XCTAssertEqual(benOpening, .notFound, "only Freya may open hers")
            let opened = try await browser.get(SiteURL.notification(id).path)
            XCTAssertEqual(opened.status, .seeOther)
            XCTAssertEqual(opened.location, SiteURL.newConversation.path)
            let after = try await browser.get(SiteURL.home.path).body
            XCTAssertTrue(after.contains("aria-label=\"Notifications\""), "read: no count")
            let stillNew = try await browser.get(SiteURL.notifications.path).body.visibleText.contains("New The Progress")
            XCTAssertFalse(stillNew)
            // Ben marks all of his read.
            let benHasUnread = try await benBrowser.get(SiteURL.home.path).body.contains("unread\"")
            XCTAssertTrue(benHasUnread)
            _ = try await benBrowser.post(SiteURL.notificationsRead.path, [:])
            let benAllRead = try await benBrowser.get(SiteURL.home.path).body.contains("aria-label=\"Notifications\"")
            XCTAssertTrue(benAllRead)
        }
    }

    /// Whether the settings page ticks the kind's checkbox; nil when it has none.
    static func ticked(_ page: String, _ kind: ReminderKind) -> Bool? {
        guard let range = page.range(of: "<input[^>]*id=\"kind-\(kind.rawValue)\"[^>]*>", options: .regularExpression) else { return nil }
        return page[range].contains("checked")
    }

    func checkpointID(_ testApp: TestApp) async throws -> String {
        let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-02")!, on: testApp.reads, now: testApp.clock.now)
        return try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" }).id.uuidString.lowercased()
    }

    /// Freya and Ben prepare, write notes and agree actions with markers in every field; no
    /// notification, e-mail header or body carries any of them.
    func testPrepareAndActionRemindersCarryNothingSaid() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await freya.post(SiteURL.prepare(conversation).path, ["strengths": "MARK-EMPLOYEE-PREPARATION"])
            _ = try await ben.post(SiteURL.prepare(conversation).path, ["noticed": "MARK-GUIDE-PREPARATION"])
            _ = try await ben.post(SiteURL.guided(conversation).path, ["expectations": "MARK-EXPECTATIONS"])
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            try await testApp.db.sql.raw(
                """
                INSERT INTO agreed_actions (id, description, success_measure, owner, due_on, status, for_influence_objective, \
                employee_id, created_at, updated_at) VALUES (\(bind: UUID()), 'MARK-ACTION', 'MARK-MEASURE', 'employee', '2026-11-19', \
                'open', \(bind: false), \(bind: freyaID), \(bind: testApp.clock.now), \(bind: testApp.clock.now))
                """
            ).run()
            sendToFolder(testApp)
            let outcome = try await pass(testApp)
            let recorded = try await reminders(testApp)
            XCTAssertEqual(Set(recorded.map(\.kind)), ["prepare", "action_due", "digest"], "\(recorded)")
            XCTAssertTrue(
                recorded.contains { $0.text == "Weekly digest for Housing. For Progress review 2: 0 met, 5 due and 0 overdue." },
                "a director's digest: counts only")
            XCTAssertEqual(recorded.filter { $0.kind == "prepare" }.count, 2, "both of them")
            XCTAssertTrue(
                recorded.contains {
                    $0.text == "Your career conversation with Ben is on Tuesday 24 November at 14:00. There is time to prepare."
                })
            XCTAssertTrue(recorded.contains { $0.recipient == freyaID && $0.text == "An action of your own is due today." })
            // Sent besides: the two news of the invitation and its acceptance (decision 0022).
            XCTAssertEqual(outcome.sent, recorded.count + 2)
            let messages = try mail()
            XCTAssertEqual(messages.count, recorded.count + 2)
            for text in recorded.map(\.text) + messages.map({ $0.headers + $0.body }) {
                XCTAssertFalse(text.contains("MARK-"), text)
            }
            for message in messages {
                XCTAssertTrue(message.headers.contains("List-Unsubscribe: <http://127.0.0.1:8080/unsubscribe/"), message.headers)
                XCTAssertTrue(message.headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
                XCTAssertTrue(message.body.contains("Europe/London time"), "the time it was sent, on the organisation's clock")
            }
            for browser in [ben, freya] {
                let leaks = try await browser.get(SiteURL.notifications.path).body.contains("MARK-")
                XCTAssertFalse(leaks)
            }
        }
    }

    /// On 4 December 2026 an employee was offered the line manager's and the director's switches.
    func testEachPersonIsOfferedOnlyTheRemindersTheirRolesCanReceive() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            for (email, overdue, digest) in [
                (Fixtures.employee, false, false), (Fixtures.manager, true, false), (Fixtures.director, true, true),
            ] {
                let page = try await Fixtures.signedIn(email, in: testApp).get(SiteURL.reminderSettings.path).body
                XCTAssertEqual(page.contains("id=\"kind-overdue\""), overdue, email)
                XCTAssertEqual(page.contains("id=\"kind-digest\""), digest, email)
                XCTAssertTrue(page.contains("id=\"kind-prepare\""), email)
            }
            // Saving the page leaves a kind it did not offer as it was.
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            try await RemindersStore.setSwitchedOff([.digest], of: benID, at: testApp.clock.now, on: testApp.db)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let everything = ReminderKind.offered(hasReports: true, headsUnit: false).filter { $0 != .prepare }.map(\.rawValue)
            let saved = try await ben.send(
                .POST, SiteURL.reminderSettings.path,
                body: (["\(CSRF.fieldName)=" + (try await ben.formToken())] + everything.map { "on%5B%5D=\($0)" }).joined(separator: "&"),
                contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(saved.status, .seeOther)
            let off = try await RemindersStore.switchedOff(of: benID, on: testApp.reads)
            XCTAssertEqual(off, [.digest, .prepare])
        }
    }

    func testSwitchedOffKindsAreNotSentAndTheOneClickLinkSwitchesOff() async throws {
        try await withApp { testApp in
            let (ben, freya, _) = try await Fixtures.scheduledConversation(in: testApp)
            // Freya keeps every kind but the week-before reminder.
            let settings = try await freya.get(SiteURL.reminderSettings.path)
            XCTAssertTrue(settings.body.contains(ReminderKind.prepare.setting))
            let kept = ReminderKind.allCases.filter { $0 != .prepare }.map(\.rawValue)
            let saved = try await freya.send(
                .POST, SiteURL.reminderSettings.path,
                body: (["\(CSRF.fieldName)=" + (try await freya.formToken())] + kept.map { "on%5B%5D=\($0)" }).joined(separator: "&"),
                contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(saved.status, .seeOther)
            let freyaSettings = try await freya.get(SiteURL.reminderSettings.path).body
            XCTAssertEqual(Self.ticked(freyaSettings, .prepare), false)
            XCTAssertEqual(Self.ticked(freyaSettings, .windowOpened), true)
            XCTAssertEqual(Self.ticked(settings.body, .prepare), true, "every kind is on until switched off")
            let unknown = try await freya.post(SiteURL.reminderSettings.path, ["on[]": "<script>"])
            XCTAssertEqual(unknown.status, .badRequest)
            XCTAssertTrue(unknown.body.contains("There is no reminder called"))
            XCTAssertTrue(unknown.body.contains("&lt;script&gt;"))
            sendToFolder(testApp)
            _ = try await pass(testApp)
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let recorded = try await reminders(testApp)
            XCTAssertFalse(recorded.contains { $0.recipient == freyaID && $0.kind == "prepare" }, "Freya switched it off")
            XCTAssertTrue(recorded.contains { $0.recipient == benID && $0.kind == "prepare" })

            // Ben's e-mail carries a one-click link; a mail client posts to it with no session and no form token.
            let message = try XCTUnwrap(
                try mail().first {
                    $0.headers.contains("ben.khan@") && $0.headers.contains("Subject: Your career conversation is coming up")
                })
            let header = try XCTUnwrap(message.headers.components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: <") })
            let path = try XCTUnwrap(URL(string: String(header.dropFirst("List-Unsubscribe: <".count).dropLast()))).path
            let stranger = testApp.browser()
            let confirm = try await stranger.get(path)
            XCTAssertEqual(confirm.status, .ok)
            XCTAssertTrue(confirm.body.contains("Stop these reminders"))
            let offBefore = try await RemindersStore.switchedOff(of: benID, on: testApp.reads)
            XCTAssertEqual(offBefore, [], "opening the link switches nothing off")
            let posted = try await stranger.send(
                .POST, path, body: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(posted.status, .ok)
            let offAfter = try await RemindersStore.switchedOff(of: benID, on: testApp.reads)
            XCTAssertEqual(offAfter, [.prepare])
            let benSettings = try await ben.get(SiteURL.reminderSettings.path).body
            XCTAssertEqual(Self.ticked(benSettings, .prepare), false, "his settings page shows it off")
            XCTAssertEqual(Self.ticked(benSettings, .actionDue), true)
            for wrong in ["/unsubscribe/not-a-token", "/unsubscribe/" + String(repeating: "x", count: 300)] {
                let opened = try await stranger.get(wrong).status
                XCTAssertEqual(opened, .notFound, wrong)
                let posted = try await stranger.send(
                    .POST, wrong, body: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded")
                XCTAssertEqual(posted.status, .notFound, wrong)
            }
        }
    }

    /// A sendmail program that refuses the first message: the delivery waits a minute and goes on
    /// the next pass after that, once.
    func testAFailedDeliveryIsTriedAgainLaterAndSentOnce() async throws {
        try await withApp { testApp in
            _ = try await Fixtures.scheduledConversation(in: testApp)
            let program = scratch.appendingPathComponent("sendmail")
            let log = scratch.appendingPathComponent("log")
            let refusedOnce = scratch.appendingPathComponent("refused")
            try """
            #!/bin/sh
            message=$(cat)
            if [ ! -f '\(refusedOnce.path)' ]; then touch '\(refusedOnce.path)'; echo 'mail system busy' >&2; exit 75; fi
            printf '%s\\n' "$message" | grep -i '^Message-ID:' >> '\(log.path)'
            """.write(to: program, atomically: true, encoding: .utf8)
            chmod(program.path, 0o755)
            testApp.app.footholdConfiguration.mail.transport = .sendmail(path: program.path)
            let first = try await pass(testApp)
            XCTAssertEqual(first.recorded, 6, "Ben's and Freya's week-before reminders, and four directors' digests")
            // Waiting too: the news of Ben's invitation and of Freya's acceptance (decision 0022).
            XCTAssertEqual(first.failed, 1)
            XCTAssertEqual(first.sent, 7)
            let tooSoon = try await pass(testApp)
            XCTAssertEqual(tooSoon, ReminderPass.Outcome(), "not before its minute is up")
            testApp.clock.advance(by: 61)
            let retried = try await pass(testApp)
            XCTAssertEqual(retried.sent, 1)
            let nothingLeft = try await pass(testApp)
            XCTAssertEqual(nothingLeft, ReminderPass.Outcome())
            let ids = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(ids.count, 8)
            XCTAssertEqual(Set(ids).count, 8, "each once")
        }
    }

    /// Two servers' passes at the same moment on the same database: each reminder is recorded once
    /// and each e-mail sent once.
    func testTwoInstancesPassingAtOnceSendEachOnce() async throws {
        try await withApp(clock: TestClock(Self.windowOpenMonday)) { testApp in
            try await Fixtures.organisation(in: testApp)
            let program = scratch.appendingPathComponent("sendmail")
            let log = scratch.appendingPathComponent("log")
            try """
            #!/bin/sh
            message=$(cat)
            sleep 0.02
            printf '%s\\n' "$message" | grep -i '^Message-ID:' >> '\(log.path)'
            """.write(to: program, atomically: true, encoding: .utf8)
            chmod(program.path, 0o755)
            let other = try await testApp.sibling()
            for app in [testApp.app, other.app] { app.footholdConfiguration.mail.transport = .sendmail(path: program.path) }
            async let a = ReminderPass(app: testApp.app).run(now: testApp.clock.now)
            async let b = ReminderPass(app: other.app).run(now: testApp.clock.now)
            let (one, two) = try await (a, b)
            await other.shutdown()
            let recorded = try await reminders(testApp)
            XCTAssertEqual(one.recorded + two.recorded, recorded.count, "each recorded by one of them")
            XCTAssertEqual(one.sent + two.sent, recorded.count)
            let ids = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(ids.count, recorded.count)
            XCTAssertEqual(Set(ids).count, ids.count, "none twice")
        }
    }

    /// A certificate for localhost, made by openssl, that the webhook receiver serves.
    func makeCertificate() throws -> TestCertificate {
        try TestCertificate(in: scratch, names: ["localhost", "hooks.example.com"])
    }

    /// A stand-in for a Slack incoming webhook over https; refuses the first `refuse` posts, or
    /// answers every post with a redirect.
    func startReceiver(
        named name: String = "webhook", refuse: Int = 0, redirect: String? = nil, tls: TestCertificate
    ) throws -> (process: Process, port: Int, folder: URL) {
        let folder = scratch.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mail/webhook_receiver.py").path
        process.arguments =
            ["python3", script, "--folder", folder.path, "--refuse", String(refuse), "--tls", tls.certificate, tls.key]
            + (redirect.map { ["--redirect", $0] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try XCTUnwrap(Int(line.dropFirst("ready ".count).trimmingCharacters(in: .whitespacesAndNewlines)), line)
        return (process, port, folder)
    }

    func stop(_ process: Process) {
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func posts(_ folder: URL) throws -> [[String: String]] {
        try ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map {
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) as! [String: String]
        }
    }

    /// The receiver is reached as localhost (the operator allows it, and trusts the test's
    /// certificate); every other name is pointed at this machine too, which must be refused.
    func reachReceivers(_ testApp: TestApp, certificate: String) {
        testApp.app.footholdConfiguration.outbound = OutboundHTTP(allowedHosts: ["localhost"], trustRoots: certificate)
        testApp.app.clients.resolveHost = { _, _ in [OutboundHTTP.Resolved(bytes: [127, 0, 0, 1], text: "127.0.0.1")] }
    }

    func testDigestsGoToTheChatWebhookWhereTheOrganisationTurnsItOn() async throws {
        try await withApp { testApp in
            let (ben, _, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await ben.post(SiteURL.guided(conversation).path, ["expectations": "MARK-EXPECTATIONS"])
            let tls = try makeCertificate()
            let receiver = try startReceiver(refuse: 1, tls: tls)
            defer { stop(receiver.process) }
            reachReceivers(testApp, certificate: tls.certificate)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let page = try await hr.get(SiteURL.adminReminders.path)
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.contains("name=\"reminders\""), "no choice sends one person's reminders to a channel")
            let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let refused = try await employee.get(SiteURL.adminReminders.path).status
            XCTAssertEqual(refused, .forbidden, "HR administrators only")
            // Named field errors, and what was typed kept.
            let wrong = try await hr.post(
                SiteURL.adminReminders.path,
                ["webhook": "http://hooks.example.com/x", "digests": "yes", "retention": "3"])
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.body.contains("The address must start with https://"))
            XCTAssertTrue(wrong.body.contains("Enter a whole number of months from 6 to 120"))
            XCTAssertTrue(wrong.body.contains("value=\"http://hooks.example.com/x\""))
            // Places inside: this machine, a private network, the cloud's metadata service.
            for inside in [
                "https://127.0.0.1:6379/", "https://169.254.169.254/latest/meta-data/", "https://10.0.0.1:8443/internal",
                "https://[::1]:8443/x", "https://api.localhost/x",
            ] {
                let answer = try await hr.post(SiteURL.adminReminders.path, ["webhook": inside, "digests": "yes", "retention": ""])
                XCTAssertEqual(answer.status, .badRequest, inside)
                XCTAssertTrue(answer.body.visibleText.contains("not on this machine or a private network"), inside)
            }
            let saved = try await hr.post(
                SiteURL.adminReminders.path,
                ["webhook": "https://localhost:\(receiver.port)/hook", "digests": "yes", "reminders": "yes", "retention": ""])
            XCTAssertEqual(saved.status, .seeOther, saved.body.visibleText)

            let first = try await pass(testApp)
            XCTAssertEqual(first.failed, 1, "the receiver refused the first post")
            let digests = try await reminders(testApp).filter { $0.kind == "digest" }.count
            XCTAssertEqual(digests, 4)
            let kinds = try await testApp.db.sql.raw(
                "SELECT DISTINCT r.kind FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE d.channel = 'chat'"
            ).all().map { try $0.decode(column: "kind", as: String.self) }
            XCTAssertEqual(kinds, ["digest"], "only digests are meant for the channel, whatever was ticked")
            testApp.clock.advance(by: 61)
            let second = try await pass(testApp)
            XCTAssertEqual(second.sent, 1, "tried again after a minute")
            let sent = try posts(receiver.folder)
            XCTAssertEqual(sent.count, 4, "each director's digest once; the week-before reminders are not sent to chat")
            let names = try await PersonModel.query(on: testApp.db).all().flatMap {
                [$0.name] + $0.name.split(separator: " ").map(String.init)
            }
            for post in sent {
                let text = try XCTUnwrap(post["text"])
                XCTAssertTrue(text.hasPrefix("Weekly digest for "), text)
                XCTAssertFalse(text.contains("MARK-"), text)
                for name in names { XCTAssertFalse(text.contains(name), "\(name) in \(text)") }
            }
            let audit = try await hr.get(SiteURL.adminAudit.path).body
            XCTAssertTrue(
                audit.contains("Changed the reminder and retention settings: a chat webhook at localhost for digests"), audit)
        }
    }

    func testTheWebhookNeverFollowsARedirectNorReachesANameThatLeadsInside() async throws {
        try await withApp { testApp in
            _ = try await Fixtures.scheduledConversation(in: testApp)
            let tls = try makeCertificate()
            let target = try startReceiver(named: "inside", tls: tls)
            defer { stop(target.process) }
            let redirecting = try startReceiver(
                named: "redirecting", redirect: "https://localhost:\(target.port)/internal-only/admin", tls: tls)
            defer { stop(redirecting.process) }
            reachReceivers(testApp, certificate: tls.certificate)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            _ = try await hr.post(
                SiteURL.adminReminders.path, ["webhook": "https://localhost:\(redirecting.port)/hook", "digests": "yes", "retention": ""])
            let outcome = try await pass(testApp)
            XCTAssertEqual(outcome.failed, 4, "every digest's post was answered with a redirect")
            XCTAssertEqual(try posts(target.folder).count, 0, "the redirect was not followed")
            let problems = try await testApp.db.sql.raw("SELECT DISTINCT problem FROM reminder_deliveries WHERE channel = 'chat'")
                .all().map { try $0.decode(column: "problem", as: String.self) }
            XCTAssertEqual(problems, ["the webhook answered 307 (redirects are not followed)"])

            // A name on the internet that leads, when the post is made, to this machine.
            try await testApp.db.sql.raw("DELETE FROM reminder_deliveries").run()
            try await testApp.db.sql.raw("DELETE FROM reminders").run()
            let saved = try await hr.post(
                SiteURL.adminReminders.path,
                ["webhook": "https://hooks.example.com:\(target.port)/hook", "digests": "yes", "retention": ""])
            XCTAssertEqual(saved.status, .seeOther, "a name is checked when the post is made")
            let inside = try await pass(testApp)
            XCTAssertEqual(inside.failed, 4)
            XCTAssertEqual(try posts(target.folder).count, 0, "nothing reached the address inside")
            let refusals = try await testApp.db.sql.raw("SELECT DISTINCT problem FROM reminder_deliveries WHERE channel = 'chat'")
                .all().map { try $0.decode(column: "problem", as: String.self) }
            XCTAssertEqual(
                refusals, ["hooks.example.com leads to an address on this machine or a private network, which Foothold does not send to"])
            // Allowed by the operator, the same name is reached.
            testApp.app.footholdConfiguration.outbound.allowedHosts.insert("hooks.example.com")
            try await testApp.db.sql.raw("DELETE FROM reminder_deliveries").run()
            try await testApp.db.sql.raw("DELETE FROM reminders").run()
            let allowed = try await pass(testApp)
            XCTAssertEqual(allowed.failed, 0)
            XCTAssertEqual(try posts(target.folder).count, 4)
        }
    }

    func testTheSystemsResolverFindsLoopbackForLocalhost() {
        let local = OutboundHTTP.resolve("localhost", port: 443)
        XCTAssertFalse(local.isEmpty)
        XCTAssertTrue(local.allSatisfy { OutboundAddress.isSpecial($0.bytes) }, "\(local.map(\.text))")
        XCTAssertEqual(OutboundHTTP.resolve("127.0.0.1", port: 443).map(\.text), ["127.0.0.1"])
        XCTAssertEqual(OutboundHTTP.literalBytes("169.254.169.254"), [169, 254, 169, 254])
        XCTAssertEqual(OutboundHTTP.literalBytes("::1"), Array(repeating: 0, count: 15) + [1])
        XCTAssertNil(OutboundHTTP.literalBytes("hooks.example.com"))
    }

    func testRetentionDeletesOldPrivateNotesAndPreparationAndSaysSoInTheAuditLog() async throws {
        try await withApp { testApp in
            let (ben, freya, conversation) = try await Fixtures.scheduledConversation(in: testApp)
            _ = try await freya.post(SiteURL.prepare(conversation).path, ["strengths": "MARK-OLD-PREPARATION"])
            _ = try await ben.post(SiteURL.prepare(conversation).path, ["noticed": "MARK-OLD-GUIDE-PREPARATION"])
            // Two years on, a newer conversation's preparation is written.
            testApp.clock.advance(by: 2 * 365 * 86_400)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            _ = try await hr.post(SiteURL.adminReminders.path, ["webhook": "", "retention": "12"])
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            try await testApp.db.sql.raw(
                """
                INSERT INTO private_notes (id, conversation_id, author_id, body, updated_at) \
                VALUES (\(bind: UUID()), \(bind: conversation), \(bind: benID), 'MARK-NEW-NOTE', \(bind: testApp.clock.now))
                """
            ).run()
            let outcome = try await pass(testApp)
            XCTAssertEqual(outcome.deletedPreparations, 2)
            XCTAssertEqual(outcome.deletedNotes, 0, "this year's note stays")
            let left = try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM preparations").first()!.decode(column: "n", as: Int.self)
            XCTAssertEqual(left, 0)
            let notes = try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM private_notes").first()!.decode(column: "n", as: Int.self)
            XCTAssertEqual(notes, 1)
            let audit = try await hr.get(SiteURL.adminAudit.path).body.visibleText
            XCTAssertTrue(
                audit.contains(
                    "Foothold, by the retention period Deleted private notes and preparation past the retention period: "
                        + "0 private notes and 2 preparations last changed before"
                ), audit)
            XCTAssertFalse(audit.contains("MARK-"))
            let again = try await pass(testApp)
            XCTAssertEqual(again.deletedPreparations + again.deletedNotes, 0, "nothing left to delete")
        }
    }
}

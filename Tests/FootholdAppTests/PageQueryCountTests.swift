import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

/// Every page the benchmark measures runs a fixed number of SQL statements, whatever the size of
/// the team: the guard against a query per row creeping back in.
final class PageQueryCountTests: XCTestCase {
    struct Counts: Equatable, CustomStringConvertible {
        var byPage: [String: Int] = [:]
        var description: String { byPage.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n") }
    }

    func testEveryBenchmarkedPageRunsTheSameStatementsForATeamOf4AndATeamOf40() async throws {
        let small = try await counts(forTeamOf: 4)
        let large = try await counts(forTeamOf: 40)
        XCTAssertEqual(Set(large.byPage.keys).count, 20, "every page was counted")
        XCTAssertEqual(small, large, "statements per page, team of 4 against team of 40:\n\(small)\n---\n\(large)")
        XCTAssertEqual(large.byPage["calendar feed"], 1, "a calendar program's every visit is one statement")
        for (page, count) in large.byPage {
            // A signed-in page reads its session and then what it shows.
            XCTAssertGreaterThan(count, page == "calendar feed" ? 0 : 1, "\(page): the counter sees the statements")
            // A line manager's home leads with the team board's figures: its reports, year and conversations.
            XCTAssertLessThanOrEqual(count, page == "home, manager" ? 12 : 10, "\(page) runs \(count) statements")
        }
    }

    /// On SQLite no measured page reads a large table or index from end to end. SQLite chooses its
    /// plans from the schema alone (no statistics are gathered), so the plans here are the plans at
    /// 50,000 people: this is how a dropped index or a query that defeats one shows up before the
    /// benchmark does. PostgreSQL plans by cost, so on a test database of forty people it rightly
    /// reads whole tables; its plans are read on the benchmark's database (docs/decisions/0007).
    func testNoMeasuredPageReadsALargeTableFromEndToEndOnSQLite() async throws {
        _ = try await counts(forTeamOf: 40) { testApp, statements in
            let sql = testApp.db.sql
            guard sql.dialect.name == "sqlite" else {
                throw XCTSkip(
                    "PostgreSQL plans by cost and its plans on forty people say nothing about 50,000; read on the benchmark's database")
            }
            var roots: [Int: (name: String, table: String)] = [:]
            for row in try await sql.raw("SELECT name, tbl_name, rootpage FROM sqlite_master WHERE rootpage > 0").all() {
                roots[try row.decode(column: "rootpage", as: Int.self)] =
                    (try row.decode(column: "name", as: String.self), try row.decode(column: "tbl_name", as: String.self))
            }
            let small: Set<String> = ["career_years", "checkpoints", "themes", "question_banks", "_fluent_migrations"]
            var checked = 0
            for (page, texts) in statements {
                for text in Set(texts) where text.hasPrefix("SELECT") || text.hasPrefix("WITH") {
                    // Which b-tree each cursor reads, and which cursors are walked from their first row.
                    var opened: [Int: Int] = [:], walked: [Int] = [], limited = false
                    for step in try await sql.raw(SQLQueryString("EXPLAIN " + text)).all() {
                        let opcode = try step.decode(column: "opcode", as: String.self)
                        let cursor = try step.decode(column: "p1", as: Int.self)
                        if opcode == "OpenRead" { opened[cursor] = try step.decode(column: "p2", as: Int.self) }
                        if opcode == "Rewind" || opcode == "Last" { walked.append(cursor) }
                        if opcode == "DecrJumpZero" { limited = true }
                    }
                    for cursor in walked {
                        guard let root = opened[cursor], let tree = roots[root], !small.contains(tree.table) else { continue }
                        // A list walked in an index's order stops when its page is full (the
                        // directory with no search, the HR people list): that is what the index is for.
                        if tree.name != tree.table && limited { continue }
                        XCTFail("\(page) reads all of \(tree.name) (\(tree.table)):\n\(text)")
                    }
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 20, "the pages' reads were inspected")
        }
    }

    private func counts(
        forTeamOf size: Int,
        inspect: ((TestApp, [String: [String]]) async throws -> Void)? = nil
    ) async throws -> Counts {
        var counts = Counts()
        var statements: [String: [String]] = [:]
        try await withApp { testApp in
            var rows = [
                "email,name,job_title,unit,manager_email,leadership_team,hr_admin",
                "chief@ridgeway.example,Cara Chief,Chief Executive,Ridgeway,,yes,no",
                "boss@ridgeway.example,Alex Boss,Team Leader,Ridgeway/Housing,chief@ridgeway.example,no,no",
                "hr@ridgeway.example,Hana Reed,HR Business Partner,Ridgeway,chief@ridgeway.example,no,yes",
            ]
            for index in 0..<size {
                rows.append("p\(index)@ridgeway.example,Person \(index),Housing Officer,Ridgeway/Housing,boss@ridgeway.example,no,no")
            }
            _ = try await PeopleImporter.run(
                csv: rows.joined(separator: "\n"), deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            let accounts = Accounts(app: testApp.app)
            for email in ["boss@ridgeway.example", "p0@ridgeway.example", "hr@ridgeway.example"] {
                try await accounts.setPassword(email: email, password: Fixtures.password)
            }
            let display = DisplayDate(timeZone: testApp.app.footholdConfiguration.timeZone, now: testApp.clock.now)
            let year = try await CareerYears.current(today: display.today(), on: testApp.reads, now: testApp.clock.now).year
            let current = try XCTUnwrap(year.current(on: display.today()))
            let earlier = try XCTUnwrap(year.checkpoints.first { $0.closes < current.opens })
            let boss = try await Fixtures.personID("boss@ridgeway.example", in: testApp)
            let theme = try await ThemeModel.query(on: testApp.db).first()!.requireID()

            // Everyone in the team has a record of an earlier conversation with notes, themes, an
            // open action and preparation, and a conversation arranged for the current checkpoint.
            var held: UUID?, open: UUID?
            for index in 0..<size {
                let person = try await Fixtures.personID("p\(index)@ridgeway.example", in: testApp)
                let record = try await conversation(
                    employee: person, guide: boss, state: .held, checkpoint: earlier.id,
                    startsAt: earlier.opens.start(in: .gmt).addingTimeInterval(36_000), in: testApp)
                let arranged = try await conversation(
                    employee: person, guide: boss, state: .scheduled, checkpoint: current.id,
                    startsAt: testApp.clock.now.addingTimeInterval(86_400 * 3), in: testApp)
                try await details(of: record, employee: person, guide: boss, theme: theme, in: testApp)
                try await details(of: arranged, employee: person, guide: boss, theme: nil, in: testApp)
                if index == 0 { (held, open) = (record, arranged) }
            }
            let heldID = try XCTUnwrap(held), openID = try XCTUnwrap(open)

            let manager = try await Fixtures.signedIn("boss@ridgeway.example", in: testApp)
            let employee = try await Fixtures.signedIn("p0@ridgeway.example", in: testApp)
            let hr = try await Fixtures.signedIn("hr@ridgeway.example", in: testApp)
            _ = try await ReminderPass(app: testApp.app).run(now: testApp.clock.now)
            let settings = try await employee.post(SiteURL.calendarFeedReset.path, [:]).body
            let feed = try XCTUnwrap(settings.firstMatch(of: /\/calendar\/[A-Za-z0-9_-]+\/foothold\.ics/), "the feed's address")
            // The pages no read is audited on come first: a batch of audited reads is written in
            // the background and would be counted against whichever page was open then.
            let pages: [(String, Browser, String)] = [
                ("notifications", manager, SiteURL.notifications.path),
                ("reminder settings", employee, SiteURL.reminderSettings.path),
                // A calendar program, with no session.
                ("calendar feed", testApp.browser(), String(feed.0)),
                ("open slots", employee, SiteURL.slots.path),
                ("opportunities", employee, SiteURL.opportunities.path),
                ("success stories", employee, SiteURL.stories.path),
                ("home, manager", manager, SiteURL.home.path),
                ("team board", manager, SiteURL.team.path),
                (
                    "a report's page, their manager", manager,
                    SiteURL.person(try await Fixtures.personID("p0@ridgeway.example", in: testApp)).path
                ),
                ("conversation list, manager", manager, SiteURL.conversations.path),
                ("record, guide", manager, SiteURL.record(heldID).path),
                ("home, employee", employee, SiteURL.home.path),
                ("conversation list, employee", employee, SiteURL.conversations.path),
                ("conversation", employee, SiteURL.conversation(openID).path),
                ("record, employee", employee, SiteURL.record(heldID).path),
                ("preparation", employee, SiteURL.prepare(openID).path),
                ("guided view", employee, SiteURL.guided(openID).path),
                ("calendar file", employee, SiteURL.calendar(openID).path),
                ("directory search", employee, SiteURL.people.with(query: [("q", "person")])),
                ("HR people list", hr, SiteURL.adminPeople.path),
            ]
            for (name, browser, path) in pages {
                let counter = QueryCounter()
                let logger = testApp.app.logger
                testApp.app.logger = counter.logger
                let page = try await browser.get(path)
                testApp.app.logger = logger
                XCTAssertEqual(page.status, .ok, "\(name) at \(path): \(page.body.prefix(300))")
                counts.byPage[name] = counter.count
                statements[name] = counter.all
            }
            try await inspect?(testApp, statements)
        }
        return counts
    }

    private func conversation(
        employee: UUID, guide: UUID, state: ConversationState, checkpoint: UUID?, startsAt: Date,
        in testApp: TestApp
    ) async throws -> UUID {
        let c = ConversationModel()
        c.kind = .checkpoint; c.state = state; c.requestedBy = .guide
        c.$employee.id = employee; c.$guide.id = guide; c.$checkpoint.id = checkpoint
        c.withLineManager = true; c.purpose = "Our checkpoint conversation"; c.minutes = 45; c.place = "Room 2"
        c.startsAt = startsAt; c.heldAt = state == .held ? startsAt : nil; c.heldMinutes = state == .held ? 45 : nil
        c.expectations = "Forty-five minutes, notes shared"; c.summary = state == .held ? "We talked about the next step." : ""
        c.employeePreparationShared = true; c.guidePreparationShared = true
        c.createdAt = testApp.clock.now; c.updatedAt = testApp.clock.now
        try await c.create(on: testApp.db)
        return try c.requireID()
    }

    private func details(of conversation: UUID, employee: UUID, guide: UUID, theme: UUID?, in testApp: TestApp) async throws {
        for side in [ConversationSide.employee, .guide] {
            let preparation = PreparationModel()
            preparation.$conversation.id = conversation; preparation.side = side
            preparation.answers = ConversationStore.encode(PreparationAnswers([.whatMattersNow: "Growing into planning work"]))
            preparation.updatedAt = testApp.clock.now
            try await preparation.create(on: testApp.db)
            let note = PrivateNoteModel()
            note.$conversation.id = conversation; note.$author.id = side == .employee ? employee : guide
            note.body = "A private thought"; note.updatedAt = testApp.clock.now
            try await note.create(on: testApp.db)
        }
        let action = AgreedActionModel(
            id: UUID(), employeeID: employee, conversationID: conversation, description: "Shadow the planning team for a day",
            owner: .employee, at: testApp.clock.now)
        try await action.create(on: testApp.db)
        if let theme {
            let tag = ConversationThemeModel()
            tag.$conversation.id = conversation; tag.$theme.id = theme
            try await tag.create(on: testApp.db)
        }
    }
}

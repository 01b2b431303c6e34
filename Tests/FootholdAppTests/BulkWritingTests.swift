import Fluent
import FootholdCore
@testable import FootholdData
@testable import FootholdDemo
import Foundation
import NIOCore
import XCTest
@testable import FootholdApp

/// The demo's fast writers must store exactly what the ordinary ones would.
final class BulkWritingTests: XCTestCase {
    func testPreparationAnswersSurviveTheHandWrittenJSON() throws {
        let awkward = "Quotes \" and back\\slashes, a tab\t, a new\nline, a bell \u{07}, emoji 🌱, accents é, </script> and ' too"
        var generator = SeededGenerator(seed: 7)
        for field in PreparationField.allCases {
            let random = String((0..<40).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &generator))) })
            var raw: [PreparationField: String] = [.strengths: random]
            raw[field] = awkward
            let answers = PreparationAnswers(raw)
            let json = ConversationStore.encode(answers)
            XCTAssertEqual(
                try JSONDecoder().decode([String: String].self, from: Data(json.utf8)),
                Dictionary(uniqueKeysWithValues: answers.answers.map { ($0.key.rawValue, $0.value) }), json)
            XCTAssertEqual(ConversationStore.decode(json).answers, answers.answers)
        }
        XCTAssertEqual(ConversationStore.encode(PreparationAnswers()), "{}")
    }

    func testIdentifiersAreWrittenAsTheDriverWritesThemAndSortInOrderOfMaking() {
        let edges = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
            UUID(uuid: (0x0F, 0xF0, 0x1E, 0xE1, 0x2D, 0xD2, 0x3C, 0xC3, 0x4B, 0xB4, 0x5A, 0xA5, 0x69, 0x96, 0x78, 0x87)),
        ]
        for id in edges + (0..<1000).map({ _ in UUID() }) {
            XCTAssertEqual(id.upperText, id.uuidString)
            XCTAssertEqual(id.lowerText, id.uuidString.lowercased())
        }
        var ids = OrderedIDs(startingAt: Date(timeIntervalSince1970: 1_795_082_400))
        let made = (0..<5000).map { _ in ids.next() }
        XCTAssertEqual(made.map(\.uuidString), made.map(\.uuidString).sorted(), "text order is the order they were made")
        XCTAssertEqual(Set(made).count, made.count)
        XCTAssertTrue(made.allSatisfy { $0.uuidString[$0.uuidString.index($0.uuidString.startIndex, offsetBy: 14)] == "7" }, "version 7")
    }

    /// COPY's text for times, ids and numbers, checked against Foundation's own formatting.
    func testCopyTextSpellsTimesIdsAndNumbersAsPostgreSQLReadsThem() {
        var generator = SeededGenerator(seed: 11)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        func text(_ write: (inout ByteBuffer) -> Void) -> String {
            var buffer = ByteBuffer()
            write(&buffer)
            return buffer.readString(length: buffer.readableBytes)!
        }
        for _ in 0..<3000 {
            // 1901 to 2099, to the microsecond and beyond.
            let seconds = Double.random(in: -2_170_000_000...4_070_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: seconds)
            let micros = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000) + 946_684_800 * 1_000_000
            let whole = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
            let expected =
                formatter.string(from: Date(timeIntervalSince1970: Double(whole)))
                + "." + String(String(micros - whole * 1_000_000 + 1_000_000).dropFirst()) + "+00"
            XCTAssertEqual(text { BulkValue.date(date).writeCopyText(into: &$0) }, expected, "\(seconds)")
        }
        for _ in 0..<500 {
            let id = UUID()
            XCTAssertEqual(text { BulkValue.uuid(id).writeCopyText(into: &$0) }, id.uuidString)
            let number = Int.random(in: -1_000_000...Int.max, using: &generator)
            XCTAssertEqual(text { BulkValue.int(number).writeCopyText(into: &$0) }, String(number))
        }
        XCTAssertEqual(text { BulkValue.int(0).writeCopyText(into: &$0) }, "0")
        XCTAssertEqual(
            text { BulkValue.date(Date(timeIntervalSince1970: 951_782_400)).writeCopyText(into: &$0) }, "2000-02-29 00:00:00.000000+00")
        XCTAssertEqual(text { BulkValue.text(nil).writeCopyText(into: &$0) }, "\\N")
        XCTAssertEqual(text { BulkValue.text("a\tb\\N\n").writeCopyText(into: &$0) }, "a\\tb\\\\N\\n")
        XCTAssertEqual(
            text { BulkValue.bool(true).writeCopyText(into: &$0) } + text { BulkValue.bool(false).writeCopyText(into: &$0) }, "tf")
    }

    /// A bulk-written row (COPY on PostgreSQL, a multi-row INSERT on SQLite) reads back exactly as
    /// the same row saved through Fluent: awkward text, nulls, fractions of a second, flags, ids.
    func testBulkWrittenRowsReadBackAsFluentWritesThem() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let awkward = "Tab\there, a new\nline, a return\r, back\\slash, a literal \\N, emoji 🌱, accents é, quotes ' \" and \u{07}"
            let times = [
                Date(timeIntervalSince1970: 1_795_082_400.123456), Date(timeIntervalSince1970: 946_684_799.5),
                Date(timeIntervalSince1970: 1_700_000_000.999_999_7), Date(timeIntervalSince1970: 951_782_400),
            ]  // 29 Feb 2000
            func saved(_ index: Int) -> ConversationModel {
                let c = ConversationModel()
                c.id = UUID()
                c.kind = .checkIn; c.state = index.isMultiple(of: 2) ? .held : .scheduled; c.requestedBy = .employee
                c.$employee.id = freya; c.$guide.id = ben; c.$checkpoint.id = nil; c.withLineManager = index.isMultiple(of: 2)
                c.purpose = awkward + " \(index)"; c.startsAt = times[index]; c.minutes = 45 + index; c.place = index == 1 ? "" : awkward
                c.heldAt = index.isMultiple(of: 2) ? times[index] : nil; c.heldMinutes = index.isMultiple(of: 2) ? 50 : nil
                c.expectations = "\\N"; c.summary = awkward; c.summaryConfirmedAt = nil
                c.employeePreparationShared = true; c.guidePreparationShared = false
                c.createdAt = times[index]; c.updatedAt = times[(index + 1) % times.count]
                return c
            }
            let throughFluent = (0..<times.count).map(saved)
            for c in throughFluent { try await c.create(on: testApp.db) }
            let bulk = (0..<times.count).map(saved)
            let route = try await testApp.db.transaction { database in
                try await BulkLoad.insert(
                    into: ConversationModel.schema,
                    columns: DemoHistoryWriter.conversationColumns,
                    count: bulk.count,
                    row: { index in
                        let c = bulk[index]
                        return [
                            .uuid(c.id), .text(c.kind.rawValue), .text(c.state.rawValue), .text(c.requestedBy.rawValue),
                            .uuid(c.$employee.id),
                            .uuid(c.$guide.id), .uuid(nil), .bool(c.withLineManager), .text(c.purpose), .date(c.startsAt), .int(c.minutes),
                            .text(c.place), .date(c.heldAt), .int(c.heldMinutes), .text(c.expectations), .text(c.summary),
                            .date(c.summaryConfirmedAt), .bool(c.employeePreparationShared), .bool(c.guidePreparationShared),
                            .date(c.createdAt), .date(c.updatedAt),
                        ]
                    },
                    on: database.sql)
            }
            XCTAssertEqual(
                route, TestDatabase.isPostgres ? .postgresCopy : .sqlitePrepared,
                "in a transaction the rows go through COPY on PostgreSQL and one prepared statement on SQLite")
            for (fluent, bulk) in zip(throughFluent, bulk) {
                let a = try await ConversationModel.find(fluent.id, on: testApp.db)!
                let b = try await ConversationModel.find(bulk.id, on: testApp.db)!
                XCTAssertEqual(b.purpose, a.purpose); XCTAssertEqual(b.place, a.place); XCTAssertEqual(b.summary, a.summary)
                XCTAssertEqual(b.expectations, "\\N", "a literal backslash-N is text, not null")
                XCTAssertEqual(b.startsAt, a.startsAt); XCTAssertEqual(b.heldAt, a.heldAt); XCTAssertEqual(b.createdAt, a.createdAt)
                XCTAssertEqual(b.updatedAt, a.updatedAt); XCTAssertNil(b.summaryConfirmedAt); XCTAssertNil(b.$checkpoint.id)
                XCTAssertEqual(b.minutes, a.minutes); XCTAssertEqual(b.heldMinutes, a.heldMinutes)
                XCTAssertEqual(b.withLineManager, a.withLineManager); XCTAssertEqual(b.employeePreparationShared, true)
                XCTAssertEqual(b.guidePreparationShared, false); XCTAssertEqual(b.state, a.state)
                XCTAssertEqual(b.$employee.id, freya); XCTAssertEqual(b.$guide.id, ben)
            }
            // Fractions of a second survive to the microsecond (PostgreSQL keeps no more).
            let first = try await ConversationModel.find(bulk[0].id, on: testApp.db)!
            XCTAssertEqual(first.startsAt!.timeIntervalSince1970, times[0].timeIntervalSince1970, accuracy: 0.000_001)
            XCTAssertNotEqual(first.startsAt!.timeIntervalSince1970.rounded(), first.startsAt!.timeIntervalSince1970)
        }
    }

    func testTheDemoHistoryLoadsWithEveryIndexBackInPlace() async throws {
        try await withApp { testApp in
            let sql = testApp.db.sql
            let tables = [ConversationModel.schema, PreparationModel.schema, ConversationThemeModel.schema, AgreedActionModel.schema]
            let before = try await BulkLoad.secondaryIndexes(on: tables, sql).map(\.name)
            XCTAssertTrue(before.contains("conversations_employee_state_guide_idx"), "\(before)")
            let keysBefore = try await BulkLoad.postgresForeignKeys(on: tables, sql).map { "\($0.table).\($0.name) \($0.definition)" }
            if sql.dialect.name == "postgresql" {
                XCTAssertTrue(
                    keysBefore.contains { $0.hasPrefix("conversations.") && $0.contains("REFERENCES people(id)") }, "\(keysBefore)")
            } else {
                XCTAssertEqual(keysBefore, [], "SQLite's foreign keys stay in place")
            }
            _ = try await DemoLoader.load(people: 60, seed: 3, years: 2, on: testApp.app)
            let after = try await BulkLoad.secondaryIndexes(on: tables, sql).map(\.name)
            XCTAssertEqual(after, before)
            let keysAfter = try await BulkLoad.postgresForeignKeys(on: tables, sql).map { "\($0.table).\($0.name) \($0.definition)" }
            XCTAssertEqual(keysAfter, keysBefore, "every foreign key is back as it was")
            let held = try await ConversationModel.query(on: testApp.db).filter(\.$state == .held).all()
            XCTAssertGreaterThan(held.count, 30)
            let preparations = try await PreparationModel.query(on: testApp.db).all()
            XCTAssertFalse(preparations.isEmpty)
            XCTAssertTrue(preparations.allSatisfy { !ConversationStore.decode($0.answers).answers.isEmpty }, "answers read back")
            let actions = try await AgreedActionModel.query(on: testApp.db).with(\.$conversation).all()
            XCTAssertTrue(actions.allSatisfy { $0.$employee.id == $0.conversation?.$employee.id })
        }
    }

    /// With the checks set aside for a bulk load, a row that names someone who does not exist is
    /// still refused: PostgreSQL checks every row when the foreign key goes back, SQLite as it goes.
    func testARowBreakingAForeignKeyIsRefusedWhenTheChecksAreSetAside() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let nobody = UUID()
            let tables = [AgreedActionModel.schema]
            let keysBefore = try await BulkLoad.postgresForeignKeys(on: tables, testApp.db.sql).map(\.name)
            let conversation = try await Fixtures.scheduledConversation(in: testApp).conversation
            do {
                try await BulkLoad.withIndexesSetAside(on: tables, testApp.db) {
                    try await testApp.db.transaction { database in
                        try await BulkLoad.insert(
                            into: AgreedActionModel.schema,
                            columns: [
                                "id", "conversation_id", "employee_id", "description", "success_measure", "owner", "due_on", "status",
                                "for_influence_objective", "created_at", "updated_at",
                            ],
                            rows: [freya, nobody].map { employee in
                                [
                                    .uuid(UUID()), .uuid(conversation), .uuid(employee), .text("Shadow a surveyor"), .text(""),
                                    .text("employee"), .text(nil), .text("open"), .bool(false), .date(testApp.clock.now),
                                    .date(testApp.clock.now),
                                ]
                            },
                            on: database.sql)
                    }
                }
                XCTFail("an action for someone who does not exist was kept")
            } catch {
                XCTAssertTrue(String(reflecting: error).lowercased().contains("foreign key"), String(reflecting: error))
            }
            // The index is back whatever happened, and the key that the rows did not break too.
            let indexes = try await BulkLoad.secondaryIndexes(on: tables, testApp.db.sql).map(\.name)
            XCTAssertFalse(indexes.isEmpty)
            if testApp.db.sql.dialect.name == "sqlite" {
                let kept = try await AgreedActionModel.query(on: testApp.db).count()
                XCTAssertEqual(kept, 0, "SQLite refused the whole statement")
            } else {
                let keysAfter = try await BulkLoad.postgresForeignKeys(on: tables, testApp.db.sql).map(\.name)
                XCTAssertEqual(Set(keysBefore).subtracting(keysAfter).count, 1, "only the broken key stays off: \(keysAfter)")
            }
        }
    }

    /// The `demo` command runs on one connection so that, on SQLite, it can write outside the
    /// write-ahead log; the database it leaves is back in WAL mode, whole, and serves pages.
    func testTheDemoCommandLeavesADatabaseInWALModeThatServes() async throws {
        let handle = try await TestDatabase.make()
        do {
            let configuration = Configuration(storage: handle.storage, bcryptCost: 4)
            let result = try await Operations.demo(configuration, people: 80, seed: 5, years: 2, progress: nil)
            XCTAssertEqual(result.people, 80)
            let testApp = try await TestApp.make(database: TestDatabase.Handle(storage: handle.storage, drop: {}))
            do {
                if case .sqlite = handle.storage {
                    let mode = try await testApp.db.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
                    XCTAssertEqual(mode, "wal")
                    let check = try await testApp.db.sql.raw("PRAGMA integrity_check").first()?.decode(
                        column: "integrity_check", as: String.self)
                    XCTAssertEqual(check, "ok")
                }
                let held = try await ConversationModel.query(on: testApp.db).filter(\.$state == .held).count()
                XCTAssertGreaterThan(held, 40)
                let employee = try XCTUnwrap(result.accounts.first { $0.role == "Employee" })
                let browser = testApp.browser()
                let signedIn = try await browser.post(SiteURL.signIn.path, ["email": employee.email, "password": DemoLoader.password])
                XCTAssertEqual(signedIn.status, .seeOther)
                let conversations = try await browser.get(SiteURL.conversations.path)
                XCTAssertEqual(conversations.status, .ok)
            } catch {
                await testApp.shutdown()
                throw error
            }
            try await testApp.app.asyncShutdown()
        } catch {
            await handle.drop()
            throw error
        }
        await handle.drop()
    }
}

/// The directory finds people by the start of any word of their name, email or job title.
final class DirectorySearchTests: XCTestCase {
    func testWordsAndPrefixRanges() {
        XCTAssertEqual(
            SearchWords.words(of: "Siân O'Brien-Smith sian.obrien@ridgeway.example Planning Officer"),
            [
                "siân", "o'brien-smith", "o", "brien", "smith", "sian.obrien@ridgeway.example", "sian", "obrien", "ridgeway",
                "example", "planning", "officer",
            ])
        let range = SearchWords.range(of: "smi")
        for word in ["smi", "smith", "smiłowski", "smi\u{10FFFF}"] { XCTAssertTrue(word >= range.lower && word < range.upper, word) }
        for word in ["sm", "smj", "smh", "sn"] { XCTAssertFalse(word >= range.lower && word < range.upper, word) }
    }

    /// For every prefix of every word, exactly one of a person's words that start with it shares
    /// fewer bytes with the word before it than the prefix has: that is how a search reads each
    /// person once.
    func testEachPrefixPicksExactlyOneOfAPersonsWords() {
        let texts = [
            "Siân O'Brien-Smith sian.obrien@ridgeway.example Planning Officer",
            "John Smith john.smith2@ridgeway.example Smithing Lead smithy",
            "Ann Annan ann.annan3@ridgeway.example Annual Accounts Analyst",
            "Zoë Ng zoe.ng@ridgeway.example", "a aa aaa aab ab b",
        ]
        for text in texts {
            let words = SearchWords.wordsWithShared(of: text)
            XCTAssertEqual(Set(words.map(\.word)), SearchWords.words(of: text))
            XCTAssertEqual(words.first?.shared, 0)
            var prefixes = Set<String>()
            for (word, _) in words {
                var prefix = ""
                for character in word { prefix.append(character); prefixes.insert(prefix) }
            }
            for prefix in prefixes.union(["x", "smithz", "ann.annan3@ridgeway.examplex"]) {
                let range = SearchWords.range(of: prefix)
                let matching = words.filter { $0.word >= range.lower && $0.word < range.upper }
                let picked = matching.filter { $0.shared < prefix.utf8.count }
                XCTAssertEqual(picked.count, matching.isEmpty ? 0 : 1, "\(prefix) in \(text): \(matching)")
            }
        }
        let shared = Dictionary(uniqueKeysWithValues: SearchWords.wordsWithShared(of: "a aa aaa aab ab b").map { ($0.word, $0.shared) })
        XCTAssertEqual(shared, ["a": 0, "aa": 1, "aaa": 2, "aab": 2, "ab": 1, "b": 0])
    }

    func testAWordWithMoreThanAPageOfPeopleMergesRightOnEveryPage() async throws {
        try await withApp { testApp in
            // "tan" starts three words; one of them, "tanner", is sixty people's.
            var rows = [
                "email,name,job_title,unit,manager_email,leadership_team,hr_admin",
                "chief@ridgeway.example,Cara Chief,Chief Executive,Ridgeway,,yes,no",
                "tania@ridgeway.example,Tania Sands,Planner,Ridgeway,chief@ridgeway.example,no,no",
                "tansy@ridgeway.example,Tansy Moore,Planner,Ridgeway,chief@ridgeway.example,no,no",
            ]
            for index in 0..<60 {
                rows.append(
                    "t\(index)@ridgeway.example,Tanner \(String(format: "%04d", index)),Surveyor,Ridgeway,chief@ridgeway.example,no,no")
            }
            _ = try await PeopleImporter.run(
                csv: rows.joined(separator: "\n"), deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            let everyone = ["Tania Sands"] + (0..<60).map { "Tanner " + String(format: "%04d", $0) } + ["Tansy Moore"]
            for page in 1...3 {
                for plan in [OrganisationStore.SearchPlan.automatic, .byWord, .byRange, .walk] {
                    let found = try await OrganisationStore.search(
                        "tan", page: page, includeInactive: false, on: testApp.reads, plan: plan)
                    let expected = Array(everyone.dropFirst((page - 1) * OrganisationStore.pageSize).prefix(OrganisationStore.pageSize))
                    XCTAssertEqual(found.items.map(\.0.name), expected, "page \(page), \(plan)")
                    XCTAssertEqual(found.hasNext, page * OrganisationStore.pageSize < everyone.count, "page \(page), \(plan)")
                }
            }
        }
    }

    func testSearchFindsByTheStartOfWordsWithRareAndBroadTermsAndAfterChanges() async throws {
        try await withApp { testApp in
            var rows = [
                "email,name,job_title,unit,manager_email,leadership_team,hr_admin",
                "chief@ridgeway.example,Cara Chief,Chief Executive,Ridgeway,,yes,no",
            ]
            for index in 0..<120 {
                rows.append(
                    "o\(index)@ridgeway.example,Officer \(String(format: "%04d", index)),Housing Officer,Ridgeway,chief@ridgeway.example,no,no"
                )
            }
            rows.append("sian.obrien@ridgeway.example,Siân O'Brien,Planning Officer,Ridgeway,chief@ridgeway.example,no,no")
            _ = try await PeopleImporter.run(
                csv: rows.joined(separator: "\n"), deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            // Each query every way: word by word (merge each word's people in name order), by range
            // (read the matches, then sort) and by walking everyone in name order; all must give the
            // page the automatic choice gives.
            func names(_ query: String, page: Int = 1) async throws -> [String] {
                let chosen = try await OrganisationStore.search(query, page: page, includeInactive: false, on: testApp.reads)
                for plan in [OrganisationStore.SearchPlan.byWord, .byRange, .walk] {
                    let other = try await OrganisationStore.search(
                        query, page: page, includeInactive: false, on: testApp.reads, plan: plan)
                    XCTAssertEqual(other.items.map(\.0.id), chosen.items.map(\.0.id), "\(query), page \(page), \(plan)")
                    XCTAssertEqual(other.hasNext, chosen.hasNext, "\(query), page \(page), \(plan)")
                }
                return chosen.items.map(\.0.name)
            }
            let rare = try await names("planning")
            XCTAssertEqual(rare, ["Siân O'Brien"])
            let prefix = try await names("O'BRI")
            XCTAssertEqual(prefix, ["Siân O'Brien"])
            let byEmail = try await names("sian.ob")
            XCTAssertEqual(byEmail, ["Siân O'Brien"])
            let broad = try await names("officer")
            XCTAssertEqual(broad, (0..<50).map { "Officer " + String(format: "%04d", $0) }, "broad terms page in name order")
            let second = try await names("officer", page: 2)
            XCTAssertEqual(second.first, "Officer 0050")
            let third = try await names("officer", page: 3)
            XCTAssertEqual(third.count, 21, "120 officers and Siân")
            let both = try await names("officer planning")
            XCTAssertEqual(both, ["Siân O'Brien"], "every term must match, the rare one leading")
            // People with several words that start with the term are found once each.
            let severalWords = try await names("sian")
            XCTAssertEqual(severalWords, ["Siân O'Brien"], "sian and sian.obrien@… both match")
            let everyOfficer = try await names("o")
            XCTAssertEqual(everyOfficer.count, 50)
            XCTAssertEqual(Set(everyOfficer).count, 50, "o0, o0@… and officer are one person")
            let lastOfficers = try await names("o", page: 3)
            XCTAssertEqual(lastOfficers.count, 21, "120 officers and Siân, each once")
            let middleOfWord = try await names("fficer")
            XCTAssertEqual(middleOfWord, [], "words match from their start")

            // A change of job title is found at once, and the old title no longer is.
            _ = try await PeopleImporter.run(
                csv: rows.joined(separator: "\n").replacingOccurrences(of: "Planning Officer", with: "Lettings Adviser"),
                deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            let renamed = try await names("lettings")
            XCTAssertEqual(renamed, ["Siân O'Brien"])
            let old = try await names("planning")
            XCTAssertEqual(old, [])

            // Someone who leaves drops out of the directory but stays in the HR list.
            _ = try await PeopleImporter.run(
                csv: rows.filter { !$0.hasPrefix("sian.") }.joined(separator: "\n"),
                deactivateMissing: true, on: testApp.db, now: testApp.clock.now
            ).get()
            let gone = try await names("lettings")
            XCTAssertEqual(gone, [])
            let hrList = try await OrganisationStore.search("siân", page: 1, includeInactive: true, on: testApp.reads)
            XCTAssertEqual(hrList.items.map(\.0.name), ["Siân O'Brien"])
        }
    }
}

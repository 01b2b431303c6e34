import Fluent
@testable import FootholdData
import Vapor
import FootholdCore
import Foundation
import XCTest
@testable import FootholdApp

/// The coverage dashboard against figures worked out by hand, who may see which part of it, and
/// its CSV exports.
final class MonitoringTests: XCTestCase {
    /// Ridgeway: Housing (Kate) with Tenancy (Ines and four) and Repairs (Ravi and two); People (Hana, HR).
    static let organisationCSV = """
        email,name,job_title,unit,manager_email,leadership_team,hr_admin
        chief@ridgeway.example,Cara Chief,Chief Executive,Ridgeway,,yes,no
        kate@ridgeway.example,Kate Iqbal,Director of Housing,Ridgeway/Housing,chief@ridgeway.example,no,no
        ines@ridgeway.example,Ines Kennedy,Head of Tenancy,Ridgeway/Housing/Tenancy,kate@ridgeway.example,no,no
        a1@ridgeway.example,Ann One,Housing Officer,Ridgeway/Housing/Tenancy,ines@ridgeway.example,no,no
        a2@ridgeway.example,Alf Two,Housing Officer,Ridgeway/Housing/Tenancy,ines@ridgeway.example,no,no
        a3@ridgeway.example,Abe Three,Housing Officer,Ridgeway/Housing/Tenancy,ines@ridgeway.example,no,no
        a4@ridgeway.example,Ava Four,Housing Officer,Ridgeway/Housing/Tenancy,ines@ridgeway.example,no,no
        ravi@ridgeway.example,Ravi Shah,Head of Repairs,Ridgeway/Housing/Repairs,kate@ridgeway.example,no,no
        b1@ridgeway.example,Bea One,Surveyor,Ridgeway/Housing/Repairs,ravi@ridgeway.example,no,no
        b2@ridgeway.example,Bob Two,Surveyor,Ridgeway/Housing/Repairs,ravi@ridgeway.example,no,no
        hana@ridgeway.example,Hana Ito,HR Partner,Ridgeway/People,chief@ridgeway.example,no,yes

        """

    struct Org {
        var ids: [String: UUID]
        var thisYear: CareerYear
        var lastYear: CareerYear
        func id(_ name: String) -> UUID { ids["\(name)@ridgeway.example"]! }
        func checkpoint(_ name: String, lastYear: Bool = false) -> UUID {
            (lastYear ? self.lastYear : thisYear).checkpoints.first { $0.name == name }!.id
        }
    }

    func day(_ iso: String) -> Date { CalendarDate(iso: iso)!.start(in: .gmt).addingTimeInterval(12 * 3600) }

    /// The organisation and its conversations, each chosen so that one rule decides it.
    func setUp(_ testApp: TestApp) async throws -> Org {
        _ = try await PeopleImporter.run(csv: Self.organisationCSV, deactivateMissing: false, on: testApp.db, now: testApp.clock.now).get()
        let accounts = Accounts(app: testApp.app)
        var ids: [String: UUID] = [:]
        for person in try await PersonModel.query(on: testApp.db).all() {
            try await accounts.setPassword(email: person.email, password: Fixtures.password)
            ids[person.email] = person.id!
            // Everyone joined long ago, but Ava, who joined in September 2026.
            person.createdAt = person.email.hasPrefix("a4@") ? day("2026-09-15") : Date(timeIntervalSince1970: 1_600_000_000)
            try await person.save(on: testApp.db)
        }
        let thisYear = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            .year
        let lastYear = try await CareerYears.create(CareerYear.standard(startingIn: 2025), on: testApp.db, now: testApp.clock.now).year
        let org = Org(ids: ids, thisYear: thisYear, lastYear: lastYear)

        func add(
            _ employee: String, with guide: String, at checkpoint: UUID?, _ state: ConversationState, held: String? = nil,
            lineManager: Bool = true, kind: ConversationKind = .checkpoint
        ) async throws {
            let c = ConversationModel()
            c.kind = kind; c.state = state; c.requestedBy = .guide
            c.$employee.id = org.id(employee); c.$guide.id = org.id(guide); c.$checkpoint.id = checkpoint
            c.withLineManager = lineManager; c.purpose = "SECRET-PURPOSE"; c.minutes = 30; c.place = ""; c.expectations = ""
            c.summary = "SECRET-SUMMARY"; c.employeePreparationShared = false; c.guidePreparationShared = false
            c.heldAt = held.map(day); c.startsAt = held.map(day) ?? testApp.clock.now.addingTimeInterval(86_400)
            c.createdAt = testApp.clock.now; c.updatedAt = testApp.clock.now
            try await c.create(on: testApp.db)
        }
        let aspirations = org.checkpoint("Aspirations")
        try await add("a1", with: "ines", at: aspirations, .held, held: "2026-05-12")
        try await add("a2", with: "ines", at: aspirations, .held, held: "2026-06-03")  // after the window: not met
        try await add("a3", with: "ines", at: aspirations, .declined)
        try await add("ines", with: "kate", at: aspirations, .held, held: "2026-05-20")
        try await add("b1", with: "ravi", at: aspirations, .held, held: "2026-05-14")
        // Bob moved from Tenancy to Repairs after his conversation with Ines, then his line manager.
        try await add("b2", with: "ines", at: aspirations, .held, held: "2026-05-15")
        try await add("ravi", with: "hana", at: aspirations, .held, held: "2026-05-21", lineManager: false)  // not the line manager

        let review = org.checkpoint("Progress review 2")
        try await add("a1", with: "ines", at: review, .scheduled)
        try await add("a2", with: "ines", at: review, .held, held: "2026-11-10")
        try await add("a4", with: "ines", at: review, .held, held: "2026-11-12")
        try await add("b1", with: "ravi", at: review, .declined)
        try await add("b2", with: "ravi", at: review, .scheduled)

        let lastAspirations = org.checkpoint("Aspirations", lastYear: true)
        try await add("a1", with: "ines", at: lastAspirations, .held, held: "2025-05-10")
        try await add("b1", with: "ravi", at: lastAspirations, .held, held: "2025-05-13")
        // Counted in the last 90 days (any kind of career conversation), never at a checkpoint.
        try await add("hana", with: "chief", at: nil, .held, held: "2026-10-01", lineManager: false, kind: .mentoring)
        return org
    }

    func csvRows(_ text: String) throws -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for record in try CSVTable(parsing: text).records.dropFirst() {
            rows[record.fields.prefix(3).joined(separator: "|")] = Array(record.fields.dropFirst(3))
        }
        return rows
    }

    func testTheDashboardFiguresAreTheOnesWorkedOutByHand() async throws {
        try await withApp { testApp in
            let org = try await setUp(testApp)
            let kate = try await Fixtures.signedIn("kate@ridgeway.example", in: testApp)
            let export = try await kate.get(SiteURL.monitoringCSV.with(query: [("table", "everything")]))
            XCTAssertEqual(export.status, .ok)
            XCTAssertEqual(export.headers.contentType?.description.hasPrefix("text/csv"), true)
            XCTAssertTrue(export.body.hasPrefix("\u{FEFF}Unit,"), "a byte-order mark, so Excel reads 2025–26 as written")
            let rows = try csvRows(export.body)
            // Staff, not expected, held, coverage %, scheduled, due, declined, overdue, not yet open.
            // Aspirations 2026: Ann, Ines, Bea and Bob (who moved) met; Ava joined after; Abe declined;
            // Alf (held late), Ravi (not with his manager) and Kate are overdue.
            XCTAssertEqual(rows["Ridgeway/Housing|2026–27|Aspirations"], ["9", "1", "4", "50", "0", "0", "1", "3", "0"])
            XCTAssertEqual(rows["Ridgeway/Housing/Tenancy|2026–27|Aspirations"], ["5", "1", "2", "50", "0", "0", "1", "1", "0"])
            XCTAssertEqual(rows["Ridgeway/Housing/Repairs|2026–27|Aspirations"], ["3", "0", "2", "67", "0", "0", "0", "1", "0"])
            // Progress review 2, open on 19 November: Alf and Ava met, Ann and Bob arranged, Bea declined.
            XCTAssertEqual(rows["Ridgeway/Housing|2026–27|Progress review 2"], ["9", "0", "2", "22", "2", "4", "1", "0", "0"])
            XCTAssertEqual(rows["Ridgeway/Housing/Tenancy|2026–27|Progress review 2"], ["5", "0", "2", "40", "1", "2", "0", "0", "0"])
            XCTAssertEqual(rows["Ridgeway/Housing|2026–27|Review and forward look"], ["9", "0", "0", "0", "0", "0", "0", "0", "9"])
            // Last year: Ann met; Ava was not here.
            XCTAssertEqual(rows["Ridgeway/Housing/Tenancy|2025–26|Aspirations"], ["5", "1", "1", "25", "0", "0", "0", "3", "0"])
            // Kate sees Housing and below, not Ridgeway as a whole nor People.
            XCTAssertNil(rows["The whole organisation|2026–27|Aspirations"])
            XCTAssertFalse(rows.keys.contains { $0.hasPrefix("Ridgeway/People") || $0.hasPrefix("Ridgeway|") })
            XCTAssertEqual(rows.count, 3 * 8)

            // The page says the same, with the 90-day share: Alf and Ava, 2 of 9.
            let page = try await kate.get(SiteURL.monitoring.with(query: [("checkpoint", org.checkpoint("Aspirations").lowerText)]))
            XCTAssertEqual(page.status, .ok)
            let text = page.body.visibleText
            XCTAssertTrue(text.contains("Career conversations in Housing"), text)
            XCTAssertTrue(text.contains("Staff 9 Conversations held 4 Coverage 50% Scheduled 0 Due 0 Declined 1 Overdue 3"), text)
            XCTAssertTrue(text.contains("2 of 9 people had a career conversation with anyone in the last 90 days"), text)
            XCTAssertTrue(text.contains("Repairs 3 2 67% 0 0 0 1"), text)
            XCTAssertTrue(text.contains("Tenancy 5 2 50% 0 0 1 1"), text)
            XCTAssertTrue(page.body.contains("<svg class=\"chart\""))
            XCTAssertTrue(text.contains("Aspirations 25% 50%"), "last year and this year beside the chart: \(text)")

            // Drilling down to Tenancy: Ines's team and Kate's (Ines herself).
            let tenancy = try await kate.get(
                SiteURL.monitoring.with(query: [
                    ("unit", try await Fixtures.unitID("Ridgeway/Housing/Tenancy", in: testApp).lowerText),
                    ("checkpoint", org.checkpoint("Aspirations").lowerText),
                ]))
            let tenancyText = tenancy.body.visibleText
            XCTAssertTrue(tenancyText.contains("Ines Kennedy 4 1 33% 0 0 1 1"), tenancyText)
            XCTAssertTrue(tenancyText.contains("Kate Iqbal 1 1 100% 0 0 0 0"), tenancyText)

            // The whole organisation, for an HR administrator: eleven people, Hana's mentoring counted.
            let hana = try await Fixtures.signedIn("hana@ridgeway.example", in: testApp)
            let whole = try csvRows(try await hana.get(SiteURL.monitoringCSV.with(query: [("table", "everything")])).body)
            XCTAssertEqual(whole["The whole organisation|2026–27|Aspirations"], ["11", "1", "4", "40", "0", "0", "1", "5", "0"])
            XCTAssertEqual(whole["The whole organisation|2026–27|Progress review 2"], ["11", "0", "2", "18", "2", "6", "1", "0", "0"])
            let wholePage = try await hana.get(SiteURL.monitoring.path).body.visibleText
            XCTAssertTrue(wholePage.contains("3 of 11 people had a career conversation"), wholePage)
        }
    }

    func testOnlyDirectorsTheLeadershipTeamAndHRSeeMonitoringAndOnlyTheirPart() async throws {
        try await withApp { testApp in
            _ = try await setUp(testApp)
            let people = try await Fixtures.unitID("Ridgeway/People", in: testApp)
            let tenancy = try await Fixtures.unitID("Ridgeway/Housing/Tenancy", in: testApp)

            func status(_ browser: Browser, _ path: String) async throws -> HTTPStatus { try await browser.get(path).status }
            func unit(_ id: UUID, _ table: String? = nil) -> String {
                table.map { SiteURL.monitoringCSV.with(query: [("unit", id.lowerText), ("table", $0)]) }
                    ?? SiteURL.monitoring.with(query: [("unit", id.lowerText)])
            }
            let housing = try await Fixtures.unitID("Ridgeway/Housing", in: testApp)
            var expected: [(who: String, path: String, status: HTTPStatus)] = [
                ("a1", SiteURL.monitoring.path, .forbidden),
                ("a1", SiteURL.monitoringCSV.with(query: [("table", "everything")]), .forbidden),
                ("ines", SiteURL.monitoring.path, .ok),
                ("ines", unit(tenancy), .ok),
                ("ines", unit(housing), .notFound),  // above her
                ("ines", unit(people), .notFound),
                ("ines", SiteURL.monitoring.with(query: [("unit", "not-a-unit")]), .notFound),
                ("ines", unit(people, "units"), .notFound),
                ("ines", SiteURL.monitoringCSV.with(query: [("table", "nonsense")]), .badRequest),
                ("chief", SiteURL.monitoring.path, .ok),
                ("chief", unit(people), .ok),
                ("hana", unit(housing, "managers"), .ok),
            ]
            expected.append(("kate", unit(people), .notFound))
            var browsers: [String: Browser] = [:]
            for (who, path, wanted) in expected {
                if browsers[who] == nil { browsers[who] = try await Fixtures.signedIn("\(who)@ridgeway.example", in: testApp) }
                let found = try await status(browsers[who]!, path)
                XCTAssertEqual(found, wanted, "\(who) \(path)")
            }
            let annHome = try await browsers["a1"]!.get("/").body
            XCTAssertFalse(annHome.contains("href=\"/monitoring\""), "no link for someone who may not")
            let inesHome = try await browsers["ines"]!.get("/").body
            XCTAssertTrue(inesHome.contains("href=\"/monitoring\""))
            let whole = try await browsers["chief"]!.get(SiteURL.monitoring.path).body.visibleText
            XCTAssertTrue(whole.contains("Career conversations across the organisation"))
        }
    }

    /// Markers written into every part of every conversation (purpose, summary, both preparations,
    /// both private notes, actions, reflections) and into a theme report's counted themes; every
    /// monitoring page and export, read as each role that may see it, holds none of them.
    func testNoMonitoringPageOrExportQuotesAConversation() async throws {
        try await withApp { testApp in
            _ = try await setUp(testApp)
            for conversation in try await ConversationModel.query(on: testApp.db).all() {
                let id = try conversation.requireID()
                for side in [ConversationSide.employee, .guide] {
                    let preparation = PreparationModel()
                    preparation.$conversation.id = id
                    preparation.side = side
                    preparation.answers = ConversationStore.encode(PreparationAnswers([.interests: "SECRET-PREPARATION"]))
                    preparation.updatedAt = testApp.clock.now
                    try await preparation.create(on: testApp.db)
                }
                for author in [conversation.$employee.id, conversation.$guide.id] {
                    let note = PrivateNoteModel()
                    note.$conversation.id = id
                    note.$author.id = author
                    note.body = "SECRET-NOTE"
                    note.updatedAt = testApp.clock.now
                    try await note.create(on: testApp.db)
                }
                try await AgreedActionModel(
                    id: UUID(), employeeID: conversation.$employee.id, conversationID: id, description: "SECRET-ACTION", owner: .employee,
                    at: testApp.clock.now
                ).create(on: testApp.db)
                if conversation.state == .held {
                    let reflection = ReflectionModel()
                    reflection.$conversation.id = id
                    reflection.$person.id = conversation.$employee.id
                    reflection.content = "{\"went_well\":\"SECRET-REFLECTION\"}"
                    reflection.updatedAt = testApp.clock.now
                    try await reflection.create(on: testApp.db)
                }
            }
            let tenancy = try await Fixtures.unitID("Ridgeway/Housing/Tenancy", in: testApp)
            let housing = try await Fixtures.unitID("Ridgeway/Housing", in: testApp)
            var pages = [SiteURL.monitoring.path, SiteURL.notices.path, SiteURL.monitoringThemes.path, SiteURL.monitoringThemesCSV.path]
            for unit in [tenancy, housing] {
                pages.append(SiteURL.monitoring.with(query: [("unit", unit.lowerText)]))
                pages.append(SiteURL.monitoringThemes.with(query: [("unit", unit.lowerText)]))
                pages.append(SiteURL.monitoringThemesCSV.with(query: [("unit", unit.lowerText)]))
                pages.append(SiteURL.responses.with(query: [("unit", unit.lowerText)]))
            }
            for table in MonitoringPage.Table.allCases {
                pages.append(SiteURL.monitoringCSV.with(query: [("table", table.rawValue)]))
                pages.append(SiteURL.monitoringCSV.with(query: [("unit", tenancy.lowerText), ("table", table.rawValue)]))
            }
            var read = 0
            for who in ["chief", "hana", "kate"] {
                let browser = try await Fixtures.signedIn("\(who)@ridgeway.example", in: testApp)
                for path in pages {
                    let page = try await browser.get(path)
                    XCTAssertNotEqual(page.status, .internalServerError, "\(who) \(path)")
                    if page.status == .ok { read += 1 }
                    XCTAssertFalse(page.body.contains("SECRET"), "\(who): \(path) quotes a conversation")
                }
            }
            XCTAssertGreaterThan(read, 50, "the pages were read, not refused")
        }
    }

    func testCSVCellsCannotRunAsFormulas() async throws {
        try await withApp { testApp in
            _ = try await setUp(testApp)
            // A unit named like a formula, as an import might bring.
            try await UnitModel.query(on: testApp.db).filter(\.$path == "Ridgeway/People").set(\.$name, to: "=cmd|' /C calc'!A0").update()
            let chief = try await Fixtures.signedIn("chief@ridgeway.example", in: testApp)
            let ridgeway = try await Fixtures.unitID("Ridgeway", in: testApp)
            let units = try await chief.get(SiteURL.monitoringCSV.with(query: [("unit", ridgeway.lowerText), ("table", "units")])).body
            XCTAssertTrue(units.contains("\r\n'=cmd|' /C calc'!A0,"), units)
            XCTAssertFalse(units.contains("\r\n=cmd"))
        }
    }
}

/// Marking a checkpoint conversation held tells the director of the employee's unit; nothing of
/// what was said, and nothing at all of the conversations people hold of their own accord.
final class NoticeTests: XCTestCase {
    func testTheUnitsDirectorIsToldWhoHeldItWithWhomAndWhenAndNothingElse() async throws {
        try await withApp { testApp in
            let (ben, freya, id) = try await Fixtures.scheduledConversation(in: testApp)
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            _ = try await freya.post(SiteURL.prepare(id).path, ["field_interests": "SECRET-PREPARATION"])
            let held = try await ben.post(
                SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.id.uuidString])
            XCTAssertEqual(held.status, .seeOther)

            // Freya is in Tenancy Services, which Ines heads.
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let page = try await ines.get(SiteURL.notices.path)
            XCTAssertEqual(page.status, .ok)
            let text = page.body.visibleText
            XCTAssertTrue(text.contains("19 November 2026 Freya Parker Ben Khan Progress review 2, 2026–27"), text)
            XCTAssertFalse(page.body.contains("SECRET"))
            let notices = try await NoticeModel.query(on: testApp.db).all()
            XCTAssertEqual(notices.count, 1)
            let inesID = try await Fixtures.personID(Fixtures.unitHead, in: testApp)
            XCTAssertEqual(notices.first?.$recipient.id, inesID)

            // Kate heads Housing, above: the notice goes to the unit's own director only.
            let kate = try await Fixtures.signedIn(Fixtures.director, in: testApp)
            let kates = try await kate.get(SiteURL.notices.path).body.visibleText
            XCTAssertTrue(kates.contains("No notices yet"))
            // An employee has no notices page.
            let freyas = try await freya.get(SiteURL.notices.path).status
            XCTAssertEqual(freyas, .forbidden)
        }
    }

    func testNobodyIsToldOfAConversationTheyHeldAndCheckInsAreCountedNotNamed() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let benID = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            // Ines holds Ben's checkpoint conversation herself: she heads his unit, so no one is told.
            let sent = try await ines.post(
                SiteURL.conversations.path,
                [
                    "with": benID.uuidString, "kind": "checkpoint", "checkpoint": review.id.uuidString, "minutes": "30",
                    "date": "2026-11-18", "time": "10:00", "place": "Room 2",
                ])
            let id = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(sent.location).split(separator: "/")[1])))
            _ = try await ben.post(SiteURL.accept(id).path, ["date": "2026-11-18", "time": "10:00", "minutes": "30", "place": "Room 2"])
            _ = try await ines.post(SiteURL.markHeld(id).path, ["date": "2026-11-18", "minutes": "30", "checkpoint": review.id.uuidString])
            // Ben and Freya have a check-in: not a checkpoint, so no notice, but counted.
            let freyaID = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let checkIn = try await ben.post(
                SiteURL.conversations.path,
                ["with": freyaID.uuidString, "kind": "check_in", "minutes": "15", "date": "2026-11-18", "time": "15:00", "place": "Desk"])
            let checkInID = try XCTUnwrap(UUID(uuidString: String(try XCTUnwrap(checkIn.location).split(separator: "/")[1])))
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await freya.post(
                SiteURL.accept(checkInID).path, ["date": "2026-11-18", "time": "15:00", "minutes": "15", "place": "Desk"])
            let heldCheckIn = try await ben.post(
                SiteURL.markHeld(checkInID).path, ["date": "2026-11-18", "minutes": "15", "checkpoint": ""])
            XCTAssertEqual(heldCheckIn.status, .seeOther)

            let count = try await NoticeModel.query(on: testApp.db).count()
            XCTAssertEqual(count, 0)
            let text = try await ines.get(SiteURL.notices.path).body.visibleText
            XCTAssertTrue(text.contains("No notices yet"), text)
            XCTAssertTrue(
                text.contains(
                    "In the last 30 days, Tenancy Services held 1 checkpoint conversation and also 1 check-in, "
                        + "0 mentoring conversations and 0 Leadership Team conversations."), text)
        }
    }
}

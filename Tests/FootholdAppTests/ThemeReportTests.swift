import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import Vapor
import XCTest
@testable import FootholdApp

/// A line manager reports their team's themes; directors and the Leadership Team see them counted,
/// with the anonymity rules holding back whatever could pick someone out, as an attacker who
/// downloads every figure they may see and solves the equations finds.
final class ThemeReportTests: XCTestCase {
    func testAManagerReportsThemesPrefilledFromTagsAndTheDirectorSeesThemHeldBack() async throws {
        try await withApp { testApp in
            let (ben, _, id) = try await Fixtures.scheduledConversation(in: testApp)
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            _ = try await ben.post(SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.id.uuidString])
            let themes = try await ThemeModel.query(on: testApp.db).sort(\.$position).all()
            let tag = ConversationThemeModel()
            tag.$conversation.id = id
            tag.$theme.id = try themes[0].requireID()
            try await tag.create(on: testApp.db)

            let form = try await ben.get(SiteURL.teamThemes.path)
            XCTAssertEqual(form.status, .ok)
            let field = ThemeReportRules.field(try themes[0].requireID())
            XCTAssertTrue(
                form.body.range(of: "name=\"\(field)\"[^>]*value=\"1\"", options: .regularExpression) != nil, "pre-filled from the tag")
            XCTAssertTrue(form.body.visibleText.contains("This report draws on 1 person"), form.body.visibleText)
            XCTAssertTrue(form.body.visibleText.contains("Send to Ines Kennedy"))

            // Too many, and a note too long: both said, beside their fields, and what was typed kept.
            let wrong = try await ben.post(
                SiteURL.teamThemes.path,
                ["checkpoint": review.id.lowerText, field: "4", "note": String(repeating: "x", count: 2_001)])
            XCTAssertEqual(wrong.status, .badRequest)
            let wrongText = wrong.body.visibleText
            XCTAssertTrue(
                wrongText.contains("“\(themes[0].name)”: enter how many of the 1 people raised it, a whole number from 0 to 1"))
            XCTAssertTrue(wrongText.contains("The note is 2001 characters long: keep it to 2000"))
            XCTAssertTrue(wrong.body.range(of: "name=\"\(field)\"[^>]*value=\"4\"", options: .regularExpression) != nil)
            let found = try await ThemeReportModel.query(on: testApp.db).count()
            XCTAssertEqual(found, 0, "nothing saved")

            let sent = try await ben.post(
                SiteURL.teamThemes.path, ["checkpoint": review.id.lowerText, field: "1", "note": "The team wants more SECRET-NOTE time"])
            XCTAssertEqual(sent.status, .seeOther)
            let after = try await ben.get(try XCTUnwrap(sent.location)).body.visibleText
            XCTAssertTrue(after.contains("Your report has gone to Ines Kennedy"), after)
            XCTAssertTrue(after.contains("Sending it again replaces it"))

            // Ines heads Tenancy Services. Until reporting closes she sees only that a report came in.
            let ines = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let early = try await ines.get(SiteURL.monitoringThemes.with(query: [("checkpoint", review.id.lowerText)]))
            XCTAssertEqual(early.status, .ok)
            let earlyText = early.body.visibleText
            XCTAssertTrue(earlyText.contains("Progress review 2, 2026–27: figures published on 15 December 2026"), earlyText)
            XCTAssertTrue(earlyText.contains("All of Tenancy Services 1"), earlyText)
            XCTAssertFalse(earlyText.contains("\(themes[0].name) held back"), earlyText)
            // Once published, one person's figures are held back, and so is the note.
            testApp.clock.advance(to: Fixtures.afterNovemberPublished)
            let inesLater = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
            let view = try await inesLater.get(SiteURL.monitoringThemes.with(query: [("checkpoint", review.id.lowerText)]))
            XCTAssertEqual(view.status, .ok)
            let text = view.body.visibleText
            XCTAssertTrue(text.contains("Reports received 1"), text)
            // Every figure is held back, so the page says so in one sentence and draws no wall of them.
            XCTAssertTrue(
                text.contains(
                    "Every theme’s figure here is held back: the teams in Tenancy Services are small, and no count is shown that could point to someone."
                ), text)
            XCTAssertFalse(text.contains("\(themes[0].name) held back"), text)
            XCTAssertTrue(text.contains("Each line manager’s report here draws on too few people to be shown on its own."), text)
            XCTAssertTrue(text.contains("No figure here can be shown at any checkpoint yet"), text)
            XCTAssertFalse(view.body.contains("SECRET"))
            // A line manager's form is theirs: someone with no reports cannot open one.
            _ = ines
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let freyas = try await freya.get(SiteURL.teamThemes.path).status
            XCTAssertEqual(freyas, .forbidden)
        }
    }

    func testTheThresholdIsHRsToSetBetweenThreeAndTen() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let page = try await hr.get(SiteURL.adminAnonymity.path)
            XCTAssertTrue(page.body.range(of: "name=\"threshold\"[^>]*value=\"5\"", options: .regularExpression) != nil)
            let wrong = try await hr.post(SiteURL.adminAnonymity.path, ["threshold": "2"])
            XCTAssertEqual(wrong.status, .badRequest)
            XCTAssertTrue(wrong.body.visibleText.contains("2 is outside the range"))
            let right = try await hr.post(SiteURL.adminAnonymity.path, ["threshold": "7"])
            XCTAssertEqual(right.status, .seeOther)
            let threshold = try await ThemeReportStore.threshold(on: testApp.reads)
            XCTAssertEqual(threshold.people, 7)
            let manager = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let found = try await manager.post(SiteURL.adminAnonymity.path, ["threshold": "3"]).status
            XCTAssertEqual(found, .forbidden)
        }
    }

    /// A four-level organisation with teams of one to eight; every manager reports. Each viewer
    /// downloads every theme figure they may see, and solves.
    func testNoViewerCanWorkOutAHeldBackFigureFromEverythingTheyCanDownload() async throws {
        try await withApp { testApp in
            var random = SeededGenerator(seed: 16)
            var rows = ["email,name,job_title,unit,manager_email,leadership_team,hr_admin"]
            rows.append("chief@r.example,Chief Person,Chief Executive,Ridgeway,,yes,no")
            rows.append("hr@r.example,Hana Ito,HR Partner,Ridgeway,chief@r.example,no,yes")
            var managers: [String] = ["chief@r.example"]
            var number = 0
            func person(_ unit: String, manager: String, title: String) -> String {
                number += 1
                let email = "p\(number)@r.example"
                rows.append("\(email),Person \(number),\(title),\(unit),\(manager),no,no")
                return email
            }
            func fill(_ unit: String, head: String, depth: Int) {
                // The head's own team, and a team or two of small size, some of one or two people.
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let leader = person(unit, manager: head, title: "Team Leader")
                    managers.append(leader)
                    for _ in 0..<random.pick([1, 1, 2, 3, 5, 6, 8]) { _ = person(unit, manager: leader, title: "Officer") }
                }
                guard depth < 4 else { return }
                for child in 0..<Int.random(in: 1...3, using: &random) {
                    let path = "\(unit)/U\(depth)\(child)"
                    let childHead = person(path, manager: head, title: "Head")
                    managers.append(childHead)
                    fill(path, head: childHead, depth: depth + 1)
                }
            }
            fill("Ridgeway", head: "chief@r.example", depth: 1)
            _ = try await PeopleImporter.run(
                csv: rows.joined(separator: "\n"), deactivateMissing: false, on: testApp.db, now: testApp.clock.now
            ).get()
            let accounts = Accounts(app: testApp.app)
            let people = try await PersonModel.query(on: testApp.db).all()
            for person in people { try await accounts.setPassword(email: person.email, password: Fixtures.password) }
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            let themes = try await ThemeModel.query(on: testApp.db).sort(\.$position).all().prefix(3)
            let byEmail = Dictionary(uniqueKeysWithValues: people.map { ($0.email, $0) })
            for email in managers {
                let manager = byEmail[email]!
                let team = people.filter { $0.$manager.id == manager.id }.count
                try await ThemeReportStore.saveReport(
                    manager: manager.id!, checkpoint: review.id, people: team,
                    counts: Dictionary(uniqueKeysWithValues: themes.map { ($0.id!, Int.random(in: 0...team, using: &random)) }), note: "",
                    ids: { UUID() }, at: testApp.clock.now, on: testApp.db)
            }
            testApp.clock.advance(to: Fixtures.afterNovemberPublished)
            let heads = try await UnitModel.query(on: testApp.db).all().compactMap(\.headID)
            var attacked = 0
            var heldBackSeen = 0
            for viewer in ["chief@r.example", "hr@r.example"] + heads.compactMap({ id in people.first { $0.id == id }?.email }) {
                let browser = try await Fixtures.signedIn(viewer, in: testApp)
                let csv = try await browser.get(SiteURL.monitoringThemesCSV.path)
                XCTAssertEqual(csv.status, .ok, viewer)
                let found = try attack(csv.body, own: byEmail[viewer]!.name, checkpoint: review.name)
                attacked += 1
                heldBackSeen += found.heldBack
                for leak in found.leaks { XCTFail("\(viewer) can work out \(leak)") }
            }
            XCTAssertGreaterThan(attacked, 10)
            XCTAssertGreaterThan(heldBackSeen, 20, "the organisation has small teams: much is held back")

            // Where a unit's figures are mostly held back, its page says so and points to the
            // nearest level above with figures the viewer can read.
            let chief = try await Fixtures.signedIn("chief@r.example", in: testApp)
            let whole = try await chief.get(SiteURL.monitoringThemes.with(query: [("checkpoint", review.id.lowerText)])).body.visibleText
            XCTAssertFalse(whole.contains("Every theme’s figure here is held back"), "the whole organisation has figures")
            var explained = 0
            for unit in try await UnitModel.query(on: testApp.db).all() {
                let page = try await chief.get(
                    SiteURL.monitoringThemes.with(query: [("unit", unit.id!.lowerText), ("checkpoint", review.id.lowerText)]))
                let text = page.body.visibleText
                guard text.contains("figure here is held back") || text.contains("figures here are held back") else { continue }
                explained += 1
                XCTAssertTrue(text.contains("See the figures for"), text)
                XCTAssertTrue(text.contains(", which take in \(unit.name)."), text)
            }
            XCTAssertGreaterThan(explained, 3, "small units explain themselves")
        }
    }

    /// The attack of 4 December 2026: save the figures before and after one manager's report and
    /// read the difference. Figures are published once, when reporting closes; before that only
    /// how many reports came in; afterwards a late report, a new threshold, a reorganisation and a
    /// new role change nothing anyone was shown.
    func testFiguresArePublishedOnceAndNeverMoveAfterwards() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now)
            let review = try XCTUnwrap(year.year.checkpoints.first { $0.name == "Progress review 2" })
            let theme = try await ThemeModel.query(on: testApp.db).sort(\.$position).first()!.requireID()
            func report(_ email: String, people: Int, raised: Int) async throws {
                try await ThemeReportStore.saveReport(
                    manager: try await Fixtures.personID(email, in: testApp), checkpoint: review.id, people: people,
                    counts: [theme: raised],
                    note: "", ids: { UUID() }, at: testApp.clock.now, on: testApp.db)
            }
            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let csvPath = SiteURL.monitoringThemesCSV.with(query: [("checkpoint", review.id.lowerText)])
            func figureRows(_ browser: Browser) async throws -> Set<String> {
                let csv = try await browser.get(csvPath)
                XCTAssertEqual(csv.status, .ok)
                return Set(csv.body.split(whereSeparator: \.isNewline).dropFirst().map(String.init))
            }
            try await report(Fixtures.director, people: 9, raised: 4)
            try await report(Fixtures.hrDirector, people: 10, raised: 5)
            try await report(Fixtures.chief, people: 7, raised: 2)
            let before = try await figureRows(hr)
            try await report(Fixtures.manager, people: 12, raised: 6)
            let after = try await figureRows(hr)
            XCTAssertEqual(before, [], "no figure before reporting closes")
            XCTAssertEqual(after, [], "one report arriving moves nothing anyone can see")
            let page = try await hr.get(SiteURL.monitoringThemes.with(query: [("checkpoint", review.id.lowerText)])).body.visibleText
            XCTAssertTrue(page.contains("Whole organisation 4"), "how many reports came in: \(page)")

            testApp.clock.advance(to: Fixtures.afterNovemberPublished)
            let hrLater = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let published = try await figureRows(hrLater)
            XCTAssertFalse(published.isEmpty)
            let chief = try await Fixtures.signedIn(Fixtures.chief, in: testApp)
            let chiefs = try await figureRows(chief)
            let kate = try await Fixtures.signedIn(Fixtures.director, in: testApp)
            let kates = try await figureRows(kate)
            let releases = try await testApp.db.sql.raw("SELECT COUNT(*) AS n FROM theme_releases WHERE checkpoint_id = \(bind: review.id)")
                .first()!.decode(column: "n", as: Int.self)
            XCTAssertEqual(releases, 1)

            // Afterwards: a late report, a lower threshold, a reorganisation and a new role.
            try await report(Fixtures.unitHead, people: 8, raised: 8)
            let lowered = try await hrLater.post(SiteURL.adminAnonymity.path, ["threshold": "3", "days": "14"])
            XCTAssertEqual(lowered.status, .seeOther)
            let moved = Fixtures.organisationCSV.replacingOccurrences(
                of: "Ridgeway/Housing/Tenancy Services", with: "Ridgeway/People and Culture/Tenancy Services"
            ).replacingOccurrences(
                of: "Director of People and Culture,Ridgeway/People and Culture,sophie.hughes@ridgeway.example,no,yes",
                with: "Director of People and Culture,Ridgeway/People and Culture,sophie.hughes@ridgeway.example,yes,yes")
            _ = try await PeopleImporter.run(csv: moved, deactivateMissing: false, on: testApp.db, now: testApp.clock.now).get()
            let units = try await UnitModel.query(on: testApp.db).count()
            XCTAssertEqual(units, 5, "a new Tenancy Services under People and Culture")

            for (browser, earlier, who) in [(hrLater, published, "HR"), (chief, chiefs, "the chief"), (kate, kates, "Kate")] {
                let later = try await figureRows(browser)
                XCTAssertTrue(earlier.isSubset(of: later), "\(who): every figure as it was: \(earlier.subtracting(later))")
                for row in later.subtracting(earlier) {
                    XCTAssertTrue(row.contains(",–,") || row.contains(",0,0,0"), "\(who): a new unit shows nothing: \(row)")
                }
            }
            let audit = try await hrLater.get(SiteURL.adminAudit.path).body.visibleText
            XCTAssertTrue(audit.contains("Published theme figures: Progress review 2, 2026–27: 4 reports"), audit)
        }
    }

    /// Reads the download as the attacker does: each report is an unknown, each unit's figure the sum
    /// of the reports in it and below, the organisation's the sum of all; what is shown, and the
    /// viewer's own report, are known. Returns the held-back figures that follow.
    func attack(_ text: String, own: String, checkpoint: String) throws -> (leaks: [String], heldBack: Int) {
        struct Cell {
            var unit: String
            var manager: String
            var value: Int?
        }
        var tables: [String: [Cell]] = [:]
        for record in try CSVTable(parsing: text).records.dropFirst() {
            let f = record.fields
            guard f[3] == checkpoint else { continue }
            tables[f[4], default: []].append(Cell(unit: f[0], manager: f[1], value: Int(f[5]) ?? (f[5] == "–" ? 0 : nil)))
        }
        var leaks: [String] = []
        var heldBack = 0
        for (theme, cells) in tables {
            let reports = cells.indices.filter { !cells[$0].manager.isEmpty }
            let number = Dictionary(uniqueKeysWithValues: reports.enumerated().map { ($1, $0) })
            func makeUp(_ cell: Cell) -> [Int] {
                if !cell.manager.isEmpty {
                    return [number[cells.firstIndex { $0.unit == cell.unit && $0.manager == cell.manager }!]!]
                }
                return reports.filter { index in
                    cell.unit == MonitoringPage.organisationName || cells[index].unit == cell.unit
                        || cells[index].unit.hasPrefix(cell.unit + "/")
                }.map { number[$0]! }
            }
            let ownCells = cells.filter { $0.manager == own }
            let known = (cells.filter { $0.value != nil } + ownCells).map(makeUp)
            let targets = cells.filter { $0.value == nil && $0.manager != own }
            heldBack += targets.count
            let worked = DisclosureAttack.determined(known: known, targets: targets.map(makeUp), reports: reports.count)
            let fromOwn = DisclosureAttack.determined(known: ownCells.map(makeUp), targets: targets.map(makeUp), reports: reports.count)
            for (offset, target) in targets.enumerated() where worked[offset] && !fromOwn[offset] {
                leaks.append("\(theme) for \(target.unit) \(target.manager)")
            }
        }
        return (leaks, heldBack)
    }
}

/// The Leadership Team's responses reach the unit's people and no one else; a team's own requests
/// reach the team.
final class UnitResponseTests: XCTestCase {
    func testAResponseForAUnitIsSeenByItsPeopleAndNoOneElse() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let housing = try await Fixtures.unitID("Ridgeway/Housing", in: testApp)
            let theme = try await ThemeModel.query(on: testApp.db).sort(\.$position).first()!
            let chief = try await Fixtures.signedIn(Fixtures.chief, in: testApp)
            let form = try await chief.get(SiteURL.responses.with(query: [("unit", housing.lowerText)]))
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.body.visibleText.contains("Record a response"))

            let wrong = try await chief.post(
                SiteURL.responses.path,
                ["unit": housing.lowerText, "theme": "nonsense", "response": "", "by_whom": "", "due_on": "2026-01-01"])
            XCTAssertEqual(wrong.status, .badRequest)
            let wrongText = wrong.body.visibleText
            for message in [
                "Choose one of the organisation’s themes", "Write what more will be done", "Say who will do it",
                "Choose a day from today on",
            ] {
                XCTAssertTrue(wrongText.contains(message), message)
            }
            let saved = try await chief.post(
                SiteURL.responses.path,
                [
                    "unit": housing.lowerText, "theme": theme.id!.lowerText, "response": "A monthly lunchtime talk on moving between teams",
                    "by_whom": "Housing leadership team", "due_on": "2027-01-31",
                ])
            XCTAssertEqual(saved.status, .seeOther)

            for (email, sees) in [
                (Fixtures.employee, true), (Fixtures.manager, true), (Fixtures.director, true), (Fixtures.hrAdmin, false),
                (Fixtures.hrDirector, false), (Fixtures.leadership, false),
            ] {
                let browser = try await Fixtures.signedIn(email, in: testApp)
                let home = try await browser.get("/").body.visibleText
                XCTAssertEqual(home.contains("A monthly lunchtime talk on moving between teams"), sees, email)
                if sees { XCTAssertTrue(home.contains("\(theme.name) (Housing) A monthly lunchtime talk"), email) }
            }
            // Kate leads Housing: she reads them, and cannot record or remove any.
            let kate = try await Fixtures.signedIn(Fixtures.director, in: testApp)
            let read = try await kate.get(SiteURL.responses.with(query: [("unit", housing.lowerText)]))
            XCTAssertTrue(read.body.visibleText.contains("A monthly lunchtime talk"))
            XCTAssertFalse(read.body.visibleText.contains("Record a response"))
            let refused = try await kate.post(
                SiteURL.responses.path, ["unit": housing.lowerText, "theme": theme.id!.lowerText, "response": "x", "by_whom": "y"])
            XCTAssertEqual(refused.status, .forbidden)
            let response = try await UnitResponseModel.query(on: testApp.db).first()!
            let removeRefused = try await kate.post(SiteURL.responseDelete(response.id!).path, [:])
            XCTAssertEqual(removeRefused.status, .forbidden)
            let removed = try await chief.post(SiteURL.responseDelete(response.id!).path, [:])
            XCTAssertEqual(removed.status, .seeOther)
            let left = try await UnitResponseModel.query(on: testApp.db).count()
            XCTAssertEqual(left, 0)
        }
    }

    func testATeamsRequestIsSeenByTheTeamUntilItIsDone() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let ben = try await Fixtures.signedIn(Fixtures.manager, in: testApp)
            let empty = try await ben.post(SiteURL.teamRequests.path, ["request": "  "])
            XCTAssertEqual(empty.status, .badRequest)
            XCTAssertTrue(empty.body.visibleText.contains("Write what your team asks for"))
            let added = try await ben.post(SiteURL.teamRequests.path, ["request": "An hour a month to shadow the repairs team"])
            XCTAssertEqual(added.status, .seeOther)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            let home = try await freya.get("/").body.visibleText
            XCTAssertTrue(home.contains("Your team asked, to be done here An hour a month to shadow the repairs team"), home)
            let kate = try await Fixtures.signedIn(Fixtures.director, in: testApp)
            let kates = try await kate.get("/").body.visibleText
            XCTAssertFalse(kates.contains("shadow the repairs team"), "not Ben's team")

            let request = try await TeamRequestModel.query(on: testApp.db).first()!
            // Only Ben can mark his team's request done.
            let lewis = try await Fixtures.signedIn(Fixtures.colleague, in: testApp)
            let refused = try await lewis.post(SiteURL.teamRequestDone(request.id!).path, [:])
            XCTAssertNotEqual(refused.status, .seeOther)
            let done = try await ben.post(SiteURL.teamRequestDone(request.id!).path, [:])
            XCTAssertEqual(done.status, .seeOther)
            let after = try await freya.get("/").body.visibleText
            XCTAssertFalse(after.contains("shadow the repairs team"))
        }
    }
}

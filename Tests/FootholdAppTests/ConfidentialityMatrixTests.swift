import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// Every viewer against every part of a conversation, through every page that shows one: a part
/// appears somewhere for a viewer exactly when the access policy allows it, and every page a viewer
/// may not see answers 403 or 404 with no trace of the content.
final class ConfidentialityMatrixTests: XCTestCase {
    /// Markers written into each part, so a page can be searched for them.
    static let markers: [(ConversationAccess.Part, String)] = [
        (.employeePreparation, "MARK-EMPLOYEE-PREPARATION"),
        (.guidePreparation, "MARK-GUIDE-PREPARATION"),
        (.employeeNotes, "MARK-EMPLOYEE-NOTES"),
        (.guideNotes, "MARK-GUIDE-NOTES"),
        (.sharedSummary, "MARK-SHARED-SUMMARY"),
        (.actions, "MARK-ACTION"),
        (.purpose, "MARK-PURPOSE"),
        (.place, "MARK-PLACE"),
        (.expectations, "MARK-EXPECTATIONS"),
    ]

    /// A held checkpoint conversation between Freya and Ines, her previous manager; Ben manages her now.
    static func conversation(in testApp: TestApp, employeeShares: Bool, historyShared: Bool) async throws -> UUID {
        try await Fixtures.organisation(in: testApp)
        let freya = try await PersonModel.query(on: testApp.db).filter(\.$email == Fixtures.employee).first()!
        let ines = try await Fixtures.personID(Fixtures.unitHead, in: testApp)
        freya.$manager.id = ines
        try await freya.save(on: testApp.db)
        let year = try await CareerYears.current(today: CalendarDate(iso: "2026-11-19")!, on: testApp.reads, now: testApp.clock.now).year
        let review = year.checkpoints.first { $0.name == "Progress review 2" }!

        let inesBrowser = try await Fixtures.signedIn(Fixtures.unitHead, in: testApp)
        let employee = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
        let sent = try await inesBrowser.post(
            SiteURL.conversations.path,
            [
                "with": freya.id!.uuidString, "kind": "checkpoint", "checkpoint": review.id.uuidString, "minutes": "30",
                "date": "2026-11-19", "time": "09:00", "place": "MARK-PLACE", "purpose": "MARK-PURPOSE",
            ])
        let id = UUID(uuidString: String(sent.location!.split(separator: "/")[1]))!
        _ = try await employee.post(
            SiteURL.accept(id).path, ["date": "2026-11-19", "time": "09:00", "minutes": "30", "place": "MARK-PLACE"])
        _ = try await employee.post(
            SiteURL.prepare(id).path, ["strengths": "MARK-EMPLOYEE-PREPARATION"] + (employeeShares ? ["share": "yes"] : [:]))
        _ = try await inesBrowser.post(SiteURL.prepare(id).path, ["noticed": "MARK-GUIDE-PREPARATION"])
        _ = try await inesBrowser.post(SiteURL.guided(id).path, ["expectations": "MARK-EXPECTATIONS"])
        _ = try await inesBrowser.post(
            SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30", "checkpoint": review.id.uuidString])
        _ = try await inesBrowser.post(SiteURL.record(id).path, ["summary": "MARK-SHARED-SUMMARY", "notes": "MARK-GUIDE-NOTES"])
        _ = try await inesBrowser.post(SiteURL.actions(id).path, ["description": "MARK-ACTION", "owner": "employee"])
        _ = try await employee.post(SiteURL.record(id).path, ["summary": "MARK-SHARED-SUMMARY", "notes": "MARK-EMPLOYEE-NOTES"])

        // Freya now reports to Ben.
        freya.$manager.id = try await Fixtures.personID(Fixtures.manager, in: testApp)
        freya.historySharedWithID = historyShared ? freya.$manager.id : nil
        try await freya.save(on: testApp.db)
        return id
    }

    func check(employeeShares: Bool, historyShared: Bool) async throws {
        try await withApp { testApp in
            let id = try await Self.conversation(in: testApp, employeeShares: employeeShares, historyShared: historyShared)
            let viewers: [(String, ConversationAccess.Viewer)] = [
                (Fixtures.employee, .init(isEmployee: true)),
                (Fixtures.unitHead, .init(isGuide: true)),
                (Fixtures.manager, .init(isLineManager: true)),
                (Fixtures.director, .init(isDirector: true)),
                (Fixtures.leadership, .init(isLeadershipTeam: true)),
                (Fixtures.hrAdmin, .init(isHRAdministrator: true)),
                (Fixtures.colleague, .init()),
            ]
            let sharing = ConversationAccess.Sharing(
                kind: .checkpoint, employeePreparationShared: employeeShares,
                employeeSharesHistoryWithManager: historyShared)
            try await Self.assertMatrix(
                id, viewers: viewers, sharing: sharing, in: testApp,
                case: "employee shares: \(employeeShares), history shared: \(historyShared)")
        }
    }

    /// Each viewer opens every page of the conversation: a part's marker is on some page exactly
    /// when the policy lets them read it, and a refused page shows none.
    static func assertMatrix(
        _ id: UUID, viewers: [(String, ConversationAccess.Viewer)], sharing: ConversationAccess.Sharing, in testApp: TestApp,
        case label: String, also: ((Browser, ConversationAccess.Viewer, String) async throws -> Void)? = nil
    ) async throws {
        let pages = [
            SiteURL.conversation(id).path, SiteURL.prepare(id).path, SiteURL.guided(id).path, SiteURL.record(id).path,
            SiteURL.calendar(id).path,
        ]
        for (email, viewer) in viewers {
            let browser = try await Fixtures.signedIn(email, in: testApp)
            var seen = ""
            for path in pages {
                let page = try await browser.get(path)
                if page.status == .ok {
                    seen += page.body
                } else {
                    XCTAssertTrue([.notFound, .forbidden].contains(page.status), "\(email) \(path): \(page.status)")
                    XCTAssertFalse(page.body.contains("MARK-"), "\(email) \(path) refused but shows content")
                }
            }
            try await also?(browser, viewer, email)
            let occurrence = try await browser.get(pages[0]).status == .ok
            XCTAssertEqual(occurrence, ConversationAccess.allows(viewer, .occurrence, sharing), "\(email) occurrence")
            for (part, marker) in markers {
                XCTAssertEqual(seen.contains(marker), ConversationAccess.allows(viewer, part, sharing), "\(email) \(part) (\(label))")
            }
        }
    }

    func testNothingShared() async throws { try await check(employeeShares: false, historyShared: false) }

    /// The same matrix for a Leadership Team conversation booked in a slot: Freya books Omar's slot
    /// with a note, and the two prepare, hold and record it.
    func checkBookedSlot(employeeShares: Bool) async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let omar = try await Fixtures.signedIn(Fixtures.leadership, in: testApp)
            let freya = try await Fixtures.signedIn(Fixtures.employee, in: testApp)
            _ = try await omar.post(
                SiteURL.ownSlots.path, ["date": "2026-11-19", "time": "14:00", "minutes": "30", "weeks": "1", "place": "MARK-PLACE"])
            let slot = try await LeadershipSlotModel.query(on: testApp.db).first()
            let booked = try await freya.post(SiteURL.slotBook(try XCTUnwrap(slot?.id)).path, ["note": "MARK-PURPOSE"])
            XCTAssertEqual(booked.status, .seeOther)
            let booking = try await SlotBookingModel.query(on: testApp.db).first()
            let id = try XCTUnwrap(booking?.$conversation.id)
            _ = try await freya.post(
                SiteURL.prepare(id).path, ["strengths": "MARK-EMPLOYEE-PREPARATION"] + (employeeShares ? ["share": "yes"] : [:]))
            _ = try await omar.post(SiteURL.prepare(id).path, ["noticed": "MARK-GUIDE-PREPARATION"])
            _ = try await omar.post(SiteURL.guided(id).path, ["expectations": "MARK-EXPECTATIONS"])
            let held = try await omar.post(SiteURL.markHeld(id).path, ["date": "2026-11-19", "minutes": "30"])
            XCTAssertEqual(held.status, .seeOther, held.body.visibleText)
            _ = try await omar.post(SiteURL.record(id).path, ["summary": "MARK-SHARED-SUMMARY", "notes": "MARK-GUIDE-NOTES"])
            _ = try await omar.post(SiteURL.actions(id).path, ["description": "MARK-ACTION", "owner": "employee"])
            _ = try await freya.post(SiteURL.record(id).path, ["summary": "MARK-SHARED-SUMMARY", "notes": "MARK-EMPLOYEE-NOTES"])

            let viewers: [(String, ConversationAccess.Viewer)] = [
                (Fixtures.employee, .init(isEmployee: true)),
                (Fixtures.leadership, .init(isGuide: true, isLeadershipTeam: true)),
                (Fixtures.manager, .init(isLineManager: true)),
                (Fixtures.director, .init(isDirector: true)),
                (Fixtures.chief, .init(isLeadershipTeam: true)),
                (Fixtures.hrAdmin, .init(isHRAdministrator: true)),
                (Fixtures.colleague, .init()),
            ]
            let sharing = ConversationAccess.Sharing(kind: .leadership, employeePreparationShared: employeeShares)
            try await Self.assertMatrix(
                id, viewers: viewers, sharing: sharing, in: testApp,
                case: "a booked Leadership Team conversation, employee shares: \(employeeShares)"
            ) { browser, viewer, email in
                // The slots pages say nothing of the conversation but to its two people.
                let slots = try await browser.get(SiteURL.slots.path).body + (try await browser.get(SiteURL.ownSlots.path)).body
                XCTAssertFalse(slots.contains("MARK-") && !viewer.isEmployee && !viewer.isGuide, "\(email) slots pages")
            }
        }
    }

    func testABookedSlotWithNothingShared() async throws { try await checkBookedSlot(employeeShares: false) }
    func testABookedSlotWithThePreparationShared() async throws { try await checkBookedSlot(employeeShares: true) }
    func testPreparationShared() async throws { try await check(employeeShares: true, historyShared: false) }
    func testHistorySharedWithTheNewManager() async throws { try await check(employeeShares: false, historyShared: true) }
}

private func + (lhs: [String: String], rhs: [String: String]) -> [String: String] { lhs.merging(rhs) { $1 } }

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import SQLKit
import XCTest
@testable import FootholdApp

/// Reading a conversation leaves an audit event, written a moment later in a batch: the audit page
/// always shows every event, events are written without anyone asking, and none is lost when the
/// server stops.
final class ReadAuditTests: XCTestCase {
    private func storedEvents(_ db: any Database) async throws -> [(actor: UUID, conversation: UUID, event: String)] {
        try await db.sql.raw("SELECT actor_id, conversation_id, event FROM audit_log WHERE conversation_id IS NOT NULL ORDER BY at, event")
            .all().map {
                (
                    try $0.decode(column: "actor_id", as: UUID.self), try $0.decode(column: "conversation_id", as: UUID.self),
                    try $0.decode(column: "event", as: String.self)
                )
            }
    }

    func testEveryReadOfAConversationIsOnTheAuditPageAtOnce() async throws {
        try await withApp { testApp in
            let (manager, employee, id) = try await Fixtures.scheduledConversation(in: testApp)
            let preparation = try await employee.get(SiteURL.prepare(id).path)
            XCTAssertEqual(preparation.status, .ok)
            let guided = try await manager.get(SiteURL.guided(id).path)
            XCTAssertEqual(guided.status, .ok)
            let detail = try await manager.get(SiteURL.conversation(id).path)
            XCTAssertEqual(detail.status, .ok)

            let hr = try await Fixtures.signedIn(Fixtures.hrAdmin, in: testApp)
            let page = try await hr.get(SiteURL.adminAudit.path)
            XCTAssertEqual(page.status, .ok)
            let text = page.body.visibleText
            XCTAssertTrue(text.contains("Freya Parker Opened a conversation record Freya Parker"), text)
            XCTAssertTrue(text.contains("Ben Khan Opened a conversation record Freya Parker"), text)
            XCTAssertFalse(text.contains("Room 4"), "the log never shows what a conversation says")

            let events = try await storedEvents(testApp.db)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            XCTAssertTrue(events.contains { $0.actor == freya && $0.conversation == id && $0.event == "viewed preparation" })
            XCTAssertTrue(events.contains { $0.actor == ben && $0.conversation == id && $0.event == "viewed guided conversation" })
            XCTAssertTrue(events.contains { $0.actor == ben && $0.conversation == id && $0.event == "viewed" })
            XCTAssertEqual(testApp.app.readAudit.pendingCount, 0)
        }
    }

    func testReadEventsAreWrittenWithinAMomentWithoutBeingAsked() async throws {
        try await withApp { testApp in
            let (_, employee, id) = try await Fixtures.scheduledConversation(in: testApp)
            let before = try await storedEvents(testApp.db).count
            let preparation = try await employee.get(SiteURL.prepare(id).path)
            XCTAssertEqual(preparation.status, .ok)
            var stored = before
            for _ in 0..<50 where stored == before {
                try await Task.sleep(for: .milliseconds(100))
                stored = try await storedEvents(testApp.db).count
            }
            XCTAssertEqual(stored, before + 1, "written within five seconds (the delay is \(ReadAudit.delay))")
        }
    }

    func testManyEventsGoInBatchesAndStoppingTheServerWritesWhatIsWaiting() async throws {
        let testApp = try await TestApp.make()
        do {
            let (_, _, id) = try await Fixtures.scheduledConversation(in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let before = try await storedEvents(testApp.db).count
            let audit = testApp.app.readAudit
            for number in 0..<(ReadAudit.rowsPerStatement * 2 + 7) {
                audit.record("viewed record \(number)", conversation: id, of: freya, by: freya, at: testApp.clock.now)
            }
            try await testApp.app.asyncShutdown()
            let sibling = try await testApp.sibling()
            let events = try await storedEvents(sibling.db)
            try await sibling.app.asyncShutdown()
            XCTAssertEqual(events.count - before, ReadAudit.rowsPerStatement * 2 + 7, "every event, over three statements")
            XCTAssertEqual(Set(events.map(\.event)).count, events.count, "each once")
        } catch {
            await testApp.database.drop()
            throw error
        }
        await testApp.database.drop()
    }
}

import Fluent
import FootholdCore
@testable import FootholdData
import Foundation
import XCTest
@testable import FootholdApp

/// The conversation list's "Earlier" part: a person's finished conversations, on either side,
/// most recent first, a page at a time, each once.
final class ConversationListTests: XCTestCase {
    func testEarlierConversationsComeNewestFirstAPageAtATimeFromBothSides() async throws {
        try await withApp { testApp in
            try await Fixtures.organisation(in: testApp)
            let ben = try await Fixtures.personID(Fixtures.manager, in: testApp)
            let freya = try await Fixtures.personID(Fixtures.employee, in: testApp)
            let ines = try await Fixtures.personID(Fixtures.unitHead, in: testApp)
            let start = Date(timeIntervalSince1970: 1_760_000_000)
            var expected: [(id: UUID, at: Date)] = []
            // Thirty finished conversations: Ben guides Freya in some and is guided by Ines in the
            // others; held ones are dated by when they were held, the rest by their time or their
            // last change. Two open ones stay out of "Earlier".
            for index in 0..<32 {
                let conversation = ConversationModel()
                conversation.id = UUID()
                let bensSide = index % 3 == 0
                conversation.$employee.id = bensSide ? ben : freya
                conversation.$guide.id = bensSide ? ines : ben
                conversation.kind = .checkIn
                conversation.requestedBy = .guide
                conversation.withLineManager = false
                conversation.purpose = ""
                conversation.minutes = 30
                conversation.place = ""
                conversation.expectations = ""
                conversation.summary = ""
                conversation.employeePreparationShared = false
                conversation.guidePreparationShared = false
                // Out of order on purpose, so the list's order comes from the dates.
                let at = start.addingTimeInterval(Double((index * 7) % 32) * 86_400)
                conversation.createdAt = start
                conversation.updatedAt = at
                switch index % 4 {
                case 0: conversation.state = .held; conversation.heldAt = at; conversation.startsAt = start
                case 1: conversation.state = .cancelled; conversation.startsAt = at
                case 2: conversation.state = .declined
                default: conversation.state = index < 8 ? .scheduled : .held; conversation.heldAt = at
                }
                try await conversation.create(on: testApp.db)
                if conversation.state != .scheduled { expected.append((conversation.id!, at)) }
            }
            expected.sort { ($0.at, $1.id.uuidString) > ($1.at, $0.id.uuidString) }

            let first = try await ConversationStore.earlier(for: ben, page: 1, size: 25, on: testApp.reads)
            let second = try await ConversationStore.earlier(for: ben, page: 2, size: 25, on: testApp.reads)
            XCTAssertEqual(expected.count, 30)
            XCTAssertEqual(first.items.map(\.id), expected.prefix(25).map(\.id))
            XCTAssertTrue(first.hasNext)
            XCTAssertEqual(second.items.map(\.id), expected.dropFirst(25).map(\.id))
            XCTAssertFalse(second.hasNext)
            // Each line carries both people's names.
            XCTAssertTrue(first.items.allSatisfy { !$0.employee.name.isEmpty && !$0.guide.name.isEmpty })
            XCTAssertTrue(first.items.contains { $0.employee.id == ben })
            XCTAssertTrue(first.items.contains { $0.guide.id == ben })
        }
    }
}

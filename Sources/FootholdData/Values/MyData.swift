import FootholdCore
import Foundation

/// Everything Foothold holds about one person, as they download it (SPEC §7): their plan and its
/// versions, journal, reflections, their own preparations and private notes, the shared summaries
/// and actions of their conversations, and their settings; nothing anyone else wrote privately.
/// Its shape is documented in `docs/foothold-my-data.schema.json`, which a test checks it against.
package struct MyData: Encodable {
    package static let format = "foothold-my-data/1"

    package struct Person: Encodable {
        package var name: String
        package var email: String
        package var jobTitle: String
        package var unit: String?
        package var lineManager: String?
    }

    package struct Settings: Encodable {
        /// The manager the person lets read their earlier conversations with other guides.
        package var historySharedWith: String?
        /// The guides the person shows their career plan to.
        package var planShownTo: [String]
    }

    package struct PlanVersion: Encodable {
        package var careerYear: String
        package var updatedAt: Date
        package var plan: CareerPlan
    }

    package struct PlanSnapshot: Encodable {
        package var label: String
        package var takenAt: Date
        package var careerYear: String
        package var plan: CareerPlan
    }

    package struct JournalEntry: Encodable {
        package var id: UUID
        package var writtenOn: String
        package var kind: String
        package var text: String
        package var actionId: UUID?
        package var goalId: UUID?
        package var shownTo: [String]
    }

    package struct Reflection: Encodable {
        package var conversationId: UUID
        package var answers: [String: String]
        package var balance: String?
        package var whatWorked: String
        package var differently: String
    }

    package struct Conversation: Encodable {
        package var id: UUID
        package var kind: String
        package var state: String
        /// `employee` or `guide`: which side of it the person was.
        package var side: String
        package var with: String
        package var checkpoint: String?
        package var purpose: String?
        package var place: String?
        package var startsAt: Date?
        package var heldAt: Date?
        package var expectations: String?
        package var summary: String?
        package var themes: [String]
        /// The person's own preparation, by question.
        package var ownPreparation: [String: String]
        /// The person's own private notes.
        package var ownNotes: String?
        /// Why they said "not now", when they were the employee and said it.
        package var declineReason: String?
    }

    package struct ActionNote: Encodable {
        package var writtenAt: Date
        package var by: String
        package var text: String
    }

    package struct Action: Encodable {
        package var id: UUID
        package var conversationId: UUID?
        package var description: String
        package var successMeasure: String
        package var owner: String
        package var ownerName: String
        package var dueOn: String?
        package var status: String
        package var dropReason: String?
        package var confirmedAt: Date?
        package var goalId: UUID?
        package var forInfluenceObjective: Bool
        package var progress: [ActionNote]
    }

    package var format = MyData.format
    package var exportedAt: Date
    package var person: Person
    package var settings: Settings
    package var planVersions: [PlanVersion]
    package var planSnapshots: [PlanSnapshot]
    package var journal: [JournalEntry]
    package var reflections: [Reflection]
    package var conversations: [Conversation]
    package var actions: [Action]

    /// The file: JSON with sorted keys and ISO 8601 times, in UTF-8.
    package func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}

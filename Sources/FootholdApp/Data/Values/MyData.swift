import FootholdCore
import Foundation

/// Everything Foothold holds about one person, as they download it (SPEC §7): their plan and its
/// versions, journal, reflections, their own preparations and private notes, the shared summaries
/// and actions of their conversations, and their settings; nothing anyone else wrote privately.
/// Its shape is documented in `docs/foothold-my-data.schema.json`, which a test checks it against.
struct MyData: Encodable {
    static let format = "foothold-my-data/1"

    struct Person: Encodable {
        var name: String
        var email: String
        var jobTitle: String
        var unit: String?
        var lineManager: String?
    }

    struct Settings: Encodable {
        /// The manager the person lets read their earlier conversations with other guides.
        var historySharedWith: String?
        /// The guides the person shows their career plan to.
        var planShownTo: [String]
    }

    struct PlanVersion: Encodable {
        var careerYear: String
        var updatedAt: Date
        var plan: CareerPlan
    }

    struct PlanSnapshot: Encodable {
        var label: String
        var takenAt: Date
        var careerYear: String
        var plan: CareerPlan
    }

    struct JournalEntry: Encodable {
        var id: UUID
        var writtenOn: String
        var kind: String
        var text: String
        var actionId: UUID?
        var goalId: UUID?
        var shownTo: [String]
    }

    struct Reflection: Encodable {
        var conversationId: UUID
        var answers: [String: String]
        var balance: String?
        var whatWorked: String
        var differently: String
    }

    struct Conversation: Encodable {
        var id: UUID
        var kind: String
        var state: String
        /// `employee` or `guide`: which side of it the person was.
        var side: String
        var with: String
        var checkpoint: String?
        var purpose: String?
        var place: String?
        var startsAt: Date?
        var heldAt: Date?
        var expectations: String?
        var summary: String?
        var themes: [String]
        /// The person's own preparation, by question.
        var ownPreparation: [String: String]
        /// The person's own private notes.
        var ownNotes: String?
        /// Why they said "not now", when they were the employee and said it.
        var declineReason: String?
    }

    struct ActionNote: Encodable {
        var writtenAt: Date
        var by: String
        var text: String
    }

    struct Action: Encodable {
        var id: UUID
        var conversationId: UUID?
        var description: String
        var successMeasure: String
        var owner: String
        var ownerName: String
        var dueOn: String?
        var status: String
        var dropReason: String?
        var confirmedAt: Date?
        var goalId: UUID?
        var forInfluenceObjective: Bool
        var progress: [ActionNote]
    }

    var format = MyData.format
    var exportedAt: Date
    var person: Person
    var settings: Settings
    var planVersions: [PlanVersion]
    var planSnapshots: [PlanSnapshot]
    var journal: [JournalEntry]
    var reflections: [Reflection]
    var conversations: [Conversation]
    var actions: [Action]

    /// The file: JSON with sorted keys and ISO 8601 times, in UTF-8.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}

import Fluent
import FootholdCore
import Foundation
import SQLKit

/// A guide's suggestion of a colleague to talk to: an action for the employee and a request to
/// the colleague, in one transaction.
package enum TalkToStore {
    package static func suggest(
        _ suggestion: TalkToSuggestion, in record: ConversationForViewer, colleague: (id: UUID, name: String), actionID: UUID,
        requestID: UUID, at now: Date, on database: any Database
    ) async throws {
        let employeeFirst = record.employee.name.firstName
        let request = ConversationModel()
        request.id = requestID
        request.kind = .mentoring
        request.state = .requested
        // The colleague answers, as they would answer the employee asking.
        request.requestedBy = .employee
        request.$employee.id = record.employee.id
        request.$guide.id = colleague.id
        request.withLineManager = false
        request.purpose = suggestion.request(guideName: record.guide.name, employeeFirstName: employeeFirst)
        request.minutes = 30
        request.place = ""
        request.expectations = ""
        request.summary = ""
        request.employeePreparationShared = false
        request.guidePreparationShared = false
        request.createdAt = now
        request.updatedAt = now
        let action = AgreedActionModel(
            id: actionID, employeeID: record.employee.id, conversationID: record.id,
            description: suggestion.action(
                colleagueFirstName: colleague.name.firstName),
            owner: .employee, at: now)
        action.$createdBy.id = record.viewerID
        action.$guide.id = record.guide.id
        action.talkRequestID = requestID
        try await database.transaction { database in
            try await request.create(on: database)
            try await ConversationStore.audit("suggested by a guide", conversation: requestID, by: record.viewerID, at: now, on: database)
            try await action.create(on: database)
            try await ConversationStore.audit("added an action", conversation: record.id, by: record.viewerID, at: now, on: database)
            try await NewsStore.tell(
                News(.requested, by: record.employee.name), to: colleague.id, about: requestID, link: SiteURL.conversation(requestID).path,
                timeZone: TimeZone(secondsFromGMT: 0)!, at: now, on: database)
        }
    }
}

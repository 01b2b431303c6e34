import FootholdCore
import Foundation
import SQLKit

/// An action with the people around it, as a line in a list or the head of its own page.
package struct ActionLine: Equatable {
    package var action: AgreedAction
    package var employeeName: String
    /// The guide of the conversation it was agreed in, if there is one.
    package var guideID: UUID?
    package var guideName: String?
    /// The named colleague who owns it.
    package var colleagueName: String?
    /// "Mid-year conversation", "Check-in", when it came from a conversation.
    package var conversationTitle: String?
    package var conversationDate: Date?
    /// For an action to talk to a colleague: the request it made to them.
    package var talkRequestID: UUID?
    /// The SMART check of this version, counted in the organisation's time zone.
    package var smart: SmartVerdict

    /// How `personID` stands to it, for the access policy.
    package func standing(of personID: UUID) -> ConversationAccess.Standing {
        .init(
            isOwner: action.employeeID == personID, isGuide: guideID == personID,
            isNamedColleague: action.owner == .colleague && action.ownerPersonID == personID)
    }

    /// Who will do it, as `personID` would say it.
    package func ownerName(for personID: UUID) -> String {
        switch action.owner {
        case .employee: action.employeeID == personID ? "You" : employeeName
        case .guide: guideID == personID ? "You" : (guideName ?? "The guide")
        case .organisation: "The organisation"
        case .colleague: action.ownerPersonID == personID ? "You" : (colleagueName ?? "A colleague")
        }
    }

    package static let columns = """
        \(AgreedAction.columns("a")), a.talk_request_id, e.name AS employee_name, c.guide_id, g.name AS guide_name, \
        o.name AS colleague_name, \
        c.kind AS conversation_kind, k.name AS checkpoint_name, COALESCE(c.held_at, c.starts_at) AS conversation_date, \
        COALESCE(c.held_at, c.starts_at, a.created_at) AS sort_date \
        FROM agreed_actions a JOIN people e ON e.id = a.employee_id LEFT JOIN conversations c ON c.id = a.conversation_id \
        LEFT JOIN people g ON g.id = c.guide_id LEFT JOIN people o ON o.id = a.owner_person_id \
        LEFT JOIN checkpoints k ON k.id = c.checkpoint_id
        """

    /// From a row selected with `columns`, checked as SMART through the stores' caches.
    package init(_ row: any SQLRow, caches: StoreCaches) throws {
        func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
            try row.decodeNil(column: column) ? nil : try row.decode(column: column, as: T.self)
        }
        action = try AgreedAction.read(row, "a")
        smart = caches.smart(action)
        employeeName = try row.decode(column: "employee_name", as: String.self)
        guideID = try optional("guide_id", UUID.self)
        guideName = try optional("guide_name", String.self)
        colleagueName = try optional("colleague_name", String.self)
        let kind = try optional("conversation_kind", String.self).flatMap(ConversationKind.init(rawValue:))
        conversationTitle = try optional("checkpoint_name", String.self) ?? kind?.title
        conversationDate = try optional("conversation_date", Date.self)
        talkRequestID = try optional("talk_request_id", UUID.self)
    }
}

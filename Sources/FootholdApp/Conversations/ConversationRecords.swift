import Fluent
import FootholdCore
import Foundation

/// A conversation loaded for one person, with what the access policy lets them read. Every page
/// that shows a conversation gets it from here, so nothing reaches a page the policy has not allowed.
struct ConversationForViewer {
    let conversation: ConversationModel
    let employee: PersonModel
    let guide: PersonModel
    let checkpoint: Checkpoint?
    let viewerID: UUID
    let access: ConversationAccess.Viewer
    let sharing: ConversationAccess.Sharing

    var id: UUID { conversation.id! }
    /// The viewer's side, when they are one of the two.
    var side: ConversationSide? { access.isEmployee ? .employee : (access.isGuide ? .guide : nil) }
    var other: PersonModel { access.isEmployee ? guide : employee }
    var facts: ConversationLifecycle.Facts { .init(state: conversation.state, requestedBy: conversation.requestedBy) }

    func allows(_ part: ConversationAccess.Part) -> Bool { ConversationAccess.allows(access, part, sharing) }

    func require(_ part: ConversationAccess.Part) throws {
        guard allows(part) else { throw SiteError.forbidden }
    }

    func may(_ step: ConversationLifecycle.Step) -> Bool {
        guard let side else { return false }
        return ConversationLifecycle.allows(step, by: side, facts)
    }
}

enum ConversationRecords {
    /// Loads a conversation for `viewerID`. Someone who may not know it exists gets "not found",
    /// so a 404 reveals nothing either.
    static func load(_ id: UUID, for viewer: Viewer, on database: any Database) async throws -> ConversationForViewer {
        guard let conversation = try await ConversationModel.query(on: database)
            .filter(\.$id == id)
            .with(\.$employee)
            .with(\.$guide)
            .with(\.$checkpoint)
            .first()
        else { throw SiteError.notFound }
        let employee = conversation.employee
        var access = ConversationAccess.Viewer(
            isEmployee: employee.id == viewer.personID,
            isGuide: conversation.guide.id == viewer.personID,
            isLineManager: employee.$manager.id == viewer.personID,
            isLeadershipTeam: viewer.isLeadershipTeam,
            isHRAdministrator: viewer.isHRAdministrator)
        if !access.isEmployee && !access.isGuide && !access.isLineManager {
            access.isDirector = try await isDirector(viewer.personID, over: employee, on: database)
        }
        let sharing = ConversationAccess.Sharing(
            kind: conversation.kind,
            employeePreparationShared: conversation.employeePreparationShared,
            guidePreparationShared: conversation.guidePreparationShared,
            employeeSharesHistoryWithManager: employee.sharesHistoryWithManager)
        let record = ConversationForViewer(
            conversation: conversation, employee: employee, guide: conversation.guide, checkpoint: conversation.checkpoint?.checkpoint,
            viewerID: viewer.personID, access: access, sharing: sharing)
        guard record.allows(.occurrence) else { throw SiteError.notFound }
        return record
    }

    static func isDirector(_ personID: UUID, over employee: PersonModel, on database: any Database) async throws -> Bool {
        guard let unitID = employee.$unit.id, let unit = try await UnitModel.find(unitID, on: database),
              let path = UnitPath(parsing: unit.path) else { return false }
        return try await UnitModel.query(on: database)
            .filter(\.$headID == personID)
            .filter(\.$path ~~ path.lineage.map(\.description))
            .count() > 0
    }

    /// Records that `actorID` read or changed a conversation. What it says is never logged.
    static func audit(_ event: String, conversation: UUID, by actorID: UUID, at: Date, on database: any Database) async throws {
        let entry = AuditEventModel()
        entry.at = at
        entry.event = event
        entry.$actor.id = actorID
        entry.$conversation.id = conversation
        try await entry.create(on: database)
    }

    /// One side's preparation answers.
    static func preparation(of conversationID: UUID, side: ConversationSide, on database: any Database) async throws -> PreparationAnswers {
        guard let row = try await PreparationModel.query(on: database)
            .filter(\.$conversation.$id == conversationID).filter(\.$side == side).first() else { return PreparationAnswers() }
        return decode(row.answers)
    }

    static func decode(_ json: String) -> PreparationAnswers {
        let raw = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        return PreparationAnswers(Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in PreparationField(rawValue: key).map { ($0, value) } }))
    }

    static func encode(_ answers: PreparationAnswers) -> String {
        let raw = Dictionary(uniqueKeysWithValues: answers.answers.map { ($0.key.rawValue, $0.value) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try! encoder.encode(raw), as: UTF8.self)
    }

    /// The question bank in use.
    static func questionBank(on database: any Database) async throws -> QuestionBank {
        guard let row = try await QuestionBankModel.query(on: database).first(),
              case .success(let bank) = QuestionBank.parse(Data(row.document.utf8)) else { return .standard }
        return bank
    }
}

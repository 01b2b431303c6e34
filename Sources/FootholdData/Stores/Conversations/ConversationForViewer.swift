import FootholdCore
import Foundation

/// A conversation loaded for one person, with what the access policy lets them read. Every page
/// that shows a conversation gets it from here, so nothing reaches a page the policy has not allowed.
package struct ConversationForViewer {
    package let conversation: ConversationRecord
    package let employee: ConversationPerson
    package let guide: ConversationPerson
    package let checkpoint: Checkpoint?
    package let viewerID: UUID
    package let access: ConversationAccess.Viewer
    package let sharing: ConversationAccess.Sharing

    package var id: UUID { conversation.id }
    /// The viewer's side, when they are one of the two.
    package var side: ConversationSide? { access.isEmployee ? .employee : (access.isGuide ? .guide : nil) }
    package var other: ConversationPerson { access.isEmployee ? guide : employee }
    /// The viewer's own name, when they are one of the two.
    package var viewerName: String { access.isEmployee ? employee.name : guide.name }
    package var facts: ConversationLifecycle.Facts { .init(state: conversation.state, requestedBy: conversation.requestedBy) }

    package func allows(_ part: ConversationAccess.Part) -> Bool { ConversationAccess.allows(access, part, sharing) }

    /// Whether marking it held may say which checkpoint it meets: only with the line manager.
    package var meetsCheckpoints: Bool {
        ConversationRules.meetsCheckpoints(kind: conversation.kind, withLineManager: employee.managerID == guide.id)
    }

    /// Whether it could meet a checkpoint as it was held: with the line manager of that day.
    package var metCheckpointsWhenHeld: Bool {
        ConversationRules.meetsCheckpoints(kind: conversation.kind, withLineManager: conversation.withLineManager)
    }

    package func require(_ part: ConversationAccess.Part) throws {
        guard allows(part) else { throw Refusal.notAllowed }
    }

    package func may(_ step: ConversationLifecycle.Step) -> Bool {
        guard let side else { return false }
        return ConversationLifecycle.allows(step, by: side, facts)
    }
}

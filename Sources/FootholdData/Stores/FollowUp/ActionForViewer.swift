import FootholdCore
import Foundation

/// An action loaded for one person, with what the access policy lets them do. Every page that
/// shows or changes an action on its own gets it from here.
package struct ActionForViewer {
    package let line: ActionLine
    package let viewerID: UUID
    package var action: AgreedAction { line.action }
    package var standing: ConversationAccess.Standing { line.standing(of: viewerID) }

    package func allows(_ use: ConversationAccess.Use) -> Bool { ConversationAccess.allows(standing, use, .action) }

    package func require(_ use: ConversationAccess.Use) throws {
        guard allows(use) else { throw Refusal.notAllowed }
    }

    package init(line: ActionLine, viewerID: UUID) {
        self.line = line
        self.viewerID = viewerID
    }
}

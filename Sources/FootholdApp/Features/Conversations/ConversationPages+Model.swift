import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The pages of arranging conversations: the list, inviting and asking, one conversation, answering,
/// rescheduling, declining and marking held. The forms they keep when a post fails are here.
enum ConversationPages {
    /// What the conversation's page says was just done.
    enum Saved: String, SavedState { case checkpoint }

    /// What a line manager who is not the guide may read of a held conversation, when the
    /// employee has chosen to share their history: the summary, themes and actions.
    struct SharedHistory {
        var summary: String
        var themes: [String]
        var actions: [AgreedAction]
    }

    struct ProposalForm: Content {
        var with: UUID?
        var kind: String?
        var checkpoint: String?
        var purpose: String?
        var date: String?
        var time: String?
        var minutes: String?
        var place: String?
    }

    struct MeetingForm: Content {
        var date: String?
        var time: String?
        var minutes: String?
        var place: String?

        var draft: MeetingDraft { MeetingDraft(date: date ?? "", time: time ?? "", minutes: minutes ?? "", place: place ?? "") }
    }

    struct DeclineForm: Content {
        var reason: String?
        var return_on: String?
    }

    struct HeldForm: Content {
        var date: String?
        var minutes: String?
        var checkpoint: String?
    }
}

import FootholdCore
import Foundation
import Vapor

/// Every page and action of the web app, in one typed list. Routes are registered from
/// `pathComponents` and links are built from `path`, so the two cannot drift apart.
enum SiteURL: Equatable {
    case home
    case signIn
    case signOut
    case setPassword(token: String)
    case people
    case person(UUID)
    case unit(UUID)
    case admin
    case adminPeople
    case adminUnits
    case adminImport
    case adminImportConfirm
    case stylesheet
    case script
    case forgotPassword
    case adminPeopleLinks
    case health
    case ping
    // Conversations
    case conversations
    case newConversation
    case conversation(UUID)
    case accept(UUID)
    case decline(UUID)
    case reschedule(UUID)
    case cancel(UUID)
    case markHeld(UUID)
    case changeCheckpoint(UUID)
    case calendar(UUID)
    case prepare(UUID)
    case guided(UUID)
    case record(UUID)
    case actions(UUID)
    case action(UUID, UUID)
    // What happens after a conversation
    case myActions
    case actionPage(UUID)
    case actionStatus(UUID)
    case actionNotes(UUID)
    case actionConfirm(UUID)
    case plan
    case planEdit
    case planSharing
    case planChanges
    case personPlan(UUID)
    case journal
    case journalEntry(UUID)
    case journalEntryDelete(UUID)
    case reflection(UUID)
    case myData
    case team
    case teamInvite
    case sharing
    case changePassword
    // Administration of the programme
    case adminCareerYear
    case adminCheckpoint(UUID)
    case adminNextYear
    case adminThemes
    case adminQuestionBank
    case adminQuestionBankExport
    case adminQuestionBankImport
    case adminAudit
    case adminAnonymity
    // Monitoring without surveillance
    case monitoring
    case monitoringCSV
    case monitoringThemes
    case monitoringThemesCSV
    case notices
    case responses
    case responseDelete(UUID)
    case teamThemes
    case teamRequests
    case teamRequestDone(UUID)
    // Leadership Team slots, opportunities, stories and resources
    case slots
    case ownSlots
    case slotBook(UUID)
    case slotCancel(UUID)
    case slotWithdraw(UUID)
    case opportunities
    case newOpportunity
    case opportunity(UUID)
    case opportunityEdit(UUID)
    case opportunityDelete(UUID)
    case agendaAdd(UUID)
    case agendaRemove(UUID)
    case talkTo(UUID)
    case adminResources
    case adminResourceDelete(UUID)
    case stories
    case newStory
    case story(UUID)
    case storyEdit(UUID)
    case storyConsent(UUID)
    case storyWithdraw(UUID)
    case storyDelete(UUID)
    // Reminders
    case notifications
    case notification(UUID)
    case notificationsRead
    case reminderSettings
    case unsubscribe(token: String)
    case calendarFeed(token: String)
    case calendarFeedReset
    case adminReminders

    static let personParameter = "personID"
    static let unitParameter = "unitID"
    static let tokenParameter = "token"
    static let conversationParameter = "conversationID"
    static let actionParameter = "actionID"
    static let checkpointParameter = "checkpointID"
    static let entryParameter = "entryID"
    static let itemParameter = "itemID"

    var pathComponents: [PathComponent] {
        switch self {
        case .home: []
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .setPassword: ["set-password", .parameter(Self.tokenParameter)]
        case .people: ["people"]
        case .person: ["people", .parameter(Self.personParameter)]
        case .unit: ["units", .parameter(Self.unitParameter)]
        case .admin: ["admin"]
        case .adminPeople: ["admin", "people"]
        case .adminUnits: ["admin", "units"]
        case .adminImport: ["admin", "import"]
        case .adminImportConfirm: ["admin", "import", "confirm"]
        case .stylesheet: ["assets", .constant(Stylesheet.fileName)]
        case .script: ["assets", .constant(Script.fileName)]
        case .forgotPassword: ["forgot-password"]
        case .adminPeopleLinks: ["admin", "people", "links"]
        case .health: ["healthz"]
        case .ping: ["ping"]
        case .conversations: ["conversations"]
        case .newConversation: ["conversations", "new"]
        case .conversation: ["conversations", .parameter(Self.conversationParameter)]
        case .accept: ["conversations", .parameter(Self.conversationParameter), "accept"]
        case .decline: ["conversations", .parameter(Self.conversationParameter), "decline"]
        case .reschedule: ["conversations", .parameter(Self.conversationParameter), "reschedule"]
        case .cancel: ["conversations", .parameter(Self.conversationParameter), "cancel"]
        case .markHeld: ["conversations", .parameter(Self.conversationParameter), "held"]
        case .changeCheckpoint: ["conversations", .parameter(Self.conversationParameter), "checkpoint"]
        case .calendar: ["conversations", .parameter(Self.conversationParameter), "conversation.ics"]
        case .prepare: ["conversations", .parameter(Self.conversationParameter), "prepare"]
        case .guided: ["conversations", .parameter(Self.conversationParameter), "guide"]
        case .record: ["conversations", .parameter(Self.conversationParameter), "record"]
        case .actions: ["conversations", .parameter(Self.conversationParameter), "actions"]
        case .action: ["conversations", .parameter(Self.conversationParameter), "actions", .parameter(Self.actionParameter)]
        case .myActions: ["actions"]
        case .actionPage: ["actions", .parameter(Self.actionParameter)]
        case .actionStatus: ["actions", .parameter(Self.actionParameter), "status"]
        case .actionNotes: ["actions", .parameter(Self.actionParameter), "notes"]
        case .actionConfirm: ["actions", .parameter(Self.actionParameter), "confirm"]
        case .plan: ["plan"]
        case .planEdit: ["plan", "edit"]
        case .planSharing: ["plan", "sharing"]
        case .planChanges: ["plan", "changes"]
        case .personPlan: ["people", .parameter(Self.personParameter), "plan"]
        case .journal: ["journal"]
        case .journalEntry: ["journal", .parameter(Self.entryParameter)]
        case .journalEntryDelete: ["journal", .parameter(Self.entryParameter), "delete"]
        case .reflection: ["conversations", .parameter(Self.conversationParameter), "reflection"]
        case .myData: ["settings", "foothold-my-data.json"]
        case .team: ["team"]
        case .teamInvite: ["team", "invite"]
        case .sharing: ["settings", "sharing"]
        case .changePassword: ["settings", "password"]
        case .adminCareerYear: ["admin", "career-year"]
        case .adminCheckpoint: ["admin", "career-year", "checkpoints", .parameter(Self.checkpointParameter)]
        case .adminNextYear: ["admin", "career-year", "next"]
        case .adminThemes: ["admin", "themes"]
        case .adminQuestionBank: ["admin", "question-bank"]
        case .adminQuestionBankExport: ["admin", "question-bank", "foothold-question-bank.json"]
        case .adminQuestionBankImport: ["admin", "question-bank", "import"]
        case .adminAudit: ["admin", "audit"]
        case .adminAnonymity: ["admin", "anonymity"]
        case .monitoring: ["monitoring"]
        case .monitoringCSV: ["monitoring", "foothold-coverage.csv"]
        case .monitoringThemes: ["monitoring", "themes"]
        case .monitoringThemesCSV: ["monitoring", "themes", "foothold-themes.csv"]
        case .notices: ["monitoring", "notices"]
        case .responses: ["monitoring", "responses"]
        case .responseDelete: ["monitoring", "responses", .parameter(Self.itemParameter), "delete"]
        case .teamThemes: ["team", "themes"]
        case .teamRequests: ["team", "requests"]
        case .teamRequestDone: ["team", "requests", .parameter(Self.itemParameter), "done"]
        case .slots: ["slots"]
        case .ownSlots: ["slots", "yours"]
        case .slotBook: ["slots", .parameter(Self.itemParameter), "book"]
        case .slotCancel: ["slots", .parameter(Self.itemParameter), "cancel"]
        case .slotWithdraw: ["slots", .parameter(Self.itemParameter), "withdraw"]
        case .opportunities: ["opportunities"]
        case .newOpportunity: ["opportunities", "new"]
        case .opportunity: ["opportunities", .parameter(Self.itemParameter)]
        case .opportunityEdit: ["opportunities", .parameter(Self.itemParameter), "edit"]
        case .opportunityDelete: ["opportunities", .parameter(Self.itemParameter), "delete"]
        case .agendaAdd: ["conversations", .parameter(Self.conversationParameter), "agenda"]
        case .agendaRemove: ["conversations", .parameter(Self.conversationParameter), "agenda", "remove"]
        case .talkTo: ["conversations", .parameter(Self.conversationParameter), "talk-to"]
        case .adminResources: ["admin", "resources"]
        case .adminResourceDelete: ["admin", "resources", .parameter(Self.itemParameter), "delete"]
        case .stories: ["stories"]
        case .newStory: ["stories", "new"]
        case .story: ["stories", .parameter(Self.itemParameter)]
        case .storyEdit: ["stories", .parameter(Self.itemParameter), "edit"]
        case .storyConsent: ["stories", .parameter(Self.itemParameter), "consent"]
        case .storyWithdraw: ["stories", .parameter(Self.itemParameter), "withdraw"]
        case .storyDelete: ["stories", .parameter(Self.itemParameter), "delete"]
        case .notifications: ["notifications"]
        case .notification: ["notifications", .parameter(Self.itemParameter)]
        case .notificationsRead: ["notifications", "read"]
        case .reminderSettings: ["settings", "reminders"]
        case .unsubscribe: ["unsubscribe", .parameter(Self.tokenParameter)]
        case .calendarFeed: ["calendar", .parameter(Self.tokenParameter), "foothold.ics"]
        case .calendarFeedReset: ["settings", "reminders", "calendar"]
        case .adminReminders: ["admin", "reminders"]
        }
    }

    var path: String {
        switch self {
        case .setPassword(let token): "/set-password/\(token)"
        case .person(let id): "/people/\(id.lowerText)"
        case .unit(let id): "/units/\(id.lowerText)"
        case .conversation(let id): "/conversations/\(Self.slug(id))"
        case .accept(let id): "/conversations/\(Self.slug(id))/accept"
        case .decline(let id): "/conversations/\(Self.slug(id))/decline"
        case .reschedule(let id): "/conversations/\(Self.slug(id))/reschedule"
        case .cancel(let id): "/conversations/\(Self.slug(id))/cancel"
        case .markHeld(let id): "/conversations/\(Self.slug(id))/held"
        case .changeCheckpoint(let id): "/conversations/\(Self.slug(id))/checkpoint"
        case .calendar(let id): "/conversations/\(Self.slug(id))/conversation.ics"
        case .prepare(let id): "/conversations/\(Self.slug(id))/prepare"
        case .guided(let id): "/conversations/\(Self.slug(id))/guide"
        case .record(let id): "/conversations/\(Self.slug(id))/record"
        case .actions(let id): "/conversations/\(Self.slug(id))/actions"
        case .action(let id, let action): "/conversations/\(Self.slug(id))/actions/\(Self.slug(action))"
        case .personPlan(let id): "/people/\(id.lowerText)/plan"
        case .journalEntry(let id): "/journal/\(Self.slug(id))"
        case .journalEntryDelete(let id): "/journal/\(Self.slug(id))/delete"
        case .reflection(let id): "/conversations/\(Self.slug(id))/reflection"
        case .actionPage(let id): "/actions/\(Self.slug(id))"
        case .actionStatus(let id): "/actions/\(Self.slug(id))/status"
        case .actionNotes(let id): "/actions/\(Self.slug(id))/notes"
        case .actionConfirm(let id): "/actions/\(Self.slug(id))/confirm"
        case .adminCheckpoint(let id): "/admin/career-year/checkpoints/\(Self.slug(id))"
        case .responseDelete(let id): "/monitoring/responses/\(Self.slug(id))/delete"
        case .teamRequestDone(let id): "/team/requests/\(Self.slug(id))/done"
        case .slotBook(let id): "/slots/\(Self.slug(id))/book"
        case .slotCancel(let id): "/slots/\(Self.slug(id))/cancel"
        case .slotWithdraw(let id): "/slots/\(Self.slug(id))/withdraw"
        case .opportunity(let id): "/opportunities/\(Self.slug(id))"
        case .opportunityEdit(let id): "/opportunities/\(Self.slug(id))/edit"
        case .opportunityDelete(let id): "/opportunities/\(Self.slug(id))/delete"
        case .agendaAdd(let id): "/conversations/\(Self.slug(id))/agenda"
        case .agendaRemove(let id): "/conversations/\(Self.slug(id))/agenda/remove"
        case .talkTo(let id): "/conversations/\(Self.slug(id))/talk-to"
        case .adminResourceDelete(let id): "/admin/resources/\(Self.slug(id))/delete"
        case .story(let id): "/stories/\(Self.slug(id))"
        case .storyEdit(let id): "/stories/\(Self.slug(id))/edit"
        case .storyConsent(let id): "/stories/\(Self.slug(id))/consent"
        case .storyWithdraw(let id): "/stories/\(Self.slug(id))/withdraw"
        case .storyDelete(let id): "/stories/\(Self.slug(id))/delete"
        case .notification(let id): "/notifications/\(Self.slug(id))"
        case .unsubscribe(let token): "/unsubscribe/\(token)"
        case .calendarFeed(let token): "/calendar/\(token)/foothold.ics"
        default: "/" + pathComponents.map(\.description).joined(separator: "/")
        }
    }

    static func slug(_ id: UUID) -> String { id.lowerText }

    /// The path with a query string; empty values are left out.
    func with(query items: [(String, String?)]) -> String {
        let kept = items.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(Self.encode(name))=\(Self.encode($0))" } }
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }

    private static let queryValueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))

    static func encode(_ text: String) -> String {
        // Ids and most values need nothing: Foundation's encoder is slow for a page of links.
        let plain = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
            default: false
            }
        }
        return plain ? text : text.addingPercentEncoding(withAllowedCharacters: queryValueCharacters) ?? text
    }
}

import Foundation

/// Every page and action of the web app, in one typed list. It lives with the domain because the
/// domain decides which page a reminder or a piece of news leads to. Routes are registered from
/// `segments` (`SiteURL+Routes.swift`) and links are printed from them, so the two cannot drift apart.
public enum SiteURL: Equatable, Sendable {
    case home
    case signIn
    case signOut
    case setPassword(token: String)
    /// Begins a sign-in with the organisation's account (decision 0025).
    case signInWithProvider
    /// Where the identity provider sends a person back.
    case providerReturn
    /// HR's connections for provisioning over SCIM, and revoking one.
    case adminProvisioning
    case adminProvisioningRevoke(UUID)
    /// SCIM 2.0 (RFC 7644), for identity providers, with a connection's bearer token.
    case scimServiceProviderConfig
    case scimResourceTypes
    case scimSchemas
    case scimUsers
    case scimUser(String)
    case people
    case person(UUID)
    case unit(UUID)
    case admin
    case adminPeople
    case adminUnits
    case adminImport
    case adminImportConfirm
    /// A stylesheet or script, named by a hash of its content (`SiteURL.stylesheet`, `.script`).
    case asset(String)
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
    case newResource
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

    /// One part of an address.
    public enum Segment: Equatable, Sendable, ExpressibleByStringLiteral {
        /// The same in every address of its kind.
        case word(String)
        /// A value in its place, which the route reads as the named parameter.
        case value(String, parameter: String)

        public init(stringLiteral word: String) { self = .word(word) }

        public static func id(_ id: UUID, _ parameter: String) -> Segment { .value(id.lowerText, parameter: parameter) }
        public static func value(_ value: String, _ parameter: String) -> Segment { .value(value, parameter: parameter) }
    }

    public static let personParameter = "personID"
    public static let unitParameter = "unitID"
    public static let tokenParameter = "token"
    public static let conversationParameter = "conversationID"
    public static let actionParameter = "actionID"
    public static let checkpointParameter = "checkpointID"
    public static let entryParameter = "entryID"
    public static let itemParameter = "itemID"

    /// The one definition of every address: its words, and the values a route reads by name.
    /// Links are printed from it (`path`) and routes registered from it (`pattern`), so the two
    /// cannot drift apart.
    public var segments: [Segment] {
        switch self {
        case .home: []
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .signInWithProvider: ["sign-in", "organisation"]
        case .providerReturn: ["sign-in", "organisation", "return"]
        case .adminProvisioning: ["admin", "provisioning"]
        case .adminProvisioningRevoke(let id): ["admin", "provisioning", .id(id, Self.itemParameter), "revoke"]
        case .scimServiceProviderConfig: ["scim", "v2", "ServiceProviderConfig"]
        case .scimResourceTypes: ["scim", "v2", "ResourceTypes"]
        case .scimSchemas: ["scim", "v2", "Schemas"]
        case .scimUsers: ["scim", "v2", "Users"]
        case .scimUser(let id): ["scim", "v2", "Users", .value(id, Self.itemParameter)]
        case .setPassword(let token): ["set-password", .value(token, Self.tokenParameter)]
        case .people: ["people"]
        case .person(let id): ["people", .id(id, Self.personParameter)]
        case .unit(let id): ["units", .id(id, Self.unitParameter)]
        case .admin: ["admin"]
        case .adminPeople: ["admin", "people"]
        case .adminUnits: ["admin", "units"]
        case .adminImport: ["admin", "import"]
        case .adminImportConfirm: ["admin", "import", "confirm"]
        case .forgotPassword: ["forgot-password"]
        case .adminPeopleLinks: ["admin", "people", "links"]
        case .health: ["healthz"]
        case .ping: ["ping"]
        case .conversations: ["conversations"]
        case .newConversation: ["conversations", "new"]
        case .conversation(let id): ["conversations", .id(id, Self.conversationParameter)]
        case .accept(let id): ["conversations", .id(id, Self.conversationParameter), "accept"]
        case .decline(let id): ["conversations", .id(id, Self.conversationParameter), "decline"]
        case .reschedule(let id): ["conversations", .id(id, Self.conversationParameter), "reschedule"]
        case .cancel(let id): ["conversations", .id(id, Self.conversationParameter), "cancel"]
        case .markHeld(let id): ["conversations", .id(id, Self.conversationParameter), "held"]
        case .changeCheckpoint(let id): ["conversations", .id(id, Self.conversationParameter), "checkpoint"]
        case .calendar(let id): ["conversations", .id(id, Self.conversationParameter), "conversation.ics"]
        case .prepare(let id): ["conversations", .id(id, Self.conversationParameter), "prepare"]
        case .guided(let id): ["conversations", .id(id, Self.conversationParameter), "guide"]
        case .record(let id): ["conversations", .id(id, Self.conversationParameter), "record"]
        case .actions(let id): ["conversations", .id(id, Self.conversationParameter), "actions"]
        case .action(let id, let action):
            ["conversations", .id(id, Self.conversationParameter), "actions", .id(action, Self.actionParameter)]
        case .myActions: ["actions"]
        case .actionPage(let id): ["actions", .id(id, Self.actionParameter)]
        case .actionStatus(let id): ["actions", .id(id, Self.actionParameter), "status"]
        case .actionNotes(let id): ["actions", .id(id, Self.actionParameter), "notes"]
        case .actionConfirm(let id): ["actions", .id(id, Self.actionParameter), "confirm"]
        case .plan: ["plan"]
        case .planEdit: ["plan", "edit"]
        case .planSharing: ["plan", "sharing"]
        case .planChanges: ["plan", "changes"]
        case .personPlan(let id): ["people", .id(id, Self.personParameter), "plan"]
        case .journal: ["journal"]
        case .journalEntry(let id): ["journal", .id(id, Self.entryParameter)]
        case .journalEntryDelete(let id): ["journal", .id(id, Self.entryParameter), "delete"]
        case .reflection(let id): ["conversations", .id(id, Self.conversationParameter), "reflection"]
        case .myData: ["settings", "foothold-my-data.json"]
        case .team: ["team"]
        case .teamInvite: ["team", "invite"]
        case .sharing: ["settings", "sharing"]
        case .changePassword: ["settings", "password"]
        case .adminCareerYear: ["admin", "career-year"]
        case .adminCheckpoint(let id): ["admin", "career-year", "checkpoints", .id(id, Self.checkpointParameter)]
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
        case .responseDelete(let id): ["monitoring", "responses", .id(id, Self.itemParameter), "delete"]
        case .teamThemes: ["team", "themes"]
        case .teamRequests: ["team", "requests"]
        case .teamRequestDone(let id): ["team", "requests", .id(id, Self.itemParameter), "done"]
        case .slots: ["slots"]
        case .ownSlots: ["slots", "yours"]
        case .slotBook(let id): ["slots", .id(id, Self.itemParameter), "book"]
        case .slotCancel(let id): ["slots", .id(id, Self.itemParameter), "cancel"]
        case .slotWithdraw(let id): ["slots", .id(id, Self.itemParameter), "withdraw"]
        case .opportunities: ["opportunities"]
        case .newOpportunity: ["opportunities", "new"]
        case .opportunity(let id): ["opportunities", .id(id, Self.itemParameter)]
        case .opportunityEdit(let id): ["opportunities", .id(id, Self.itemParameter), "edit"]
        case .opportunityDelete(let id): ["opportunities", .id(id, Self.itemParameter), "delete"]
        case .agendaAdd(let id): ["conversations", .id(id, Self.conversationParameter), "agenda"]
        case .agendaRemove(let id): ["conversations", .id(id, Self.conversationParameter), "agenda", "remove"]
        case .talkTo(let id): ["conversations", .id(id, Self.conversationParameter), "talk-to"]
        case .adminResources: ["admin", "resources"]
        case .newResource: ["admin", "resources", "new"]
        case .adminResourceDelete(let id): ["admin", "resources", .id(id, Self.itemParameter), "delete"]
        case .stories: ["stories"]
        case .newStory: ["stories", "new"]
        case .story(let id): ["stories", .id(id, Self.itemParameter)]
        case .storyEdit(let id): ["stories", .id(id, Self.itemParameter), "edit"]
        case .storyConsent(let id): ["stories", .id(id, Self.itemParameter), "consent"]
        case .storyWithdraw(let id): ["stories", .id(id, Self.itemParameter), "withdraw"]
        case .storyDelete(let id): ["stories", .id(id, Self.itemParameter), "delete"]
        case .notifications: ["notifications"]
        case .notification(let id): ["notifications", .id(id, Self.itemParameter)]
        case .notificationsRead: ["notifications", "read"]
        case .reminderSettings: ["settings", "reminders"]
        case .unsubscribe(let token): ["unsubscribe", .value(token, Self.tokenParameter)]
        case .calendarFeed(let token): ["calendar", .value(token, Self.tokenParameter), "foothold.ics"]
        case .calendarFeedReset: ["settings", "reminders", "calendar"]
        case .adminReminders: ["admin", "reminders"]
        case .asset(let name): ["assets", .word(name)]
        }
    }

    /// The address, as a link: every value in its place.
    public var path: String {
        let segments = segments
        guard !segments.isEmpty else { return "/" }
        var path = ""
        path.reserveCapacity(64)
        for segment in segments {
            path += "/"
            switch segment {
            case .word(let word): path += word
            case .value(let value, _): path += value
            }
        }
        return path
    }

    public static func slug(_ id: UUID) -> String { id.lowerText }

    /// The path with a query string; empty values are left out.
    public func with(query items: [(String, String?)]) -> String {
        let kept = items.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(Self.encode(name))=\(Self.encode($0))" } }
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }

    private static let queryValueCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))

    public static func encode(_ text: String) -> String {
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

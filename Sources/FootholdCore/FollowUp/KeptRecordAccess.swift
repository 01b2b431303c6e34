/// Who may see and change what a person keeps after and between conversations: actions, the
/// career plan, journal entries and reflections. Part of the one access policy (SPEC §5, §7):
/// every page and query that reads or changes one of these asks here, and nowhere else decides.
/// Roles (director, Leadership Team, HR administrator) open nothing here; they see counts only.
extension ConversationAccess {
    /// What is kept.
    public enum Kept: String, CaseIterable, Sendable {
        case action, plan
        case journalEntry = "journal_entry"
        case reflection
    }

    /// What the viewer wants to do with it.
    public enum Use: String, CaseIterable, Sendable {
        case read
        /// Move an action on: its status and dated progress notes.
        case progress
        /// Change what it says: an action's description, owner, date, measure and goal; a plan;
        /// an entry; a reflection; and whom a plan or entry is shown to.
        case edit
        /// Confirm an action owned by the guide or the organisation can be delivered.
        case confirm
    }

    /// How the viewer stands to the thing kept.
    public struct Standing: Sendable, Equatable {
        /// It is theirs: the employee of an action, the author of a plan, entry or reflection.
        public var isOwner = false
        /// They are the guide of the conversation the action was agreed in.
        public var isGuide = false
        /// The action is owned by them as the named colleague.
        public var isNamedColleague = false
        /// The owner has chosen to show this plan or entry to them.
        public var isSharedWith = false

        public init(isOwner: Bool = false, isGuide: Bool = false, isNamedColleague: Bool = false, isSharedWith: Bool = false) {
            self.isOwner = isOwner
            self.isGuide = isGuide
            self.isNamedColleague = isNamedColleague
            self.isSharedWith = isSharedWith
        }
    }

    public static func allows(_ standing: Standing, _ use: Use, _ kept: Kept) -> Bool {
        switch (kept, use) {
        case (.action, .read), (.action, .progress):
            // The pair, and a named colleague for the actions they own.
            return standing.isOwner || standing.isGuide || standing.isNamedColleague
        case (.action, .edit):
            return standing.isOwner || standing.isGuide
        case (.action, .confirm):
            // Only the guide can say what they or the organisation can deliver (seed 001).
            return standing.isGuide
        case (.plan, .read), (.journalEntry, .read):
            return standing.isOwner || standing.isSharedWith
        case (.plan, .edit), (.journalEntry, .edit), (.reflection, .read), (.reflection, .edit):
            return standing.isOwner
        case (.plan, _), (.journalEntry, _), (.reflection, _):
            return false
        }
    }
}

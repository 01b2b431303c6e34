/// Who may see which part of a career conversation. Confidentiality is the product: every page and
/// query that reads a conversation asks here first, and nowhere else decides (SPEC §5, §7).
public enum ConversationAccess {
    /// The parts of a conversation record, each guarded on its own.
    public enum Part: String, CaseIterable, Sendable {
        /// That it exists: its kind, the two people, when, and its state.
        case occurrence
        /// What the invitation or request said it is for.
        case purpose
        /// Where it is held: a room, an address, a link to a call.
        case place
        /// What the two agreed at the start about time, focus and how it is recorded.
        case expectations
        /// The employee's preparation.
        case employeePreparation = "employee_preparation"
        /// The guide's preparation.
        case guidePreparation = "guide_preparation"
        /// Private notes written by the employee.
        case employeeNotes = "employee_notes"
        /// Private notes written by the guide.
        case guideNotes = "guide_notes"
        /// The shared summary both agreed.
        case sharedSummary = "shared_summary"
        /// The themes chosen for anonymous reporting.
        case themes
        /// The actions agreed.
        case actions
        /// Why the employee said "not now".
        case declineReason = "decline_reason"
    }

    /// How the person asking stands to this conversation and its employee.
    public struct Viewer: Sendable, Equatable {
        public var isEmployee = false
        public var isGuide = false
        /// The employee's line manager today (who may or may not be the guide).
        public var isLineManager = false
        /// Heads the employee's unit or a unit above it.
        public var isDirector = false
        public var isLeadershipTeam = false
        public var isHRAdministrator = false

        public init(
            isEmployee: Bool = false, isGuide: Bool = false, isLineManager: Bool = false, isDirector: Bool = false,
            isLeadershipTeam: Bool = false, isHRAdministrator: Bool = false
        ) {
            self.isEmployee = isEmployee
            self.isGuide = isGuide
            self.isLineManager = isLineManager
            self.isDirector = isDirector
            self.isLeadershipTeam = isLeadershipTeam
            self.isHRAdministrator = isHRAdministrator
        }
    }

    /// What the two people in the conversation have chosen to share.
    public struct Sharing: Sendable, Equatable {
        public var kind: ConversationKind
        public var employeePreparationShared: Bool
        public var guidePreparationShared: Bool
        /// The employee lets their line manager read the summaries, themes and actions of
        /// conversations held with someone else (an earlier manager, say).
        public var employeeSharesHistoryWithManager: Bool

        public init(
            kind: ConversationKind, employeePreparationShared: Bool = false, guidePreparationShared: Bool = false,
            employeeSharesHistoryWithManager: Bool = false
        ) {
            self.kind = kind
            self.employeePreparationShared = employeePreparationShared
            self.guidePreparationShared = guidePreparationShared
            self.employeeSharesHistoryWithManager = employeeSharesHistoryWithManager
        }
    }

    /// Whether `viewer` may read `part`. Directors, the Leadership Team and HR administrators see
    /// counts through monitoring, never a single record; their roles open nothing here.
    public static func allows(_ viewer: Viewer, _ part: Part, _ sharing: Sharing) -> Bool {
        switch part {
        case .occurrence:
            // A line manager follows their team's checkpoint cadence, even with an earlier manager;
            // a mentoring or Leadership Team conversation is the employee's own business.
            return viewer.isEmployee || viewer.isGuide || (viewer.isLineManager && sharing.kind == .checkpoint)
        case .purpose, .place, .expectations:
            // The two people's own arrangements: a line manager who can see that a checkpoint
            // conversation with someone else happened learns no more than that.
            return viewer.isEmployee || viewer.isGuide
        case .employeePreparation:
            return viewer.isEmployee || (viewer.isGuide && sharing.employeePreparationShared)
        case .guidePreparation:
            return viewer.isGuide || (viewer.isEmployee && sharing.guidePreparationShared)
        case .employeeNotes:
            return viewer.isEmployee
        case .guideNotes:
            return viewer.isGuide
        case .sharedSummary, .themes, .actions:
            return viewer.isEmployee || viewer.isGuide || (viewer.isLineManager && sharing.employeeSharesHistoryWithManager)
        case .declineReason:
            return viewer.isEmployee
        }
    }

    /// Every part `viewer` may read.
    public static func readable(by viewer: Viewer, _ sharing: Sharing) -> Set<Part> {
        Set(Part.allCases.filter { allows(viewer, $0, sharing) })
    }
}

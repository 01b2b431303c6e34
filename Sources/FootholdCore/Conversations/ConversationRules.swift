import Foundation

/// The rules about a conversation that forms and writes share: how long it may be, how much each
/// piece of text may hold, which kinds two people may hold, and in which states each kind of work
/// on it may be done. Handlers and stores ask here; nothing else decides.
public enum ConversationRules {
    /// How long a conversation may be, arranged or held.
    public static let minutes = 5...240

    /// The pieces of text people write, each with its limit.
    public enum Text: Sendable, CaseIterable {
        case purpose, declineReason, place, expectations, summary, notes, actionDescription, themeName

        public var field: String {
            switch self {
            case .purpose: "purpose"
            case .declineReason: "reason"
            case .place: "place"
            case .expectations: "expectations"
            case .summary: "summary"
            case .notes: "notes"
            case .actionDescription: "description"
            case .themeName: "name"
            }
        }

        /// Characters, as a person counts them.
        public var limit: Int {
            switch self {
            case .purpose, .declineReason, .actionDescription: 1_000
            case .place: 300
            case .expectations: 2_000
            case .summary, .notes: 10_000
            case .themeName: 80
            }
        }

        var what: String {
            switch self {
            case .purpose, .declineReason, .expectations: "Keep this"
            case .place: "Keep the place or link"
            case .summary: "Keep the summary"
            case .notes: "Keep your notes"
            case .actionDescription: "Keep the action"
            case .themeName: "Keep the theme's name"
            }
        }

        public var message: String {
            "\(what) to \(limit.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB")))) characters or fewer"
        }
    }

    /// Adds the limit's message when `text` is over it; returns whether it fits.
    @discardableResult
    public static func check(_ text: String, _ kind: Text, into problems: inout FieldProblems) -> Bool {
        guard text.count > kind.limit else { return true }
        problems.add(kind.field, kind.message)
        return false
    }

    /// The kinds of conversation that make sense between a viewer and another person.
    public static func kinds(viewerIsTheirManager: Bool, isViewersManager: Bool, otherIsLeadershipTeam: Bool) -> [ConversationKind] {
        if viewerIsTheirManager { return [.checkpoint, .checkIn] }
        var kinds: [ConversationKind] = []
        if isViewersManager { kinds += [.checkpoint, .checkIn] }
        if otherIsLeadershipTeam { kinds.append(.leadership) }
        kinds.append(.mentoring)
        return kinds
    }

    /// Whether a conversation can meet a checkpoint (SPEC §2): only one held with the employee's
    /// line manager, arranged as a checkpoint or a check-in. A mentor's or a Leadership Team
    /// member's conversation counts as a conversation, never as a checkpoint met.
    public static func meetsCheckpoints(kind: ConversationKind, withLineManager: Bool) -> Bool {
        withLineManager && (kind == .checkpoint || kind == .checkIn)
    }

    /// The checkpoint a conversation held on `day` can meet (SPEC §2): the one whose window is open
    /// that day. Windows never overlap, so there is at most one.
    public static func checkpoint(meetableOn day: CalendarDate, in year: CareerYear) -> Checkpoint? {
        year.checkpoints.first { $0.contains(day) }
    }

    /// The checkpoints worth offering when marking a conversation held by `today`: those that have
    /// opened. One not yet open cannot be met by a conversation already held.
    public static func checkpoints(offeredBy today: CalendarDate, in year: CareerYear) -> [Checkpoint] {
        year.checkpoints.filter { $0.opens <= today }
    }

    /// Why a conversation held on `day` does not meet `checkpoint`, or nil when it does.
    public static func problem(meeting checkpoint: Checkpoint, heldOn day: CalendarDate) -> String? {
        guard !checkpoint.contains(day) else { return nil }
        return "\(checkpoint.name) is open from \(checkpoint.window); a conversation held on \(day.spoken) does not meet it. "
            + "Choose “None”, or check the date it was held"
    }

    /// Work on a conversation besides the steps of `ConversationLifecycle`.
    public enum Work: Sendable, CaseIterable {
        /// Either side's preparation: before it is held.
        case prepare
        /// The expectations agreed at the start: once it is arranged, and afterwards.
        case agreeExpectations
        /// The summary, notes, themes and actions: once it is held.
        case record
    }

    /// The states in which `work` may be done.
    public static func states(allowing work: Work) -> [ConversationState] {
        switch work {
        case .prepare: [.requested, .scheduled]
        case .agreeExpectations: [.scheduled, .held]
        case .record: [.held]
        }
    }

    public static func allows(_ work: Work, in state: ConversationState) -> Bool { states(allowing: work).contains(state) }
}

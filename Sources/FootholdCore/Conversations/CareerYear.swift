import Foundation

/// Which set of suggested questions a checkpoint uses (seed 000: start, mid and end of year).
public enum CheckpointStage: String, CaseIterable, Sendable, Codable {
    case start, mid, end

    public var title: String {
        switch self {
        case .start: "Start of year"
        case .mid: "Mid-year"
        case .end: "End of year"
        }
    }
}

/// A point in the career year at which everyone is offered a career conversation.
public struct Checkpoint: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var name: String
    public var opens: CalendarDate
    public var closes: CalendarDate
    public var suggestedMinutes: Int
    public var focus: String
    public var stage: CheckpointStage

    public init(
        id: UUID = UUID(), name: String, opens: CalendarDate, closes: CalendarDate, suggestedMinutes: Int, focus: String,
        stage: CheckpointStage
    ) {
        self.id = id
        self.name = name
        self.opens = opens
        self.closes = closes
        self.suggestedMinutes = suggestedMinutes
        self.focus = focus
        self.stage = stage
    }

    /// Whether `date` falls inside the window; both its first and last days count.
    public func contains(_ date: CalendarDate) -> Bool { opens <= date && date <= closes }

    /// "1 November 2026 to 30 November 2026".
    public var window: String { "\(opens.spoken) to \(closes.spoken)" }
}

/// The programme's year: May to April, following the performance year (SPEC §2).
public struct CareerYear: Sendable, Equatable {
    /// The calendar year in which this career year starts (in May).
    public var startYear: Int
    public var checkpoints: [Checkpoint]

    public init(startYear: Int, checkpoints: [Checkpoint]) {
        self.startYear = startYear
        self.checkpoints = checkpoints.sorted { $0.opens < $1.opens }
    }

    /// "2026–27".
    public var label: String { Self.label(startYear: startYear) }
    public static func label(startYear: Int) -> String { String(startYear) + "–" + LocalTime.twoDigits((startYear + 1) % 100) }

    public var firstDay: CalendarDate { CalendarDate(year: startYear, month: 5, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: startYear + 1, month: 4, day: 30)! }

    /// The years a career year may start in; a year typed outside them is not one Foothold keeps.
    public static let plausibleStartYears = 1970...9998

    /// The career year that `date` falls in.
    public static func startYear(containing date: CalendarDate) -> Int { date.month >= 5 ? date.year : date.year - 1 }

    /// The default year of seed 000: May, the summer, November and February.
    public static func standard(startingIn year: Int) -> CareerYear {
        func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }
        return CareerYear(
            startYear: year,
            checkpoints: [
                Checkpoint(
                    name: "Aspirations", opens: date(year, 5, 1), closes: date(year, 5, 31), suggestedMinutes: 60,
                    focus: "Set the direction of travel for the year, once this year's objectives are agreed.", stage: .start),
                Checkpoint(
                    name: "Progress review 1", opens: date(year, 7, 1), closes: date(year, 8, 31), suggestedMinutes: 30,
                    focus: "Look at progress on what was agreed in May.", stage: .mid),
                Checkpoint(
                    name: "Progress review 2", opens: date(year, 11, 1), closes: date(year, 11, 30), suggestedMinutes: 30,
                    focus: "Look at progress on what was agreed, and change the plan if it needs changing.", stage: .mid),
                Checkpoint(
                    name: "Review and forward look", opens: date(year + 1, 2, 1),
                    closes: date(year + 1, 2, CalendarDate.days(inMonth: 2, year: year + 1)),
                    suggestedMinutes: 60, focus: "Reflect on the year and look forward to the next.", stage: .end),
            ])
    }

    /// The checkpoint whose window holds `date`, or else the next one to open.
    public func current(on date: CalendarDate) -> Checkpoint? {
        checkpoints.first { $0.contains(date) } ?? checkpoints.first { $0.opens > date }
    }

    /// The checkpoints a conversation can still be arranged for on `date`: those whose window has
    /// not closed (one not yet open can be arranged ahead).
    public func arrangeable(on date: CalendarDate) -> [Checkpoint] { checkpoints.filter { $0.closes >= date } }

    /// The position of the checkpoint whose window closed most recently before `date`, if any has.
    public func lastClosed(before date: CalendarDate) -> Int? { checkpoints.indices.last { checkpoints[$0].closes < date } }
}

/// What an HR administrator typed for a checkpoint, checked before it is saved.
public struct CheckpointDraft: Sendable, Equatable {
    public var name: String
    public var opens: String
    public var closes: String
    public var suggestedMinutes: String
    public var focus: String
    public var stage: String

    public init(name: String, opens: String, closes: String, suggestedMinutes: String, focus: String, stage: String) {
        self.name = name
        self.opens = opens
        self.closes = closes
        self.suggestedMinutes = suggestedMinutes
        self.focus = focus
        self.stage = stage
    }

    public init(_ checkpoint: Checkpoint) {
        self.init(
            name: checkpoint.name, opens: checkpoint.opens.iso, closes: checkpoint.closes.iso,
            suggestedMinutes: String(checkpoint.suggestedMinutes), focus: checkpoint.focus, stage: checkpoint.stage.rawValue)
    }

    /// The checkpoint, or every problem with the field it belongs to.
    public func validated(id: UUID, in year: CareerYear) -> Result<Checkpoint, FieldProblems> {
        var problems = FieldProblems()
        let name = self.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("name", "Enter a name for the checkpoint") }
        if name.count > 80 { problems.add("name", "Use 80 characters or fewer") }
        let opens = CalendarDate(iso: self.opens)
        let closes = CalendarDate(iso: self.closes)
        if opens == nil { problems.add("opens", "Enter the first day as a date, such as \(year.firstDay.iso)") }
        if closes == nil { problems.add("closes", "Enter the last day as a date, such as \(year.firstDay.adding(days: 30).iso)") }
        if let opens, let closes {
            if closes < opens { problems.add("closes", "The last day must be on or after the first day") }
            if opens < year.firstDay || closes > year.lastDay {
                problems.add(
                    "opens", "The window must fall within the career year \(year.label), from \(year.firstDay.iso) to \(year.lastDay.iso)")
            }
            if let other = year.checkpoints.first(where: { $0.id != id && $0.opens <= closes && opens <= $0.closes }) {
                problems.add("opens", "The window overlaps \(other.name) (\(other.opens.iso) to \(other.closes.iso))")
            }
        }
        let minutes = Int(suggestedMinutes.trimmingCharacters(in: .whitespaces))
        if minutes == nil || !(10...240).contains(minutes!) { problems.add("suggested_minutes", "Enter a length from 10 to 240 minutes") }
        let stage = CheckpointStage(rawValue: self.stage)
        if stage == nil { problems.add("stage", "Choose which questions suit this checkpoint") }
        let focus = self.focus.trimmingCharacters(in: .whitespacesAndNewlines)
        if focus.count > 500 { problems.add("focus", "Use 500 characters or fewer") }
        guard problems.isEmpty, let opens, let closes, let minutes, let stage else { return .failure(problems) }
        return .success(Checkpoint(id: id, name: name, opens: opens, closes: closes, suggestedMinutes: minutes, focus: focus, stage: stage))
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// The career plan (SPEC §3): the person's own read and edit pages, whom it is shown to, its
/// change view, and a guide's read-only view when the person has chosen to show it to them.
enum PlanPage {
    /// What the page says was just saved: the plan, or who it is shown to.
    enum Saved: String, SavedState { case plan, sharing }

    struct Model {
        var stored: StoredPlan
        var guides: [PlanGuide]
        var snapshots: [PlanSnapshot]

        static func load(for personID: UUID, today: CalendarDate, now: Date, on reads: Reads) async throws -> Model {
            let stored = try await PlanStore.current(of: personID, today: today, now: now, on: reads)
            let guides = try await PlanStore.guides(of: personID, on: reads)
            let snapshots = try await PlanStore.snapshots(of: personID, on: reads)
            return Model(stored: stored, guides: guides, snapshots: snapshots)
        }
    }

    /// The plan as written in its form. Goals already in the plan come as `goals[id]`, new ones
    /// as `new_goals[]`; a goal left blank is removed.
    struct Form: Content {
        var where_i_am: String?
        var progress: String?
        var in_three_years: String?
        var strengths: String?
        var roles: String?
        var barriers: String?
        var support: String?
        var direction: String?
        var goals: [String: String]?
        var new_goals: [String]?

        func text(_ field: CareerPlan.Field) -> String? {
            switch field {
            case .whereIAm: where_i_am
            case .progress: progress
            case .inThreeYears: in_three_years
            case .strengths: strengths
            case .roles: roles
            case .barriers: barriers
            case .support: support
            }
        }

        /// The plan it describes, keeping the order and ids of the goals already in `current`, or
        /// what is wrong with each field.
        func plan(from current: CareerPlan, makeID: () -> UUID) -> Result<CareerPlan, FieldProblems> {
            var problems = FieldProblems()
            var plan = CareerPlan()
            for field in CareerPlan.Field.allCases {
                let value = (text(field) ?? "").trimmed()
                if value.count > CareerPlan.maximumFieldLength {
                    problems.add(
                        field.rawValue,
                        "Keep \u{201C}\(field.label)\u{201D} to \(CareerPlan.maximumFieldLength) characters; it has \(value.count)")
                }
                plan[field] = value
            }
            let directionText = (direction ?? "").trimmed()
            plan.direction = CareerPlan.Direction(rawValue: directionText)
            if !directionText.isEmpty && plan.direction == nil { problems.add("direction", "Choose breadth, depth or some of both") }
            let kept = goals ?? [:]
            for goal in current.goals {
                let text = (kept[goal.id.uuidString] ?? kept[goal.id.lowerText] ?? "").trimmed()
                if !text.isEmpty { plan.goals.append(.init(id: goal.id, text: text)) }
            }
            for text in (new_goals ?? []).map({ $0.trimmed() }) where !text.isEmpty {
                plan.goals.append(.init(id: makeID(), text: text))
            }
            if let long = plan.goals.first(where: { $0.text.count > CareerPlan.maximumGoalLength }) {
                problems.add("goals", "Keep each goal to \(CareerPlan.maximumGoalLength) characters; one has \(long.text.count)")
            }
            if plan.goals.count > CareerPlan.maximumGoals {
                problems.add("goals", "Keep to \(CareerPlan.maximumGoals) development goals at once; there are \(plan.goals.count)")
            }
            return problems.isEmpty ? .success(plan) : .failure(problems)
        }
    }

    struct SharingForm: Content {
        var guides: [String]?
    }

    /// Two versions of the plan to compare, and the choices of each.
    struct Changes {
        /// `current`, or a snapshot's id.
        var from: String
        var to: String
        var fromLabel: String
        var toLabel: String
        var changes: PlanChanges
        var snapshots: [PlanSnapshot]

        /// By default: from the first snapshot of this career year (or the earliest there is) to now.
        static func load(
            for personID: UUID, from: String?, to: String?, today: CalendarDate, now: Date, display: DisplayDate, on reads: Reads
        ) async throws -> Changes? {
            let snapshots = try await PlanStore.snapshots(of: personID, on: reads)
            guard !snapshots.isEmpty else { return nil }
            let current = try await PlanStore.current(of: personID, today: today, now: now, on: reads)
            let thisYear = snapshots.first { $0.startYear == current.startYear } ?? snapshots[0]
            func version(_ key: String?) -> (key: String, label: String, plan: CareerPlan)? {
                if key == "current" { return ("current", "Your plan now", current.plan) }
                guard let snapshot = snapshots.first(where: { $0.id.uuidString == key || $0.id.lowerText == key }) else { return nil }
                return (snapshot.id.uuidString, "\(snapshot.label), \(display.day(snapshot.takenAt))", snapshot.plan)
            }
            let old = version(from) ?? version(thisYear.id.uuidString)!
            let new = version(to) ?? version("current")!
            return Changes(
                from: old.key, to: new.key, fromLabel: old.label, toLabel: new.label, changes: PlanChanges(from: old.plan, to: new.plan),
                snapshots: snapshots)
        }
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A person's actions: their own in every state, those agreed with people they guide, those they
/// own for a colleague, and what waits for their confirmation (SPEC §3, Actions).
enum ActionsPage {
    /// What the page says was just done.
    enum Saved: String, SavedState { case added }

    /// Which of their own actions the list shows.
    enum Filter: String, CaseIterable {
        case live, open
        case inProgress = "in_progress"
        case done, dropped, all

        var label: String {
            switch self {
            case .live: "Still to do"
            case .open: "Open"
            case .inProgress: "In progress"
            case .done: "Done"
            case .dropped: "Dropped"
            case .all: "All"
            }
        }

        func keeps(_ status: ActionStatus) -> Bool {
            switch self {
            case .live: status.isLive
            case .open: status == .open
            case .inProgress: status == .inProgress
            case .done: status == .done
            case .dropped: status == .dropped
            case .all: true
            }
        }
    }

    struct Model {
        var lists: ActionLists
        var filter: Filter
        var viewerID: UUID
        var goals: [CareerPlan.Goal]
        var conversations: [(id: UUID, guideID: UUID, title: String, on: Date?)]

        var shown: [ActionLine] { lists.own.filter { filter.keeps($0.action.status) } }

        static func load(for viewer: Viewer, filter: Filter, today: CalendarDate, now: Date, on reads: Reads) async throws -> Model {
            let lists = try await ActionStore.lists(for: viewer.personID, statuses: ActionStatus.allCases.filter(filter.keeps), on: reads)
            let goals = try await PlanStore.goals(of: viewer.personID, today: today, on: reads)
            let conversations = try await ActionStore.conversationsToLink(for: viewer.personID, on: reads)
            return Model(lists: lists, filter: filter, viewerID: viewer.personID, goals: goals, conversations: conversations)
        }
    }

    /// An action as written in a form: on the record page, on the actions page, or when editing.
    struct Form: Content {
        var description: String?
        var success_measure: String?
        var owner: String?
        var colleague: String?
        var due_on: String?
        /// A goal's id, `influence` for the influence objective, or empty.
        var goal: String?
        /// On the actions page: the conversation it follows from, or empty.
        var conversation: String?

        static let fieldOrder = ["description", "success_measure", "owner", "colleague", "due_on", "goal", "conversation"]

        /// The action it describes, or what is wrong with each field. The colleague, when named, is
        /// looked up in the directory.
        /// - Parameter alreadyDue: the date an action being changed already had, which may have passed.
        func draft(goals: [CareerPlan.Goal], today: CalendarDate, alreadyDue: CalendarDate? = nil, on reads: Reads) async throws
            -> Result<ActionStore.Draft, FieldProblems>
        {
            var problems = FieldProblems()
            let description = (self.description ?? "").trimmed()
            if description.isEmpty { problems.add("description", "Describe the action: what will be done") }
            if description.count > ActionRules.maximumDescriptionLength {
                problems.add(
                    "description", "Keep the action to \(ActionRules.maximumDescriptionLength) characters; it has \(description.count)")
            }
            let measure = (success_measure ?? "").trimmed()
            if measure.count > ActionRules.maximumSuccessMeasureLength {
                problems.add(
                    "success_measure",
                    "Keep how you will know it is done to \(ActionRules.maximumSuccessMeasureLength) characters; it has \(measure.count)")
            }
            let owner = ActionOwner(rawValue: self.owner ?? "")
            if owner == nil { problems.add("owner", "Choose who will do it") }
            var colleagueID: UUID?
            if owner == .colleague {
                switch try await ActionStore.colleague(named: colleague ?? "", on: reads) {
                case .success(let found): colleagueID = found.id
                case .failure(let problem): problems.add("colleague", problem.message)
                }
            }
            let dueText = (due_on ?? "").trimmed()
            let due = dueText.isEmpty ? nil : CalendarDate(iso: dueText)
            if !dueText.isEmpty && due == nil { problems.add("due_on", "Enter the date as year-month-day, such as 2027-01-31") }
            if let due, let problem = ActionRules.dueProblem(due, today: today, alreadyDue: alreadyDue) { problems.add("due_on", problem) }
            let goalText = (goal ?? "").trimmed()
            var goalID: UUID?
            if !goalText.isEmpty && goalText != "influence" {
                goalID = UUID(uuidString: goalText)
                if goalID == nil || !goals.contains(where: { $0.id == goalID }) {
                    problems.add("goal", "Choose one of the development goals in the plan, or none")
                }
            }
            guard problems.isEmpty, let owner else { return .failure(problems.ordered(by: Self.fieldOrder)) }
            return .success(
                .init(
                    description: description, successMeasure: measure, owner: owner, ownerPersonID: colleagueID, dueOn: due,
                    goalID: goalID, forInfluenceObjective: goalText == "influence"))
        }

        /// The form filled in from an action, for editing it.
        init(_ line: ActionLine) {
            description = line.action.description
            success_measure = line.action.successMeasure
            owner = line.action.owner.rawValue
            colleague = line.colleagueName
            due_on = line.action.dueOn
            goal = line.action.goalID?.uuidString ?? (line.action.forInfluenceObjective ? "influence" : "")
            conversation = line.action.conversationID?.uuidString
        }

        init() {}
    }

    struct StatusForm: Content {
        var status: String?
        var drop_reason: String?
        var return_to: String?
    }

    struct NoteForm: Content {
        var body: String?
    }
}

/// One action on its own page: what it says, the SMART check, its progress notes, and the forms
/// the viewer may use.
enum ActionPage {
    /// What an action's page says was just done.
    enum Saved: String, SavedState { case changed, status, note, confirmed }

    struct Model {
        var loaded: ActionForViewer
        var notes: [ActionNote]
        /// The employee's goals, when the viewer may read the employee's plan.
        var goals: [CareerPlan.Goal]

        var goalText: String? { loaded.action.goalID.flatMap { id in goals.first { $0.id == id }?.text } }

        static func load(_ loaded: ActionForViewer, today: CalendarDate, on reads: Reads) async throws -> Model {
            let notes = try await ActionStore.notes(of: loaded.action.id, on: reads)
            let goals = try await PlanStore.goals(of: loaded.action.employeeID, readableBy: loaded.viewerID, today: today, on: reads)
            return Model(loaded: loaded, notes: notes, goals: goals)
        }
    }
}

import FootholdCore
import FootholdData
import Foundation

/// Each side's private preparation, with what the other side has chosen to share.
enum PreparationPage {
    struct Model {
        var record: ConversationForViewer
        var side: ConversationSide
        var own: PreparationAnswers
        var sharedOwn: Bool
        /// The other side's answers, when they have shared them.
        var other: PreparationAnswers?
        var bank: QuestionBank
        var history: ConversationHistory
        /// For the employee: their latest reflection on another conversation, their plan and their
        /// journal, to bring into this preparation.
        var pastReflection: PastReflection?
        var plan: CareerPlan?
        var journal: [JournalEntry] = []
        /// For the guide: whether the employee shows them their plan, and the entries shown to them.
        var planShown = false
        var journalShown: [JournalEntry] = []
        /// Opportunities that match what the employee has said (to the guide, only what the
        /// employee lets them read), and those the two have put on the agenda.
        var opportunities = Opportunities()

        /// What `bring` (from the preparation form) adds, and to which of the employee's questions:
        /// a part of their plan, their goals, or one of their journal entries; nil for anything else.
        static func bringing(_ bring: String, employeeID: UUID, on reads: Reads, display: DisplayDate) async throws
            -> (field: PreparationField, text: String)?
        {
            if bring.hasPrefix("journal:") {
                guard let id = UUID(uuidString: String(bring.dropFirst("journal:".count))),
                    let entry = try await JournalStore.own(of: employeeID, on: reads).first(where: { $0.id == id })
                else { return nil }
                return (entry.kind == .accomplishment ? .strengths : .areasToGrow, "\(display.day(entry.writtenOn)): \(entry.body)")
            }
            guard let plan = try await PlanStore.latest(of: employeeID, on: reads) else { return nil }
            if bring == "goals" {
                guard !plan.goals.isEmpty else { return nil }
                return (.inTwelveMonths, "My development goals: " + plan.goals.map(\.text).joined(separator: "; "))
            }
            guard bring.hasPrefix("plan:"), let field = CareerPlan.Field(rawValue: String(bring.dropFirst("plan:".count))),
                !plan[field].isEmpty
            else { return nil }
            let target: PreparationField =
                switch field {
                case .whereIAm, .progress: .whatMattersNow
                case .inThreeYears: .inThreeYears
                case .strengths: .strengths
                case .roles: .interests
                case .barriers: .areasToGrow
                case .support: .supportWanted
                }
            return (target, plan[field])
        }

        static func load(_ record: ConversationForViewer, side: ConversationSide, on reads: Reads) async throws
            -> Model
        {
            let otherSide: ConversationSide = side == .employee ? .guide : .employee
            let otherPart: ConversationAccess.Part = side == .employee ? .guidePreparation : .employeePreparation
            let (bank, answers) = try await ConversationStore.questionBankAndPreparations(
                of: record.id, sides: record.allows(otherPart) ? [side, otherSide] : [side], on: reads)
            var model = Model(
                record: record, side: side,
                own: answers[side] ?? PreparationAnswers(),
                sharedOwn: side == .employee ? record.conversation.employeePreparationShared : record.conversation.guidePreparationShared,
                other: answers[otherSide], bank: bank,
                history: try await ConversationStore.history(of: record, on: reads))
            let employeeID = record.employee.id
            if side == .employee {
                let keeps = try await PreparationKeeps.load(for: employeeID, before: record.id, on: reads)
                model.pastReflection = keeps.reflection
                if ConversationRules.allows(.prepare, in: record.conversation.state) {
                    model.plan = keeps.plan
                    model.journal = keeps.journal
                }
            } else {
                model.planShown = try await PlanStore.mayRead(planOf: employeeID, viewerID: record.viewerID, on: reads)
                model.journalShown = try await JournalStore.shown(by: employeeID, to: record.viewerID, on: reads)
            }
            return model
        }
    }
}

extension PreparationPage {
    struct Opportunities {
        var matches: [(opportunity: Opportunity, why: String)] = []
        var agenda: [(id: UUID, title: String, kind: OpportunityKind)] = []
        /// The employee's unit's links and templates.
        var resources: [UnitResource] = []

        static let shown = 5

        /// Ranked against what the viewer may read of what the employee wants: for the employee,
        /// their plan and this preparation; for the guide, the plan if the employee shows it to
        /// them and the preparation if the employee shared it.
        static func load(
            for model: Model, today: CalendarDate, catalogue: OpportunityCatalogue, on reads: Reads
        ) async throws -> Opportunities {
            let record = model.record
            let agenda = try await OpportunitiesStore.agenda(of: record.id, on: reads)
            guard ConversationRules.allows(.prepare, in: record.conversation.state) else { return Opportunities(agenda: agenda) }
            let resources = try await ResourcesStore.forPerson(record.employee.id, on: reads)
            let employeeAnswers = model.side == .employee ? model.own : (record.allows(.employeePreparation) ? model.other : nil)
            // The employee's own preparation has read their latest plan already.
            let plan =
                model.side == .employee
                ? model.plan : model.planShown ? try await PlanStore.latest(of: record.employee.id, on: reads) : nil
            let profile = RankingProfile(plan: plan ?? CareerPlan(), preparationInterests: employeeAnswers?.answers[.interests] ?? "")
            let open = try await OpportunitiesStore.open(today: today, catalogue: catalogue, on: reads)
            let onAgenda = Set(agenda.map(\.id))
            let name = record.employee.name.firstName
            let ranked = OpportunityRanking.rank(index: open.index, for: profile, today: today, limit: shown + onAgenda.count)
                .filter { !onAgenda.contains($0.opportunity.id) }.prefix(shown)
            return Opportunities(
                matches: ranked.map {
                    ($0.opportunity, model.side == .employee ? $0.why : $0.why(whose: name + "\u{2019}s", who: name))
                }, agenda: agenda, resources: resources)
        }
    }
}

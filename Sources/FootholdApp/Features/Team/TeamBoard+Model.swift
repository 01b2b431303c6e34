import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A line manager's team board: each report's cadence for every checkpoint of the year, the next
/// conversation, and one-click invitations.
enum TeamBoard {
    typealias Member = TeamMember
    typealias Occurrence = TeamOccurrence

    /// The board's one-click invitation: whom to invite to the current checkpoint.
    struct InviteForm: Content {
        var employee: UUID?
        /// "home" when sent from the home page's team card, to go back there.
        var back: String?
    }

    struct Row {
        var person: Member
        var statuses: [CadenceStatus]
        var next: Occurrence?
        /// An invitation for the current checkpoint is waiting for the person's answer.
        var invitationWaiting: Bool
        var askAgainFrom: CalendarDate?
    }

    struct Model {
        var year: CareerYear
        var current: Checkpoint?
        var rows: [Row]

        /// Three queries for the whole team, whatever its size: the reports, the year, their conversations.
        /// With `only`, the board's one row for that report (their page), read on its own.
        static func load(manager: UUID, only: UUID? = nil, display: DisplayDate, on reads: Reads, now: Date) async throws -> Model {
            let year = try await CareerYears.current(today: display.today(), on: reads, now: now).year
            let reports = try await TeamStore.reports(of: manager, only: only, on: reads)
            let conversations =
                reports.isEmpty
                ? []
                : try await TeamStore.conversations(
                    ofReportsOf: manager, only: only, checkpoints: year.checkpoints.map(\.id), on: reads)
            return make(manager: manager, year: year, reports: reports, conversations: conversations, display: display, now: now)
        }

        /// The board from what the store read: each report's cadence, next conversation and invitation.
        static func make(
            manager: UUID, year: CareerYear, reports: [Member], conversations: [Occurrence], display: DisplayDate, now: Date
        ) -> Model {
            let today = display.today()
            let byEmployee = Dictionary(grouping: conversations) { $0.employeeID }
            let current = year.current(on: today)
            let rows = reports.map { person -> Row in
                // A manager follows only what the access policy lets them know of.
                let visible = (byEmployee[person.id] ?? []).filter { c in
                    ConversationAccess.allows(.init(isGuide: c.guideID == manager, isLineManager: true), .occurrence, .init(kind: c.kind))
                }
                let cadence = visible.map { c in
                    Cadence.Conversation(
                        checkpointID: c.checkpointID, state: c.state, withLineManager: c.withLineManager,
                        heldOn: c.heldAt.map { CalendarDate($0, in: display.timeZone) },
                        scheduledFor: c.startsAt.map { CalendarDate($0, in: display.timeZone) })
                }
                let joined = CalendarDate(person.joined, in: display.timeZone)
                let statuses = year.checkpoints.map { Cadence.status(for: $0, today: today, joinedOn: joined, conversations: cadence) }
                let next = visible.filter { $0.state == .scheduled && ($0.startsAt ?? .distantPast) >= now.addingTimeInterval(-3600) }
                    .min { ($0.startsAt ?? .distantFuture) < ($1.startsAt ?? .distantFuture) }
                let forCurrent = visible.filter { $0.checkpointID == current?.id }
                let waiting = forCurrent.contains { $0.state == .requested }
                let askAgain = forCurrent.filter { $0.state == .declined }.compactMap { $0.returnOn.flatMap(CalendarDate.init(iso:)) }.max()
                return Row(person: person, statuses: statuses, next: next, invitationWaiting: waiting, askAgainFrom: askAgain)
            }
            return Model(year: year, current: current, rows: rows)
        }
    }
}

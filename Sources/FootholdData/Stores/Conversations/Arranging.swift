import Fluent
import SQLKit
import FootholdCore
import Foundation

/// Inviting, requesting, answering, rescheduling, cancelling and marking conversations held.
/// Handlers call these; each checks the lifecycle rules in FootholdCore and writes the audit log.
package enum Arranging {
    package enum Problem: Error, Equatable {
        case fields(FieldProblems)
        case notAllowed
    }

    package struct Proposal {
        package var otherID: UUID
        package var kind: ConversationKind
        package var checkpointID: UUID?
        package var purpose: String
        package var meeting: MeetingDraft

        package init(otherID: UUID, kind: ConversationKind, checkpointID: UUID? = nil, purpose: String, meeting: MeetingDraft) {
            self.otherID = otherID
            self.kind = kind
            self.checkpointID = checkpointID
            self.purpose = purpose
            self.meeting = meeting
        }
    }

    /// How the viewer stands to someone they want a conversation with.
    package struct Relationship {
        package var other: ConversationPerson
        package var viewerName: String
        package var otherIsLeadershipTeam: Bool
        /// The other person reports to the viewer, so the viewer invites and guides.
        package var viewerIsTheirManager: Bool
        /// The other person is the viewer's line manager.
        package var isViewersManager: Bool

        package var viewerSide: ConversationSide { viewerIsTheirManager ? .guide : .employee }

        /// The kinds of conversation that make sense between the two (the rule is FootholdCore's).
        package var kinds: [ConversationKind] {
            ConversationRules.kinds(
                viewerIsTheirManager: viewerIsTheirManager, isViewersManager: isViewersManager,
                otherIsLeadershipTeam: otherIsLeadershipTeam)
        }
    }

    package static func relationship(viewer: UUID, other otherID: UUID, on reads: Reads) async throws -> Relationship {
        guard otherID != viewer else { throw StoreError.notFound }
        let people = try await reads.rows(
            "SELECT \(unsafeRaw: StoredPerson.columns("p")) FROM people p WHERE p.id IN (\(bind: viewer), \(bind: otherID))"
        ).map { try StoredPerson.read($0, "p") }
        guard let other = people.first(where: { $0.id == otherID }), other.isActive, let me = people.first(where: { $0.id == viewer })
        else { throw StoreError.notFound }
        return Relationship(
            other: other.conversationPerson, viewerName: me.name, otherIsLeadershipTeam: other.isLeadershipTeam,
            viewerIsTheirManager: other.managerID == viewer, isViewersManager: me.managerID == otherID)
    }

    /// Creates an invitation (the viewer guides) or a request (the viewer is the employee).
    package static func propose(
        _ proposal: Proposal, id: UUID, by viewer: UUID, on reads: Reads, timeZone: TimeZone, now: Date,
        year: CareerYear
    ) async throws -> Result<UUID, FieldProblems> {
        let database = reads.database
        let relationship = try await relationship(viewer: viewer, other: proposal.otherID, on: reads)
        var problems = FieldProblems()
        if !relationship.kinds.contains(proposal.kind) {
            problems.add("kind", "Choose one of the kinds of conversation offered")
        }
        var checkpointID: UUID?
        if proposal.kind == .checkpoint {
            let today = CalendarDate(now, in: timeZone)
            if let chosen = year.arrangeable(on: today).first(where: { $0.id == proposal.checkpointID }) {
                checkpointID = chosen.id
            } else {
                problems.add("checkpoint", "Choose a checkpoint whose window has not closed")
            }
        }
        let purpose = proposal.purpose.trimmingCharacters(in: .whitespacesAndNewlines)
        ConversationRules.check(purpose, .purpose, into: &problems)
        var meeting: MeetingDraft.Meeting?
        switch proposal.meeting.validated(in: timeZone, now: now, required: false) {
        case .success(let value): meeting = value
        case .failure(let more): for item in more.items { problems.add(item.field, item.message) }
        }
        if let meeting, problems.isEmpty,
            let clash = try await Clashes.problem(
                startsAt: meeting.startsAt, minutes: meeting.minutes,
                for: [.init(id: viewer, name: nil), .init(id: proposal.otherID, name: relationship.other.name)], excluding: nil,
                timeZone: timeZone, on: reads)
        {
            problems.add("time", clash)
        }
        guard problems.isEmpty else { return .failure(problems) }

        let conversation = ConversationModel()
        conversation.id = id
        conversation.kind = proposal.kind
        conversation.state = .requested
        conversation.requestedBy = relationship.viewerSide
        conversation.$employee.id = relationship.viewerIsTheirManager ? proposal.otherID : viewer
        conversation.$guide.id = relationship.viewerIsTheirManager ? viewer : proposal.otherID
        conversation.$checkpoint.id = checkpointID
        conversation.withLineManager = relationship.viewerIsTheirManager || relationship.isViewersManager
        conversation.purpose = purpose
        conversation.startsAt = meeting?.startsAt
        conversation.minutes = meeting?.minutes ?? year.checkpoints.first { $0.id == checkpointID }?.suggestedMinutes ?? 30
        conversation.place = meeting?.place ?? ""
        conversation.expectations = ""
        conversation.summary = ""
        conversation.employeePreparationShared = false
        conversation.guidePreparationShared = false
        conversation.createdAt = now
        conversation.updatedAt = now
        let news = News(
            relationship.viewerIsTheirManager ? .invited : .requested, by: relationship.viewerName, startsAt: meeting?.startsAt,
            place: meeting?.place ?? "")
        try await database.transaction { database in
            try await conversation.create(on: database)
            try await ConversationStore.audit("arranged", conversation: conversation.id!, by: viewer, at: now, on: database)
            try await NewsStore.tell(
                news, to: proposal.otherID, about: id, link: SiteURL.conversation(id).path, timeZone: timeZone, at: now, on: database)
        }
        return .success(conversation.id!)
    }

    /// Accepting or rescheduling: both need a time.
    package static func schedule(
        _ record: ConversationForViewer, step: ConversationLifecycle.Step, meeting draft: MeetingDraft,
        on reads: Reads, timeZone: TimeZone, now: Date
    ) async throws -> Result<Void, FieldProblems> {
        guard record.may(step) else { throw Refusal.notAllowed }
        let database = reads.database
        switch draft.validated(in: timeZone, now: now, required: true) {
        case .failure(let problems):
            return .failure(problems)
        case .success(let meeting):
            if let clash = try await Clashes.problem(
                startsAt: meeting!.startsAt, minutes: meeting!.minutes,
                for: [.init(id: record.viewerID, name: nil), .init(id: record.other.id, name: record.other.name)], excluding: record.id,
                timeZone: timeZone, on: reads)
            {
                var problems = FieldProblems()
                problems.add("time", clash)
                return .failure(problems)
            }
            let state = ConversationLifecycle.state(after: step, from: record.conversation.state)
            try await database.transaction { database in
                try await ConversationWrites.update(record.id, from: [record.conversation.state], now: now, on: database) {
                    $0.set("starts_at", to: SQLBind(meeting!.startsAt)).set("minutes", to: SQLBind(meeting!.minutes))
                        .set("place", to: SQLBind(meeting!.place)).set("state", to: SQLBind(state.rawValue))
                }
                try await ConversationStore.audit(
                    step == .accept ? "accepted" : "rescheduled", conversation: record.id, by: record.viewerID, at: now, on: database)
                // A booked slot is free again once its conversation moves to another time.
                if step != .accept && meeting!.startsAt != record.conversation.startsAt {
                    try await SlotsStore.freeSlot(of: record.id, on: database)
                }
                // Calendars that have it take the new time (RFC 5545 SEQUENCE). An invitation sent
                // with a suggested time is updated by the accepted one through its later DTSTAMP
                // (RFC 5546 §2.1.5), so accepting keeps the sequence.
                if step != .accept { try await CalendarFeedStore.raiseSequence(of: record.id, on: database) }
                try await NewsStore.tell(
                    News(
                        step == .accept ? .accepted : .rescheduled, by: record.viewerName, startsAt: meeting!.startsAt,
                        place: meeting!.place),
                    to: record.other.id, about: record.id, link: SiteURL.conversation(record.id).path, timeZone: timeZone, at: now,
                    on: database)
            }
            return .success(())
        }
    }

    /// "Not now": one step, with an optional private reason and, for the employee, when to be asked again.
    package static func decline(
        _ record: ConversationForViewer, reason: String, returnOn: String, on database: any Database, now: Date,
        timeZone: TimeZone
    ) async throws -> Result<Void, FieldProblems> {
        guard record.may(.decline) else { throw Refusal.notAllowed }
        var problems = FieldProblems()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        ConversationRules.check(reason, .declineReason, into: &problems)
        var returnDay: CalendarDate?
        let returnText = returnOn.trimmingCharacters(in: .whitespaces)
        if !returnText.isEmpty {
            returnDay = CalendarDate(iso: returnText)
            if returnDay == nil {
                problems.add("return_on", "Enter the date as year-month-day, such as 2027-01-15")
            } else if returnDay! <= CalendarDate(now, in: timeZone) {
                problems.add("return_on", "Choose a date in the future")
            }
        }
        guard problems.isEmpty else { return .failure(problems) }
        // Only the employee's reason is kept: it is theirs alone to read.
        let kept = record.side == .employee && !reason.isEmpty ? reason : nil
        let again = record.side == .employee ? returnDay?.iso : nil
        try await database.transaction { database in
            try await ConversationWrites.update(record.id, from: [.requested], now: now, on: database) {
                $0.set("state", to: SQLBind(ConversationState.declined.rawValue)).set("decline_reason", to: SQLBind(kept))
                    .set("return_on", to: SQLBind(again))
            }
            try await ConversationStore.audit("declined", conversation: record.id, by: record.viewerID, at: now, on: database)
            // The other person hears that it was "not now", never why.
            try await NewsStore.tell(
                News(.declined, by: record.viewerName), to: record.other.id, about: record.id,
                link: SiteURL.conversation(record.id).path, timeZone: timeZone, at: now, on: database)
        }
        return .success(())
    }

    package static func cancel(_ record: ConversationForViewer, on database: any Database, now: Date, timeZone: TimeZone) async throws {
        guard record.may(.cancel) else { throw Refusal.notAllowed }
        try await database.transaction { database in
            try await ConversationWrites.update(record.id, from: [record.conversation.state], now: now, on: database) {
                $0.set("state", to: SQLBind(ConversationState.cancelled.rawValue))
            }
            try await ConversationStore.audit("cancelled", conversation: record.id, by: record.viewerID, at: now, on: database)
            try await SlotsStore.freeSlot(of: record.id, on: database)
            try await CalendarFeedStore.raiseSequence(of: record.id, on: database)
            try await NewsStore.tell(
                News(.cancelled, by: record.viewerName, startsAt: record.conversation.startsAt), to: record.other.id, about: record.id,
                link: SiteURL.conversation(record.id).path, timeZone: timeZone, at: now, on: database)
        }
    }

    /// Marks a conversation held: when, for how long, and which checkpoint it meets.
    package static func markHeld(
        _ record: ConversationForViewer, date: String, minutes: String, checkpoint choice: CheckpointChoice, year: CareerYear,
        snapshotID: UUID, noticeID: UUID, on reads: Reads, now: Date, timeZone: TimeZone
    ) async throws -> Result<Void, FieldProblems> {
        let database = reads.database
        guard record.may(.markHeld) else { throw Refusal.notAllowed }
        var problems = FieldProblems()
        let day = CalendarDate(iso: date)
        let today = CalendarDate(now, in: timeZone)
        if day == nil { problems.add("date", "Enter the date it was held, such as \(today.iso)") }
        if let day, day > today { problems.add("date", "A conversation cannot be held in the future") }
        let length = Int(minutes.trimmingCharacters(in: .whitespaces))
        let range = ConversationRules.minutes
        if length == nil || !range.contains(length!) {
            problems.add("minutes", "Enter how long it took, from \(range.lowerBound) to \(range.upperBound) minutes")
        }
        var checkpoint: Checkpoint?
        if !choice.isNone {
            if !record.meetsCheckpoints {
                problems.add(
                    "checkpoint",
                    "Only a conversation with \(record.employee.name)’s line manager meets a checkpoint: choose “None” for this one")
            } else {
                checkpoint = choice.checkpoint(in: year)
                if checkpoint == nil { problems.add("checkpoint", "Choose a checkpoint of this career year") }
            }
        }
        if let checkpoint, let day, let why = ConversationRules.problem(meeting: checkpoint, heldOn: day) {
            problems.add("checkpoint", why)
        }
        guard problems.isEmpty, let day, let length else { return .failure(problems) }
        let conversation = record.conversation
        // Held at the agreed time of day when it was held on the agreed day; otherwise at midday.
        var heldAt = day.start(in: timeZone).addingTimeInterval(12 * 3600)
        if let startsAt = conversation.startsAt, CalendarDate(startsAt, in: timeZone) == day { heldAt = startsAt }
        let kind = checkpoint != nil && conversation.kind == .checkIn ? ConversationKind.checkpoint : conversation.kind
        let withLineManager = record.employee.managerID == record.guide.id
        let (held, checkpointID, heldCheckpoint) = (heldAt, checkpoint?.id, checkpoint)
        try await database.transaction { database in
            try await ConversationWrites.update(record.id, from: [.scheduled], now: now, on: database) {
                $0.set("state", to: SQLBind(ConversationState.held.rawValue)).set("held_at", to: SQLBind(held))
                    .set("held_minutes", to: SQLBind(length)).set("checkpoint_id", to: SQLBind(checkpointID))
                    .set("kind", to: SQLBind(kind.rawValue)).set("with_line_manager", to: SQLBind(withLineManager))
            }
            try await ConversationStore.audit("marked held", conversation: record.id, by: record.viewerID, at: now, on: database)
            // A checkpoint conversation keeps the employee's plan as it stood (SPEC §3, Career plan).
            if let checkpoint = heldCheckpoint {
                try await PlanStore.snapshotAtHeld(
                    conversationID: record.id, employeeID: record.employee.id, checkpoint: checkpoint, id: snapshotID, at: now,
                    on: database)
                // The director hears that it happened, and nothing of what was said (SPEC §5).
                try await NoticeStore.notifyDirector(
                    conversationID: record.id, employeeID: record.employee.id, guideID: record.guide.id, checkpointID: checkpoint.id,
                    heldAt: held, id: noticeID, at: now, reads: reads.within(database), on: database)
            }
        }
        return .success(())
    }

    /// Says again which checkpoint a held conversation met, when the guide chose wrongly: the
    /// director's notice and the plan kept with it follow, and a conversation that meets none is a
    /// check-in.
    package static func changeCheckpoint(
        _ record: ConversationForViewer, checkpoint choice: CheckpointChoice, year: CareerYear, snapshotID: UUID, noticeID: UUID,
        on reads: Reads, now: Date, timeZone: TimeZone
    ) async throws -> Result<Void, FieldProblems> {
        let database = reads.database
        guard record.may(.changeCheckpoint), let heldAt = record.conversation.heldAt else { throw Refusal.notAllowed }
        var problems = FieldProblems()
        let day = CalendarDate(heldAt, in: timeZone)
        var checkpoint: Checkpoint?
        if !choice.isNone {
            checkpoint = choice.checkpoint(in: year)
            if !record.metCheckpointsWhenHeld {
                problems.add(
                    "checkpoint",
                    "Only a conversation with \(record.employee.name)’s line manager meets a checkpoint: choose “None” for this one")
            } else if let checkpoint {
                if let why = ConversationRules.problem(meeting: checkpoint, heldOn: day) { problems.add("checkpoint", why) }
            } else {
                problems.add("checkpoint", "Choose a checkpoint of this career year")
            }
        }
        guard problems.isEmpty else { return .failure(problems) }
        let kind: ConversationKind =
            checkpoint != nil && record.conversation.kind == .checkIn
            ? .checkpoint : (checkpoint == nil && record.conversation.kind == .checkpoint ? .checkIn : record.conversation.kind)
        let (chosen, employeeID, guideID) = (checkpoint, record.employee.id, record.guide.id)
        try await database.transaction { database in
            try await ConversationWrites.update(record.id, from: [.held], now: now, on: database) {
                $0.set("checkpoint_id", to: SQLBind(chosen?.id)).set("kind", to: SQLBind(kind.rawValue))
            }
            try await ConversationStore.audit("changed the checkpoint", conversation: record.id, by: record.viewerID, at: now, on: database)
            // The notice of the wrong checkpoint is withdrawn; the plan kept with it is kept under
            // the right one, or let go when it met none.
            try await NoticeStore.withdrawNotices(of: record.id, on: database)
            if let chosen {
                try await PlanStore.relabelSnapshot(
                    of: record.id, employeeID: employeeID, checkpoint: chosen, id: snapshotID, at: now, on: database)
                try await NoticeStore.notifyDirector(
                    conversationID: record.id, employeeID: employeeID, guideID: guideID, checkpointID: chosen.id, heldAt: heldAt,
                    id: noticeID, at: now, reads: reads.within(database), on: database)
            } else {
                try await PlanStore.removeSnapshot(of: record.id, on: database)
            }
        }
        return .success(())
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Arranging conversations: the list, inviting and asking, answering, rescheduling, cancelling,
/// marking held, and the calendar file.
struct ConversationsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.conversations, use: list)
        routes.get(SiteURL.newConversation, use: newForm)
        routes.post(SiteURL.conversations, use: create)
        routes.get(SiteURL.conversation, use: show)
        routes.get(SiteURL.accept, use: acceptForm)
        routes.post(SiteURL.accept, use: accept)
        routes.get(SiteURL.reschedule, use: rescheduleForm)
        routes.post(SiteURL.reschedule, use: reschedule)
        routes.get(SiteURL.decline, use: declineForm)
        routes.post(SiteURL.decline, use: decline)
        routes.post(SiteURL.cancel, use: cancel)
        routes.get(SiteURL.markHeld, use: heldForm)
        routes.post(SiteURL.markHeld, use: markHeld)
        routes.get(SiteURL.changeCheckpoint, use: checkpointForm)
        routes.post(SiteURL.changeCheckpoint, use: changeCheckpoint)
        routes.get(SiteURL.calendar, use: calendar)
    }

    // MARK: - Helpers

    static func record(_ req: Request) async throws -> ConversationForViewer {
        guard let id = req.parameters.get(SiteURL.conversationParameter, as: UUID.self) else { throw SiteError.notFound }
        return try await ConversationStore.load(id, for: try req.requireViewer(), on: req.reads)
    }

    static func year(_ req: Request) async throws -> CareerYear {
        try await CareerYears.current(today: req.display.today(), on: req.reads, now: req.now).year
    }

    /// The career year `day` falls in, as kept; the current one when that year was never kept.
    static func year(containing day: CalendarDate?, _ req: Request) async throws -> CareerYear {
        if let day, let kept = try await CareerYears.load(startYear: CareerYear.startYear(containing: day), on: req.reads) {
            return kept.year
        }
        return try await year(req)
    }

    static func crumbs(_ record: ConversationForViewer) -> [(label: String, path: String)] {
        [("Conversations", SiteURL.conversations.path), (ConversationPages.title(record), SiteURL.conversation(record.id).path)]
    }

    // MARK: - List

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let page = req.queryPage()
        let open = try await ConversationStore.open(for: viewer.personID, on: req.reads)
        let earlier = try await ConversationStore.earlier(
            for: viewer.personID, page: page, size: ConversationPages.earlierPageSize, on: req.reads)
        return req.page(
            "Your conversations",
            ConversationPages.list(
                open: open, earlier: earlier.items, page: page, hasNext: earlier.hasNext, viewer: viewer.personID, display: req.display))
    }

    // MARK: - Inviting and asking

    @Sendable func newForm(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let otherID = req.query[UUID.self, at: "with"] else { throw SiteError.notFound }
        let relationship = try await Arranging.relationship(viewer: viewer.personID, other: otherID, on: req.reads)
        let year = try await Self.year(req)
        let kind = req.queryValue("kind").flatMap(ConversationKind.init(rawValue:)) ?? relationship.kinds[0]
        let checkpoint = year.current(on: req.display.today())?.id.uuidString
        let form = ConversationPages.ProposalForm(
            with: otherID, kind: kind.rawValue, checkpoint: checkpoint, purpose: "", date: "", time: "",
            minutes: String(year.current(on: req.display.today())?.suggestedMinutes ?? 30), place: "")
        return req.page(
            ConversationPages.proposalTitle(relationship),
            ConversationPages.proposal(
                relationship, form: form, year: year, today: req.display.today(), problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let form = try req.content.decode(ConversationPages.ProposalForm.self)
        guard let otherID = form.with else { throw SiteError.notFound }
        let year = try await Self.year(req)
        let relationship = try await Arranging.relationship(viewer: viewer.personID, other: otherID, on: req.reads)
        let proposal = Arranging.Proposal(
            otherID: otherID, kind: ConversationKind(rawValue: form.kind ?? "") ?? .mentoring,
            checkpointID: form.checkpoint.flatMap(UUID.init(uuidString:)), purpose: form.purpose ?? "",
            meeting: MeetingDraft(date: form.date ?? "", time: form.time ?? "", minutes: form.minutes ?? "", place: form.place ?? ""))
        let invalidKind = ConversationKind(rawValue: form.kind ?? "") == nil
        switch try await Arranging.propose(
            proposal, id: req.clients.makeID(), by: viewer.personID, on: req.reads, timeZone: req.display.timeZone, now: req.now,
            year: year)
        {
        case .success(let id) where !invalidKind:
            req.deliverSoon()
            return .redirect(to: SiteURL.conversation(id).path)
        case .success:
            throw SiteError.notFound
        case .failure(let problems):
            return req.page(
                ConversationPages.proposalTitle(relationship), status: .badRequest,
                ConversationPages.proposal(
                    relationship, form: form, year: year, today: req.display.today(), problems: problems, csrf: req.csrfToken))
        }
    }

    // MARK: - One conversation

    @Sendable func show(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let firstTogether = record.side != nil ? !(try await ConversationStore.heldBefore(record, on: req.reads)) : false
        var shared: ConversationPages.SharedHistory?
        if record.side == nil && record.conversation.state == .held && record.allows(.sharedSummary) && record.allows(.actions)
            && record.allows(.themes)
        {
            let (themes, actions) = try await ConversationStore.themesAndActions(of: record.id, on: req.reads)
            shared = .init(summary: record.conversation.summary, themes: themes, actions: actions)
        }
        req.auditRead("viewed", of: record)
        return req.page(
            ConversationPages.title(record), breadcrumbs: [("Conversations", SiteURL.conversations.path)],
            ConversationPages.detail(
                record, firstTogether: firstTogether, shared: shared, display: req.display, saved: req.saved(),
                csrf: req.csrfToken))
    }

    @Sendable func acceptForm(req: Request) async throws -> Response { try await meetingFormPage(req, step: .accept) }
    @Sendable func accept(req: Request) async throws -> Response { try await schedule(req, step: .accept) }
    @Sendable func rescheduleForm(req: Request) async throws -> Response { try await meetingFormPage(req, step: .reschedule) }
    @Sendable func reschedule(req: Request) async throws -> Response { try await schedule(req, step: .reschedule) }

    static func meetingTitle(_ step: ConversationLifecycle.Step) -> String { step == .accept ? "Accept" : "Change the time" }

    /// The form for accepting with a time, or for changing the time, filled with what is agreed so far.
    func meetingFormPage(_ req: Request, step: ConversationLifecycle.Step) async throws -> Response {
        let record = try await Self.record(req)
        guard record.may(step) else { throw SiteError.forbidden }
        return req.page(
            Self.meetingTitle(step), breadcrumbs: Self.crumbs(record),
            ConversationPages.meetingForm(
                record, step: step, form: Self.meetingForm(record, display: req.display), problems: FieldProblems(), csrf: req.csrfToken))
    }

    func schedule(_ req: Request, step: ConversationLifecycle.Step) async throws -> Response {
        let record = try await Self.record(req)
        let form = try req.content.decode(ConversationPages.MeetingForm.self)
        switch try await Arranging.schedule(
            record, step: step, meeting: form.draft, on: req.reads, timeZone: req.display.timeZone, now: req.now)
        {
        case .success:
            req.deliverSoon()
            return .redirect(to: SiteURL.conversation(record.id).path)
        case .failure(let problems):
            return req.page(
                Self.meetingTitle(step), status: .badRequest, breadcrumbs: Self.crumbs(record),
                ConversationPages.meetingForm(record, step: step, form: form, problems: problems, csrf: req.csrfToken))
        }
    }

    static func meetingForm(_ record: ConversationForViewer, display: DisplayDate) -> ConversationPages.MeetingForm {
        let fields = record.conversation.startsAt.map(display.formFields)
        return ConversationPages.MeetingForm(
            date: fields?.date ?? "", time: fields?.time ?? "", minutes: String(record.conversation.minutes),
            place: record.allows(.place) ? record.conversation.place : "")
    }

    @Sendable func declineForm(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        guard record.may(.decline) else { throw SiteError.forbidden }
        return req.page(
            "Not now", breadcrumbs: Self.crumbs(record),
            ConversationPages.declineForm(record, form: ConversationPages.DeclineForm(), problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func decline(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let form = try req.content.decode(ConversationPages.DeclineForm.self)
        switch try await Arranging.decline(
            record, reason: form.reason ?? "", returnOn: form.return_on ?? "", on: req.database, now: req.now,
            timeZone: req.display.timeZone)
        {
        case .success:
            req.deliverSoon()
            return .redirect(to: SiteURL.conversation(record.id).path)
        case .failure(let problems):
            return req.page(
                "Not now", status: .badRequest, breadcrumbs: Self.crumbs(record),
                ConversationPages.declineForm(record, form: form, problems: problems, csrf: req.csrfToken))
        }
    }

    @Sendable func cancel(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        guard record.may(.cancel) else { throw SiteError.forbidden }
        guard req.confirmed else {
            return req.page(
                "Cancel this conversation?", breadcrumbs: Self.crumbs(record),
                ConversationPages.cancelConfirmation(record, display: req.display, csrf: req.csrfToken))
        }
        try await Arranging.cancel(record, on: req.database, now: req.now, timeZone: req.display.timeZone)
        req.deliverSoon()
        return .redirect(to: SiteURL.conversation(record.id).path)
    }

    @Sendable func heldForm(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        guard record.may(.markHeld) else { throw SiteError.forbidden }
        let today = req.display.today()
        let scheduledDay = record.conversation.startsAt.map { CalendarDate($0, in: req.display.timeZone) }
        let day = min(scheduledDay ?? today, today)
        let year = try await Self.year(containing: day, req)
        // Only the checkpoint open on that day fits; nothing is chosen for the guide that does not.
        let fits = record.meetsCheckpoints ? ConversationRules.checkpoint(meetableOn: day, in: year) : nil
        let form = ConversationPages.HeldForm(
            date: day.iso, minutes: String(record.conversation.minutes), checkpoint: fits?.id.uuidString ?? "")
        return req.page(
            "Mark as held", breadcrumbs: Self.crumbs(record),
            ConversationPages.heldForm(
                record, form: form, offered: ConversationRules.checkpoints(offeredBy: today, in: year), problems: FieldProblems(),
                csrf: req.csrfToken))
    }

    @Sendable func markHeld(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let form = try req.content.decode(ConversationPages.HeldForm.self)
        let year = try await Self.year(containing: CalendarDate(iso: form.date ?? ""), req)
        switch try await Arranging.markHeld(
            record, date: form.date ?? "", minutes: form.minutes ?? "", checkpoint: CheckpointChoice(field: form.checkpoint), year: year,
            snapshotID: req.clients.makeID(), noticeID: req.clients.makeID(), on: req.reads, now: req.now, timeZone: req.display.timeZone
        )
        {
        case .success:
            return .redirect(to: SiteURL.record(record.id).path)
        case .failure(let problems):
            return req.page(
                "Mark as held", status: .badRequest, breadcrumbs: Self.crumbs(record),
                ConversationPages.heldForm(
                    record, form: form, offered: ConversationRules.checkpoints(offeredBy: req.display.today(), in: year),
                    problems: problems, csrf: req.csrfToken))
        }
    }

    /// The checkpoints a held conversation can be said to meet: none, or the one open the day it was held.
    func checkpointChoices(_ record: ConversationForViewer, _ req: Request) async throws -> (
        held: CalendarDate, fits: Checkpoint?, year: CareerYear
    ) {
        guard record.may(.changeCheckpoint), let heldAt = record.conversation.heldAt else { throw SiteError.forbidden }
        let held = CalendarDate(heldAt, in: req.display.timeZone)
        let year = try await Self.year(containing: held, req)
        return (held, record.metCheckpointsWhenHeld ? ConversationRules.checkpoint(meetableOn: held, in: year) : nil, year)
    }

    @Sendable func checkpointForm(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let (held, fits, _) = try await checkpointChoices(record, req)
        return req.page(
            "Which checkpoint it met", breadcrumbs: Self.crumbs(record),
            ConversationPages.checkpointForm(
                record, heldOn: req.display.day(held), fits: fits, chosen: record.conversation.checkpointID?.uuidString ?? "",
                problems: FieldProblems(), csrf: req.csrfToken))
    }

    @Sendable func changeCheckpoint(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        let (held, fits, year) = try await checkpointChoices(record, req)
        let chosen = (try? req.content.get(String.self, at: "checkpoint")) ?? ""
        switch try await Arranging.changeCheckpoint(
            record, checkpoint: CheckpointChoice(field: chosen), year: year, snapshotID: req.clients.makeID(),
            noticeID: req.clients.makeID(),
            on: req.reads, now: req.now, timeZone: req.display.timeZone)
        {
        case .success:
            return .redirect(to: SiteURL.conversation(record.id).saved(ConversationPages.Saved.checkpoint))
        case .failure(let problems):
            return req.page(
                "Which checkpoint it met", status: .badRequest, breadcrumbs: Self.crumbs(record),
                ConversationPages.checkpointForm(
                    record, heldOn: req.display.day(held), fits: fits, chosen: chosen, problems: problems, csrf: req.csrfToken))
        }
    }

    /// The meeting as an iCalendar file. It names the two people and the place, never what will be said.
    @Sendable func calendar(req: Request) async throws -> Response {
        let record = try await Self.record(req)
        guard record.side != nil, let startsAt = record.conversation.startsAt else { throw SiteError.notFound }
        req.auditRead("downloaded the calendar file", of: record)
        let event = ICalendar.Event(
            uid: "\(record.id.lowerText)@foothold", stamp: record.conversation.updatedAt, start: startsAt,
            minutes: record.conversation.minutes,
            summary: "Career conversation: \(record.employee.name) and \(record.guide.name)",
            location: record.allows(.place) ? record.conversation.place : "",
            description:
                "A confidential career conversation. Prepare and follow up in Foothold: \(req.application.footholdConfiguration.baseURL)\(SiteURL.conversation(record.id).path)",
            cancelled: record.conversation.state == .cancelled,
            sequence: try await CalendarFeedStore.sequence(of: record.id, on: req.reads))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"career-conversation.ics\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.document(event)))
    }
}

import FootholdCore
import FootholdData
import Foundation
import Vapor

/// Leadership Team slots: anyone browses and books; a member offers and withdraws their own.
struct SlotsController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.slots, use: list)
        routes.post(SiteURL.slotBook, use: book)
        routes.post(SiteURL.slotCancel, use: cancel)
        routes.get(SiteURL.ownSlots, use: own)
        routes.post(SiteURL.ownSlots, use: publish)
        routes.post(SiteURL.slotWithdraw, use: withdraw)
    }

    static let crumbs = [(label: "Home", path: SiteURL.home.path)]
    static let title = "Book a conversation with the Leadership Team"

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let model = try await SlotsPage.Model.load(
            viewer: viewer, weekText: req.queryValue("week"), memberText: req.queryValue("member"), display: req.display, on: req.reads)
        let message: String? =
            switch req.queryValue("done") {
            case "booked": "Booked. The conversation is in your conversations, ready for you to prepare."
            case "cancelled": "Cancelled. The slot is free for someone else."
            default: nil
            }
        return req.page(
            Self.title, breadcrumbs: Self.crumbs,
            SlotsPage.content(model, message: message, problem: nil, display: req.display, csrf: req.csrfToken))
    }

    static func slot(_ req: Request) async throws -> LeadershipSlot {
        guard let id = req.parameters.get(SiteURL.itemParameter, as: UUID.self), let slot = try await SlotsStore.slot(id, on: req.reads)
        else { throw SiteError.notFound }
        return slot
    }

    @Sendable func book(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let slot = try await Self.slot(req)
        let note = (try req.content.decode(SlotsPage.BookingForm.self).note ?? "").trimmed()
        var problem: String?
        if note.count > SlotBooking.noteLength {
            problem = "Keep what you would like to talk about to \(SlotBooking.noteLength) characters; it has \(note.count)."
        } else if note.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            problem = "What you would like to talk about holds characters that cannot be kept."
        } else {
            let clients = req.clients
            let conversationID = clients.makeID()
            if let refusal = try await SlotsStore.book(
                slot.id, by: viewer.personID, purpose: SlotsPage.purpose(note: note, slot: slot), conversationID: conversationID,
                bookingID: clients.makeID(), at: req.now, timeZone: req.display.timeZone, on: req.reads)
            {
                problem = refusal.message
            } else {
                req.deliverSoon()
                return .redirect(to: SiteURL.slots.with(query: [("done", "booked")]))
            }
        }
        let model = try await SlotsPage.Model.load(
            viewer: viewer, weekText: SlotsPage.Model.monday(of: CalendarDate(slot.startsAt, in: req.display.timeZone)).iso,
            memberText: nil, display: req.display, on: req.reads)
        return req.page(
            Self.title, status: .conflict, breadcrumbs: Self.crumbs,
            SlotsPage.content(model, message: nil, problem: problem, display: req.display, csrf: req.csrfToken))
    }

    @Sendable func cancel(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let slot = try await Self.slot(req)
        guard slot.bookerID == viewer.personID else { throw SiteError.notFound }
        guard req.confirmed else {
            return req.page(
                "Cancel your booking?", breadcrumbs: Self.crumbs,
                SlotsPage.cancelConfirmation(slot, display: req.display, csrf: req.csrfToken))
        }
        try await SlotsStore.cancel(slot, by: viewer.personID, at: req.now, timeZone: req.display.timeZone, on: req.database)
        req.deliverSoon()
        return .redirect(to: SiteURL.slots.with(query: [("done", "cancelled")]))
    }

    static func requireMember(_ req: Request) throws -> Viewer {
        let viewer = try req.requireViewer()
        guard viewer.isLeadershipTeam else { throw SiteError.forbidden }
        return viewer
    }

    static let ownCrumbs = crumbs + [(label: "Leadership Team slots", path: SiteURL.slots.path)]

    @Sendable func own(req: Request) async throws -> Response {
        let viewer = try Self.requireMember(req)
        let model = try await SlotsPage.OwnModel.load(memberID: viewer.personID, now: req.now, on: req.reads)
        let message: String? =
            switch req.queryValue("done") {
            case "withdrawn": "Withdrawn. Anyone who had booked it is told on their slots page, and the conversation is cancelled."
            case let count? where Int(count) != nil: Int(count) == 1 ? "One slot offered." : "\(count) slots offered."
            default: nil
            }
        return req.page(
            "Offer slots", breadcrumbs: Self.ownCrumbs,
            SlotsPage.ownContent(model, typed: nil, problems: FieldProblems(), message: message, display: req.display, csrf: req.csrfToken))
    }

    @Sendable func publish(req: Request) async throws -> Response {
        let viewer = try Self.requireMember(req)
        let form = try req.content.decode(SlotsPage.PublishForm.self)
        var result = form.series(timeZone: req.display.timeZone, now: req.now)
        if case .success(let series) = result,
            let clash = try await Clashes.problem(
                slots: series.starts(in: req.display.timeZone), minutes: series.minutes, member: viewer.personID,
                timeZone: req.display.timeZone, on: req.reads)
        {
            var problems = FieldProblems()
            problems.add("time", clash)
            result = .failure(problems)
        }
        switch result {
        case .failure(let problems):
            let model = try await SlotsPage.OwnModel.load(memberID: viewer.personID, now: req.now, on: req.reads)
            return req.page(
                "Offer slots", status: .badRequest, breadcrumbs: Self.ownCrumbs,
                SlotsPage.ownContent(model, typed: form, problems: problems, message: nil, display: req.display, csrf: req.csrfToken))
        case .success(let series):
            let clients = req.clients
            let count = try await SlotsStore.publish(
                series, memberID: viewer.personID, seriesID: clients.makeID(), makeID: { clients.makeID() },
                timeZone: req.display.timeZone, at: req.now, on: req.database)
            return .redirect(to: SiteURL.ownSlots.with(query: [("done", String(count))]))
        }
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let viewer = try Self.requireMember(req)
        let slot = try await Self.slot(req)
        guard slot.memberID == viewer.personID else { throw SiteError.notFound }
        if slot.bookerID != nil, !slot.withdrawn, !req.confirmed {
            return req.page(
                "Withdraw this slot?", breadcrumbs: Self.ownCrumbs,
                SlotsPage.withdrawConfirmation(slot, display: req.display, csrf: req.csrfToken))
        }
        try await SlotsStore.withdraw(slot, by: viewer.personID, at: req.now, timeZone: req.display.timeZone, on: req.database)
        req.deliverSoon()
        return .redirect(to: SiteURL.ownSlots.with(query: [("done", "withdrawn")]))
    }
}

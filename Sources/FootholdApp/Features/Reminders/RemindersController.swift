import FootholdCore
import FootholdData
import Foundation
import Vapor

/// A person's notifications (their reminders, in the app), the reminders they choose to get, and
/// the one-click unsubscribe an e-mail carries.
struct RemindersController {
    static let perPage = 30

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.notifications, use: list)
        routes.get(SiteURL.notification, use: open)
        routes.post(SiteURL.notificationsRead, use: readAll)
        routes.get(SiteURL.reminderSettings, use: settings)
        routes.post(SiteURL.reminderSettings, use: saveSettings)
        routes.post(SiteURL.calendarFeedReset, use: resetFeed)
    }

    /// The unsubscribe link works without signing in: its secret is the proof.
    func registerSecretLinks(_ routes: any RoutesBuilder) {
        routes.get(SiteURL.unsubscribe, use: confirmUnsubscribe)
        routes.post(SiteURL.unsubscribe, use: unsubscribe)
        routes.get(SiteURL.calendarFeed, use: feed)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let page = max(1, min(req.queryValue("page").flatMap(Int.init) ?? 1, 10_000))
        let (items, more) = try await RemindersStore.notifications(of: viewer.personID, page: page, perPage: Self.perPage, on: req.reads)
        return req.page(
            "Notifications",
            RemindersPages.notifications(items, page: page, more: more, display: req.display, csrf: req.csrfToken))
    }

    @Sendable func open(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard let id = req.parameters.get(SiteURL.itemParameter).flatMap(UUID.init(uuidString:)),
            let link = try await RemindersStore.open(id, of: viewer.personID, at: req.now, on: req.database),
            link.hasPrefix("/"), !link.hasPrefix("//")
        else { throw SiteError.notFound }
        return .redirect(to: link)
    }

    @Sendable func readAll(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        try await RemindersStore.markAllRead(of: viewer.personID, at: req.now, on: req.database)
        return .redirect(to: SiteURL.notifications.path)
    }

    @Sendable func settings(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let (off, madeAt) = try await RemindersStore.settings(of: viewer.personID, on: req.reads)
        return req.page(
            "Your reminders",
            RemindersPages.settings(
                offered: Self.offered(viewer), switchedOff: off, feed: madeAt.map { .made(req.display.day($0)) }, csrf: req.csrfToken,
                saved: req.saved()))
    }

    /// Makes the person a calendar address, or a new one in place of the old, and shows it this
    /// once: only its fingerprint is kept, so it cannot be shown again.
    @Sendable func resetFeed(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let token = req.clients.makeToken()
        try await CalendarFeedStore.reset(viewer.personID, token: token, at: req.now, on: req.database)
        let (off, _) = try await RemindersStore.settings(of: viewer.personID, on: req.reads)
        let address = req.application.footholdConfiguration.baseURL + SiteURL.calendarFeed(token: token).path
        let response = req.page(
            "Your reminders",
            RemindersPages.settings(
                offered: Self.offered(viewer), switchedOff: off, feed: .new(address), csrf: req.csrfToken, saved: .calendar))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The person's calendar, for a calendar program to subscribe to; the address is the secret.
    @Sendable func feed(req: Request) async throws -> Response {
        let token = try token(req)
        let configuration = req.application.footholdConfiguration
        guard
            let body = try await CalendarFeedStore.feed(
                token: token, baseURL: configuration.baseURL, timeZone: configuration.timeZone, now: req.now, on: req.reads)
        else { throw SiteError.notFound }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    static func offered(_ viewer: Viewer) -> [ReminderKind] {
        ReminderKind.offered(hasReports: viewer.hasReports, headsUnit: viewer.headsUnit)
    }

    struct SettingsForm: Content {
        /// The kinds left on, each a checkbox named after it.
        var on: [String]?
    }

    @Sendable func saveSettings(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let on = Set((try? req.content.decode(SettingsForm.self).on) ?? [])
        let unknown = on.filter { ReminderKind(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            throw SiteError.badInput("There is no reminder called \u{201C}\(unknown.sorted()[0].prefix(40))\u{201D}.")
        }
        // Kinds not offered to this person keep whatever they were.
        let offered = Self.offered(viewer)
        let before = try await RemindersStore.switchedOff(of: viewer.personID, on: req.reads)
        let off = before.subtracting(offered).union(offered.filter { !on.contains($0.rawValue) })
        try await RemindersStore.setSwitchedOff(off, of: viewer.personID, at: req.now, on: req.database)
        return .redirect(to: SiteURL.reminderSettings.saved(RemindersPages.Saved.reminders))
    }

    private func token(_ req: Request) throws -> String {
        guard let token = req.parameters.get(SiteURL.tokenParameter), !token.isEmpty, token.utf8.count <= 128 else {
            throw SiteError.notFound
        }
        return token
    }

    /// What the link in an e-mail opens: a button, so a mail scanner following links switches nothing off.
    @Sendable func confirmUnsubscribe(req: Request) async throws -> Response {
        let token = try token(req)
        guard let (kind, _) = try await RemindersStore.unsubscribeKind(tokenHash: TokenHash.of(token), on: req.reads) else {
            throw SiteError.notFound
        }
        return req.page("Stop these reminders", RemindersPages.confirmUnsubscribe(kind, action: SiteURL.unsubscribe(token: token).path))
    }

    /// RFC 8058's one-click unsubscribe, posted by a mail client or by the button above.
    @Sendable func unsubscribe(req: Request) async throws -> Response {
        let token = try token(req)
        guard let (kind, _) = try await RemindersStore.unsubscribe(tokenHash: TokenHash.of(token), at: req.now, on: req.reads) else {
            throw SiteError.notFound
        }
        return req.page("Reminders stopped", RemindersPages.unsubscribed(kind, signedIn: req.viewer != nil))
    }
}

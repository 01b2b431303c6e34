import FootholdCore
import FootholdData
import Foundation
import Vapor

/// One reminder pass (decision 0019): decide in FootholdCore what is due, record each reminder in
/// the outbox under its unique key before anything is sent, then deliver what is waiting, each
/// delivery claimed by one pass at a time. Run by `foothold remind`, and by `serve` every few minutes.
struct ReminderPass {
    struct Outcome: Sendable, Equatable {
        /// Reminders this pass recorded (another pass may have recorded some of what it decided).
        var recorded = 0
        var sent = 0
        /// Deliveries that failed this time, to be tried again later or given up.
        var failed = 0
        /// Deliveries not sent because the recipient switched the kind off or left.
        var skipped = 0
        /// Private notes and preparations deleted under the organisation's retention period.
        var deletedNotes = 0
        var deletedPreparations = 0
    }

    /// How long a pass may hold a claimed delivery before another pass takes it back: a pass that
    /// stopped half-way leaves its claims to the next pass after this.
    static let lease: TimeInterval = 5 * 60
    /// How far back recorded reminders are read to spare recording them again (ON CONFLICT keeps
    /// it right beyond that): longer than any kind stays due.
    static let recordedLookback: TimeInterval = 31 * 86_400

    let app: Application
    let configuration: Configuration
    /// Says how far the pass has gone, for `foothold remind`.
    var log: @Sendable (String) -> Void = { _ in }

    init(app: Application, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.app = app
        self.configuration = app.footholdConfiguration
        self.log = log
    }

    func run(now: Date) async throws -> Outcome {
        var outcome = Outcome()
        let organisation = try await OrganisationRemindersStore.load(on: app.reads)
        outcome.recorded = try await record(now: now, organisation: organisation)
        try await deliver(now: now, organisation: organisation, into: &outcome)
        // Housekeeping: sign-in counts quiet for a day.
        try? await SignInAttempts.forgetQuiet(now: now, on: app.writes)
        if let months = organisation.retentionMonths {
            let deleted = try await OrganisationRemindersStore.applyRetention(
                months: months, now: now, timeZone: configuration.timeZone, on: app.writes)
            outcome.deletedNotes = deleted.notes
            outcome.deletedPreparations = deleted.preparations
        }
        return outcome
    }

    /// Delivers what is waiting, now: what `OutboxKick` runs after an invitation, a reset or an
    /// event is recorded, so it does not wait for the next pass (decision 0022).
    @discardableResult
    func deliverWaiting(now: Date) async throws -> Outcome {
        var outcome = Outcome()
        try await deliver(now: now, organisation: try await OrganisationRemindersStore.load(on: app.reads), into: &outcome)
        return outcome
    }

    /// Decides what is due and records what is not yet recorded.
    func record(now: Date, organisation: OrganisationReminders = OrganisationReminders()) async throws -> Int {
        guard configuration.sending.contains(now, in: configuration.timeZone) else { return 0 }
        // SQLite's reads step on the thread that asks: a pass inside `serve` must not hold up the
        // event loops that serve pages, so its long reads run on the thread pool.
        let reads = app.reads.offloaded(to: app.threadPool)
        var facts = try await RemindersStore.facts(now: now, timeZone: configuration.timeZone, on: reads)
        facts.sending = configuration.sending
        let recorded = try await RemindersStore.recordedSince(now.addingTimeInterval(-Self.recordedLookback), on: reads)
        facts.digests = try await digests(facts: facts, recorded: recorded, on: reads)
        let decided = facts
        let fresh = try await app.threadPool.runIfActive {
            ReminderPlan.due(decided).filter { !recorded.contains(RemindersStore.id(ofKey: $0.key)) }
        }
        let email = configuration.mail.transport == .none ? [] : [ReminderChannel.email.rawValue]
        let channels: @Sendable (Reminder) -> [String] = {
            email + (organisation.sendsToWebhook($0.kind) ? [ReminderChannel.chat.rawValue] : [])
        }
        var count = 0
        var start = 0
        while start < fresh.count {
            let batch = Array(fresh[start..<min(start + 200, fresh.count)])
            count += try await RemindersStore.record(batch, channels: channels, at: now, on: app.writes)
            start += batch.count
        }
        return count
    }

    /// Each director's weekly figures, counted only when some director has not had this week's.
    func digests(facts: ReminderFacts, recorded: Set<UUID>, on reads: Reads) async throws -> [ReminderFacts.Digest] {
        let today = CalendarDate(facts.now, in: facts.timeZone)
        let week = ReminderPlan.isoWeek(today)
        let directors = try await RemindersStore.directors(on: reads)
        let waiting = directors.filter { director, _ in
            let key = Reminder(kind: .digest, recipientID: director, subject: "week", occurrence: week, text: "", link: "").key
            return !recorded.contains(RemindersStore.id(ofKey: key))
                && !facts.switchedOff.contains(ReminderFacts.switchedOffKey(.digest, director))
        }
        guard !waiting.isEmpty else { return [] }
        let snapshot = try await MonitoringCounting.count(on: reads, timeZone: facts.timeZone, now: facts.now, on: app.threadPool)
        // The window open now, or else the one that closed most recently.
        let position =
            snapshot.checkpoints.firstIndex { $0.opens <= today && today <= $0.closes }
            ?? snapshot.checkpoints.indices.last { snapshot.checkpoints[$0].closes < today }
        return waiting.sorted { $0.key.sorts(before: $1.key) }.map { director, unitIDs in
            let units = unitIDs.compactMap { snapshot.unitIndex[$0] }
            // A unit inside another the director heads is counted with it.
            let tops = units.filter { unit in !units.contains { $0 != unit && snapshot.unit(unit, isWithin: $0) } }
            let scope = tops.map { snapshot.units[$0].name }.sorted().joined(separator: ", ")
            guard let position else {
                return ReminderFacts.Digest(directorID: director, scope: scope, checkpoint: nil, met: "", due: "", overdue: "")
            }
            let tally = tops.reduce(CoverageTally()) { $0 + snapshot.units[$1].tallies[position] }
            let figures = tally.figures(at: snapshot.checkpoints[position], today: today)
            return ReminderFacts.Digest(
                directorID: director, scope: scope.isEmpty ? "your units" : scope, checkpoint: snapshot.checkpoints[position].name,
                met: String(figures.held), due: String(figures.due + figures.scheduled), overdue: String(figures.overdue))
        }
    }

    /// Sends what is waiting, a few at a time, until nothing is left that is due.
    func deliver(now: Date, organisation: OrganisationReminders, into outcome: inout Outcome) async throws {
        let claimant = UUID()
        while true {
            let claimed = try await RemindersStore.claim(limit: 20, by: claimant, lease: Self.lease, at: now, on: app.writes)
            if claimed.isEmpty { return }
            for delivery in claimed {
                let result =
                    delivery.channel == ReminderChannel.chat.rawValue
                    ? try await post(delivery, to: organisation, by: claimant, now: now)
                    : try await send(delivery, by: claimant, now: now)
                switch result {
                case .sent: outcome.sent += 1
                case .skipped: outcome.skipped += 1
                case .failed: outcome.failed += 1
                }
            }
        }
    }

    /// Posts a director's digest to the organisation's chat webhook as Slack's incoming webhooks
    /// take it: `{"text": …}`, counts for units and no one's name (SPEC §6). Nothing else goes to a
    /// shared channel. Through `OutboundHTTP`: a redirect is a failure, never followed. A server
    /// error or no answer is tried again later.
    private func post(
        _ delivery: RemindersStore.Claimed, to organisation: OrganisationReminders, by claimant: UUID, now: Date
    ) async throws -> RemindersStore.Outcome {
        let result: RemindersStore.Outcome
        if delivery.stopped || !organisation.sendsToWebhook(delivery.kind) {
            result = .skipped
        } else if let webhook = organisation.webhook {
            let text = "\(delivery.text) <\(configuration.baseURL + delivery.link)|Open Foothold>"
            do {
                let body = try JSONEncoder().encode(["text": text])
                let status = try await configuration.outbound.postJSON(body, to: webhook, timeout: .seconds(10), on: app)
                if (200..<300).contains(status.code) {
                    result = .sent
                } else {
                    let transient = status.code >= 500 || status.code == 429
                    let wait = transient ? DeliveryRetry.wait(afterAttempts: delivery.attempts) : nil
                    let redirect = (300..<400).contains(status.code) ? " (redirects are not followed)" : ""
                    result = .failed(
                        problem: "the webhook answered \(status.code)\(redirect)", retryAt: wait.map { now.addingTimeInterval($0) })
                }
            } catch let refused as OutboundHTTP.Failure {
                app.logger.warning("Did not post a digest to the chat webhook (\(delivery.id)): \(refused)")
                result = .failed(problem: "\(refused)", retryAt: nil)
            } catch {
                app.logger.warning("Could not post a digest to the chat webhook (\(delivery.id)): \(error)")
                result = .failed(
                    problem: "\(error)", retryAt: DeliveryRetry.wait(afterAttempts: delivery.attempts).map { now.addingTimeInterval($0) })
            }
        } else {
            result = .skipped
        }
        try await RemindersStore.mark(delivery.id, result, by: claimant, at: now, on: app.writes)
        return result
    }

    private func send(_ delivery: RemindersStore.Claimed, by claimant: UUID, now: Date) async throws -> RemindersStore.Outcome {
        let result: RemindersStore.Outcome
        if delivery.stopped || configuration.mail.transport == .none {
            result = .skipped
        } else {
            let base = configuration.baseURL
            let host = URL(string: base)?.host ?? "localhost"
            let message: MailMessage
            if delivery.kind.isAccountEmail {
                // The link is made now, and kept only as its hash (decision 0022).
                let link = try await Accounts(app: app).invitationLink(
                    for: delivery.recipientID, lifetime: AccountEmails.lifetime(delivery.kind))
                message = AccountEmail.message(
                    kind: delivery.kind, to: MailMessage.Address(name: delivery.recipientName, email: delivery.recipientEmail),
                    from: configuration.mail.from, link: link, organisation: try await AccountEmails.organisationName(on: app.reads),
                    sentAt: now, timeZone: configuration.timeZone, messageID: "account-\(delivery.id.uuidString.lowercased())@\(host)")
            } else {
                let token = app.clients.makeToken()
                try await RemindersStore.setUnsubscribe(delivery.id, tokenHash: TokenHash.of(token), by: claimant, on: app.writes)
                // News of a conversation with a time carries a calendar invitation (decision 0022).
                let calendar: (method: String, text: String)? =
                    if delivery.kind == .conversationNews, let conversation = UUID(uuidString: delivery.subject) {
                        try await NewsStore.calendar(
                            conversation: conversation, organiser: configuration.mail.from, baseURL: base, stamp: now, on: app.reads)
                    } else { nil }
                message = ReminderEmail.message(
                    kind: delivery.kind, text: delivery.text,
                    to: MailMessage.Address(name: delivery.recipientName, email: delivery.recipientEmail),
                    from: configuration.mail.from, link: base + delivery.link, unsubscribe: base + SiteURL.unsubscribe(token: token).path,
                    settings: base + SiteURL.reminderSettings.path, sentAt: now, timeZone: configuration.timeZone,
                    // The same for every attempt, so a mail system that saw it arrive once can tell.
                    messageID: "reminder-\(delivery.id.uuidString.lowercased())@\(host)", calendar: calendar)
            }
            do {
                let (logger, warnings) = (app.logger, app.foothold.mailWarnings)
                try await configuration.mail.transport.send(message, heloName: host, group: app.eventLoopGroup) { server in
                    // Once for each server, not for every message: enough to be seen, not a flood.
                    if warnings.withLockedValue({ $0.insert(server).inserted }) {
                        logger.warning(
                            """
                            The mail server \(server) offers no STARTTLS: reminders go to it unencrypted. \
                            Add ?starttls=required to FOOTHOLD_SMTP_URL to refuse that.
                            """)
                    }
                }
                result = .sent
            } catch {
                let transient = (error as? SMTPFailure)?.isTransient ?? true
                let wait = transient ? DeliveryRetry.wait(afterAttempts: delivery.attempts) : nil
                log("Could not send a reminder to \(delivery.recipientEmail): \(error)")
                app.logger.warning("Could not send a reminder (\(delivery.id)): \(error)")
                result = .failed(problem: "\(error)", retryAt: wait.map { now.addingTimeInterval($0) })
            }
        }
        try await RemindersStore.mark(delivery.id, result, by: claimant, at: now, on: app.writes)
        return result
    }
}

import FootholdCore
import Foundation
import Vapor

extension Application {
    private struct MonitoringKey: StorageKey { typealias Value = MonitoringCache<MonitoringSnapshot> }

    /// The organisation's monitoring counts, kept for the dashboards (set up by `configure`).
    var monitoring: MonitoringCache<MonitoringSnapshot>? {
        get { storage[MonitoringKey.self] }
        set { storage[MonitoringKey.self] = newValue }
    }

    /// Sets up the counts: read in the background, off the event loops, on this app's database.
    func startMonitoring() {
        let timing = MonitoringCache<MonitoringSnapshot>.Timing.refreshing(every: footholdConfiguration.monitoringRefresh)
        let logger = self.logger
        monitoring = MonitoringCache(
            timing: timing, onBackgroundFailure: { logger.report(error: $0) },
            count: { [weak self] in
                guard let self else { throw Abort(.serviceUnavailable) }
                return try await MonitoringCounting.count(
                    on: self.reads.offloaded(to: self.threadPool), timeZone: self.footholdConfiguration.timeZone,
                    now: self.clients.now())
            })
    }
}

enum MonitoringCounting {
    /// The counts of this career year and the last, as of `now`.
    static func count(on reads: Reads, timeZone: TimeZone, now: Date) async throws -> MonitoringSnapshot {
        let today = DisplayDate(timeZone: timeZone, now: now).today()
        let current = try await CareerYears.current(today: today, on: reads, now: now).year
        var years = [current]
        if let previous = try await CareerYears.load(startYear: current.startYear - 1, on: reads) { years.insert(previous.year, at: 0) }
        let windows = MonitoringSnapshot.checkpoints(of: years).map(\.checkpoint).map { checkpoint in
            MonitoringStore.Window(
                checkpointID: checkpoint.id, opens: checkpoint.opens.start(in: timeZone),
                ends: checkpoint.closes.adding(days: 1).start(in: timeZone))
        }
        let counts = try await MonitoringStore.counts(
            windows: windows, recentSince: RecentConversationShare.since(today).start(in: timeZone),
            heldSince: today.adding(days: -(MonitoringSnapshot.heldDays - 1)).start(in: timeZone), on: reads)
        let themes = try await MonitoringStore.themeCounts(checkpoints: windows.map(\.checkpointID), on: reads)
        return MonitoringSnapshot(years: years, counts: counts, themeCounts: themes, builtAt: now)
    }
}

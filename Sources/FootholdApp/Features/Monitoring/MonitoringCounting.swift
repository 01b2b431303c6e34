import FootholdCore
import FootholdData
import Foundation
import NIOPosix
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

extension Application {
    /// The organisation's counts for the dashboards: read in the background on a thread of their
    /// own, at the lowest priority, so counting the organisation never holds up a page (decision 0016).
    func makeMonitoring(_ configuration: Configuration, clients: AppClients) -> MonitoringCache<MonitoringSnapshot> {
        let timing = MonitoringCache<MonitoringSnapshot>.Timing.refreshing(every: configuration.monitoringRefresh)
        let logger = self.logger
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        lifecycle.use(MonitoringThread(pool: pool))
        pool.submit { _ in MonitoringThread.lowerPriority() }
        let shelf = ThemeReleaseShelf()
        let timeZone = configuration.timeZone
        return MonitoringCache(
            timing: timing, now: clients.now, onBackgroundFailure: { logger.report(error: $0) },
            count: { [weak self] in
                guard let self else { throw Abort(.serviceUnavailable) }
                let started = ContinuousClock.now
                let snapshot = try await MonitoringCounting.count(
                    on: self.reads.offloaded(to: pool), timeZone: timeZone, now: clients.now(),
                    on: pool, publishingTo: self, shelf: shelf)
                let took = started.duration(to: .now)
                logger.info("Monitoring counted \(snapshot.organisation.recent.staff) people in \(Int(took / .milliseconds(1))) ms")
                return snapshot
            })
    }
}

/// The thread monitoring counts on, stopped with the app.
struct MonitoringThread: LifecycleHandler {
    let pool: NIOThreadPool

    func shutdown(_ application: Application) { try? pool.syncShutdownGracefully() }

    /// The calling thread yields to every other (on Linux the nice value is a thread's own).
    static func lowerPriority() {
        #if canImport(Glibc)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }
}

enum MonitoringCounting {
    /// The counts of this career year and the last, as of `now`. With a database to publish to,
    /// the theme figures of every checkpoint whose reporting period has ended are published first
    /// (decision 0021); releases are read through `shelf`, which keeps each once decoded.
    static func count(
        on reads: Reads, timeZone: TimeZone, now: Date, on pool: NIOThreadPool? = nil, publishingTo app: Application? = nil,
        shelf: ThemeReleaseShelf? = nil
    ) async throws -> MonitoringSnapshot {
        let today = DisplayDate(timeZone: timeZone, now: now).today()
        let current = try await CareerYears.current(today: today, on: reads, now: now).year
        var years = [current]
        if let previous = try await CareerYears.load(startYear: current.startYear - 1, on: reads) { years.insert(previous.year, at: 0) }
        let windows = MonitoringSnapshot.checkpoints(of: years).map(\.checkpoint).map { checkpoint in
            MonitoringCountsStore.Window(
                checkpointID: checkpoint.id, opens: checkpoint.opens.start(in: timeZone),
                ends: checkpoint.closes.adding(days: 1).start(in: timeZone))
        }
        let counts = try await MonitoringCountsStore.counts(
            windows: windows, recentSince: RecentConversationShare.since(today).start(in: timeZone),
            heldSince: today.adding(days: -(MonitoringSnapshot.heldDays - 1)).start(in: timeZone), on: reads)
        let ordered = MonitoringSnapshot.checkpoints(of: years)
        var themes = MonitoringSnapshot.ThemeInputs()
        if let shelf {
            if let app {
                // What is published now is used as made: a read connection may not see it yet.
                for (stored, release) in try await ThemeReleaseStore.publishDue(
                    ordered, now: now, timeZone: timeZone, reads: reads, database: app.writes, pool: pool)
                {
                    shelf.keep(release, as: stored.id)
                    themes.releases[stored.checkpointID] = (release, stored.releasedAt)
                }
            }
            themes.themes = try await ThemeReportStore.themes(on: reads)
            themes.threshold = try await ThemeReportStore.threshold(on: reads)
            themes.reportingDays = try await ThemeReleaseStore.reportingDays(on: reads)
            let ids = ordered.map(\.checkpoint.id)
            for stored in try await ThemeReleaseStore.published(ids, on: reads) where themes.releases[stored.checkpointID] == nil {
                if let release = try await shelf.release(stored.id, on: reads) {
                    themes.releases[stored.checkpointID] = (release, stored.releasedAt)
                }
            }
            themes.received = try await ThemeReleaseStore.reportsReceived(ids, on: reads)
        }
        guard let pool else { return MonitoringSnapshot(years: years, counts: counts, themeInputs: themes, builtAt: now) }
        // Adding up the whole organisation is most of a count's work: on its thread too.
        let made = years
        let inputs = themes
        return try await pool.runIfActive { MonitoringSnapshot(years: made, counts: counts, themeInputs: inputs, builtAt: now) }
    }
}

import Fluent
import FootholdCore
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit
import Vapor

/// Releases already read, by their id: a release never changes, so each is decoded once for the
/// life of the app (held by its monitoring, not by the process).
package final class ThemeReleaseShelf: Sendable {
    package init() {}

    private let kept = NIOLockedValueBox<[UUID: ThemeRelease]>([:])

    package func keep(_ release: ThemeRelease, as id: UUID) { kept.withLockedValue { $0[id] = release } }

    package func release(_ id: UUID, on reads: Reads) async throws -> ThemeRelease? {
        if let found = kept.withLockedValue({ $0[id] }) { return found }
        guard let release = try await ThemeReleaseStore.figures(of: id, on: reads) else { return nil }
        kept.withLockedValue { $0[id] = release }
        return release
    }
}

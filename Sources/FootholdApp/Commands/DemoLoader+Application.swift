import FootholdData
import FootholdDemo
import Foundation
import Vapor

extension DemoLoader {
    /// Fills the application's empty database with the demo organisation, as of its clock and in
    /// its time zone, every account's password hashed as the application hashes passwords.
    public static func load(
        people count: Int, seed: UInt64, years: Int = 1, on app: Application, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Result {
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password).get()
        return try await load(
            people: count, seed: seed, years: years, on: app.writes, passwordHash: hash, now: app.clients.now(),
            timeZone: app.footholdConfiguration.timeZone, progress: progress)
    }
}

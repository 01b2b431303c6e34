import FootholdCore
import FootholdData
import Foundation

/// A director's notices: each checkpoint conversation held in their units, who with whom and when;
/// and the other conversations held lately, counted and never named.
enum NoticesPage {
    struct Model: Sendable {
        var lines: [NoticeStore.NoticeLine]
        var page: Int
        var hasMore: Bool
        /// Where the counts below were taken: the units headed, or the whole organisation.
        var countedIn: String
        var heldByKind: [ConversationKind: Int]
        var headsUnits: Bool
        var countedAt: Date
    }

    static let perPage = 50

    /// The other kinds held in the viewer's scope lately: the units they head (each counted once,
    /// also when one lies in another), or the whole organisation.
    static func heldLately(_ snapshot: MonitoringSnapshot, scope: MonitoringScope, headed: [UUID]) -> (String, [ConversationKind: Int]) {
        if scope.seesOrganisation && headed.isEmpty {
            var held: [ConversationKind: Int] = [:]
            for top in snapshot.topUnits { held.merge(snapshot.units[top].heldByKind, uniquingKeysWith: +) }
            for team in snapshot.unplacedTeams { held.merge(snapshot.teams[team].heldByKind, uniquingKeysWith: +) }
            return ("the whole organisation", held)
        }
        let units = headed.compactMap { snapshot.unitIndex[$0] }
        let outermost = units.filter { unit in !units.contains { $0 != unit && snapshot.unit(unit, isWithin: $0) } }
        var held: [ConversationKind: Int] = [:]
        for unit in outermost { held.merge(snapshot.units[unit].heldByKind, uniquingKeysWith: +) }
        let names = outermost.map { snapshot.units[$0].name }.sorted()
        return (names.count == 1 ? names[0] : "your \(names.count) units", held)
    }
}

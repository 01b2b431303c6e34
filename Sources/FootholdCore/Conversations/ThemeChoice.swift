import Foundation

/// Which themes a conversation's record may be tagged with (SPEC §3): every theme HR keeps
/// active, and any retired one the conversation already carries, so retiring a theme never
/// makes a record impossible to save again.
public enum ThemeChoice {
    public static let problem = "Choose themes from the list"

    /// The themes a record offers.
    public static func offered(active: Set<UUID>, alreadyTagged: Set<UUID>) -> Set<UUID> { active.union(alreadyTagged) }

    /// The themes ticked on a form, in a stable order, or the problem when any is not one offered
    /// (a made-up or retired id, or not an id at all). A theme sent twice counts once.
    public static func chosen(_ sent: [String], offered: Set<UUID>) -> Result<[UUID], FieldProblems> {
        var chosen = Set<UUID>()
        for text in sent {
            guard let id = UUID(uuidString: text), offered.contains(id) else {
                var problems = FieldProblems()
                problems.add("themes", problem)
                return .failure(problems)
            }
            chosen.insert(id)
        }
        return .success(chosen.sorted { $0.uuidString < $1.uuidString })
    }
}

import Foundation

/// What a form's checkpoint field chose for a conversation held: none, one checkpoint, or
/// something that is no checkpoint's id (a stale or hand-made form), which is refused by name.
public enum CheckpointChoice: Equatable, Sendable {
    case none
    case checkpoint(UUID)
    case unrecognised

    /// Empty is none; an id is that checkpoint; anything else is unrecognised.
    public init(field: String?) {
        let text = (field ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            self = .none
        } else if let id = UUID(uuidString: text) {
            self = .checkpoint(id)
        } else {
            self = .unrecognised
        }
    }

    /// The checkpoint of `year` chosen: nil for none, and nil for a choice that is not one of its
    /// checkpoints (`isNone` tells the two apart).
    public func checkpoint(in year: CareerYear) -> Checkpoint? {
        guard case .checkpoint(let id) = self else { return nil }
        return year.checkpoints.first { $0.id == id }
    }

    public var isNone: Bool { self == .none }
}

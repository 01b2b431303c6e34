import Foundation

/// A theme a conversation can be tagged with: the organisation's list, kept by HR, in order.
public struct Theme: Equatable, Sendable {
    public var id: UUID
    public var name: String
    public var position: Int
    /// An inactive theme is kept on the conversations already tagged with it and offered for no new one.
    public var isActive: Bool

    public init(id: UUID, name: String, position: Int, isActive: Bool) {
        (self.id, self.name, self.position, self.isActive) = (id, name, position, isActive)
    }
}

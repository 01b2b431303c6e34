import Foundation

extension String {
    /// The first word of a person's name, as Foothold addresses them ("Freya" of "Freya Parker");
    /// the whole name when it has one word.
    public var firstName: String { split(separator: " ").first.map(String.init) ?? self }
}

/// The fewest people a figure about what was said may be drawn from before it is shown (SPEC §5).
/// HR administrators set it between 3 and 10; it starts at 5.
public struct AnonymityThreshold: Sendable, Equatable, Hashable, Comparable {
    public static let standard = AnonymityThreshold(clamping: 5)
    public static let allowed = 3...10

    public let people: Int

    /// A setting read from a form: nil when it is not a whole number between 3 and 10.
    public init?(_ people: Int) {
        guard AnonymityThreshold.allowed.contains(people) else { return nil }
        self.people = people
    }

    /// A stored setting: kept inside the allowed range whatever was written.
    public init(clamping people: Int) {
        self.people = min(max(people, AnonymityThreshold.allowed.lowerBound), AnonymityThreshold.allowed.upperBound)
    }

    /// Reads what an HR administrator typed, or says exactly what is wrong with it.
    public static func parse(_ text: String) -> Result<AnonymityThreshold, Problem> {
        let trimmed = text.trimmed(newlines: true)
        guard let number = Int(trimmed) else { return .failure(.notANumber(trimmed)) }
        guard let threshold = AnonymityThreshold(number) else { return .failure(.outOfRange(number)) }
        return .success(threshold)
    }

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notANumber(String)
        case outOfRange(Int)

        public var description: String {
            switch self {
            case .notANumber(let text):
                text.isEmpty
                    ? "Enter the fewest people a theme figure may come from, a whole number from 3 to 10."
                    : "“\(text)” is not a whole number: enter a number of people from 3 to 10."
            case .outOfRange(let number):
                "\(number) is outside the range: the fewest people a theme figure may come from is between 3 and 10."
            }
        }
    }

    public static func < (lhs: AnonymityThreshold, rhs: AnonymityThreshold) -> Bool { lhs.people < rhs.people }
}

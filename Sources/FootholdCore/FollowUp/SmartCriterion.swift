import Foundation

/// One of the five things a well-formed action is (seed 000 asks for SMART actions).
public enum SmartCriterion: String, CaseIterable, Codable, Sendable {
    case specific, measurable, achievable, relevant, timeBound = "time_bound"

    public var name: String {
        switch self {
        case .specific: "Specific"
        case .measurable: "Measurable"
        case .achievable: "Achievable"
        case .relevant: "Relevant"
        case .timeBound: "Time-bound"
        }
    }

    public var letter: Character { name.first! }
}

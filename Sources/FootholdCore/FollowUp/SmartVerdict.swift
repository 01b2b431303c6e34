import Foundation

/// What the SMART check found: which criteria an action meets and, for each it misses, a plain
/// sentence saying what is missing and what to try.
public struct SmartVerdict: Sendable, Equatable {
    public struct Advice: Sendable, Equatable {
        public var criterion: SmartCriterion
        public var sentence: String

        /// A few plain words for a list, where the whole sentence will not fit: what to do next.
        public var hint: String {
            switch criterion {
            case .specific: "say what you will do, and to what"
            case .measurable: "say how you will know it is done"
            case .achievable:
                sentence.hasPrefix("Nobody owns")
                    ? "say who will do it"
                    : sentence.contains("has not yet confirmed")
                        ? "ask the guide to confirm it"
                        : sentence.contains("before the day") ? "choose a date still to come" : "choose a nearer first step"
            case .relevant: "link it to a goal"
            case .timeBound: "say when it will be done"
            }
        }
    }

    public var met: Set<SmartCriterion>
    /// One for every criterion missed, in S-M-A-R-T order.
    public var advice: [Advice]

    public var isSmart: Bool { advice.isEmpty }

    /// What a list shows: "To make it SMART: say how you will know it is done; link it to a goal."
    public var hints: String {
        "To make it SMART: " + advice.map(\.hint).joined(separator: "; ") + "."
    }

    /// "SM-RT": the letters met, a dash for each missed.
    public var letters: String {
        String(SmartCriterion.allCases.map { met.contains($0) ? $0.letter : "-" })
    }
}

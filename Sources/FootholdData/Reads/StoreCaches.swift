import FootholdCore
import Foundation

/// What the stores work out from what they read and keep for the next page: each distinct plan
/// and reflection document decoded once (its text is its identity), the SMART check once for each
/// wording of an action (in the organisation's time zone), the question bank parsed once a version. One lives in the app's
/// environment, made by `setUpDatabase`, and reaches the stores with the `Reads` they are given;
/// each is bounded, and its counts show it earns its keep.
package final class StoreCaches: Sendable {
    package let plans: BoundedCache<String, CareerPlan>
    package let reflections: BoundedCache<String, Reflection>
    package let smartVerdicts: BoundedCache<SmartCheck.Action, SmartVerdict>
    package let questionBanks = QuestionBanks()
    /// The organisation's time zone, the one a SMART check counts days in.
    package let timeZone: TimeZone

    package init(timeZone: TimeZone, documents: Int = 2_000, smartVerdicts: Int = 10_000) {
        self.timeZone = timeZone
        plans = BoundedCache(limit: documents)
        reflections = BoundedCache(limit: documents)
        self.smartVerdicts = BoundedCache(limit: smartVerdicts)
    }

    package func plan(_ document: String) -> CareerPlan { plans.value(for: document) { CareerPlan(document: document) } }

    package func reflection(_ document: String) -> Reflection {
        reflections.value(for: document) { Reflection(document: document) }
    }

    /// The SMART check of `action`, kept by what the check looks at: lists do not check the same
    /// words again on every view, and a change to any of them is checked afresh.
    package func smart(_ action: AgreedAction) -> SmartVerdict {
        let input = action.smartCheckInput(in: timeZone)
        return smartVerdicts.value(for: input) { SmartCheck.check(input) }
    }
}

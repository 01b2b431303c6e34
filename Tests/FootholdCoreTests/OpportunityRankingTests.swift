import Foundation
import XCTest

@testable import FootholdCore

/// Opportunities ranked against what a person wants, on a fixture with the expected order and
/// the reasons in the person's own words.
final class OpportunityRankingTests: XCTestCase {
    let today = CalendarDate(year: 2026, month: 12, day: 1)!

    func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    var catalogue: [Opportunity] {
        [
            Opportunity(
                id: id(1), kind: .secondment, title: "Data analyst secondment in Finance",
                description: "Six months analysing rent arrears with the finance team.", skills: ["Data analysis", "Spreadsheets"],
                closesOn: CalendarDate(year: 2027, month: 1, day: 31)),
            Opportunity(
                id: id(2), kind: .project, title: "Lead the tenant survey project", description: "Plan and run this year's survey.",
                skills: ["Project management"], tags: ["leadership"], closesOn: CalendarDate(year: 2027, month: 2, day: 28)),
            Opportunity(
                id: id(3), kind: .course, title: "Introduction to programming", description: "A beginners' programme, four evenings.",
                tags: ["coding"]),
            Opportunity(
                id: id(4), kind: .shadowing, title: "Shadow the allocations panel", description: "Two sessions with the panel.",
                closesOn: CalendarDate(year: 2026, month: 11, day: 30)),
            Opportunity(
                id: id(5), kind: .mentoring, title: "Mentoring for new managers", description: "Monthly, for a year.",
                tags: ["leadership"]),
            Opportunity(id: id(6), kind: .role, title: "Gardener", description: "Keep the estates' green spaces."),
        ]
    }

    let freya = RankingProfile(
        interests: ["Good with people; I enjoy data analyses and spreadsheets."],
        roles: ["Something in policy, or leading a small team"],
        goals: ["Lead a project from start to finish", "Learn the basics of programming"],
        preparation: ["Whether a secondment would suit me"])

    func testTheFixtureRanksInTheExpectedOrderAndSaysWhy() {
        let ranked = OpportunityRanking.rank(catalogue, for: freya, today: today)
        // The project answers a goal and a role (leading); the secondment an interest twice over and
        // the preparation; mentoring for managers the wish to lead, in a goal and a role; the course
        // one goal.
        XCTAssertEqual(
            ranked.map(\.opportunity.id), [id(2), id(1), id(5), id(3)], ranked.map { "\($0.opportunity.title) \($0.score)" }.description)
        XCTAssertEqual(
            ranked[1].why,
            "Matches your interest in data analyses, your interest in spreadsheets and what you wanted to talk about: "
                + "whether a secondment would suit me."
        )
        XCTAssertEqual(
            ranked[0].why, "Matches your goal to lead a project from start to finish and your interest in roles like leading a small team.")
        XCTAssertEqual(ranked[3].why, "Matches your goal to learn the basics of programming.", "programming, in the title")
        XCTAssertFalse(ranked.contains { $0.opportunity.id == id(4) }, "closed yesterday: drops out by itself")
        XCTAssertFalse(ranked.contains { $0.opportunity.id == id(6) }, "nothing in common")
    }

    func testWordsMeetAcrossCasePluralsAndSpellings() {
        for (a, b) in [
            ("Analyse", "analyze"), ("organisation", "Organization"), ("programme", "program"), ("behaviour", "behavior"),
            ("opportunities", "opportunity"), ("courses", "course"), ("Centre", "center"), ("catalogue", "catalog"),
            ("specialising", "specializing"), ("analyses", "analyze"),
        ] {
            XCTAssertEqual(RankingWords.normalise(a), RankingWords.normalise(b), "\(a) / \(b)")
        }
        XCTAssertEqual(RankingWords.normalise("analysis"), RankingWords.normalise("analyst"), "the same idea")
        XCTAssertEqual(RankingWords.normalise("Leadership"), RankingWords.normalise("leading"))
        XCTAssertNotEqual(RankingWords.normalise("analysis"), RankingWords.normalise("policy"))
        XCTAssertEqual(RankingWords.normalise("hour"), "hour", "short words keep their ending")
        XCTAssertEqual(RankingWords.normalise("business"), "business", "a double s is not a plural")
        XCTAssertEqual(RankingWords.contentWords("I would like to work in the Policy team"), ["policy"])
        XCTAssertEqual(
            RankingWords.phrases("Data analysis and spreadsheets; coaching, mentoring\nwriting"),
            [
                "Data analysis", "spreadsheets", "coaching", "mentoring", "writing",
            ])
    }

    func testPlainTextIsReadByteByByteExactlyAsAnyOtherText() {
        // Any non-ASCII letter sends a text down the general path; "é" alone is too short to be a word.
        for text in [
            "Data-analysis, SPREADSHEETS & the Programme's courses", "don't  stop: 2027 plans; a b cc", "Leadership/leading/led",
            "Organisations' centres", "'", "", "  ", "x-ray", "I would like to work in the Policy team",
        ] {
            XCTAssertEqual(RankingWords.contentWords(text), RankingWords.contentWords(text + " é"), text)
        }
        XCTAssertEqual(RankingWords.contentWords("Data-analysis and don't"), ["data", "analysis", "dont"])
        let words =
            Array(RankingWords.spellings.keys) + Array(RankingWords.sameIdea.keys) + RankingWords.endings.flatMap { [$0.0, $0.1] }
            + RankingWords.endings.map { "special" + $0.0 } + RankingWords.endings.map { "x" + $0.0 + "s" }
            + [
                "opportunities", "analyses", "courses", "classes", "boxes", "matches", "wishes", "status", "analysis", "business",
                "programmes", "policies", "ties", "bus", "is", "s", "ss", "", "catalogues", "centres", "organisations", "colours",
            ]
        for word in words {
            XCTAssertEqual(RankingWords.shaped(word), RankingWords.shapedAnyText(word), word)
        }
    }

    func testTheSameInputAlwaysGivesTheSameOrder() {
        let once = OpportunityRanking.rank(catalogue, for: freya, today: today)
        let again = OpportunityRanking.rank(catalogue.reversed(), for: freya, today: today)
        XCTAssertEqual(once, again)
        // Equal scores: the one closing sooner first, then by title.
        let twins = [
            Opportunity(
                id: id(11), kind: .course, title: "B data course", tags: ["data"], closesOn: CalendarDate(year: 2027, month: 3, day: 1)),
            Opportunity(id: id(12), kind: .course, title: "A data course", tags: ["data"]),
            Opportunity(
                id: id(13), kind: .course, title: "C data course", tags: ["data"], closesOn: CalendarDate(year: 2027, month: 1, day: 1)),
        ]
        let order = OpportunityRanking.rank(twins, for: RankingProfile(interests: ["data"]), today: today).map(\.opportunity.id)
        XCTAssertEqual(order, [id(13), id(11), id(12)])
    }

    func testAPlanAndAPreparationMakeAProfile() {
        var plan = CareerPlan()
        plan.fields[CareerPlan.Field.strengths.rawValue] = "Data analysis"
        plan.fields[CareerPlan.Field.roles.rawValue] = "Policy officer"
        plan.goals = [CareerPlan.Goal(id: id(20), text: "Lead a project")]
        let profile = RankingProfile(plan: plan, preparationInterests: "Secondments")
        XCTAssertEqual(profile.interests, ["Data analysis"])
        XCTAssertEqual(profile.roles.first, "Policy officer")
        XCTAssertEqual(profile.goals, ["Lead a project"])
        XCTAssertEqual(profile.preparation, ["Secondments"])
        XCTAssertTrue(OpportunityRanking.rank([], for: profile, today: today).isEmpty)
    }

    func testAReasonReadsAsASentenceAndGenericWordsDoNotMatch() {
        let profile = RankingProfile(roles: ["A senior specialist in policy"], preparation: ["Meeting people across the business"])
        let catalogue = [
            Opportunity(id: id(1), kind: .secondment, title: "Policy secondment"),
            Opportunity(id: id(2), kind: .project, title: "Secondment in People and Culture"),
        ]
        let ranked = OpportunityRanking.rank(catalogue, for: profile, today: today)
        XCTAssertEqual(ranked.map(\.opportunity.id), [id(1)], "\"people\" alone matches nothing")
        XCTAssertEqual(ranked[0].why, "Matches your interest in roles like a senior specialist in policy.")
        XCTAssertEqual(
            ranked[0].why(whose: "Freya\u{2019}s", who: "Freya"),
            "Matches Freya\u{2019}s interest in roles like a senior specialist in policy.")
    }

    /// The index reads only opportunities that share a word, and must rank exactly as reading all.
    func testTheIndexRanksExactlyAsReadingEveryOpportunity() {
        XCTAssertTrue(id(1).sorts(before: id(2)))
        XCTAssertFalse(id(2).sorts(before: id(2)))
        var random = SeededGenerator(seed: 7)
        let vocabulary = [
            "data", "analysis", "policy", "lead", "project", "team", "coaching", "finance", "housing", "secondment", "programme",
            "program", "organisation", "spreadsheets", "writing", "mentoring", "leadership", "estates", "customer", "digital",
        ]
        func phrase() -> String { (0..<random.int(in: 1...4)).map { _ in random.pick(vocabulary) }.joined(separator: " ") }
        for round in 0..<40 {
            let catalogue = (0..<random.int(in: 0...60)).map { n in
                Opportunity(
                    id: id(1000 * round + n), kind: random.pick(OpportunityKind.allCases), title: phrase(), description: phrase(),
                    skills: [phrase()], tags: random.chance(0.5) ? [phrase()] : [],
                    closesOn: random.chance(0.3) ? today.adding(days: random.int(in: -30...30)) : nil)
            }
            let profile = RankingProfile(
                interests: [phrase() + ", " + phrase()], roles: [phrase()], goals: [phrase(), phrase()], preparation: [phrase()])
            let index = OpportunityRanking.Index(catalogue.map { ($0, OpportunityRanking.MatchWords($0)) })
            let all = OpportunityRanking.rank(catalogue, for: profile, today: today)
            XCTAssertEqual(OpportunityRanking.rank(index: index, for: profile, today: today), all, "round \(round)")
            for limit in [0, 1, 3, 10, 500] {
                XCTAssertEqual(
                    OpportunityRanking.rank(index: index, for: profile, today: today, limit: limit), Array(all.prefix(limit)),
                    "round \(round), the first \(limit)")
            }
        }
    }
}

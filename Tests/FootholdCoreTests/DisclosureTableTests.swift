import Foundation
import XCTest

@testable import FootholdCore

/// The anonymity rules against an attacker who sees every figure a viewer may see, knows how each
/// is made, writes down the equations and solves them (decision 0016).
final class DisclosureTableTests: XCTestCase {
    let five = AnonymityThreshold.standard

    // MARK: The threshold

    func testTheThresholdIsBetweenThreeAndTenAndSaysWhatIsWrong() {
        XCTAssertEqual(AnonymityThreshold.standard.people, 5)
        XCTAssertEqual(try AnonymityThreshold.parse(" 7 ").get().people, 7)
        XCTAssertEqual(AnonymityThreshold.parse("2"), .failure(.outOfRange(2)))
        XCTAssertEqual(AnonymityThreshold.parse("11"), .failure(.outOfRange(11)))
        XCTAssertEqual(AnonymityThreshold.parse("five"), .failure(.notANumber("five")))
        XCTAssertTrue("\(AnonymityThreshold.Problem.outOfRange(2))".contains("between 3 and 10"))
        XCTAssertTrue("\(AnonymityThreshold.Problem.notANumber(""))".contains("whole number from 3 to 10"))
        XCTAssertEqual(AnonymityThreshold(clamping: 40).people, 10)
        XCTAssertEqual(AnonymityThreshold(clamping: 0).people, 3)
    }

    // MARK: Primary suppression

    func testPrimarySuppressionHoldsBackSmallGroupsAndSmallCountsButNotZeroes() {
        let table = DisclosureTable(nodes: [
            .init(parent: nil),
            .init(parent: 0, value: 3, people: 20),  // three of twenty: too few said it
            .init(parent: 0, value: 0, people: 20),  // nobody of twenty: shown
            .init(parent: 0, value: 4, people: 4),  // a team of four: too few to show anything
            .init(parent: 0, value: 0, people: 3),  // a zero from three people is held back too
            .init(parent: 0, value: 6, people: 9),
            .init(parent: 0, value: 0, people: 0),  // no report yet: nothing to hold back
        ])
        XCTAssertEqual(table.nodes[0].value, 13)
        XCTAssertEqual(table.nodes[0].people, 56)
        XCTAssertEqual(table.primary(five), [.shown, .tooFew, .shown, .tooFew, .tooFew, .shown, .empty])
        // At a threshold of 3 the team of four is large enough, but all four raised it: held back.
        XCTAssertEqual(table.primary(AnonymityThreshold(3)!), [.shown, .shown, .shown, .withheld, .shown, .shown, .empty])
    }

    // MARK: Secondary suppression, by hand

    /// Ridgeway (four levels): Housing with Planning (Lettings, Repairs) and Estates; Finance.
    /// Lettings has one person, Repairs two; Finance's children are all large enough to show.
    func handBuilt() -> (table: DisclosureTable, names: [String]) {
        let names = [
            "Ridgeway", "Housing", "Planning", "Lettings", "Repairs", "Estates", "Finance", "Payroll", "Audit",
            "Lettings report", "Repairs report", "Planning report", "Estates report", "Housing report", "Payroll report",
            "Audit report", "Finance report",
        ]
        let table = DisclosureTable(nodes: [
            .init(parent: nil),  // 0 Ridgeway
            .init(parent: 0),  // 1 Housing
            .init(parent: 1),  // 2 Planning
            .init(parent: 2),  // 3 Lettings
            .init(parent: 2),  // 4 Repairs
            .init(parent: 1),  // 5 Estates
            .init(parent: 0),  // 6 Finance
            .init(parent: 6),  // 7 Payroll
            .init(parent: 6),  // 8 Audit
            .init(parent: 3, value: 1, people: 1),  // 9 Lettings: one person
            .init(parent: 4, value: 2, people: 2),  // 10 Repairs: two people
            .init(parent: 2, value: 6, people: 12),  // 11
            .init(parent: 5, value: 9, people: 15),  // 12
            .init(parent: 1, value: 5, people: 8),  // 13
            .init(parent: 7, value: 7, people: 10),  // 14
            .init(parent: 8, value: 8, people: 11),  // 15
            .init(parent: 6, value: 0, people: 6),  // 16
        ])
        return (table, names)
    }

    func testTheHandBuiltOrganisationHoldsBackWhatWouldGiveTheSmallUnitsAway() {
        let (table, names) = handBuilt()
        let shown = table.protect(five)
        func state(_ name: String) -> DisclosureTable.Visibility { shown[names.firstIndex(of: name)!] }
        // One person and two people: held back, and so is everything they could be subtracted from.
        XCTAssertEqual(state("Lettings report"), .tooFew)
        XCTAssertEqual(state("Repairs report"), .tooFew)
        XCTAssertEqual(state("Lettings"), .tooFew)
        XCTAssertEqual(state("Repairs"), .tooFew)
        // Planning = Lettings + Repairs + Planning's own report: two unknowns already, but with
        // Planning (9) and its report (6) shown they would add up to 3, all of their 3 people, which
        // gives both away; so Planning's own report is held back too, and Planning can be shown.
        XCTAssertEqual(state("Planning"), .shown)
        XCTAssertEqual(state("Planning report"), .withheld)
        // Finance and everything in it is large enough, and nothing small is below it.
        for name in ["Finance", "Payroll", "Audit", "Payroll report", "Audit report", "Finance report", "Ridgeway", "Housing"] {
            XCTAssertEqual(state(name), .shown, name)
        }
        assertNoViewerCanWorkOutWhatIsHeldBack(table, five, context: "hand-built")
    }

    func testAUnitWhoseOnlySmallPartIsItsOwnReportHoldsBackASecondFigure() {
        // Estates shows 9 from 15; Housing's own report is three people. Housing = Planning +
        // Estates + its report, so one more figure there must be held back, the next smallest.
        let table = DisclosureTable(nodes: [
            .init(parent: nil),  // 0 organisation
            .init(parent: 0),  // 1 Housing
            .init(parent: 1, value: 9, people: 15),  // 2 Estates report
            .init(parent: 1, value: 6, people: 12),  // 3 Planning report
            .init(parent: 1, value: 3, people: 3),  // 4 Housing's own report: too few
            .init(parent: 0, value: 20, people: 30),  // 5 Finance report
        ])
        let shown = table.protect(five)
        XCTAssertEqual(shown[4], .tooFew)
        XCTAssertEqual(shown[3], .withheld, "the next smallest figure in the same sum")
        XCTAssertEqual(shown[2], .shown)
        XCTAssertEqual(shown[1], .shown)
        XCTAssertEqual(shown[0], .shown)
        assertNoViewerCanWorkOutWhatIsHeldBack(table, five, context: "own report")
    }

    func testADirectorWhoKnowsTheirOwnReportCannotUseItToSubtract() {
        let director = UUID(uuidString: "00000000-0000-0000-0000-00000000000D")!
        // Housing = the director's own report (3 people: held back) + Estates (2 people: held back)
        // + Planning. Anyone else sees two unknowns; the director knows their own, so one more.
        let table = DisclosureTable(nodes: [
            .init(parent: nil),
            .init(parent: 0, value: 3, people: 3, author: director),
            .init(parent: 0, value: 2, people: 2),
            .init(parent: 0, value: 8, people: 14),
            .init(parent: 0, value: 7, people: 11),
        ])
        let shown = table.protect(five)
        XCTAssertEqual(shown[1], .tooFew)
        XCTAssertEqual(shown[2], .tooFew)
        XCTAssertEqual(shown.filter { $0 == .withheld }.count, 1, "\(shown)")
        assertNoViewerCanWorkOutWhatIsHeldBack(table, five, context: "director's own report", authors: [director: 0])
    }

    func testTheSameTableAndThresholdAlwaysGiveTheSameAnswer() {
        let (table, _) = handBuilt()
        XCTAssertEqual(table.protect(five), table.protect(five))
        XCTAssertNotEqual(table.protect(five), table.protect(AnonymityThreshold(10)!))
    }

    // MARK: Generated organisations

    func testGeneratedOrganisationsGiveNothingAwayToAnyViewer() {
        for seed in UInt64(1)...60 {
            var random = SeededGenerator(seed: seed)
            let (table, authors) = generated(&random)
            for threshold in [3, 5, 10].map({ AnonymityThreshold($0)! }) {
                assertNoViewerCanWorkOutWhatIsHeldBack(
                    table, threshold, context: "seed \(seed), threshold \(threshold.people)", authors: authors)
            }
        }
    }

    func testGeneratedOrganisationsStillShowMostOfWhatIsLarge() {
        // Protection that held back everything would pass the attacker test; it must not be that.
        var shownLarge = 0
        var large = 0
        for seed in UInt64(1)...30 {
            var random = SeededGenerator(seed: seed)
            let (table, _) = generated(&random)
            let shown = table.protect(five)
            for index in table.nodes.indices where !table.parts[index].isEmpty && table.nodes[index].value >= 25 {
                large += 1
                if shown[index] == .shown { shownLarge += 1 }
            }
        }
        XCTAssertGreaterThan(large, 100)
        // Some must go: a unit made of one large unit and a team of two has to hold back a second
        // figure beside the team's, and both candidates are large. At 131 of 179 when written.
        XCTAssertGreaterThan(Double(shownLarge) / Double(large), 0.7, "\(shownLarge) of \(large) large unit figures shown")
    }

    /// A tree of units four to six levels deep, each with a few reports of teams from one to
    /// twelve people; a unit's first report is its director's own, who can see figures.
    func generated(_ random: inout SeededGenerator) -> (DisclosureTable, [UUID: Int]) {
        var nodes: [DisclosureTable.Node] = [.init(parent: nil)]
        var authors: [UUID: Int] = [:]
        var units = [(index: 0, depth: 1)]
        var next = 0
        let deepest = Int.random(in: 4...6, using: &random)
        while next < units.count {
            let (unit, depth) = units[next]
            next += 1
            let director = UUID()
            authors[director] = unit
            for report in 0..<Int.random(in: 0...3, using: &random) {
                // Many teams are small: one or two people, as in the smallest units.
                let people = random.pick([1, 2, 3, 4, 5, 6, 7, 8, 10, 12])
                let value = Int.random(in: 0...people, using: &random)
                nodes.append(.init(parent: unit, value: value, people: people, author: report == 0 ? director : nil))
            }
            if depth < deepest {
                for _ in 0..<Int.random(in: depth == 1 ? 2...4 : 0...3, using: &random) {
                    nodes.append(.init(parent: unit))
                    units.append((nodes.count - 1, depth + 1))
                }
            }
        }
        return (DisclosureTable(nodes: nodes), authors)
    }

    // MARK: The attacker

    /// For the whole organisation (the Leadership Team, an HR administrator) and for the director
    /// of every unit (their unit and below, knowing their own report): solve what they see and
    /// assert that no figure held back is worked out — apart from ones that follow from a
    /// director's own report alone, which tell them nothing about anyone else.
    func assertNoViewerCanWorkOutWhatIsHeldBack(
        _ table: DisclosureTable, _ threshold: AnonymityThreshold, context: String, authors: [UUID: Int] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let shown = table.protect(threshold)
        // The primary rule itself held back every small figure, and every one that counts everyone.
        for (index, node) in table.nodes.enumerated() where node.people > 0 {
            if node.people < threshold.people || (1..<threshold.people).contains(node.value) {
                XCTAssertEqual(shown[index], .tooFew, "\(context): node \(index) is small", file: file, line: line)
            } else if node.value == node.people {
                XCTAssertEqual(shown[index], .withheld, "\(context): node \(index) counts everyone", file: file, line: line)
            }
        }
        for found in disclosures(table, shown, authors: authors) { XCTFail("\(context): \(found)", file: file, line: line) }
        for found in groupDisclosures(table, shown) { XCTFail("\(context): \(found)", file: file, line: line) }
    }

    /// What each viewer can work out that is held back from them, in words; empty when nothing.
    func disclosures(
        _ table: DisclosureTable, _ shown: [DisclosureTable.Visibility], authors: [UUID: Int], everyWriterSeesAll: Bool = false
    ) -> [String] {
        let leaves = table.nodes.indices.filter { table.parts[$0].isEmpty }
        let leafNumber = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1, $0) })
        func makeUp(_ index: Int) -> [Int] {
            table.parts[index].isEmpty ? [leafNumber[index]!] : table.parts[index].flatMap(makeUp)
        }
        let makeUps = table.nodes.indices.map(makeUp)
        func subtree(_ index: Int) -> [Int] { [index] + table.parts[index].flatMap(subtree) }
        // Empty figures (nothing drawn from anyone) are known to be zero by everyone.
        let empty = table.nodes.indices.filter { shown[$0] == .empty }

        var viewers: [(name: String, sees: [Int], author: UUID?)] = [("the whole organisation", Array(table.nodes.indices), nil)]
        for index in table.nodes.indices where !table.parts[index].isEmpty {
            let director = authors.first { $0.value == index }?.key
            viewers.append(("the director of node \(index)", subtree(index), director))
        }
        if everyWriterSeesAll {
            // Anyone who wrote a report may one day see everything published (decision 0021).
            let writers = Set(table.nodes.compactMap(\.author)).sorted { $0.uuidString < $1.uuidString }
            for writer in writers { viewers.append(("\(writer) seeing the whole organisation", Array(table.nodes.indices), writer)) }
        }
        var found: [String] = []
        for viewer in viewers {
            let own = viewer.author.map { author in table.nodes.indices.filter { table.nodes[$0].author == author } } ?? []
            let seen = viewer.sees.filter { shown[$0] == .shown || shown[$0] == .empty }
            let heldBack = viewer.sees.filter { shown[$0] == .tooFew || shown[$0] == .withheld }.filter { !own.contains($0) }
            let targets = heldBack.map { makeUps[$0] }
            let worked = DisclosureAttack.determined(known: (seen + own).map { makeUps[$0] }, targets: targets, reports: leaves.count)
            let fromOwnAlone = DisclosureAttack.determined(
                known: (own + empty).map { makeUps[$0] }, targets: targets, reports: leaves.count)
            for (offset, index) in heldBack.enumerated() where worked[offset] && !fromOwnAlone[offset] {
                found.append("\(viewer.name) can work out node \(index) (\(shown[index]))")
            }
        }
        return found
    }

    /// Attribute disclosure: what the viewer learns of everyone in a group without an exact value.
    /// A figure shown as its people ("5 of 5"), or held back but narrowed by the bounds to all its
    /// people, says every one of them raised the theme.
    func groupDisclosures(_ table: DisclosureTable, _ shown: [DisclosureTable.Visibility]) -> [String] {
        var found: [String] = []
        for (index, node) in table.nodes.enumerated() where node.people > 0 && shown[index] == .shown && node.value == node.people {
            found.append("node \(index) is shown as all of its \(node.people) people")
        }
        for index in everyoneBounds(table, shown) { found.append("node \(index) is narrowed to all of its people") }
        return found
    }

    func testAFigureThatCountsEveryoneIsHeldBackAndProtectedInTurn() {
        // "5 of 5" in Learning and development: every named member of the team raised it.
        let table = DisclosureTable(nodes: [
            .init(parent: nil),  // 0 the unit
            .init(parent: 0, value: 5, people: 5),  // 1 everyone raised it
            .init(parent: 0, value: 3, people: 9),  // 2
            .init(parent: 0, value: 6, people: 12),  // 3
        ])
        XCTAssertEqual(table.primary(five), [.shown, .withheld, .tooFew, .shown])
        let shown = table.protect(five)
        XCTAssertEqual(shown[1], .withheld)
        // Two held back in the unit's sum (14 of 26, with 6 of 12 shown): neither follows, and the
        // bounds narrow neither to everyone.
        XCTAssertEqual(groupDisclosures(table, shown), [])
        XCTAssertEqual(pinnedDown(table, shown), [])
        assertNoViewerCanWorkOutWhatIsHeldBack(table, five, context: "5 of 5")
        // Without the rule, it would be shown: the attacker names it.
        XCTAssertEqual(groupDisclosures(table, [.shown, .shown, .tooFew, .shown]), ["node 1 is shown as all of its 5 people"])
        // A unit whose every report counts everyone is held back too, not only its parts.
        let all = DisclosureTable(nodes: [
            .init(parent: nil), .init(parent: 0, value: 6, people: 6), .init(parent: 0, value: 7, people: 7),
            .init(parent: 0, value: 1, people: 9),
        ])
        let allShown = all.protect(five)
        XCTAssertEqual(groupDisclosures(all, allShown), [])
        XCTAssertEqual(pinnedDown(all, allShown), [])
        assertNoViewerCanWorkOutWhatIsHeldBack(all, five, context: "all everyone")
    }

    func testTheAttackerWorksOutWhatPrimarySuppressionAloneGivesAway() {
        // The attacker is real: on the same organisations, holding back only the small figures
        // lets small teams be worked out by subtraction.
        let small = DisclosureTable(nodes: [
            .init(parent: nil), .init(parent: 0, value: 3, people: 3), .init(parent: 0, value: 9, people: 15),
        ])
        XCTAssertEqual(
            disclosures(small, small.primary(five), authors: [:]),
            [
                "the whole organisation can work out node 1 (tooFew)", "the director of node 0 can work out node 1 (tooFew)",
            ])
        var generatedFound = 0
        for seed in UInt64(1)...10 {
            var random = SeededGenerator(seed: seed)
            let (table, authors) = generated(&random)
            generatedFound += disclosures(table, table.primary(five), authors: authors).isEmpty ? 0 : 1
        }
        XCTAssertEqual(generatedFound, 10)
    }

    func testTheAttackerFindsWhatASingleHeldBackFigureGivesAway() {
        // Without secondary suppression, subtraction gives a small figure away: the attacker must see it.
        let table = DisclosureTable(nodes: [
            .init(parent: nil), .init(parent: 0, value: 2, people: 2), .init(parent: 0, value: 8, people: 9),
        ])
        let worked = DisclosureAttack.determined(known: [[0, 1], [1]], targets: [[0], [0, 1]], reports: 2)
        XCTAssertEqual(worked, [true, true])
        XCTAssertEqual(DisclosureAttack.determined(known: [[0, 1, 2]], targets: [[0], [1, 2]], reports: 3), [false, false])
        XCTAssertEqual(table.primary(five), [.shown, .tooFew, .shown])
        XCTAssertEqual(table.protect(five), [.shown, .tooFew, .withheld])
    }

    // MARK: Releases: every writer a possible viewer of everything

    func testEveryReportWriterSeeingTheWholeReleaseLearnsNothingOfAnyoneElse() {
        for seed in UInt64(1)...40 {
            var random = SeededGenerator(seed: seed)
            let (generated, _) = generated(&random)
            // Every report written by someone; the release is protected against each of them.
            var nodes = generated.nodes
            for index in nodes.indices where generated.parts[index].isEmpty { nodes[index].author = UUID() }
            let table = DisclosureTable(nodes: nodes)
            for threshold in [3, 5].map({ AnonymityThreshold($0)! }) {
                let shown = table.protect(threshold)
                for found in disclosures(table, shown, authors: [:], everyWriterSeesAll: true) {
                    XCTFail("seed \(seed), threshold \(threshold.people): \(found)")
                }
                XCTAssertEqual(groupDisclosures(table, shown), [], "seed \(seed)")
            }
        }
    }

    // MARK: The attacker who also knows counts are never below zero nor above their people

    /// Narrows each held-back figure between 0 and its people, and by every sum, until nothing
    /// changes; returns the figures pinned to one value.
    func pinnedDown(_ table: DisclosureTable, _ shown: [DisclosureTable.Visibility]) -> [Int] {
        let (low, high) = narrowed(table, shown)
        return table.nodes.indices.filter { (shown[$0] == .tooFew || shown[$0] == .withheld) && low[$0] == high[$0] }
    }

    /// The least and most each figure can be, narrowed by every sum until nothing changes.
    func narrowed(_ table: DisclosureTable, _ shown: [DisclosureTable.Visibility]) -> (low: [Int], high: [Int]) {
        var low = table.nodes.indices.map { shown[$0] == .shown || shown[$0] == .empty ? table.nodes[$0].value : 0 }
        var high = table.nodes.indices.map { shown[$0] == .shown || shown[$0] == .empty ? table.nodes[$0].value : table.nodes[$0].people }
        var changed = true
        var rounds = 0
        while changed && rounds < 200 {
            changed = false
            rounds += 1
            for total in table.nodes.indices where !table.parts[total].isEmpty {
                let parts = table.parts[total]
                let partsLow = parts.reduce(0) { $0 + low[$1] }, partsHigh = parts.reduce(0) { $0 + high[$1] }
                if partsLow > low[total] { low[total] = partsLow; changed = true }
                if partsHigh < high[total] { high[total] = partsHigh; changed = true }
                for part in parts {
                    let otherLow = partsLow - low[part], otherHigh = partsHigh - high[part]
                    if low[total] - otherHigh > low[part] { low[part] = low[total] - otherHigh; changed = true }
                    if high[total] - otherLow < high[part] { high[part] = high[total] - otherLow; changed = true }
                }
            }
        }
        return (low, high)
    }

    /// The held-back figures whose least possible value, by the same narrowing, is all their people.
    func everyoneBounds(_ table: DisclosureTable, _ shown: [DisclosureTable.Visibility]) -> [Int] {
        let (low, _) = narrowed(table, shown)
        return table.nodes.indices.filter {
            (shown[$0] == .tooFew || shown[$0] == .withheld) && table.nodes[$0].people > 0 && low[$0] == table.nodes[$0].people
        }
    }

    func testNoHeldBackFigureIsPinnedDownByCountsNeverBeingBelowZeroOrAboveTheirPeople() {
        for seed in UInt64(1)...60 {
            var random = SeededGenerator(seed: seed)
            let (table, _) = generated(&random)
            for threshold in [3, 5, 10].map({ AnonymityThreshold($0)! }) {
                let pinned = pinnedDown(table, table.protect(threshold))
                XCTAssertEqual(pinned, [], "seed \(seed), threshold \(threshold.people): pinned down")
            }
        }
        // Without the rule it would: two small teams that all raised a theme, beside a shown total.
        let small = DisclosureTable(nodes: [
            .init(parent: nil), .init(parent: 0, value: 1, people: 1), .init(parent: 0, value: 2, people: 2),
            .init(parent: 0, value: 6, people: 12),
        ])
        XCTAssertEqual(pinnedDown(small, small.primary(five)), [1, 2])
        XCTAssertEqual(pinnedDown(small, small.protect(five)), [])
        let zeros = DisclosureTable(nodes: [
            .init(parent: nil), .init(parent: 0, value: 0, people: 3), .init(parent: 0, value: 0, people: 2),
            .init(parent: 0, value: 6, people: 12),
        ])
        XCTAssertEqual(pinnedDown(zeros, zeros.primary(five)), [1, 2], "a total of nothing tells every part")
        XCTAssertEqual(pinnedDown(zeros, zeros.protect(five)), [])
    }
}

import XCTest

@testable import FootholdCore

final class CareerPlanTests: XCTestCase {
    func testWordsStruckOutComeBeforeTheWordsThatReplaceThem() {
        XCTAssertEqual(
            WordDiff.diff("I want to lead a small team", "I want to lead a project team"),
            [.same("I want to lead a"), .removed("small"), .added("project"), .same("team")])
        XCTAssertEqual(WordDiff.diff("", "New words here"), [.added("New words here")])
        XCTAssertEqual(WordDiff.diff("Old words", ""), [.removed("Old words")])
        XCTAssertEqual(WordDiff.diff("Same", "Same"), [.same("Same")])
        XCTAssertEqual(WordDiff.diff("", ""), [])
    }

    func testTheDiffRebuildsBothTexts() {
        let old = "Housing officer in the north team, good with tenants, less sure about budgets and reports"
        let new = "Senior housing officer in the north team, good with tenants and budgets, learning reports"
        let pieces = WordDiff.diff(old, new)
        let before = pieces.compactMap { if case .added = $0 { nil } else { $0.text } }.joined(separator: " ")
        let after = pieces.compactMap { if case .removed = $0 { nil } else { $0.text } }.joined(separator: " ")
        XCTAssertEqual(before, old)
        XCTAssertEqual(after, new)
    }

    func testVeryLongTextsAreShownWhole() {
        let old = Array(repeating: "alpha", count: 2_500).joined(separator: " ")
        let new = Array(repeating: "beta", count: 2_500).joined(separator: " ")
        XCTAssertEqual(WordDiff.diff(old, new), [.removed(old), .added(new)])
    }

    func testChangesFieldByFieldAndGoalByGoal() {
        let keep = UUID(), drop = UUID(), edit = UUID(), add = UUID()
        var old = CareerPlan(
            fields: [.whereIAm: "Housing officer", .barriers: "No management experience"], direction: .depth,
            goals: [.init(id: keep, text: "Lead a project"), .init(id: drop, text: "Learn Welsh"), .init(id: edit, text: "Get PRINCE2")])
        var new = old
        new[.whereIAm] = "Senior Housing officer"
        new[.barriers] = ""
        new[.roles] = "Policy adviser"
        new.direction = .breadth
        new.goals = [old.goals[0], .init(id: edit, text: "Pass PRINCE2 Foundation"), .init(id: add, text: "Shadow the policy team")]
        let changes = PlanChanges(from: old, to: new)
        XCTAssertEqual(
            changes.fields.map(\.label),
            [
                "Breadth or depth", "Where I am now", "Roles that interest me, inside or outside the organisation",
                "Barriers, including to promotion",
            ])
        XCTAssertEqual(changes.fields.map(\.kind), [.changed, .changed, .added, .removed])
        XCTAssertEqual(changes.fields[1].words, [.added("Senior"), .same("Housing officer")])
        XCTAssertEqual(changes.goals.map(\.kind), [.changed, .added, .removed])
        XCTAssertEqual(changes.goals[0].words, [.removed("Get"), .added("Pass"), .same("PRINCE2"), .added("Foundation")])
        XCTAssertTrue(PlanChanges(from: new, to: new).isEmpty)
        old.goals = []
        XCTAssertEqual(PlanChanges(from: old, to: old).fields, [])
    }

    func testTheDocumentReadsBackAndEmptyFieldsAreNotStored() {
        var plan = CareerPlan(
            fields: [.support: "A mentor in Finance", .progress: ""], direction: .both, goals: [.init(id: UUID(), text: "A goal")])
        XCTAssertEqual(CareerPlan(document: plan.document), plan)
        XCTAssertFalse(plan.document.contains("progress"))
        plan[.support] = ""
        XCTAssertEqual(plan.fields, [:])
        XCTAssertEqual(CareerPlan(document: "not json"), CareerPlan())
    }
}

import FootholdCore
import XCTest

@testable import FootholdDemo

final class DemoOrganisationTests: XCTestCase {
    func testTheSameSeedGivesTheSameOrganisation() {
        XCTAssertEqual(DemoOrganisation(people: 500, seed: 3).people, DemoOrganisation(people: 500, seed: 3).people)
        XCTAssertNotEqual(
            DemoOrganisation(people: 500, seed: 3).people.map(\.name), DemoOrganisation(people: 500, seed: 4).people.map(\.name))
    }

    func testItLooksLikeARealOrganisation() {
        for size in [60, 400, 5_000] {
            let organisation = DemoOrganisation(people: size, seed: 1)
            XCTAssertEqual(organisation.people.count, size)
            XCTAssertEqual(Set(organisation.people.map(\.email)).count, size, "emails are unique")
            let spans = organisation.directReports().values.map(\.count)
            XCTAssertTrue(
                spans.allSatisfy { (DemoOrganisation.minimumSpan...DemoOrganisation.maximumSpan).contains($0) },
                "spans of control 3–12 at \(size): \(spans.sorted())")
            let depth = organisation.units.map(\.path.depth).max()!
            XCTAssertTrue((3...4).contains(depth), "units \(depth) levels deep at \(size)")
            let leadership = organisation.people.filter(\.isLeadershipTeam).count
            XCTAssertTrue((4...6).contains(leadership), "a Leadership Team of about six at \(size): \(leadership)")
            XCTAssertGreaterThanOrEqual(organisation.people.filter(\.isHRAdministrator).count, 2)
            for (index, person) in organisation.people.enumerated() {
                if let manager = person.manager { XCTAssertLessThan(manager, index, "managers come first") }
            }
            XCTAssertEqual(organisation.people.filter { $0.manager == nil }.count, 1, "one person at the top")
        }
    }

    func testTheCastHasOnePersonPerRole() {
        let organisation = DemoOrganisation(people: 60, seed: 1)
        let cast = organisation.cast()
        let reports = organisation.directReports()
        let heads = Set(organisation.units.map(\.head))
        XCTAssertEqual(Set([cast.employee, cast.lineManager, cast.director, cast.leadershipTeamMember, cast.hrAdministrator]).count, 5)
        XCTAssertNil(reports[cast.employee])
        XCTAssertNotNil(reports[cast.lineManager])
        XCTAssertFalse(heads.contains(cast.lineManager))
        XCTAssertTrue(heads.contains(cast.director))
        XCTAssertTrue(organisation.people[cast.leadershipTeamMember].isLeadershipTeam)
        XCTAssertTrue(organisation.people[cast.hrAdministrator].isHRAdministrator)
    }
}

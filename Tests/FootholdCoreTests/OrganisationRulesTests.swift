import XCTest
@testable import FootholdCore

final class RoleTests: XCTestCase {
    func testRolesComeFromReportingLinesUnitHeadsAndTwoFlags() {
        XCTAssertEqual(RoleFacts().roles, [.employee])
        XCTAssertEqual(RoleFacts(activeDirectReports: 3).roles, [.employee, .lineManager])
        XCTAssertEqual(RoleFacts(unitsHeaded: 1).roles, [.employee, .director])
        XCTAssertEqual(RoleFacts(isLeadershipTeam: true).roles, [.employee, .leadershipTeam])
        XCTAssertEqual(RoleFacts(isHRAdministrator: true).roles, [.employee, .hrAdministrator])
        XCTAssertEqual(
            RoleFacts(activeDirectReports: 2, unitsHeaded: 1, isLeadershipTeam: true, isHRAdministrator: true).roles, Set(Role.allCases))
        XCTAssertEqual(
            RoleFacts(isActive: false, activeDirectReports: 4, isHRAdministrator: true).roles, [], "someone who has left holds no role")
    }

    func testRolesSortInTheOrderPeopleReadThem() {
        XCTAssertEqual(Set(Role.allCases).sorted(), [.employee, .lineManager, .director, .leadershipTeam, .hrAdministrator])
    }
}

final class ReportingLinesTests: XCTestCase {
    func testCyclesAreFoundOnceEach() {
        let managerOf = ["b": "a", "c": "d", "d": "e", "e": "c", "f": "f", "g": "c"]
        XCTAssertEqual(ReportingLines.cycles(in: managerOf), [["c", "d", "e"], ["f"]])
        XCTAssertEqual(ReportingLines.cycles(in: ["b": "a", "c": "b"]), [])
    }

    func testWouldCreateCycle() {
        let managerOf = ["b": "a", "c": "b"]
        XCTAssertTrue(ReportingLines.wouldCreateCycle(person: "a", manager: "c", managerOf: managerOf))
        XCTAssertFalse(ReportingLines.wouldCreateCycle(person: "c", manager: "a", managerOf: managerOf))
    }

    func testManagersComeFirst() {
        let managerOf = ["c": "b", "b": "a", "d": "c", "x": "outside"]
        let order = ReportingLines.managersFirst(["d", "c", "x", "b", "a"], managerOf: managerOf)
        for (person, manager) in managerOf where order.contains(manager) {
            XCTAssertLessThan(order.firstIndex(of: manager)!, order.firstIndex(of: person)!, "\(manager) before \(person)")
        }
        XCTAssertEqual(Set(order), ["a", "b", "c", "d", "x"])
    }
}

final class SmallRulesTests: XCTestCase {
    func testEmailAddresses() {
        XCTAssertEqual(EmailAddress.normalised("  Ada.Lovelace@Ridgeway.Example "), "ada.lovelace@ridgeway.example")
        XCTAssertNil(EmailAddress.problem(with: "ada@ridgeway.example"))
        XCTAssertEqual(EmailAddress.problem(with: "ada@ridgeway"), "'ada@ridgeway' does not end in a domain such as example.org")
        XCTAssertEqual(EmailAddress.problem(with: "@ridgeway.example"), "'@ridgeway.example' has nothing before the @")
        XCTAssertEqual(EmailAddress.problem(with: "a b@r.example"), "'a b@r.example' contains a space")
    }

    func testUnitPaths() {
        XCTAssertEqual(UnitPath(parsing: " Ridgeway / Housing ")?.names, ["Ridgeway", "Housing"])
        XCTAssertNil(UnitPath(parsing: "Ridgeway/"))
        XCTAssertEqual(UnitPath(parsing: "A/B/C")?.lineage.map(\.description), ["A", "A/B", "A/B/C"])
    }

    func testSignInsAreSlowedDownAfterFiveFailures() {
        let failedAt = Date(timeIntervalSince1970: 1_000_000)
        XCTAssertNil(SignInThrottle.waitRemaining(failures: 4, lastFailure: failedAt, now: failedAt))
        XCTAssertEqual(SignInThrottle.waitRemaining(failures: 5, lastFailure: failedAt, now: failedAt), 30)
        XCTAssertEqual(SignInThrottle.waitRemaining(failures: 6, lastFailure: failedAt, now: failedAt.addingTimeInterval(10)), 50)
        XCTAssertNil(SignInThrottle.waitRemaining(failures: 6, lastFailure: failedAt, now: failedAt.addingTimeInterval(61)))
        XCTAssertEqual(SignInThrottle.waitRemaining(failures: 40, lastFailure: failedAt, now: failedAt), SignInThrottle.longestWait)
    }

    func testPasswordRules() {
        XCTAssertEqual(PasswordRules.problem(with: ""), "Enter a password")
        XCTAssertEqual(PasswordRules.problem(with: "short"), "Use at least 12 characters")
        XCTAssertEqual(PasswordRules.problem(with: "              "), "Use some characters other than spaces")
        XCTAssertNil(PasswordRules.problem(with: "a long enough password"))
        // 4 December 2026: "password12" was accepted. Now too short, and the common ones are refused at any length.
        XCTAssertEqual(PasswordRules.problem(with: "password12"), "Use at least 12 characters")
        for common in ["qwerty123456", "1qaz2wsx3edc", "LeaveMeAlone", " finalfantasy "] {
            XCTAssertEqual(
                PasswordRules.problem(with: common),
                "That is one of the passwords people choose most often, so it is among the first anyone guesses: choose another", common)
        }
        XCTAssertEqual(PasswordRules.common.count, 10_000 - 0, "the whole list, once each")
        XCTAssertTrue(PasswordRules.isCommon("123456") && PasswordRules.isCommon("Password"))
        XCTAssertFalse(PasswordRules.isCommon("correct horse battery"))
    }
}

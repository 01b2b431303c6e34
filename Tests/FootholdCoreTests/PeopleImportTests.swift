import XCTest
@testable import FootholdCore

final class PeopleImportTests: XCTestCase {
    let header = "email,name,job_title,unit,manager_email,leadership_team,hr_admin"

    func plan(_ rows: [String], header: String? = nil, existing: [PeopleImport.ExistingPerson] = [], deactivateMissing: Bool = false)
        -> Result<PeopleImport.Plan, PeopleImport.Failure>
    {
        PeopleImport.plan(
            csv: ([header ?? self.header] + rows).joined(separator: "\n"), existing: existing, deactivateMissing: deactivateMissing)
    }

    func problems(_ rows: [String], header: String? = nil, existing: [PeopleImport.ExistingPerson] = [], deactivateMissing: Bool = false)
        -> [String]
    {
        guard case .failure(let failure) = plan(rows, header: header, existing: existing, deactivateMissing: deactivateMissing) else {
            return []
        }
        return failure.problems.map(\.description)
    }

    func testAGoodFileBecomesAPlan() throws {
        let plan = try plan([
            "Ada@Ridgeway.example,Ada Lovelace,Chief Executive,Ridgeway,,Yes,no",
            "ben@ridgeway.example, Ben Khan ,Team Leader,Ridgeway / Housing,ADA@ridgeway.example,0,TRUE",
        ]).get()

        XCTAssertEqual(plan.rows.count, 2)
        XCTAssertEqual(plan.rows[0].email, "ada@ridgeway.example")
        XCTAssertTrue(plan.rows[0].isLeadershipTeam)
        XCTAssertEqual(plan.rows[1].name, "Ben Khan")
        XCTAssertEqual(plan.rows[1].unit.description, "Ridgeway/Housing")
        XCTAssertEqual(plan.rows[1].managerEmail, "ada@ridgeway.example", "emails compare case-insensitively")
        XCTAssertTrue(plan.rows[1].isHRAdministrator)
        XCTAssertEqual(plan.unitHeads[UnitPath(names: ["Ridgeway"])], .some("ada@ridgeway.example"))
        XCTAssertEqual(plan.unitHeads[UnitPath(names: ["Ridgeway", "Housing"])], .some("ben@ridgeway.example"))
        XCTAssertTrue(plan.warnings.isEmpty)
    }

    func testEveryKindOfRowProblemIsListedWithItsLineAndField() {
        let found = problems([
            "ada@ridgeway.example,Ada Lovelace,Chief Executive,Ridgeway,,yes,no",  // 2: fine
            "ada@ridgeway.example,Ada Again,Officer,Ridgeway,,no,no",  // 3: duplicate
            "not-an-email,Nobody,Officer,Ridgeway,,no,no",  // 4: malformed
            "cy@ridgeway.example,,Officer,Ridgeway,ada@ridgeway.example,no,no",  // 5: missing name
            "di@ridgeway.example,Di,Officer,Ridgeway,ada@ridgeway.example,perhaps,no",  // 6: bad boolean
            "ed@ridgeway.example,Ed,Officer,Ridgeway,ghost@ridgeway.example,no,no",  // 7: unknown manager
            "fi@ridgeway.example,Fi,Officer,Ridgeway//Housing,ada@ridgeway.example,no,no",  // 8: empty unit name
            "gu@ridgeway.example,Gu,Officer,Ridgeway",  // 9: too few fields
            "ha@ridgeway.example,Ha,Officer,Ridgeway,ha@ridgeway.example,no,no",  // 10: own manager
        ])

        XCTAssertEqual(
            found,
            [
                "Line 3, email: ada@ridgeway.example appears more than once (also on line 2)",
                "Line 4, email: 'not-an-email' should contain exactly one @",
                "Line 5, name: a value is required",
                "Line 6, leadership_team: 'perhaps' is not yes or no (write yes/no, true/false or 1/0)",
                "Line 7, manager_email: no one with the email ghost@ridgeway.example is in this file or in Foothold",
                "Line 8, unit: 'Ridgeway//Housing' has an empty unit name; write units from the top down with a slash between them, such as Ridgeway/Housing/Planning",
                "Line 9: this row has 4 fields but the header has 7; check for a missing or extra comma",
                "Line 10, manager_email: is this person's own email; someone cannot manage themselves",
            ])
    }

    func testARowWithSeveralProblemsHasThemAllListed() {
        XCTAssertEqual(
            problems(["x@r.example,,Officer,R,ghost@r.example,maybe,no"]),
            [
                "Line 2, leadership_team: 'maybe' is not yes or no (write yes/no, true/false or 1/0)",
                "Line 2, manager_email: no one with the email ghost@r.example is in this file or in Foothold",
                "Line 2, name: a value is required",
            ])
    }

    func testMissingColumnsAreNamedAndUnknownOnesIgnoredWithAWarning() throws {
        XCTAssertEqual(
            problems(["a@b.example,A,T,R,no,no"], header: "email,name,job_title,unit,leadership_team,hr_admin"),
            [
                "Line 1, manager_email: this column is missing; the columns are email,name,job_title,unit,manager_email,leadership_team,hr_admin and optionally unit_head"
            ])

        let plan = try plan(["a@b.example,A,T,R,,no,no,42"], header: header + ",shoe_size").get()
        XCTAssertEqual(plan.warnings.map(\.description), ["Line 1: the column 'shoe_size' is not one Foothold uses, so it was ignored"])
    }

    func testAReportingCycleNamesThePeopleInIt() {
        let found = problems([
            "ada@r.example,Ada,Chief,R,,no,no",
            "ben@r.example,Ben,Officer,R,cy@r.example,no,no",
            "cy@r.example,Cy,Officer,R,di@r.example,no,no",
            "di@r.example,Di,Officer,R,ben@r.example,no,no",
        ])
        XCTAssertEqual(
            found,
            [
                "Line 3, manager_email: these reporting lines go round in a loop: Ben (ben@r.example) → Cy (cy@r.example) → Di (di@r.example) → Ben (ben@r.example)"
            ])
    }

    func testManagersMayBePeopleAlreadyInFoothold() throws {
        let existing = [
            PeopleImport.ExistingPerson(
                email: "ada@r.example", name: "Ada", managerEmail: nil, unit: UnitPath(names: ["R"]), isActive: true),
            PeopleImport.ExistingPerson(
                email: "old@r.example", name: "Old Hand", managerEmail: "ada@r.example", unit: UnitPath(names: ["R"]), isActive: false),
        ]
        XCTAssertNoThrow(try plan(["ben@r.example,Ben,Officer,R/H,ada@r.example,no,no"], existing: existing).get())
        XCTAssertEqual(
            problems(["ben@r.example,Ben,Officer,R/H,old@r.example,no,no"], existing: existing),
            ["Line 2, manager_email: old@r.example (Old Hand) has left and is no longer active in Foothold"])
        XCTAssertEqual(
            problems(["ben@r.example,Ben,Officer,R/H,ada@r.example,no,no"], existing: existing, deactivateMissing: true),
            ["Line 2, manager_email: ada@r.example (Ada) is not in this file, and people missing from the file are being deactivated"])
    }

    func testDeactivatingMissingPeopleIsPlannedOnlyWhenAsked() throws {
        let existing = [PeopleImport.ExistingPerson(email: "gone@r.example", name: "Gone", managerEmail: nil, unit: nil, isActive: true)]
        XCTAssertEqual(try plan(["ada@r.example,Ada,Chief,R,,no,no"], existing: existing).get().deactivate, [])
        XCTAssertEqual(
            try plan(["ada@r.example,Ada,Chief,R,,no,no"], existing: existing, deactivateMissing: true).get().deactivate, ["gone@r.example"]
        )
    }

    func testAUnitWithoutOneClearHeadIsLeftWithoutOneAndAWarning() throws {
        let plan = try plan([
            "ada@r.example,Ada,Chief,R,,no,no",
            "ben@r.example,Ben,Officer,R/H,ada@r.example,no,no",
            "cy@r.example,Cy,Officer,R/H,ada@r.example,no,no",
        ]).get()
        XCTAssertEqual(plan.unitHeads[UnitPath(names: ["R", "H"])], .some(nil))
        XCTAssertEqual(
            plan.warnings.map(\.description),
            [
                "R/H is left without a head: 2 people in it have a manager outside it (ben@r.example, cy@r.example). Add a unit_head column to say who heads it."
            ])
    }

    func testTheUnitHeadColumnSaysWhoHeadsAUnit() throws {
        let header = self.header + ",unit_head"
        let plan = try plan(
            [
                "ada@r.example,Ada,Chief,R,,no,no,yes",
                "ben@r.example,Ben,Officer,R/H,ada@r.example,no,no,no",
                "cy@r.example,Cy,Officer,R/H,ada@r.example,no,no,yes",
            ], header: header
        ).get()
        XCTAssertEqual(plan.unitHeads[UnitPath(names: ["R", "H"])], .some("cy@r.example"))

        XCTAssertEqual(
            problems(
                [
                    "ada@r.example,Ada,Chief,R,,no,no,yes",
                    "ben@r.example,Ben,Officer,R,ada@r.example,no,no,yes",
                ], header: header), ["Line 3, unit_head: R already has a head in this file: Ada on line 2"])
    }

    func testAnEmptyFileAndAHeaderAlone() {
        XCTAssertEqual(
            PeopleImport.plan(csv: "", existing: [], deactivateMissing: false).failureMessages.first?.hasPrefix(
                "Line 1: the file is empty"), true)
        XCTAssertEqual(problems([]), ["Line 1: the file names its columns but holds no people"])
    }
}

private extension Result where Failure == PeopleImport.Failure {
    var failureMessages: [String] {
        if case .failure(let failure) = self { return failure.problems.map(\.description) }
        return []
    }
}

extension PeopleImportTests {
    func testALoopThroughARowWithAnotherProblemIsReportedInTheSamePass() {
        let found = problems([
            "ada@ridgeway.example,Ada Lovelace,Chief Executive,Ridgeway,,yes,no",
            "ben@ridgeway.example,Ben Khan,Team Leader,Ridgeway,cy@ridgeway.example,perhaps,no",  // 3: bad yes/no, and in the loop
            "cy@ridgeway.example,Cy Jones,Officer,Ridgeway,ben@ridgeway.example,no,no",  // 4: in the loop
        ])
        XCTAssertTrue(found.contains("Line 3, leadership_team: 'perhaps' is not yes or no (write yes/no, true/false or 1/0)"), "\(found)")
        XCTAssertTrue(
            found.contains {
                $0.hasPrefix("Line 3, manager_email: these reporting lines go round in a loop: Ben Khan (ben@ridgeway.example) → Cy Jones")
            },
            "the loop is found though one of its rows has another problem: \(found)")
    }

    func testALeaversEmailCannotBeGivenToSomeoneElse() {
        let existing = [
            PeopleImport.ExistingPerson(email: "jo@ridgeway.example", name: "Jo Bloggs", managerEmail: nil, unit: nil, isActive: false)
        ]
        let found = problems(["jo@ridgeway.example,Joanna Smith,Officer,Ridgeway,,no,no"], existing: existing)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("Line 2, email: jo@ridgeway.example belonged to Jo Bloggs, who has left."), found[0])
        // The same person coming back, however their name is cased or spaced, is welcome.
        XCTAssertEqual(problems(["jo@ridgeway.example, jo  BLOGGS ,Officer,Ridgeway,,no,no"], existing: existing), [])
        // And a current colleague's email on a row with their name changed is just an update.
        let current = [
            PeopleImport.ExistingPerson(email: "jo@ridgeway.example", name: "Jo Bloggs", managerEmail: nil, unit: nil, isActive: true)
        ]
        XCTAssertEqual(problems(["jo@ridgeway.example,Joanna Bloggs,Officer,Ridgeway,,no,no"], existing: current), [])
    }

    func testControlCharactersAreNamedWithTheirLineAndColumn() {
        let found = problems([
            "ada@ridgeway.example,Ada\u{0}Lovelace,Chief Executive,Ridgeway,,yes,no",
            "ben@ridgeway.example,Ben Khan,Team\u{7}Leader,Ridgeway,ada@ridgeway.example,no,no",
        ])
        XCTAssertEqual(
            found,
            [
                "Line 2, name: contains an invisible control character (such as a NUL or a line break); remove it",
                "Line 3, job_title: contains an invisible control character (such as a NUL or a line break); remove it",
            ])
    }
}

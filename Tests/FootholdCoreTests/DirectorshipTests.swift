import FootholdCore
import XCTest

final class DirectorshipTests: XCTestCase {
    // Heads from a person's own unit upwards: Housing's team (Ben), Housing (Dana), the organisation (Ola).
    let heads: [String?] = ["Ben", "Dana", "Ola"]

    func testAPersonsDirectorIsTheHeadOfTheirUnit() {
        XCTAssertEqual(Directorship.director(of: "Freya", heads: heads), "Ben")
    }

    func testWhoHeadsTheirOwnUnitHasTheNearestHeadAboveAsDirector() {
        XCTAssertEqual(Directorship.director(of: "Ben", heads: heads), "Dana")
        XCTAssertEqual(Directorship.director(of: "Dana", heads: ["Dana", "Dana", "Ola"]), "Ola", "heading two units in a row")
    }

    func testAUnitWithNoHeadIsPassedOver() {
        XCTAssertEqual(Directorship.director(of: "Freya", heads: [nil, "Dana"]), "Dana")
    }

    func testTheHeadOfTheOrganisationHasNoDirector() {
        XCTAssertNil(Directorship.director(of: "Ola", heads: ["Ola"]))
        XCTAssertNil(Directorship.director(of: "Freya", heads: []), "someone in no unit")
    }

    func testEveryHeadOnTheWayUpIsADirectorOverThePerson() {
        XCTAssertTrue(Directorship.isDirector("Ben", heads: heads))
        XCTAssertTrue(Directorship.isDirector("Ola", heads: heads))
        XCTAssertFalse(Directorship.isDirector("Kate", heads: heads), "the head of another unit")
        XCTAssertFalse(Directorship.isDirector("Kate", heads: [nil]))
    }
}

final class ArrangeableCheckpointTests: XCTestCase {
    let year = CareerYear.standard(startingIn: 2026)

    func testOnlyCheckpointsWhoseWindowHasNotClosedCanBeArranged() {
        let names = { (date: String) in self.year.arrangeable(on: CalendarDate(iso: date)!).map(\.name) }
        XCTAssertEqual(names("2026-11-30"), ["Progress review 2", "Review and forward look"], "the last day of a window still counts")
        XCTAssertEqual(names("2026-12-01"), ["Review and forward look"])
        XCTAssertEqual(names("2027-03-01"), [])
    }

    func testTheLastClosedCheckpointIsTheNearestBehind() {
        XCTAssertNil(year.lastClosed(before: CalendarDate(iso: "2026-05-31")!))
        XCTAssertEqual(year.lastClosed(before: CalendarDate(iso: "2026-06-01")!).map { year.checkpoints[$0].name }, "Aspirations")
        XCTAssertEqual(year.lastClosed(before: CalendarDate(iso: "2026-12-04")!).map { year.checkpoints[$0].name }, "Progress review 2")
    }
}

final class CheckpointChoiceTests: XCTestCase {
    func testAFormsCheckpointFieldIsNoneOneCheckpointOrUnrecognised() {
        let year = CareerYear.standard(startingIn: 2026)
        let review = year.checkpoints[2]
        XCTAssertEqual(CheckpointChoice(field: nil), .none)
        XCTAssertEqual(CheckpointChoice(field: "  "), .none)
        XCTAssertEqual(CheckpointChoice(field: review.id.uuidString), .checkpoint(review.id))
        XCTAssertEqual(CheckpointChoice(field: review.id.uuidString).checkpoint(in: year), review)
        XCTAssertEqual(CheckpointChoice(field: "<script>"), .unrecognised)
        XCTAssertNil(CheckpointChoice(field: "<script>").checkpoint(in: year), "unrecognised finds no checkpoint")
        XCTAssertNil(CheckpointChoice(field: UUID().uuidString).checkpoint(in: year), "an id of no checkpoint of the year")
        XCTAssertFalse(CheckpointChoice.unrecognised.isNone, "an unrecognised choice is refused, not taken as none")
    }
}

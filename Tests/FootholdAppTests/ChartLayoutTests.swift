@testable import FootholdData
import XCTest

@testable import FootholdApp

/// The coverage chart's words never overlap one another nor leave the picture (on 4 December the
/// first point's figure sat on the "75%" tick and a low figure on its checkpoint's name).
final class ChartLayoutTests: XCTestCase {
    let checkpoints = ["Aspirations", "Progress review 1", "Progress review 2", "Review and forward look"]

    func layout(_ categories: [String], _ values: [[Int?]]) -> ChartLayout {
        ChartLayout(
            title: "Coverage at each checkpoint, this year and last", categories: categories,
            lines: values.enumerated().map { index, line in
                H.ChartLine(
                    name: index == 0 && values.count > 1 ? "2025–26" : "2026–27", values: line, dashed: index == 0 && values.count > 1)
            }, yLabel: "Coverage", xLabel: "Checkpoint")
    }

    func assertNoOverlap(_ chart: ChartLayout, _ scenario: String, file: StaticString = #filePath, line: UInt = #line) {
        let texts = chart.texts
        for (index, text) in texts.enumerated() {
            let box = text.box
            XCTAssertTrue(
                box.minX >= 0 && box.maxX <= ChartLayout.width && box.minY >= 0 && box.maxY <= chart.height,
                "\(scenario): \(text.content) leaves the picture \(box)", file: file, line: line)
            for other in texts[(index + 1)...] {
                let them = other.box
                let apart = box.maxX <= them.minX || them.maxX <= box.minX || box.maxY <= them.minY || them.maxY <= box.minY
                XCTAssertTrue(apart, "\(scenario): \"\(text.content)\" overlaps \"\(other.content)\"", file: file, line: line)
            }
        }
    }

    func testNoTwoWordsOverlapWhateverTheFigures() {
        assertNoOverlap(layout(checkpoints, [[13, 20, 20, 46], [73, 86, 73, nil]]), "the demo on 4 December")
        assertNoOverlap(layout(checkpoints, [[50, 50, 50, 50], [50, 50, 50, nil]]), "equal figures")
        assertNoOverlap(layout(checkpoints, [[40, 42, 0, 100], [42, 40, 1, 99]]), "crossing, close figures")
        assertNoOverlap(layout(checkpoints, [[0, 0, 0, 0], [0, 0, 0, 0]]), "nobody anywhere")
        assertNoOverlap(layout(checkpoints, [[100, 100, 100, 100], [100, 100, 100, 100]]), "everybody everywhere")
        assertNoOverlap(layout(checkpoints, [[100, 0, 100, 0]]), "one line, zigzag")
        assertNoOverlap(layout(checkpoints, [[nil, nil, nil, nil], [nil, nil, nil, nil]]), "nothing open yet")
        let five = ["Starting out", "Mid-year progress conversation", "Progress review 2", "Looking ahead", "Review and forward look"]
        assertNoOverlap(layout(five, [[10, 30, 50, 70, 90], [95, 70, 50, 30, 5]]), "five long checkpoints")
        assertNoOverlap(layout(["Aspirations"], [[33], [34]]), "one checkpoint")
    }

    func testThePointsStayOffTheAxisAndTheHigherFigureIsLabelledAbove() {
        let chart = layout(checkpoints, [[13, 20, 20, 46], [73, 86, 73, nil]])
        XCTAssertGreaterThan(chart.x(0), chart.left + 40, "the first point is not on the axis and its labels")
        let figures = chart.texts.filter { $0.kind == .value && $0.x == chart.x(0) }
        let higher = figures.first { $0.content == "73%" }!
        let lower = figures.first { $0.content == "13%" }!
        XCTAssertLessThan(higher.y, chart.y(73), "above its point")
        XCTAssertGreaterThan(lower.y, chart.y(13), "below its point")
        XCTAssertEqual(ChartLayout.wrap("Review and forward look", fitting: 14), ["Review and", "forward look"])
    }
}

import Foundation
import Plot

extension H {
    /// One line of a chart: its name, written at its end, and a percentage (0–100) per category,
    /// nil where there is none yet.
    struct ChartLine: Sendable {
        var name: String
        var values: [Int?]
        /// Drawn dashed, for the earlier of two lines, so they differ in print and without colour.
        var dashed: Bool
    }

    /// A line chart of percentages drawn on the server as SVG (DESIGN.md): a title, labelled axes,
    /// each line named at its end and each point labelled with its figure, no legend to decode. The
    /// caller puts the same figures in a table beside it.
    static func percentChart(title: String, id: String, categories: [String], lines: [ChartLine], yLabel: String, xLabel: String)
        -> BodyNode
    {
        let (width, height) = (680.0, 340.0)
        let (left, right, top, bottom) = (64.0, 110.0, 48.0, 64.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            categories.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(categories.count - 1)
        }
        func y(_ percent: Int) -> Double { top + plotHeight * (1 - Double(min(max(percent, 0), 100)) / 100) }
        // Whole pixels: exact enough for a line, and far cheaper than formatting decimals.
        func number(_ value: Double) -> String { String(Int(value.rounded())) }

        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\""
            + "\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">" + title.textEscaped + "</title>"
        let description = lines.map { line in
            line.name + ": "
                + zip(categories, line.values).map { category, value in category + " " + (value.map { "\($0)%" } ?? "no figure yet") }
                .joined(separator: ", ")
        }.joined(separator: "; ")
        svg += "<desc id=\"\(id)-desc\">" + description.textEscaped + "</desc>"
        svg += "<text class=\"chart__title\" x=\"\(number(left))\" y=\"24\">" + title.textEscaped + "</text>"
        // The y axis: gridlines every 25%, labelled.
        for percent in stride(from: 0, through: 100, by: 25) {
            let at = number(y(percent))
            svg += "<line class=\"chart__grid\" x1=\"\(number(left))\" x2=\"\(number(left + plotWidth))\" y1=\"\(at)\" y2=\"\(at)\"/>"
            svg += "<text class=\"chart__tick\" x=\"\(number(left - 8))\" y=\"\(at)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
            svg += "\(percent)%</text>"
        }
        svg += "<text class=\"chart__axis\" transform=\"translate(16 \(number(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">"
        svg += yLabel.textEscaped + "</text>"
        // The x axis: one label per category.
        for (index, category) in categories.enumerated() {
            svg += "<text class=\"chart__tick\" x=\"\(number(x(index)))\" y=\"\(number(top + plotHeight + 20))\" text-anchor=\"middle\">"
            svg += category.textEscaped + "</text>"
        }
        svg += "<text class=\"chart__axis\" x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 12))\" text-anchor=\"middle\">"
        svg += xLabel.textEscaped + "</text>"
        // The lines, each with its points labelled and its name at its last point.
        for (number_, line) in lines.enumerated() {
            let points = line.values.enumerated().compactMap { index, value in value.map { (index, $0) } }
            let style = "chart__line chart__line--\(number_ % 2 == 0 ? "a" : "b")" + (line.dashed ? " chart__line--dashed" : "")
            if points.count > 1 {
                let path = points.map { "\(number(x($0.0))),\(number(y($0.1)))" }.joined(separator: " ")
                svg += "<polyline class=\"\(style)\" fill=\"none\" points=\"\(path)\"/>"
            }
            for (index, value) in points {
                svg += "<circle class=\"\(style)\" cx=\"\(number(x(index)))\" cy=\"\(number(y(value)))\" r=\"4\"/>"
                let labelY = line.dashed ? y(value) + 18 : y(value) - 10
                svg +=
                    "<text class=\"chart__value\" x=\"\(number(x(index)))\" y=\"\(number(labelY))\" text-anchor=\"middle\">\(value)%</text>"
            }
            if let last = points.last {
                svg +=
                    "<text class=\"chart__name\" x=\"\(number(x(last.0) + 12))\" y=\"\(number(y(last.1)))\" dominant-baseline=\"middle\">"
                svg += line.name.textEscaped + "</text>"
            }
        }
        svg += "</svg>"
        return .raw("<figure class=\"chart-figure\">" + svg + "</figure>")
    }
}

extension H {
    /// A row of headline figures, each a label over a large number.
    static func figures(_ items: [(label: String, value: String)]) -> BodyNode {
        var html = "<ul class=\"figures\">"
        for item in items {
            html +=
                "<li><span class=\"figures__label\">" + item.label.textEscaped + "</span> <span class=\"figures__value\">"
                + item.value.textEscaped + "</span></li>"
        }
        return .raw(html + "</ul>")
    }

    /// A chart with the table of its figures beside it (below it on a narrow screen).
    static func chartPair(_ chart: BodyNode, _ table: BodyNode) -> BodyNode { el("div", class: "chart-pair", chart, table) }
}

import FootholdData
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
    /// caller puts the same figures in a table beside it. No two of its words overlap (ChartLayout).
    static func percentChart(title: String, id: String, categories: [String], lines: [ChartLine], yLabel: String, xLabel: String)
        -> BodyNode
    {
        let layout = ChartLayout(title: title, categories: categories, lines: lines, yLabel: yLabel, xLabel: xLabel)
        func number(_ value: Double) -> String { String(Int(value.rounded())) }

        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(Int(ChartLayout.width)) \(Int(layout.height.rounded(.up)))\" role=\"img\" aria-labelledby=\""
            + "\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">" + title.textEscaped + "</title>"
        let description = lines.map { line in
            line.name + ": "
                + zip(categories, line.values).map { category, value in category + " " + (value.map { "\($0)%" } ?? "no figure yet") }
                .joined(separator: ", ")
        }.joined(separator: "; ")
        svg += "<desc id=\"\(id)-desc\">" + description.textEscaped + "</desc>"
        for grid in layout.gridlines {
            svg +=
                "<line class=\"chart__grid\" x1=\"\(number(layout.left))\" x2=\"\(number(layout.plotRight))\" y1=\"\(number(grid))\" y2=\"\(number(grid))\"/>"
        }
        for (index, line) in lines.enumerated() {
            let points = layout.points(of: index)
            let style = "chart__line chart__line--\(index % 2 == 0 ? "a" : "b")" + (line.dashed ? " chart__line--dashed" : "")
            if points.count > 1 {
                let path = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
                svg += "<polyline class=\"\(style)\" fill=\"none\" points=\"\(path)\"/>"
            }
            for point in points {
                svg += "<circle class=\"\(style)\" cx=\"\(number(point.x))\" cy=\"\(number(point.y))\" r=\"4\"/>"
            }
        }
        for text in layout.texts {
            svg += "<text class=\"chart__\(text.kind.rawValue)\" x=\"\(number(text.x))\" y=\"\(number(text.y))\""
            if text.kind == .axis && text.rotated {
                svg += " transform=\"rotate(-90 \(number(text.x)) \(number(text.y)))\""
            }
            svg += " text-anchor=\"\(text.anchor.rawValue)\">" + text.content.textEscaped + "</text>"
        }
        svg += "</svg>"
        return .raw("<figure class=\"chart-figure\">" + svg + "</figure>")
    }
}

/// Where every point and word of a percentage chart goes, worked out so that no two words overlap:
/// points sit in the middle of their category (never on the axis and its labels), a category's name
/// wraps to fit its share of the width, of two figures at one checkpoint the higher is labelled
/// above and the lower below, below-labels have room above the category names, and the names at
/// the lines' ends are pushed apart. Text widths are estimated generously from the font size.
struct ChartLayout {
    static let width = 680.0
    /// The plot's height; the picture is as tall as the category names under it need.
    static let plotHeight = 204.0
    let left = 64.0
    let right = 110.0
    let top = 60.0
    private(set) var height = 0.0
    var plotRight: Double { Self.width - right }
    var plotWidth: Double { Self.width - left - right }
    var plotHeight: Double { Self.plotHeight }
    var axis: Double { top + plotHeight }

    enum Kind: String { case title, tick, axis, value, name }
    enum Anchor: String { case start, middle, end }

    struct Text: Equatable {
        var content: String
        var kind: Kind
        var x: Double
        /// The baseline.
        var y: Double
        var anchor: Anchor
        var rotated = false

        var fontSize: Double {
            switch kind {
            case .title: 16
            case .name: 14
            case .tick, .axis, .value: 13
            }
        }

        /// The box the text takes, estimated: 0.62 of the font size a character (0.66 in bold).
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
            let bold = kind != .tick
            let length = Double(content.count) * fontSize * (bold ? 0.66 : 0.62)
            let (ascent, descent) = (fontSize * 0.8, fontSize * 0.25)
            if rotated { return (x - ascent, y - length / 2, x + descent, y + length / 2) }
            let minX: Double
            switch anchor {
            case .start: minX = x
            case .middle: minX = x - length / 2
            case .end: minX = x - length
            }
            return (minX, y - ascent, minX + length, y + descent)
        }
    }

    let categories: [String]
    let lines: [H.ChartLine]
    private(set) var texts: [Text] = []
    private(set) var gridlines: [Double] = []

    init(title: String, categories: [String], lines: [H.ChartLine], yLabel: String, xLabel: String) {
        self.categories = categories
        self.lines = lines
        texts.append(Text(content: title, kind: .title, x: left, y: 24, anchor: .start))
        for percent in stride(from: 0, through: 100, by: 25) {
            gridlines.append(y(percent))
            texts.append(Text(content: "\(percent)%", kind: .tick, x: left - 8, y: y(percent) + 4, anchor: .end))
        }
        texts.append(Text(content: yLabel, kind: .axis, x: 20, y: top + plotHeight / 2, anchor: .middle, rotated: true))
        // Category names under the axis, below the room kept for figures labelled under their point.
        let step = categories.isEmpty ? plotWidth : plotWidth / Double(categories.count)
        let fits = max(4, Int((step - 10) / (13 * 0.62)))
        var deepest = 0
        for (index, category) in categories.enumerated() {
            let rows = Self.wrap(category, fitting: fits)
            deepest = max(deepest, rows.count)
            for (row, words) in rows.enumerated() {
                texts.append(Text(content: words, kind: .tick, x: x(index), y: axis + 40 + Double(row) * 16, anchor: .middle))
            }
        }
        let xLabelBaseline = axis + 40 + Double(deepest) * 16 + 6
        texts.append(Text(content: xLabel, kind: .axis, x: left + plotWidth / 2, y: xLabelBaseline, anchor: .middle))
        height = xLabelBaseline + 12
        // Each figure: the highest at a category above its point, the lowest below, any between to the right.
        for index in categories.indices {
            let here = lines.indices.compactMap { line in value(line, index).map { (line, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            for (rank, (_, value)) in here.enumerated() {
                let point = y(value)
                if rank == 0 {
                    texts.append(Text(content: "\(value)%", kind: .value, x: x(index), y: point - 10, anchor: .middle))
                } else if rank == here.count - 1 {
                    texts.append(Text(content: "\(value)%", kind: .value, x: x(index), y: point + 20, anchor: .middle))
                } else {
                    texts.append(Text(content: "\(value)%", kind: .value, x: x(index) + 10, y: point + 4, anchor: .start))
                }
            }
        }
        // Each line's name at its last point, pushed apart where two end near one another.
        var names = lines.indices.compactMap { line in points(of: line).last.map { (line, $0) } }
            .sorted { $0.1.y < $1.1.y }
        for index in names.indices.dropFirst() where names[index].1.y < names[index - 1].1.y + 16 {
            names[index].1.y = names[index - 1].1.y + 16
        }
        for (line, point) in names {
            texts.append(Text(content: lines[line].name, kind: .name, x: point.x + 24, y: point.y + 5, anchor: .start))
        }
    }

    func x(_ index: Int) -> Double {
        let step = categories.isEmpty ? plotWidth : plotWidth / Double(categories.count)
        return left + step * (Double(index) + 0.5)
    }

    func y(_ percent: Int) -> Double { top + plotHeight * (1 - Double(min(max(percent, 0), 100)) / 100) }

    func value(_ line: Int, _ index: Int) -> Int? { lines[line].values.indices.contains(index) ? lines[line].values[index] : nil }

    func points(of line: Int) -> [(x: Double, y: Double)] {
        categories.indices.compactMap { index in value(line, index).map { (x(index), y($0)) } }
    }

    /// Words joined into rows of at most `fitting` characters (a longer word has a row of its own).
    static func wrap(_ text: String, fitting: Int) -> [String] {
        var rows: [String] = []
        for word in text.split(separator: " ") {
            if let last = rows.last, last.count + 1 + word.count <= fitting {
                rows[rows.count - 1] = last + " " + word
            } else {
                rows.append(String(word))
            }
        }
        return rows
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

import YusuanModel

/// 图形 — a chart laid out as shapes on a plane (in points, y downwards), for the
/// formats to draw as they can: SVG in HTML and PDF, EMF in DOCX.
///
/// A legend on top, then for each category its label on the left and one
/// horizontal bar a series, each bar's amount after it. Series are told apart by
/// fill that survives grey print: last year light grey, this year dark grey, both
/// outlined in black. Bar lengths come from the exact amounts, one division each.
struct ChartDrawing: Sendable, Hashable {
    /// A fill that stays distinguishable in grey print.
    enum Fill: Sendable, Hashable {
        case light, dark

        /// The grey as `RRGGBB`.
        var rgb: String { self == .light ? "C8C8C8" : "404040" }
    }

    enum Anchor: Sendable, Hashable { case start, end }

    enum Shape: Sendable, Hashable {
        /// A bar or a legend swatch, outlined in black.
        case rect(x: Double, y: Double, width: Double, height: Double, fill: Fill)
        /// One line of text; `y` is its baseline.
        case text(x: Double, y: Double, String, size: Double, anchor: Anchor)
        /// A black line (the axis).
        case line(x1: Double, y1: Double, x2: Double, y2: Double)
    }

    /// A drawn bar, for checking the drawing against the amounts.
    struct Bar: Sendable, Hashable {
        var category: String
        var series: String
        var value: Amount?
        var length: Double
    }

    var width: Double
    var height: Double
    var shapes: [Shape]
    var bars: [Bar]

    static let width = 480.0, labelWidth = 150.0, valueWidth = 64.0
    static let barHeight = 11.0, seriesGap = 2.0, categoryGap = 8.0, textSize = 9.0
    static var barSpace: Double { width - labelWidth - 6 - valueWidth }

    init(_ chart: Chart) {
        width = Self.width
        var shapes: [Shape] = []
        var bars: [Bar] = []
        let fills: [Fill] = chart.series.count > 1 ? [.light, .dark] : [.dark]
        // The legend, and the unit at its right.
        var x = Self.labelWidth + 6
        for (series, fill) in zip(chart.series, fills) {
            shapes.append(.rect(x: x, y: 2, width: 10, height: 10, fill: fill))
            shapes.append(.text(x: x + 14, y: 11, series, size: Self.textSize, anchor: .start))
            x += 14 + Double(series.count) * Self.textSize + 18
        }
        shapes.append(.text(x: Self.width - 2, y: 11, "单位：\(chart.unit)", size: Self.textSize, anchor: .end))
        var y = 22.0
        let top = y
        let largest = chart.largest
        for bar in chart.bars {
            let groupHeight = Double(chart.series.count) * (Self.barHeight + Self.seriesGap) - Self.seriesGap
            shapes.append(.text(x: Self.labelWidth, y: y + groupHeight / 2 + Self.textSize * 0.35, bar.label,
                                size: Self.textSize, anchor: .end))
            for (i, (series, fill)) in zip(chart.series, fills).enumerated() {
                let value = i < bar.values.count ? bar.values[i] : nil
                let length = value.map { max(0, Self.barSpace * Chart.fraction($0, of: largest)) } ?? 0
                let barY = y + Double(i) * (Self.barHeight + Self.seriesGap)
                if length > 0 {
                    shapes.append(.rect(x: Self.labelWidth + 6, y: barY, width: length, height: Self.barHeight, fill: fill))
                }
                shapes.append(.text(x: Self.labelWidth + 6 + length + 3, y: barY + Self.barHeight - 2,
                                    value?.published ?? "—", size: Self.textSize - 1, anchor: .start))
                bars.append(Bar(category: bar.label, series: series, value: value, length: length))
            }
            y += groupHeight + Self.categoryGap
        }
        shapes.append(.line(x1: Self.labelWidth + 6, y1: top - 3, x2: Self.labelWidth + 6, y2: y - Self.categoryGap + 3))
        height = y
        self.shapes = shapes
        self.bars = bars
    }
}

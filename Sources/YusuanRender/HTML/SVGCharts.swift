import Foundation
import YusuanModel

/// 统计图（SVG）— a chart as an inline SVG figure: its caption (图N …) above, the
/// drawing, and its source line below.
///
/// Every bar carries its series and amount in `data-` attributes, so the drawing
/// can be checked against the tables.
enum SVGCharts {
    static func figure(_ chart: Chart) -> String {
        let drawing = ChartDrawing(chart)
        var out = "<figure class=\"chart\" id=\"figure-\(chart.number)\">\n"
        out += "<figcaption>\(escape(chart.caption))</figcaption>\n"
        out += svg(drawing, label: chart.caption)
        out += "<p class=\"source\">\(escape(chart.source))</p>\n</figure>\n"
        return out
    }

    static func number(_ x: Double) -> String { String(format: "%.2f", x) }

    static func svg(_ drawing: ChartDrawing, label: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(drawing.width)) \(number(drawing.height))\" role=\"img\" aria-label=\"\(escape(label))\">\n"
        var bars = drawing.bars.makeIterator()
        for shape in drawing.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill):
                let rect = "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"#\(fill.rgb)\" stroke=\"#000\" stroke-width=\"0.6\"/>"
                // Legend swatches are 10 × 10 at the top; bars are the rest, in order.
                if y > 2, let bar = nextDrawn(&bars) {
                    out += "<g class=\"bar\" data-category=\"\(escape(bar.category))\" data-series=\"\(escape(bar.series))\" data-value=\"\(bar.value?.printed ?? "")\">\(rect)</g>\n"
                } else {
                    out += rect + "\n"
                }
            case .text(let x, let y, let text, let size, let anchor):
                out += "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\"\(anchor == .end ? " text-anchor=\"end\"" : "")>\(escape(text))</text>\n"
            case .line(let x1, let y1, let x2, let y2):
                out += "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"#000\" stroke-width=\"0.8\"/>\n"
            }
        }
        return out + "</svg>\n"
    }

    /// The next bar that has a length (a bar of nothing draws no rectangle).
    private static func nextDrawn(_ bars: inout IndexingIterator<[ChartDrawing.Bar]>) -> ChartDrawing.Bar? {
        while let bar = bars.next() { if bar.length > 0 { return bar } }
        return nil
    }
}

import Foundation
import YusuanModel

/// 支出结构图 — the charts of table 3 as inline SVG: a bar for each 类 (its 合计),
/// and one bar split into 基本支出 and 项目支出.
///
/// Lengths come from the exact amounts (`units` of `Amount`) through one division
/// each; every bar carries its amount in `data-value` and in its label, so the
/// drawing can be checked against the table.
enum SVGCharts {
    static let chartWidth = 640.0
    static let labelWidth = 230.0
    static let valueWidth = 90.0
    static var barSpace: Double { chartWidth - labelWidth - valueWidth }

    static func figure(_ s: ExpenditureStructure, unit: String) -> String {
        var out = "<figure class=\"charts\">\n"
        out += "<figcaption>按功能分类（类）的支出结构（\(escape(unit))）</figcaption>\n"
        out += byClass(s)
        out += "<figcaption>基本支出与项目支出（\(escape(unit))）</figcaption>\n"
        out += split(s)
        out += "</figure>\n"
        return out
    }

    static func number(_ x: Double) -> String { String(format: "%.2f", x) }

    /// Horizontal bars, the largest 类 spanning the whole bar space.
    static func byClass(_ s: ExpenditureStructure) -> String {
        let rowHeight = 24.0
        let height = Double(s.byClass.count) * rowHeight + 8
        var out = "<svg class=\"chart by-class\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(chartWidth)) \(number(height))\" role=\"img\" aria-label=\"按类的支出结构\">\n"
        let largest = s.largest
        for (i, share) in s.byClass.enumerated() {
            let y = 4 + Double(i) * rowHeight
            let length = max(0, barSpace * ExpenditureStructure.fraction(share.amount, of: largest))
            out += "<g class=\"bar\" data-code=\"\(escape(share.code))\" data-value=\"\(share.amount.printed)\">"
            out += "<text x=\"\(number(labelWidth - 6))\" y=\"\(number(y + 16))\" text-anchor=\"end\" font-size=\"12\">\(escape(share.code)) \(escape(share.name))</text>"
            out += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y + 3))\" width=\"\(number(length))\" height=\"\(number(rowHeight - 6))\" fill=\"#3b6ea5\"/>"
            out += "<text x=\"\(number(labelWidth + length + 4))\" y=\"\(number(y + 16))\" font-size=\"12\">\(share.amount.printed)</text>"
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    /// One bar of the whole, split into 基本支出 and 项目支出, with each part's share.
    static func split(_ s: ExpenditureStructure) -> String {
        let total = s.basic + s.project
        let barX = 20.0, barLength = chartWidth - 40
        var out = "<svg class=\"chart basic-project\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(chartWidth)) 84\" role=\"img\" aria-label=\"基本支出与项目支出\">\n"
        var x = barX
        let parts: [(String, String, Amount, String)] = [
            ("basic", "基本支出", s.basic, "#3b6ea5"),
            ("project", "项目支出", s.project, "#d98c2b"),
        ]
        for (i, (key, label, amount, colour)) in parts.enumerated() {
            let length = max(0, barLength * ExpenditureStructure.fraction(amount, of: total))
            let share = amount.percent(of: total).map { "\($0.formatted(minimumDecimals: 2))%" } ?? "—"
            out += "<g class=\"slice\" data-part=\"\(key)\" data-value=\"\(amount.printed)\">"
            out += "<rect x=\"\(number(x))\" y=\"8\" width=\"\(number(length))\" height=\"30\" fill=\"\(colour)\"/>"
            let legendX = i == 0 ? barX : barX + barLength / 2
            out += "<rect x=\"\(number(legendX))\" y=\"54\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            out += "<text x=\"\(number(legendX + 18))\" y=\"65\" font-size=\"12\">\(label) \(amount.printed)（\(share)）</text>"
            out += "</g>\n"
            x += length
        }
        out += "</svg>\n"
        return out
    }
}

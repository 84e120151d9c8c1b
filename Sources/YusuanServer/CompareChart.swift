import YusuanLibrary
import YusuanModel
import YusuanRender

/// 对比图 — the spending of each 类 (table 3, 合计) in two documents, and the change
/// from the first to the second, as inline SVG.
///
/// Each 类 gets a pair of bars — the first document solid dark grey, the second light
/// grey with diagonal hatching, so the two stay apart in grey print — and a change bar
/// drawn right of the zero line for an increase, left for a decrease. Every bar carries
/// its exact amount in `data-value` and in its label.
enum CompareChart {
    static let width = 760.0
    static let labelWidth = 190.0
    static let valueWidth = 80.0
    static let rowHeight = 30.0

    static func svg(_ comparison: DocumentComparison) -> String {
        let classes = comparison.cells.filter { $0.table == 3 && $0.level == "类" && $0.column == ColumnKey.total.rawValue }
        guard !classes.isEmpty else { return "<p class=\"empty\">两份文件的表3都没有按类的支出，无图可画。</p>" }
        let largest = classes.flatMap { [$0.a, $0.b] }.compactMap { $0?.units }.map { abs($0) }.max() ?? 1
        let largestChange = classes.compactMap { $0.change?.units }.map { abs($0) }.max() ?? 1
        let barSpace = (width - labelWidth - valueWidth) * 0.62
        let changeSpace = (width - labelWidth - valueWidth) * 0.38 - 12
        let height = Double(classes.count) * rowHeight + 34
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"compare-chart\" width=\"\(Int(width))\" height=\"\(Int(height))\""
        out += " viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"按类的支出对比\">\n"
        out += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        out += "<rect width=\"6\" height=\"6\" fill=\"#d9d9d9\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"1.5\"/></pattern></defs>\n"
        let changeZero = labelWidth + barSpace + valueWidth + 12 + changeSpace / 2
        out += "<text x=\"\(labelWidth)\" y=\"14\" font-size=\"12\">甲（深色）与乙（斜线），万元</text>"
        out += "<text x=\"\(f(changeZero))\" y=\"14\" font-size=\"12\" text-anchor=\"middle\">乙比甲增减</text>\n"
        for (i, cell) in classes.enumerated() {
            let y = 24 + Double(i) * rowHeight
            let label = "\(cell.code ?? "") \(cell.name)"
            out += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + 17))\" font-size=\"12\" text-anchor=\"end\">\(HTMLRenderer.escapeHTML(String(label.prefix(16))))</text>\n"
            for (n, value) in [cell.a, cell.b].enumerated() {
                let amount = value ?? .zero
                let length = barSpace * Double(abs(amount.units)) / Double(largest)
                let top = y + 3 + Double(n) * 12
                let fill = n == 0 ? "#404040" : "url(#hatch)"
                out += "<rect x=\"\(f(labelWidth))\" y=\"\(f(top))\" width=\"\(f(length))\" height=\"11\" fill=\"\(fill)\" stroke=\"#404040\" stroke-width=\"0.5\" data-value=\"\(amount)\"/>"
                out += "<text x=\"\(f(labelWidth + length + 4))\" y=\"\(f(top + 10))\" font-size=\"10\">\(value.map { $0.published } ?? "—")</text>\n"
            }
            if let change = cell.change {
                let length = changeSpace / 2 * Double(abs(change.units)) / Double(largestChange)
                let x = change.units >= 0 ? changeZero : changeZero - length
                out += "<rect x=\"\(f(x))\" y=\"\(f(y + 7))\" width=\"\(f(length))\" height=\"14\" fill=\"\(change.units >= 0 ? "#404040" : "#a0a0a0")\" data-value=\"\(change)\"/>"
                let anchor = change.units >= 0 ? "start" : "end"
                let textX = change.units >= 0 ? x + length + 3 : x - 3
                out += "<text x=\"\(f(textX))\" y=\"\(f(y + 18))\" font-size=\"10\" text-anchor=\"\(anchor)\">\(change.units > 0 ? "+" : "")\(change.published)</text>\n"
            }
        }
        out += "<line x1=\"\(f(changeZero))\" y1=\"20\" x2=\"\(f(changeZero))\" y2=\"\(f(height - 4))\" stroke=\"#000\" stroke-width=\"0.8\"/>\n"
        out += "</svg>"
        return out
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
}

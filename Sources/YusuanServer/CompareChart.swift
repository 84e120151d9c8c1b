import YusuanLibrary
import YusuanModel
import YusuanRender

/// 对比图 — the spending of each 类 (table 3, 合计) in the compared documents, and,
/// for two, the change from the first to the second, as inline SVG.
///
/// Each 类 gets one bar per document, told apart by fill that survives grey print
/// (solid dark, diagonal hatching, light, dotted, cross-hatched, open), named in the
/// legend. Every bar carries its exact amount in `data-value` and in its label.
enum CompareChart {
    static let width = 760.0
    static let labelWidth = 190.0
    static let valueWidth = 80.0
    static let barHeight = 11.0

    /// The fills, in the order of the documents (a seventh and later reuse them).
    static let fills = ["#404040", "url(#hatch)", "#b0b0b0", "url(#dots)", "url(#cross)", "#ffffff"]
    static let fillNames = ["深色", "斜线", "浅色", "点", "网格", "空心"]

    static func svg(_ comparison: DocumentComparison) -> String {
        let classes = comparison.cells.filter { $0.table == 3 && $0.level == "类" && $0.column == ColumnKey.total.rawValue }
        guard !classes.isEmpty else { return "<p class=\"empty\">表3没有按类的支出，无图可画。</p>" }
        let count = comparison.documents.count
        let showChange = count == 2
        let largest = max(1, classes.flatMap(\.values).compactMap { $0?.units }.map { abs($0) }.max() ?? 1)
        let largestChange = max(1, classes.compactMap { $0.change?.units }.map { abs($0) }.max() ?? 1)
        let space = width - labelWidth - valueWidth
        let barSpace = showChange ? space * 0.62 : space
        let changeSpace = space * 0.38 - 12
        let rowHeight = Double(count) * (barHeight + 1) + 8
        let legendHeight = 18.0 * Double((count + 2) / 3)
        let height = legendHeight + Double(classes.count) * rowHeight + 16
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"compare-chart\" width=\"\(Int(width))\" height=\"\(Int(height))\""
        out += " viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"按类的支出对比\">\n<defs>"
        out += "<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        out += "<rect width=\"6\" height=\"6\" fill=\"#d9d9d9\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555\" stroke-width=\"1.5\"/></pattern>"
        out += "<pattern id=\"dots\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><rect width=\"4\" height=\"4\" fill=\"#fff\"/>"
        out += "<circle cx=\"2\" cy=\"2\" r=\"1\" fill=\"#333\"/></pattern>"
        out += "<pattern id=\"cross\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#eee\"/>"
        out += "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#444\" stroke-width=\"0.8\"/></pattern></defs>\n"
        // The legend: each document's fill and name.
        for (n, document) in comparison.documents.enumerated() {
            let x = 10 + Double(n % 3) * 250, y = 4 + Double(n / 3) * 18
            out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"14\" height=\"11\" fill=\"\(fills[n % fills.count])\" stroke=\"#404040\" stroke-width=\"0.5\"/>"
            let name = "\(document.department) \(document.year)年"
            out += "<text x=\"\(f(x + 18))\" y=\"\(f(y + 10))\" font-size=\"11\">\(HTMLRenderer.escapeHTML(String(name.prefix(18))))</text>\n"
        }
        let top = legendHeight + 8
        let changeZero = labelWidth + barSpace + valueWidth + 12 + changeSpace / 2
        if showChange {
            out += "<text x=\"\(f(changeZero))\" y=\"\(f(top))\" font-size=\"11\" text-anchor=\"middle\">后者比前者增减</text>\n"
        }
        for (i, cell) in classes.enumerated() {
            let y = top + 6 + Double(i) * rowHeight
            let label = "\(cell.code ?? "") \(cell.name)"
            out += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + rowHeight / 2))\" font-size=\"12\" text-anchor=\"end\">"
            out += "\(HTMLRenderer.escapeHTML(String(label.prefix(16))))</text>\n"
            for (n, value) in cell.values.enumerated() {
                let amount = value ?? .zero
                let length = barSpace * Double(abs(amount.units)) / Double(largest)
                let barTop = y + 3 + Double(n) * (barHeight + 1)
                out += "<rect x=\"\(f(labelWidth))\" y=\"\(f(barTop))\" width=\"\(f(length))\" height=\"\(f(barHeight))\" "
                out += "fill=\"\(fills[n % fills.count])\" stroke=\"#404040\" stroke-width=\"0.5\" data-value=\"\(amount)\"/>"
                out += "<text x=\"\(f(labelWidth + length + 4))\" y=\"\(f(barTop + 9.5))\" font-size=\"10\">\(value.map { $0.published } ?? "—")</text>\n"
            }
            if showChange, let change = cell.change {
                let length = changeSpace / 2 * Double(abs(change.units)) / Double(largestChange)
                let x = change.units >= 0 ? changeZero : changeZero - length
                out += "<rect x=\"\(f(x))\" y=\"\(f(y + 6))\" width=\"\(f(length))\" height=\"14\" "
                out += "fill=\"\(change.units >= 0 ? "#404040" : "#a0a0a0")\" data-value=\"\(change)\"/>"
                let textX = change.units >= 0 ? x + length + 3 : x - 3
                out += "<text x=\"\(f(textX))\" y=\"\(f(y + 17))\" font-size=\"10\" text-anchor=\"\(change.units >= 0 ? "start" : "end")\">"
                out += "\(change.units > 0 ? "+" : "")\(change.published)</text>\n"
            }
        }
        if showChange {
            out += "<line x1=\"\(f(changeZero))\" y1=\"\(f(top + 4))\" x2=\"\(f(changeZero))\" y2=\"\(f(height - 4))\" stroke=\"#000\" stroke-width=\"0.8\"/>\n"
        }
        out += "</svg>"
        return out
    }

    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
}

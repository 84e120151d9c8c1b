import Foundation

extension IndicatorTarget {
    /// 指标值 — parses a printed target into its parts: `>=6.20 万人`, `< =0.7 万元`
    /// (a space inside the operator), `＞=95%`, `≤20万元`, `=7.37 元/人`,
    /// `2025 年 10 月 30日前` (a date, `2025-10-30`), `有效减轻` (words only). Used
    /// by the reader for published tables and by the workbook for the officer's
    /// targets, so both parse alike.
    public init(parsing printed: String) {
        let printed = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        self.init(printed: printed)
        var rest = Substring(Self.normalisedOperators(printed.filter { !$0.isWhitespace }))
        var comparison: Comparison?
        for op in [Comparison.atLeast, .atMost, .greater, .less, .equal] where rest.hasPrefix(op.rawValue) {
            comparison = op
            rest = rest.dropFirst(op.rawValue.count)
            break
        }
        if let date = Self.date(rest) {
            self.date = date
            self.comparison = comparison
            return
        }
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        guard let comparison, let number = Amount(digits) else { return }
        self.comparison = comparison
        self.number = number
        let unit = rest.dropFirst(digits.count)
        self.unit = unit.isEmpty ? nil : String(unit)
    }

    /// ＞ ＜ ＝ ≥ ≤ ％ as their ASCII forms.
    static func normalisedOperators(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "＞": out.append(">")
            case "＜": out.append("<")
            case "＝": out.append("=")
            case "≥": out.append(">=")
            case "≤": out.append("<=")
            case "％": out.append("%")
            default: out.append(c)
            }
        }
        return out
    }

    /// `2025年12月15日` → `2025-12-15`, `2025年12月` → `2025-12`; nil unless the text
    /// starts with a year and a month.
    static func date(_ text: Substring) -> String? {
        // Scanned by hand: this runs for every target, and most are not dates.
        func isDigit(_ c: Character) -> Bool { c.unicodeScalars.first?.properties.numericType == .decimal && c.unicodeScalars.count == 1 }
        func digits(from i: Substring.Index, max: Int) -> Substring.Index {
            var j = i, n = 0
            while j < text.endIndex, n < max, isDigit(text[j]) { j = text.index(after: j); n += 1 }
            return j
        }
        let yearEnd = digits(from: text.startIndex, max: 4)
        guard text.distance(from: text.startIndex, to: yearEnd) == 4, yearEnd < text.endIndex, text[yearEnd] == "年" else { return nil }
        let monthStart = text.index(after: yearEnd)
        let monthEnd = digits(from: monthStart, max: 2)
        guard monthEnd > monthStart, monthEnd < text.endIndex, text[monthEnd] == "月" else { return nil }
        func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
        var date = "\(text[..<yearEnd])-\(two(text[monthStart..<monthEnd]))"
        let dayStart = text.index(after: monthEnd)
        let dayEnd = digits(from: dayStart, max: 2)
        if dayEnd > dayStart { date += "-\(two(text[dayStart..<dayEnd]))" }
        return date
    }
}

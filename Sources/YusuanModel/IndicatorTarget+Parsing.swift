import Foundation

extension IndicatorTarget {
    /// 指标值 — parses a printed target into its parts: `>=6.20 万人`, `< =0.7 万元`
    /// (a space inside the operator), `＞=95%`, `≤20万元`, `=7.37 元/人`,
    /// `2025 年 10 月 30日前` (a date, `2025-10-30`), `有效减轻` (words only). Used
    /// by the reader for published tables and by the workbook for the officer's
    /// targets, so both parse alike.
    public init(parsing printed: String) {
        let printed = Spaces.trimmed(printed)
        self.init(printed: printed)
        // Scalars, not Characters: this runs for every target, and comparing
        // Characters of Chinese text normalises them.
        let rest = Self.normalisedOperators(printed)
        var i = rest.startIndex
        var comparison: Comparison?
        for op in [Comparison.atLeast, .atMost, .greater, .less, .equal] where rest.begins(with: op.rawValue) {
            comparison = op
            i = rest.utf8.index(i, offsetBy: op.rawValue.utf8.count)
            break
        }
        let scalars = rest.unicodeScalars[i...]
        if let date = Self.date(scalars) {
            self.date = date
            self.comparison = comparison
            return
        }
        let digitsEnd = scalars.firstIndex { !($0.isASCII && ("0"..."9" ~= $0 || $0 == "." || $0 == ",")) } ?? scalars.endIndex
        guard let comparison, let number = Amount(String(scalars[..<digitsEnd])) else { return }
        self.comparison = comparison
        self.number = number
        let unit = scalars[digitsEnd...]
        self.unit = unit.isEmpty ? nil : String(unit)
    }

    /// Without spaces, and ＞ ＜ ＝ ≥ ≤ ％ as their ASCII forms.
    static func normalisedOperators(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars where !Spaces.isWhitespace(c) {
            switch c {
            case "＞": out.append(UInt8(ascii: ">"))
            case "＜": out.append(UInt8(ascii: "<"))
            case "＝": out.append(UInt8(ascii: "="))
            case "≥": out += Array(">=".utf8)
            case "≤": out += Array("<=".utf8)
            case "％": out.append(UInt8(ascii: "%"))
            default: UTF8.encode(c) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A decimal digit, ASCII (asked first: the property look-up is slow) or not.
    static func isDecimal(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? ("0"..."9").contains(c) : c.properties.numericType == .decimal
    }

    /// `2025年12月15日` → `2025-12-15`, `2025年12月` → `2025-12`; nil unless the text
    /// starts with a year and a month. Digits are any decimal digits (full-width too).
    static func date(_ text: Substring.UnicodeScalarView) -> String? {
        func digits(from i: Substring.UnicodeScalarView.Index, max: Int) -> Substring.UnicodeScalarView.Index {
            var j = i, n = 0
            while j < text.endIndex, n < max, isDecimal(text[j]) { j = text.index(after: j); n += 1 }
            return j
        }
        let yearEnd = digits(from: text.startIndex, max: 4)
        guard text.distance(from: text.startIndex, to: yearEnd) == 4, yearEnd < text.endIndex, text[yearEnd] == "年" else { return nil }
        let monthStart = text.index(after: yearEnd)
        let monthEnd = digits(from: monthStart, max: 2)
        guard monthEnd > monthStart, monthEnd < text.endIndex, text[monthEnd] == "月" else { return nil }
        func two(_ s: Substring.UnicodeScalarView) -> String { s.count == 1 ? "0" + String(s) : String(s) }
        var date = "\(String(text[..<yearEnd]))-\(two(text[monthStart..<monthEnd]))"
        let dayStart = text.index(after: monthEnd)
        let dayEnd = digits(from: dayStart, max: 2)
        if dayEnd > dayStart { date += "-\(two(text[dayStart..<dayEnd]))" }
        return date
    }
}

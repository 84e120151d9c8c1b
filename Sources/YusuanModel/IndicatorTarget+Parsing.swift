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
        // UTF-8, not Characters: this runs for every target, and comparing
        // Characters of Chinese text normalises them.
        let rest = Self.normalisedOperators(printed)
        // The operator: >= and <= before > and <.
        let comparison: Comparison?
        switch (rest.first, rest.dropFirst().first) {
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): comparison = .atLeast
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): comparison = .atMost
        case (UInt8(ascii: ">"), _): comparison = .greater
        case (UInt8(ascii: "<"), _): comparison = .less
        case (UInt8(ascii: "="), _): comparison = .equal
        default: comparison = nil
        }
        let text = rest[(comparison?.rawValue.utf8.count ?? 0)...]
        if let date = Self.date(text) {
            self.date = date
            self.comparison = comparison
            return
        }
        let digitsEnd = text.firstIndex { !(Self.isASCIIDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",")) }
            ?? text.endIndex
        guard let comparison, let number = Amount(utf8: text[..<digitsEnd]) else { return }
        self.comparison = comparison
        self.number = number
        self.unit = digitsEnd == text.endIndex ? nil : String(decoding: text[digitsEnd...], as: UTF8.self)
    }

    /// The UTF-8 without white space (`Spaces.bytesWithoutWhitespace`), and ＞ ＜ ＝ ≥ ≤ ％
    /// as their ASCII forms, matched by their bytes.
    static func normalisedOperators(_ text: String) -> [UInt8] {
        let u = Spaces.bytesWithoutWhitespace(text)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] >= 0xE2, i + 2 < u.count {
                let ascii: [UInt8]? = switch (u[i], u[i + 1], u[i + 2]) {
                case (0xEF, 0xBC, 0x9E): [UInt8(ascii: ">")]
                case (0xEF, 0xBC, 0x9C): [UInt8(ascii: "<")]
                case (0xEF, 0xBC, 0x9D): [UInt8(ascii: "=")]
                case (0xEF, 0xBC, 0x85): [UInt8(ascii: "%")]
                case (0xE2, 0x89, 0xA5): Array(">=".utf8)
                case (0xE2, 0x89, 0xA4): Array("<=".utf8)
                default: nil
                }
                if let ascii {
                    out += ascii
                    i += 3
                    continue
                }
            }
            out.append(u[i])
            i += 1
        }
        return out
    }

    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether the scalar starting at byte `i` of (valid) UTF-8 is a decimal digit, and
    /// its length: ASCII asked first, as the property look-up is slow.
    static func decimal(in text: ArraySlice<UInt8>, at i: Int) -> (isDigit: Bool, width: Int) {
        let lead = text[i]
        if lead < 0x80 { return (isASCIIDigit(lead), 1) }
        let width = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(i + width, text.endIndex)
        var value = UInt32(lead) & (0x7F >> width)
        for k in (i + 1)..<end { value = value << 6 | UInt32(text[k] & 0x3F) }
        let isDigit = Unicode.Scalar(value).map { $0.properties.numericType == .decimal } ?? false
        return (isDigit, end - i)
    }

    /// `2025年12月15日` → `2025-12-15`, `2025年12月` → `2025-12`; nil unless the text
    /// (UTF-8) starts with a year and a month. Digits are any decimal digits (full-width too).
    static func date(_ text: ArraySlice<UInt8>) -> String? {
        /// The end of up to `max` digits from `i`, and how many there are.
        func digits(from i: Int, max: Int) -> (end: Int, count: Int) {
            var j = i, n = 0
            while j < text.endIndex, n < max, case let (isDigit, width) = decimal(in: text, at: j), isDigit {
                j += width
                n += 1
            }
            return (j, n)
        }
        let year = digits(from: text.startIndex, max: 4)
        guard year.count == 4, text[year.end...].starts(with: "年".utf8) else { return nil }
        let monthStart = year.end + "年".utf8.count
        let month = digits(from: monthStart, max: 2)
        guard month.count > 0, text[month.end...].starts(with: "月".utf8) else { return nil }
        func two(_ digits: Range<Int>, _ count: Int) -> String {
            (count == 1 ? "0" : "") + String(decoding: text[digits], as: UTF8.self)
        }
        var date = "\(String(decoding: text[..<year.end], as: UTF8.self))-\(two(monthStart..<month.end, month.count))"
        let dayStart = month.end + "月".utf8.count
        let day = digits(from: dayStart, max: 2)
        if day.count > 0 { date += "-\(two(dayStart..<day.end, day.count))" }
        return date
    }
}

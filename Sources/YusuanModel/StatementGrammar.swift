import Foundation

/// 陈述语法 — how the explanation states a figure: a printed number, an amount in
/// 万元, the share after it (`，占 y%`), a change on the previous year
/// (`比上年增加 X 万元，增长 y%`) and the reason given for it.
///
/// The one place these patterns are written. The statements of a section
/// (`SectionStatements`, read whenever a section's lines are set) and the facts the
/// reader takes from the prose (机关运行经费, 政府采购, 国有资产, 预算绩效) are both
/// built from the fragments below; each pattern is compiled once. Fragments are
/// pattern text for composing; each names its capture groups.
public enum StatementGrammar {
    // MARK: - Fragments

    /// 数字 — ASCII digits, thousands separated by `,` or `，` (`1，297.28`), an
    /// optional fraction. No group.
    public static let number = "(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?"

    /// 金额 — `1,297.28 万元`. Group: the number.
    public static let amount = "(\(number))\\s*万\\s*元"

    /// 百分数 — `12.5%` (or `％`). Group: the number.
    public static let percent = "(\(number))\\s*[%％]"

    /// 占比 — `，占 12.5%` right after an amount. Group: the number.
    public static let share = "\\s*[，,]?\\s*占\\s*" + percent

    /// 比上年 · 较去年 — what a change is measured against.
    public static let comparison = "(?:比|较)(?:上年|去年)"

    /// 增减词 before the amount of a change. Group: the word.
    public static let changeWord = "(增加|减少|減少|增长|下降)"

    /// 增减词 before the rate of a change. Group: the word.
    public static let rateWord = "(增长|下降|增加|减少|減少)"

    /// 增减 — `增加 X 万元，增长 y%`. Groups: the word, the amount, the rate's word, the rate.
    public static let change = changeWord + "\\s*" + amount + "\\s*[，,]?\\s*" + rateWord + "\\s*" + percent

    /// 原因 — `，主要原因是：` opening the reason given for a change. No group.
    public static let reason = "\\s*[，,。；;]?\\s*(?:主要原因|原因)(?:是|为|在于)?\\s*[：:]?"

    // Statements are found by `StatementScanner`, which matches exactly these
    // fragments composed as `(amount)(?:share)?`, `(?:comparison[^0-9，。；,;]{0,8}?)?change`
    // and `reason` (anchored), without a pattern engine. The fragments remain for the
    // facts the reader takes from the prose and for the audit.

    // MARK: - Punctuation and words

    /// Whether a UTF-16 unit ends a clause (`，。；：、,;:！？%％`): a label is read back
    /// to the last of them.
    @inline(__always) public static func endsClause(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2C, 0x3A, 0x25, 0x3B, 0xFF0C, 0xFF1A, 0x3001, 0xFF01, 0xFF1F, 0xFF05, 0x3002, 0xFF1B: true
        default: false
        }
    }

    /// Whether a UTF-16 unit ends a sentence (`。；;`).
    @inline(__always) public static func endsSentence(_ unit: UInt16) -> Bool {
        unit == 0x3002 || unit == 0xFF1B || unit == 0x3B
    }

    /// The words of a change that speak of less: 减少, 減少, 下降.
    public static let decreaseWords: Set<String> = ["减少", "減少", "下降"]

    /// `decreaseWords` as bytes, which a word is compared with: hashing Chinese text for
    /// the set normalises it first.
    static let decreaseBytes = decreaseWords.map { Array($0.utf8) }

    /// True for 增加 / 增长, false for 减少 / 減少 / 下降.
    public static func isIncrease(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { w in !decreaseBytes.contains { $0.elementsEqual(w) } }
    }

    // MARK: - Reading helpers

    /// The decimals printed in a number (`35.7` → 1).
    public static func places(_ text: some StringProtocol) -> Int {
        // On the bytes where the point and all after it are ASCII but a carriage
        // return (a character a byte), as printed numbers are.
        let utf8 = text.utf8
        if let dot = utf8.firstIndex(of: 0x2E), !utf8[dot...].contains(where: { $0 >= 0x80 || $0 == 0x0D }),
           !utf8[..<dot].contains(where: { $0 >= 0x80 }) {
            return utf8.distance(from: dot, to: utf8.endIndex) - 1
        }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: text.index(after: dot), to: text.endIndex)
    }

    /// The first printed number in `text` (`921.93 万元` → 921.93), spaces ignored.
    public static func firstAmount(in text: String) -> Amount? {
        // Joined and compacted to reach the units without the UTF-16 view.
        let joined = JoinedText([Located(text)], compact: true)
        let scanner = StatementScanner(joined.units)
        guard let start = (0..<scanner.count).first(where: scanner.isDigit), let end = scanner.number(at: start) else {
            return nil
        }
        return Amount(joined.substring(start..<end))
    }

    /// Removes white space and unifies brackets and quotes: `维修（护）费` → `维修(护)费`.
    public static func normalize(_ s: some StringProtocol) -> String {
        var text = String(s)
        // A text holding nothing to take out or unify (most names and labels) is
        // returned as it is, not rebuilt.
        guard text.withUTF8({ $0.contains(where: mayNormalize) }) else { return text }
        // Scalars into bytes: comparing Characters of Chinese text normalises them,
        // and appending scalars to a string one by one is slow.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars where !Spaces.isWhitespace(c) {
            switch c {
            case "（", "〔", "[", "【", "［", "｛", "{": out.append(UInt8(ascii: "("))
            case "）", "〕", "]", "】", "］", "｝", "}": out.append(UInt8(ascii: ")"))
            case "“", "”", "\"", "‘", "’": out.append(UInt8(ascii: "\""))
            default: UTF8.encode(c) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a UTF-8 byte may start a scalar `normalize` takes out or changes: an
    /// ASCII space, bracket or quote, or the lead byte of U+0085, U+00A0, U+1680,
    /// U+2000–U+205F, U+3000–U+3015 or U+FF08–U+FF5D. Han ideographs (leads E4–E9)
    /// never do.
    @inline(__always) static func mayNormalize(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0x22, 0x5B, 0x5D, 0x7B, 0x7D, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: true
        default: false
        }
    }

    /// The words a label does not open with, taken off in this order, as UTF-16 units.
    static let labelOpenings = ["其中", "主要用于", "包括", "用于"].map { Array($0.utf16) }

    /// A label: normalised, without a leading enumerator (also one run into it after
    /// a heading), 其中 / 主要用于 / 包括 / 用于, or a trailing (类). Read from UTF-16
    /// units (of a `JoinedText`), normalised unit by unit as `normalize` does: every
    /// space it takes out and every bracket or quote it unifies is one unit. The words
    /// are taken off the units, so that one string is made, at the end.
    public static func label(_ units: ArraySlice<UInt16>) -> String {
        let normal = [UInt16](unsafeUninitializedCapacity: units.count) { out, n in
            n = 0
            for u in units {
                // Han ideographs, most of a label, are neither spaces nor brackets.
                if u >= 0x4E00 && u < 0xFF00 {
                    out[n] = u
                    n += 1
                    continue
                }
                if StatementScanner.isSpace(u) { continue }
                switch u {
                case 0xFF08, 0x3014, 0x5B, 0x3010, 0xFF3B, 0xFF5B, 0x7B: out[n] = 0x28  // （〔[【［｛{ → (
                case 0xFF09, 0x3015, 0x5D, 0x3011, 0xFF3D, 0xFF5D, 0x7D: out[n] = 0x29  // ）〕]】］｝} → )
                case 0x201C, 0x201D, 0x22, 0x2018, 0x2019: out[n] = 0x22  // “”"‘’ → "
                default: out[n] = u
                }
                n += 1
            }
        }
        let scanner = StatementScanner(normal)
        var cut = scanner.lastInnerEnumerator() ?? 0
        cut = scanner.leadingEnumerator(from: cut) ?? cut
        for opening in labelOpenings where normal[cut...].starts(with: opening) { cut += opening.count }
        var end = normal.count
        if end - cut >= 3, normal[end - 3] == 0x28, normal[end - 2] == 0x7C7B, normal[end - 1] == 0x29 { end -= 3 }  // (类)
        return scanner.string(cut..<end)
    }
}

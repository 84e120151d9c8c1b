/// 陈述扫描 — the statements of `StatementGrammar` found by scanning UTF-16 units
/// by hand: an amount with its share, a change with its rate, the opening of a
/// reason, a label's enumerators, the first printed number.
///
/// Each scan matches exactly what the grammar's pattern of the same name matches
/// (leftmost first, as a regular-expression engine does; `StatementScannerTests`
/// checks this against the patterns on many generated texts), in time linear in
/// the text and without copying it. Offsets are UTF-16, as everywhere in
/// `JoinedText`. Every Chinese character the grammar names is one unit.
/// 单元扫描 — what every hand-written scanner of the prose shares, on UTF-16 units:
/// a unit by its offset, ICU's `\s`, digits, and `StatementGrammar`'s number, amount
/// and percentage. The reader's `StatementScanner` and the audit's scans are built
/// on it, so each piece of the grammar is scanned one way.
public protocol UnitScanning {
    /// The text's UTF-16 units.
    var units: [UInt16] { get }
}

extension UnitScanning {
    /// The unit at `i`, or 0 past the end.
    @inlinable @inline(__always) public func unit(_ i: Int) -> UInt16 { i < units.count ? units[i] : 0 }

    /// `[0-9]`.
    @inlinable @inline(__always) public func isDigit(_ i: Int) -> Bool { i < units.count && units[i] &- 0x30 < 10 }

    /// `\s` as ICU matches it: Unicode's White_Space (as `Spaces.isWhitespace`).
    @inlinable @inline(__always) public static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `\s*` from `i`: the offset after the spaces.
    @inlinable public func spaces(from i: Int) -> Int {
        var i = i
        while i < units.count, Self.isSpace(units[i]) { i += 1 }
        return i
    }

    /// The end of the digit run starting at `i`.
    @inlinable public func digits(from i: Int) -> Int {
        var i = i
        while isDigit(i) { i += 1 }
        return i
    }

    /// `StatementGrammar.number` at `s`: where it ends, or nil. Thousands grouped by
    /// `,` or `，` where the first run has at most three digits, else the whole run;
    /// then an optional fraction. The one end the pattern can usefully take: a
    /// shorter one is followed by a digit, a separator or a point.
    @inlinable public func number(at s: Int) -> Int? {
        let run = digits(from: s)
        guard run > s else { return nil }
        var end = run
        if run - s <= 3 {
            while unit(end) == 0x2C || unit(end) == 0xFF0C, isDigit(end + 1), isDigit(end + 2), isDigit(end + 3) {
                end += 4
            }
        }
        if unit(end) == 0x2E, isDigit(end + 1) { end = digits(from: end + 1) }
        return end
    }

    /// The text of the units in `range`, encoded into UTF-8 here: a string made from
    /// UTF-16 is transcoded slowly, unit by unit.
    public func string(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count * 3) { bytes in
            var n = 0
            var i = range.lowerBound
            while i < range.upperBound {
                let u = UInt32(units[i])
                if u < 0x80 {
                    bytes[n] = UInt8(u)
                    n += 1
                } else if u < 0x800 {
                    bytes[n] = UInt8(0xC0 | u >> 6)
                    bytes[n + 1] = UInt8(0x80 | u & 0x3F)
                    n += 2
                } else if u & 0xFC00 == 0xD800, i + 1 < range.upperBound, units[i + 1] & 0xFC00 == 0xDC00 {
                    // A surrogate pair: four bytes for two units.
                    let v = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    bytes[n] = UInt8(0xF0 | v >> 18)
                    bytes[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    bytes[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                    bytes[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                    i += 1
                } else {
                    bytes[n] = UInt8(0xE0 | u >> 12)
                    bytes[n + 1] = UInt8(0x80 | u >> 6 & 0x3F)
                    bytes[n + 2] = UInt8(0x80 | u & 0x3F)
                    n += 3
                }
                i += 1
            }
            return n
        }
    }

    /// `StatementGrammar.amount` (`number \s* 万 \s* 元`) at `s`: the number's end and
    /// the amount's end.
    @inlinable public func amount(at s: Int) -> (number: Int, end: Int)? {
        guard let n = number(at: s) else { return nil }
        var i = spaces(from: n)
        guard unit(i) == 0x4E07 else { return nil }  // 万
        i = spaces(from: i + 1)
        guard unit(i) == 0x5143 else { return nil }  // 元
        return (n, i + 1)
    }

    /// `StatementGrammar.percent` (`number \s* [%％]`) at `s`: the number's end and the
    /// percentage's end.
    @inlinable public func percent(at s: Int) -> (number: Int, end: Int)? {
        guard let n = number(at: s) else { return nil }
        let i = spaces(from: n)
        guard unit(i) == 0x25 || unit(i) == 0xFF05 else { return nil }
        return (n, i + 1)
    }
}

struct StatementScanner: UnitScanning {
    let units: [UInt16]

    init(_ units: [UInt16]) { self.units = units }

    var count: Int { units.count }

    /// Where to try after a statement failed to match at digit `s`: starting later
    /// in the same run reaches the same end, except in its last three digits (where
    /// a thousands group can start), so the rest of the run is skipped.
    func nextStart(afterFailureAt s: Int) -> Int {
        let run = digits(from: s)
        return run - s > 3 ? run - 3 : run
    }

    // MARK: - Amount statements

    /// An amount and the share printed after it (`StatementGrammar.amount` then an
    /// optional `StatementGrammar.share`).
    struct AmountMatch: Equatable {
        /// The amount as printed, number and unit.
        var whole: Range<Int>
        var number: Range<Int>
        /// The share's number.
        var share: Range<Int>?
    }

    func amountStatement(at s: Int) -> AmountMatch? {
        guard let a = amount(at: s) else { return nil }
        var match = AmountMatch(whole: s..<a.end, number: s..<a.number)
        // `\s*[，,]?\s*占\s*` then a percentage.
        var i = spaces(from: a.end)
        if unit(i) == 0xFF0C || unit(i) == 0x2C { i += 1 }
        i = spaces(from: i)
        if unit(i) == 0x5360 {  // 占
            let p = spaces(from: i + 1)
            if let share = percent(at: p) { match.share = p..<share.number }
        }
        return match
    }

    /// Every amount statement, in order and not overlapping.
    func amountStatements() -> [AmountMatch] { scan { amountStatement(at: $0) } }

    // MARK: - Reasons

    /// `StatementGrammar.reason` anchored at `s`, not past `limit`: where it ends.
    /// `\s*[，,。；;]?\s*(?:主要原因|原因)(?:是|为|在于)?\s*[：:]?`
    func reasonOpening(at s: Int, limit: Int) -> Int? {
        // The units from `limit` on are read as the end of the text, in place.
        let end = min(limit, units.count)
        func unit(_ i: Int) -> UInt16 { i < end ? units[i] : 0 }
        func spaces(from i: Int) -> Int {
            var i = i
            while i < end, Self.isSpace(units[i]) { i += 1 }
            return i
        }
        var i = spaces(from: s)
        switch unit(i) {
        case 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B: i += 1
        default: break
        }
        i = spaces(from: i)
        if unit(i) == 0x4E3B, unit(i + 1) == 0x8981 { i += 2 }  // 主要
        guard unit(i) == 0x539F, unit(i + 1) == 0x56E0 else { return nil }  // 原因
        i += 2
        switch unit(i) {
        case 0x662F, 0x4E3A: i += 1  // 是 为
        case 0x5728 where unit(i + 1) == 0x4E8E: i += 2  // 在于
        default: break
        }
        i = spaces(from: i)
        if unit(i) == 0xFF1A || unit(i) == 0x3A { i += 1 }
        return i
    }

    // MARK: - Labels

    /// `[0-9]+` or `[一二三四五六七八九十]+` from `i`: where the run ends.
    func enumeratorRun(from i: Int) -> Int {
        if isDigit(i) { return digits(from: i) }
        var i = i
        while i < units.count, Self.isChineseNumeral(units[i]) { i += 1 }
        return i
    }

    static func isChineseNumeral(_ u: UInt16) -> Bool {
        switch u {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: true
        default: false
        }
    }

    /// An enumerator opening the text (from `start`): `1、` `二.` `3)` `(4)`. Where it ends.
    func leadingEnumerator(from start: Int = 0) -> Int? {
        if unit(start) == 0x28 {
            let run = enumeratorRun(from: start + 1)
            return run > start + 1 && unit(run) == 0x29 ? run + 1 : nil
        }
        let run = enumeratorRun(from: start)
        guard run > start else { return nil }
        switch unit(run) {
        case 0x3001, 0x2E, 0xFF0E, 0x29: return run + 1
        default: return nil
        }
    }

    /// Where the last enumerator run into the text ends (`…结构情况1.社会保障…`):
    /// digits at the start or after anything but a digit or a point, then `、` `.`
    /// or `．` not followed by a digit. Matches are taken left to right, each
    /// starting after the last, as a pattern's matches are.
    func lastInnerEnumerator() -> Int? {
        // Every enumerator has a digit (most labels none).
        guard units.contains(where: { $0 &- 0x30 < 10 }) else { return nil }
        var last: Int?
        var s = 0
        while s < units.count {
            if let end = innerEnumerator(at: s) {
                last = end
                s = end
            } else {
                s += 1
            }
        }
        return last
    }

    /// `(?:^|[^0-9.])[0-9]+[、.．](?![0-9])` at `s`.
    private func innerEnumerator(at s: Int) -> Int? {
        func digitsThenMark(_ i: Int) -> Int? {
            let run = digits(from: i)
            guard run > i else { return nil }
            switch unit(run) {
            case 0x3001, 0x2E, 0xFF0E: return isDigit(run + 1) ? nil : run + 1
            default: return nil
            }
        }
        if s == 0, let end = digitsThenMark(0) { return end }
        guard !isDigit(s), units[s] != 0x2E else { return nil }
        return digitsThenMark(s + 1)
    }

    // MARK: - Scanning

    /// Tries `match` at each digit, left to right; after a match the next start is
    /// its end. A failed digit skips what `nextStart` says cannot match.
    private func scan(_ match: (Int) -> AmountMatch?) -> [AmountMatch] {
        var found: [AmountMatch] = []
        var s = 0
        while s < units.count {
            // Every statement starts with a digit.
            if !isDigit(s) {
                s += 1
            } else if let m = match(s) {
                found.append(m)
                s = max(m.whole.upperBound, s + 1)
            } else {
                s = nextStart(afterFailureAt: s)
            }
        }
        return found
    }
}


/// 增减陈述的位置 — where a change statement lies in a text, as UTF-16 ranges: the
/// words and numbers of `StatementGrammar.change`, with the comparison before it
/// where printed.
public struct ChangeMatch: Equatable, Sendable {
    /// From the comparison (比上年) where printed, else from the change word, to the `%`.
    public var whole: Range<Int>
    public var changeWord: Range<Int>
    public var amount: Range<Int>
    public var rateWord: Range<Int>
    public var rate: Range<Int>

    @inlinable
    public init(whole: Range<Int>, changeWord: Range<Int>, amount: Range<Int>, rateWord: Range<Int>, rate: Range<Int>) {
        self.whole = whole
        self.changeWord = changeWord
        self.amount = amount
        self.rateWord = rateWord
        self.rate = rate
    }
}

extension UnitScanning {
    // MARK: - Change statements

    /// 增加 减少 減少 增长 下降 (both the change's and the rate's words) at `i`.
    @inlinable public func isChangeWord(at i: Int) -> Bool {
        switch (unit(i), unit(i + 1)) {
        case (0x589E, 0x52A0), (0x589E, 0x957F), (0x51CF, 0x5C11), (0x6E1B, 0x5C11), (0x4E0B, 0x964D): true
        default: false
        }
    }

    /// `(?:比|较)(?:上年|去年)` at `i`.
    @inlinable public func isComparison(at i: Int) -> Bool {
        (unit(i) == 0x6BD4 || unit(i) == 0x8F83) && (unit(i + 1) == 0x4E0A || unit(i + 1) == 0x53BB) && unit(i + 2) == 0x5E74
    }

    /// `[^0-9，。；,;]`: what may come between the comparison and the change.
    @inlinable public static func mayPrecedeChange(_ u: UInt16) -> Bool {
        switch u {
        case 0x30...0x39, 0xFF0C, 0x3002, 0xFF1B, 0x2C, 0x3B: false
        default: true
        }
    }

    /// `StatementGrammar.change` at `p`: the amount's number, where the rate's word
    /// starts, the rate's number and the end.
    @inlinable public func change(at p: Int) -> (amount: Range<Int>, rateWord: Int, rate: Range<Int>, end: Int)? {
        guard isChangeWord(at: p) else { return nil }
        let a = spaces(from: p + 2)
        guard let amount = amount(at: a) else { return nil }
        var i = spaces(from: amount.end)
        if unit(i) == 0xFF0C || unit(i) == 0x2C { i += 1 }
        i = spaces(from: i)
        guard isChangeWord(at: i) else { return nil }
        let r = spaces(from: i + 2)
        guard let rate = percent(at: r) else { return nil }
        return (a..<amount.number, i, r..<rate.number, rate.end)
    }

    /// A change statement starting at `s`: `(?:比|较)(?:上年|去年)`, then up to eight
    /// units other than digits and `，。；,;` (as few as will do), then the change;
    /// or the change alone.
    @inlinable public func changeStatement(at s: Int) -> ChangeMatch? {
        if isComparison(at: s) {
            var p = s + 3
            while p <= s + 3 + 8 {
                if let c = change(at: p) {
                    return ChangeMatch(whole: s..<c.end, changeWord: p..<(p + 2), amount: c.amount,
                                       rateWord: c.rateWord..<(c.rateWord + 2), rate: c.rate)
                }
                guard p < units.count, Self.mayPrecedeChange(units[p]) else { break }
                p += 1
            }
        }
        guard let c = change(at: s) else { return nil }
        return ChangeMatch(whole: s..<c.end, changeWord: s..<(s + 2), amount: c.amount,
                           rateWord: c.rateWord..<(c.rateWord + 2), rate: c.rate)
    }

    /// Every change statement, in order and not overlapping (`StatementGrammar`'s
    /// `(?:comparison[^0-9，。；,;]{0,8}?)?change`, matched left to right).
    @inlinable public func changeStatements() -> [ChangeMatch] {
        var found: [ChangeMatch] = []
        var s = 0
        while s < units.count {
            switch unit(s) {
            case 0x6BD4, 0x8F83, 0x589E, 0x51CF, 0x6E1B, 0x4E0B:  // 比 较 增 减 減 下
                if let m = changeStatement(at: s) {
                    found.append(m)
                    s = m.whole.upperBound
                    continue
                }
            default: break
            }
            s += 1
        }
        return found
    }
}

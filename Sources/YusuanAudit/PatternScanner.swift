import YusuanModel

/// 手工扫描 — the audit's patterns run over whole sections, matched by scanning the
/// UTF-16 units by hand: 五（三）'s items (`1、A（类）B（款）C（项）：2025 年预算数为 X 万元`),
/// with or without the change after them; the changes with their rates (`比上年增加 X
/// 万元，增长 y%`) and without; `X 万元，比上年新增 Y 万元`; and the printed lists (收入预算
/// 包括：, 人员经费 X 万元，主要包括：, 主要用于：).
///
/// Each scan matches exactly what its pattern matches (`TextRules.itemPatternText`,
/// `YearOnYearRules.itemChange`, `.changePattern`, `.anyChange`, `.statedNew`): the
/// leftmost start, then the first way through in the order the pattern's quantifiers
/// try them (greedy `\s*` longest first, lazy names and words shortest first), the
/// matches in order and not overlapping. `PatternScannerTests` holds the scans to the
/// patterns on the seeds and on texts written to try the backtracking. The patterns,
/// run by ICU's engine, were most of an audit's time; the scans a small part of it.
struct PatternScanner: UnitScanning {
    let units: [UInt16]

    /// The groups of a match as UTF-16 ranges, 0 the whole match; the others as the
    /// pattern numbers them. An item's: 1 类, 2 款, 3 项, 4 the number of 预算数, and
    /// with the change, 5 its word and 6 the number of its amount.
    typealias Match = [Range<Int>]

    /// Every item, with the change after it where `withChange`.
    func matches(withChange: Bool) -> [Match] {
        // A match starts before its first digit (or with it, at the start).
        scan(from: 0, to: units.count) { s in
            isDigit(s + 1) || s == 0 ? match(at: s, withChange: withChange) : nil
        }
    }

    /// Tries `match` at each start from `from` on, left to right; after a match the next
    /// start is its end. Only matches starting before `to` are taken.
    func scan(from: Int, to: Int, _ match: (Int) -> Match?) -> [Match] {
        var found: [Match] = []
        var s = from
        while s < to {
            if let m = match(s) {
                found.append(m)
                s = max(m[0].upperBound, s + 1)
            } else {
                s += 1
            }
        }
        return found
    }

    // MARK: - Units

    // The unit, spaces, digits, number, amount and percentage: `UnitScanning`.

    /// `[，,]?` at `i` then `\s*`: the comma taken first, then not.
    func comma<T>(at i: Int, then rest: (Int) -> T?) -> T? {
        if unit(i) == 0xFF0C || unit(i) == 0x2C, let r = rest(spaces(from: i + 1)) { return r }
        return rest(i)
    }

    // MARK: - Backtracking

    /// `\s*` before a group that may take spaces itself: the group tried from after
    /// all the spaces first, then from after fewer.
    func spaces<T>(from i: Int, then rest: (Int) -> T?) -> T? {
        var k = spaces(from: i)
        while k >= i {
            if let r = rest(k) { return r }
            k -= 1
        }
        return nil
    }

    /// A lazy run of allowed units from `start` (`+?` with `atLeastOne`, else `*?`): each
    /// end tried in turn, shortest first.
    func lazy<T>(from start: Int, atLeastOne: Bool, upTo limit: Int = .max, _ allowed: (UInt16) -> Bool,
                 then rest: (Int) -> T?) -> T? {
        var end = start
        if !atLeastOne, let r = rest(end) { return r }
        while end < units.count, end - start < limit, allowed(units[end]) {
            end += 1
            if let r = rest(end) { return r }
        }
        return nil
    }

    /// `\s*[（(]\s*word\s*[）)]` at `i`: where it ends.
    func bracketed(_ word: UInt16, at i: Int) -> Int? {
        var j = spaces(from: i)
        guard unit(j) == 0xFF08 || unit(j) == 0x28 else { return nil }
        j = spaces(from: j + 1)
        guard unit(j) == word else { return nil }
        j = spaces(from: j + 1)
        guard unit(j) == 0xFF09 || unit(j) == 0x29 else { return nil }
        return j + 1
    }

    /// `[^。，；：:%0-9]`, the units of the 类's name.
    static func isClassName(_ u: UInt16) -> Bool {
        switch u {
        case 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0x3A, 0x25, 0x30...0x39: false
        default: true
        }
    }

    /// `[^。，；：:]`, the units of the 款's and the 项's names.
    static func isName(_ u: UInt16) -> Bool {
        switch u {
        case 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0x3A: false
        default: true
        }
    }

    // MARK: - The item

    /// `(?:^|[^0-9.])[0-9]+\s*[、.．]\s*(类名)\s*（类）\s*(款名)\s*（款）\s*(项名)\s*（项）` and what
    /// follows, tried at `s`.
    func match(at s: Int, withChange: Bool) -> Match? {
        let first: Int
        if s == 0 && isDigit(0) {
            first = 0  // ^
        } else {
            guard s < units.count, !isDigit(s), units[s] != 0x2E, isDigit(s + 1) else { return nil }
            first = s + 1
        }
        let mark = spaces(from: digits(from: first))
        switch unit(mark) {
        case 0x3001, 0x2E, 0xFF0E: break  // 、 . ．
        default: return nil
        }
        return spaces(from: mark + 1) { c in
            lazy(from: c, atLeastOne: true, Self.isClassName) { cEnd in
                bracketed(0x7C7B, at: cEnd).flatMap { afterClass in  // 类
                    spaces(from: afterClass) { k in
                        lazy(from: k, atLeastOne: true, Self.isName) { kEnd in
                            bracketed(0x6B3E, at: kEnd).flatMap { afterSection in  // 款
                                spaces(from: afterSection) { x in
                                    lazy(from: x, atLeastOne: true, Self.isName) { xEnd in
                                        bracketed(0x9879, at: xEnd).flatMap { afterItem in  // 项
                                            budget(from: afterItem, withChange: withChange).map { rest in
                                                [s..<rest.end, c..<cEnd, k..<kEnd, x..<xEnd] + rest.groups
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `\s*[：:]?[^。；]*?预算数?为\s*(number)\s*万\s*元`, then the change where asked for.
    func budget(from i: Int, withChange: Bool) -> (groups: [Range<Int>], end: Int)? {
        spaces(from: i) { j in
            colon(at: j) { k in
                lazy(from: k, atLeastOne: false, { $0 != 0x3002 && $0 != 0xFF1B }) { at in
                    // 预算, 数 if printed, 为.
                    guard unit(at) == 0x9884, unit(at + 1) == 0x7B97 else { return nil }
                    var ways = [at + 2]
                    if unit(at + 2) == 0x6570 { ways.insert(at + 3, at: 0) }  // 数? tries 数 first
                    for w in ways where unit(w) == 0x4E3A {  // 为
                        let start = spaces(from: w + 1)
                        guard let amount = amount(at: start) else { continue }
                        let number = start..<amount.number
                        guard withChange else { return ([number], amount.end) }
                        if let change = change(from: amount.end) { return ([number] + change.groups, change.end) }
                    }
                    return nil
                }
            }
        }
    }

    /// `[：:]?` at `i`: the colon taken first, then not.
    func colon<T>(at i: Int, then rest: (Int) -> T?) -> T? {
        if unit(i) == 0xFF1A || unit(i) == 0x3A, let r = rest(i + 1) { return r }
        return rest(i)
    }

    /// `\s*[，,]?\s*(?:比|较)(?:上年|去年)[^0-9，。；,;]{0,8}?(增加|减少|減少|增长|下降)\s*(number)\s*万\s*元`.
    func change(from i: Int) -> (groups: [Range<Int>], end: Int)? {
        comma(at: spaces(from: i)) { c in
            guard isComparison(at: c) else { return nil }
            return lazy(from: c + 3, atLeastOne: false, upTo: 8, Self.mayPrecedeChange) { w in
                guard isChangeWord(at: w) else { return nil }
                let start = spaces(from: w + 2)
                return amount(at: start).map { ([w..<(w + 2), start..<$0.number], $0.end) }
            }
        }
    }

    // MARK: - Changes

    /// `YearOnYearRules.changePattern`: `(?:(?:比|较)(?:上年|去年)[^0-9，。；,;]{0,8}?)?`
    /// then `(增加|…)\s*(number)\s*万\s*元\s*[，,]?\s*(增长|…)\s*(number)\s*[%％]`. Groups: 1 the
    /// change's word, 2 its amount's number, 3 the rate's word, 4 the rate's number.
    func changes() -> [Match] {
        changeStatements().map { [$0.whole, $0.changeWord, $0.amount, $0.rateWord, $0.rate] }
    }

    /// `YearOnYearRules.anyChange` (`(增加|…)\s*(number)\s*万\s*元`) starting in `from..<to`,
    /// searched from `from`. Groups: 1 the word, 2 the amount's number.
    func anyChanges(from: Int, to: Int) -> [Match] {
        scan(from: from, to: to) { w in
            guard isChangeWord(at: w) else { return nil }
            let start = spaces(from: w + 2)
            return amount(at: start).map { [w..<$0.end, w..<(w + 2), start..<$0.number] }
        }
    }

    // MARK: - 新增

    /// `YearOnYearRules.statedNew`: `number\s*万\s*元\s*[，,]?\s*(?:比|较)(?:上年|去年)[^0-9，。；,;]{0,8}?新增加?\s*number\s*万\s*元`.
    /// Groups: 1 this year's number, 2 the number said new.
    func statedNew() -> [Match] {
        // Any digit may start the number (a run too long for thousands may end in a group that fits).
        scan(from: 0, to: units.count) { s in
            guard let current = amount(at: s) else { return nil }
            return comma(at: spaces(from: current.end)) { c in
                guard isComparison(at: c) else { return nil }
                return lazy(from: c + 3, atLeastOne: false, upTo: 8, Self.mayPrecedeChange) { w in
                    guard unit(w) == 0x65B0, unit(w + 1) == 0x589E else { return nil }  // 新增
                    // 加 taken first, then not.
                    for after in unit(w + 2) == 0x52A0 ? [w + 3, w + 2] : [w + 2] {
                        let start = spaces(from: after)
                        if let said = amount(at: start) { return [s..<said.end, s..<current.number, start..<said.number] }
                    }
                    return nil
                }
            }
        }
    }

    // MARK: - Lists

    /// Whether `word` is printed at `i` (unit by unit: the lists are looked for at every
    /// offset of a section, and most offsets fail on the first unit).
    func holds(_ word: [UInt16], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= units.count else { return false }
        for k in word.indices where units[i + k] != word[k] { return false }
        return true
    }

    /// `\s*` as Swift's `Regex` reads it (Unicode white space) from `i`: the offset after it.
    /// The list patterns were Swift's.
    func whiteSpace(from i: Int) -> Int {
        var i = i
        while i < units.count, Unicode.Scalar(units[i])?.properties.isWhitespace == true { i += 1 }
        return i
    }

    /// `[^。]*` from `i`: where the sentence ends.
    func sentenceEnd(from i: Int) -> Int {
        var i = i
        while i < units.count, units[i] != 0x3002 { i += 1 }
        return i
    }

    /// The first `收入预算包括\s*[：:]\s*([^。]*)` (or 支出预算包括): where it starts, and the list.
    func list(after word: String) -> (start: Int, list: Range<Int>)? {
        let word = Array(word.utf16)
        for p in units.indices where holds(word, at: p) {
            let colon = whiteSpace(from: p + word.count)
            guard unit(colon) == 0xFF1A || unit(colon) == 0x3A else { continue }
            let from = whiteSpace(from: colon + 1)
            return (p, from..<sentenceEnd(from: from))
        }
        return nil
    }

    /// Every `(人员经费|公用经费)\s*number\s*万\s*元\s*[，,]?\s*主要包括\s*[：:]?\s*([^。]*)`
    /// (`number` as `StatementGrammar.number`): which cost, where it starts, and the list.
    func costLists() -> [(kind: String, start: Int, list: Range<Int>)] {
        let kinds = ["人员经费", "公用经费"].map { ($0, Array($0.utf16)) }
        let includes = Array("主要包括".utf16)
        var lists: [(kind: String, start: Int, list: Range<Int>)] = []
        var p = 0
        while p < units.count {
            guard let (kind, word) = kinds.first(where: { holds($0.1, at: p) }),
                  let number = number(at: whiteSpace(from: p + word.count)) else { p += 1; continue }
            var i = whiteSpace(from: number)
            guard unit(i) == 0x4E07 else { p += 1; continue }  // 万
            i = whiteSpace(from: i + 1)
            guard unit(i) == 0x5143 else { p += 1; continue }  // 元
            i = whiteSpace(from: i + 1)
            if unit(i) == 0xFF0C || unit(i) == 0x2C { i += 1 }
            i = whiteSpace(from: i)
            guard holds(includes, at: i) else { p += 1; continue }
            i = whiteSpace(from: i + includes.count)
            if unit(i) == 0xFF1A || unit(i) == 0x3A { i += 1 }
            let from = whiteSpace(from: i), to = sentenceEnd(from: from)
            lists.append((kind, p, from..<to))
            p = max(to, p + 1)
        }
        return lists
    }

    /// The first `word(?:extra)?\s*([0-9]+)\s*个` (项目共计 12 个) lying wholly in
    /// `from..<to`, `word` not following `notAfter` there (`(?<!非)`; a match at `from`
    /// follows nothing): where it starts, and its digits.
    func count(_ word: String, extra: UInt16, notAfter: UInt16? = nil, from: Int, to: Int) -> (start: Int, digits: Range<Int>)? {
        let word = Array(word.utf16), to = min(to, units.count)
        /// The unit at `i` within the range, 0 past it.
        func at(_ i: Int) -> UInt16 { i < to ? units[i] : 0 }
        func spaces(from i: Int) -> Int {
            var i = i
            while i < to, Self.isSpace(units[i]) { i += 1 }
            return i
        }
        var p = max(from, 0)
        while p + word.count <= to {
            defer { p += 1 }
            guard holds(word, at: p), notAfter.map({ p == from || units[p - 1] != $0 }) ?? true else { continue }
            var i = p + word.count
            if at(i) == extra { i += 1 }
            let first = spaces(from: i)
            var end = first
            while at(end) &- 0x30 < 10 { end += 1 }
            guard end > first, at(spaces(from: end)) == 0x4E2A else { continue }  // 个
            return (p, first..<end)
        }
        return nil
    }

    /// `主要用于：A 1 万元、B 2 万元、A 3 万元。` — the list, to the end of its sentence or the
    /// next colon (where another list opens): `(?:主要)?(?:用于|包括)[：:]?([^。：:]+)`. Each
    /// list: where its words start, and its items (after a colon), in printed order and
    /// not overlapping.
    func useLists() -> [(start: Int, list: Range<Int>)] {
        /// 用于 or 包括 at `i`.
        func opens(_ i: Int) -> Bool {
            (unit(i) == 0x7528 && unit(i + 1) == 0x4E8E) || (unit(i) == 0x5305 && unit(i + 1) == 0x62EC)
        }
        /// 。 ： : end a list.
        func ends(_ i: Int) -> Bool { i >= units.count || units[i] == 0x3002 || units[i] == 0xFF1A || units[i] == 0x3A }
        var lists: [(start: Int, list: Range<Int>)] = []
        var p = 0
        while p < units.count {
            // Only 主, 用 and 包 open a list: every other unit is passed over at once.
            let u = units[p]
            guard u == 0x4E3B || u == 0x7528 || u == 0x5305 else { p += 1; continue }
            var q = p
            if unit(q) == 0x4E3B, unit(q + 1) == 0x8981, opens(q + 2) { q += 2 }  // 主要
            guard opens(q) else { p += 1; continue }
            var from = q + 2
            // The colon is taken where an item follows it.
            if unit(from) == 0xFF1A || unit(from) == 0x3A, !ends(from + 1) { from += 1 }
            guard !ends(from) else { p += 1; continue }
            var to = from
            while !ends(to) { to += 1 }
            lists.append((p, from..<to))
            p = to
        }
        return lists
    }
}

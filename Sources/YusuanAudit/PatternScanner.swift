import YusuanModel

/// 五（三）的项 — `1、A（类）B（款）C（项）：2025 年预算数为 X 万元`, with or without the
/// change stated after it (`，比上年预算增加 Y 万元`), found by scanning the UTF-16
/// units by hand.
///
/// Each scan matches exactly what its pattern matches (`TextRules.itemPatternText`,
/// `YearOnYearRules.itemChange`): the leftmost start, then the first way through in
/// the order the pattern's quantifiers try them (greedy `\s*` longest first, lazy names
/// and the words before 预算 shortest first), the matches in order and not
/// overlapping. `ItemScannerTests` holds the scans to the patterns on the seeds and on
/// texts written to try the backtracking. The patterns cost most of an audit's time
/// run over 五（三）; the scan a small part of it.
struct ItemScanner {
    let units: [UInt16]

    /// The groups of a match as UTF-16 ranges: 0 the whole match, 1 类, 2 款, 3 项, 4 the
    /// number of 预算数; with the change, 5 its word and 6 the number of its amount.
    typealias Match = [Range<Int>]

    /// Every item, with the change after it where `withChange`.
    func matches(withChange: Bool) -> [Match] {
        var found: [Match] = []
        var s = 0
        while s < units.count {
            // A match starts before its first digit (or with it, at the start).
            if isDigit(s + 1) || s == 0, let m = match(at: s, withChange: withChange) {
                found.append(m)
                s = max(m[0].upperBound, s + 1)
            } else {
                s += 1
            }
        }
        return found
    }

    // MARK: - Units

    func unit(_ i: Int) -> UInt16 { i < units.count ? units[i] : 0 }

    /// `\s` as ICU defines it: tab, line feed, form feed, carriage return and the
    /// separators (Unicode Z).
    static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    func spaces(from i: Int) -> Int {
        var i = i
        while i < units.count, Self.isSpace(units[i]) { i += 1 }
        return i
    }

    func isDigit(_ i: Int) -> Bool { i < units.count && units[i] &- 0x30 < 10 }

    func digits(from i: Int) -> Int {
        var i = i
        while isDigit(i) { i += 1 }
        return i
    }

    /// `StatementGrammar.number` at `i` followed by `\s*万\s*元`: the number's end and the
    /// amount's end. The number ends where no digit, separator or point can follow, the
    /// one end after which 万 can come.
    func amount(at i: Int) -> (number: Int, end: Int)? {
        let run = digits(from: i)
        guard run > i else { return nil }
        var end = run
        if run - i <= 3 {
            while unit(end) == 0x2C || unit(end) == 0xFF0C, isDigit(end + 1), isDigit(end + 2), isDigit(end + 3) {
                end += 4
            }
        }
        if unit(end) == 0x2E, isDigit(end + 1) { end = digits(from: end + 1) }
        var j = spaces(from: end)
        guard unit(j) == 0x4E07 else { return nil }  // 万
        j = spaces(from: j + 1)
        guard unit(j) == 0x5143 else { return nil }  // 元
        return (end, j + 1)
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
        let j = spaces(from: i)
        var starts: [Int] = []
        if unit(j) == 0xFF0C || unit(j) == 0x2C { starts.append(spaces(from: j + 1)) }  // the comma taken first
        starts.append(j)
        for c in starts {
            // 比 or 较, then 上年 or 去年.
            guard unit(c) == 0x6BD4 || unit(c) == 0x8F83, unit(c + 1) == 0x4E0A || unit(c + 1) == 0x53BB,
                  unit(c + 2) == 0x5E74 else { continue }
            let found: (groups: [Range<Int>], end: Int)? = lazy(from: c + 3, atLeastOne: false, upTo: 8, Self.mayPrecedeChange) { w in
                guard Self.isChangeWord(unit(w), unit(w + 1)) else { return nil }
                let start = spaces(from: w + 2)
                return amount(at: start).map { ([w..<(w + 2), start..<$0.number], $0.end) }
            }
            if let found { return found }
        }
        return nil
    }

    /// `[^0-9，。；,;]`: what may come between 比上年 and the change.
    static func mayPrecedeChange(_ u: UInt16) -> Bool {
        switch u {
        case 0x30...0x39, 0xFF0C, 0x3002, 0xFF1B, 0x2C, 0x3B: false
        default: true
        }
    }

    /// 增加 减少 減少 增长 下降.
    static func isChangeWord(_ a: UInt16, _ b: UInt16) -> Bool {
        switch (a, b) {
        case (0x589E, 0x52A0), (0x51CF, 0x5C11), (0x6E1B, 0x5C11), (0x589E, 0x957F), (0x4E0B, 0x964D): true
        default: false
        }
    }
}

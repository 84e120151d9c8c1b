import YusuanModel

/// 事实扫描 — the facts the explanation (机关运行经费, 政府采购, 国有资产, 预算绩效) and
/// the overview (下属单位, 内设机构, 人员) state in prose, found by scanning the
/// UTF-16 units of their joined text by hand.
///
/// Each `Fact` matches exactly what the pattern of the same name in
/// `ProseScannerTests` matches on a `JoinedText` (the leftmost match, its groups as
/// a regular-expression engine fills them; the tests check this on the seeds and on
/// many generated texts): `\d` is any Unicode decimal digit and `\p{Han}` the Han
/// script, as ICU reads them. A match is its whole range then its groups' ranges,
/// nil for a group that took no part. Offsets are UTF-16, as in `JoinedText`.
struct ProseScanner: UnitScanning {
    let units: [UInt16]
    /// Where each unit a match can start with (`Fact.leads`) occurs, by its slot in
    /// `leads`: a search visits only these offsets.
    private let offsets: [[Int]]
    /// The line scanned (`init(line:)`): a group's text is sliced from it, not
    /// encoded again from the units.
    private let line: String?

    /// Indexes the units in one pass.
    init(_ units: [UInt16]) {
        var offsets = [[Int]](repeating: [], count: Self.leads.count)
        for (i, u) in units.enumerated() {
            let slot = Self.slots[Int(u)]
            if slot != 0xFF { offsets[Int(slot)].append(i) }
        }
        self.init(units, offsets: offsets)
    }

    /// One line, matched at its start alone (`projectStart`, `field`): nothing is
    /// indexed.
    init(line: String) { self.init(Self.units(of: line), offsets: [], line: line) }

    /// The text's UTF-16 units, decoded from its UTF-8 in place (`Array(text.utf16)`
    /// goes through the generic view, index by index).
    static func units(of text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { b in
            [UInt16](unsafeUninitializedCapacity: b.count) { out, count in
                var i = 0, n = 0
                while i < b.count {
                    let (unit, low, width) = JoinedText.decode(b, at: i)
                    out[n] = unit
                    n += 1
                    if let low {
                        out[n] = low
                        n += 1
                    }
                    i += width
                }
                count = n
            }
        }
    }

    private init(_ units: [UInt16], offsets: [[Int]], line: String? = nil) {
        self.units = units
        self.offsets = offsets
        self.line = line
    }

    /// The text's units before `end` alone: a match must end by `end`, as one found
    /// in `JoinedText.firstMatch(_:from:to:)`'s window does. Offsets are unchanged.
    func prefix(_ end: Int) -> ProseScanner {
        end >= units.count ? self : ProseScanner(Array(units[..<max(0, end)]), offsets: offsets)
    }

    /// The first units of the facts' matches (`Fact.leads`).
    static let leads = Array("机政中小国截房车办其51未安购预整项财非无下内编实在退离".utf16)

    /// Each unit's slot in `leads`, 0xFF for a unit no match starts with.
    private static let slots: [UInt8] = {
        var slots = [UInt8](repeating: 0xFF, count: 0x10000)
        for (slot, u) in leads.enumerated() { slots[Int(u)] = UInt8(slot) }
        return slots
    }()

    typealias Match = [Range<Int>?]

    enum Fact: Equatable {
        // 机关运行经费
        case operatingCost
        // 政府采购
        case procurementTotal, procurementGoods, procurementWorks, procurementServices, reservedSMEs, reservedSmall
        // 国有资产
        case assetsHeading, asOf, building, vehicleStatement, vehicleKind, furniture, otherAssets
        case over50, over100, purchase, noVehiclePurchase, vehiclePurchase
        // 预算绩效
        case performanceHeading, overallTargets, projectTotal, fiscalProjects, nonFiscalProjects
        // 部门概况
        case noUnits, unitCount, unitListIntro, officeList, authorized, actual
        /// `在职` `退休` `离休`: the head count after the label, and its change.
        case headCount(String)

        /// The units a match can start with (each one of `ProseScanner.leads`).
        var leads: [UInt16] {
            let first: String = switch self {
            case .operatingCost: "机"
            case .procurementTotal, .procurementGoods, .procurementWorks, .procurementServices: "政"
            case .reservedSMEs: "中"
            case .reservedSmall: "小"
            case .assetsHeading: "国"
            case .asOf: "截"
            case .building: "房"
            case .vehicleStatement: "车"
            case .furniture: "办"
            case .otherAssets: "其"
            case .over50: "5"
            case .over100: "1"
            case .purchase: "未安"
            case .noVehiclePurchase: "未"
            case .vehiclePurchase: "购"
            case .performanceHeading, .unitListIntro: "预"
            case .overallTargets: "整"
            case .projectTotal: "项"
            case .fiscalProjects: "财"
            case .nonFiscalProjects: "非"
            case .noUnits: "无"
            case .unitCount: "下"
            case .officeList: "下内"
            case .authorized: "编"
            case .actual: "实"
            case .headCount(let label): String(label.prefix(1))
            // Any Han character: scanned only in `matches`.
            case .vehicleKind: ""
            }
            return Array(first.utf16)
        }
    }

    /// The first match of `fact` from `start` (nil where `start` is past the end):
    /// tried at the offsets of the units it can start with, in order.
    func firstMatch(_ fact: Fact, from start: Int = 0) -> Match? {
        guard start >= 0, start <= units.count else { return nil }
        let leads = fact.leads
        guard !offsets.isEmpty, !leads.isEmpty, leads.allSatisfy({ Self.slots[Int($0)] != 0xFF }) else {
            return (start..<units.count).lazy.compactMap { match(fact, at: $0, from: start) }.first
        }
        var first: Match?
        for lead in leads {
            let at = offsets[Int(Self.slots[Int(lead)])]
            // The first offset from `start`, by binary search.
            var lo = 0, hi = at.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if at[mid] < start { lo = mid + 1 } else { hi = mid }
            }
            let stop = min(units.count, first?[0]?.lowerBound ?? units.count)
            while lo < at.count, at[lo] < stop {
                if let m = match(fact, at: at[lo], from: start) {
                    first = m
                    break
                }
                lo += 1
            }
        }
        return first
    }

    /// Every match of `fact` from `start`, left to right, each after the last.
    func matches(_ fact: Fact, from start: Int = 0) -> [Match] {
        guard start >= 0, start <= units.count else { return [] }
        var found: [Match] = []
        var i = start
        while i < units.count {
            if let m = match(fact, at: i, from: start), let whole = m[0] {
                found.append(m)
                i = max(whole.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// `fact` matched at `i`; `start` is where the search began, before which a
    /// look-behind sees nothing.
    func match(_ fact: Fact, at i: Int, from start: Int) -> Match? {
        switch fact {
        case .operatingCost: operatingCost(at: i)
        case .procurementTotal: amount(after: [W.政府采购预算], optional: [W.为], at: i)
        case .procurementGoods: amount(after: [W.政府采购货物预算], optional: [W.为], at: i)
        case .procurementWorks: amount(after: [W.政府采购工程预算], optional: [W.为], at: i)
        case .procurementServices: amount(after: [W.政府采购服务预算], optional: [W.为], at: i)
        case .reservedSMEs: amount(after: [W.中小企业预留政府采购项目预算], optional: [W.金额, W.为], at: i)
        case .reservedSmall: amount(after: [W.小微企业预留政府采购项目预算], optional: [W.金额, W.为], at: i)
        case .assetsHeading: word(W.国有资产占用使用情况, at: i).map { [i..<$0] }
        case .asOf: asOf(at: i)
        case .building: building(at: i)
        case .vehicleStatement: vehicleStatement(at: i)
        case .vehicleKind: vehicleKind(at: i)
        case .furniture: amount(after: [W.办公家具价值], optional: [], at: i)
        case .otherAssets: amount(after: [W.其他资产价值], optional: [], at: i)
        case .over50: equipment(W.n50万元, at: i, from: start)
        case .over100: equipment(W.n100万元, at: i, from: start)
        case .purchase: purchase(at: i)
        case .noVehiclePurchase: noVehiclePurchase(at: i)
        case .vehiclePurchase: vehiclePurchase(at: i)
        case .performanceHeading: performanceHeading(at: i)
        case .overallTargets: overallTargets(at: i)
        case .projectTotal: projectTotal(at: i)
        case .fiscalProjects:
            i == start || unit(i - 1) != 0x975E ? projects(after: W.财政拨款项目, at: i) : nil  // (?<!非)
        case .nonFiscalProjects: projects(after: W.非财政拨款项目, at: i)
        case .noUnits: noUnits(at: i)
        case .unitCount: unitCount(at: i)
        case .unitListIntro: unitListIntro(at: i)
        case .officeList: officeList(at: i)
        case .authorized: authorized(at: i)
        case .actual: actual(at: i)
        case .headCount(let label): headCount(Array(label.utf16), at: i)
        }
    }

    /// The text of a group, nil where it took no part: sliced from the line where
    /// one was scanned (a group never parts a surrogate pair), its UTF-8 offsets
    /// counted from the units' (1 byte below U+0080, 2 below U+0800 and for each
    /// half of a pair, else 3).
    func string(_ range: Range<Int>?) -> String? {
        guard let range else { return nil }
        guard let line else { return string(range) }
        func bytes(_ units: ArraySlice<UInt16>) -> Int {
            var n = 0
            for u in units { n += u < 0x80 ? 1 : u < 0x800 || u & 0xF800 == 0xD800 ? 2 : 3 }
            return n
        }
        let utf8 = line.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: bytes(units[..<range.lowerBound]))
        return String(line[lower..<utf8.index(lower, offsetBy: bytes(units[range]))])
    }

    // MARK: - Pieces

    /// `w` at `i`: where it ends.
    func word(_ w: [UInt16], at i: Int) -> Int? {
        guard i >= 0, i + w.count <= units.count else { return nil }
        for k in 0..<w.count where units[i + k] != w[k] { return nil }
        return i + w.count
    }

    /// `(?:w)?` at `i`: where it ends.
    func optional(_ w: [UInt16], at i: Int) -> Int { word(w, at: i) ?? i }

    /// The first of `words` at `i` (an alternation, tried in order): where it ends.
    func either(_ words: [[UInt16]], at i: Int) -> Int? {
        for w in words { if let end = word(w, at: i) { return end } }
        return nil
    }

    /// `[…]?` at `i`: past the unit where it is one of `set`.
    func optional(oneOf set: [UInt16], at i: Int) -> Int { i < units.count && set.contains(units[i]) ? i + 1 : i }

    /// The scalar at `i` and the units it takes.
    func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
        guard i < units.count else { return nil }
        let u = units[i]
        if UTF16.isLeadSurrogate(u), i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) {
            let value = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00)
            return Unicode.Scalar(value).map { ($0, 2) }
        }
        return Unicode.Scalar(u).map { ($0, 1) }
    }

    /// `\d` at `i` (a Unicode decimal digit, as ICU's): the units it takes, 0 for none.
    /// Foundation's ICU knows the digits of Unicode 16, not those added after.
    func decimal(at i: Int) -> Int {
        guard i < units.count else { return 0 }
        let u = units[i]
        if u &- 0x30 < 10 { return 1 }
        if u < 0x80 { return 0 }
        guard let (c, width) = scalar(at: i), c.properties.generalCategory == .decimalNumber,
              let age = c.properties.age, age.major <= 16
        else { return 0 }
        return width
    }

    /// `\d+` from `i`: where the run ends (`i` where there is none).
    func decimals(from i: Int) -> Int {
        var i = i
        while case let width = decimal(at: i), width > 0 { i += width }
        return i
    }

    /// `\p{Han}` at `i`: the units it takes, 0 for none.
    func han(at i: Int) -> Int {
        guard let (c, width) = scalar(at: i), Self.isHan(c) else { return 0 }
        return width
    }

    /// Whether the scalar is of the Han script (`\p{Han}`).
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: true
        case 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B: true
        case 0xF900...0xFA6D, 0xFA70...0xFAD9: true
        case 0x16FE2, 0x16FE3, 0x16FF0, 0x16FF1: true
        case 0x20000...0x2A6DF, 0x2A700...0x2B739, 0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0,
             0x2EBF0...0x2EE5D, 0x2F800...0x2FA1D, 0x30000...0x3134A, 0x31350...0x323AF: true
        default: false
        }
    }

    /// Literals in turn, each then optional words, then `StatementGrammar.amount`:
    /// the whole and the amount's number.
    func amount(after literal: [[UInt16]], optional words: [[UInt16]], at i: Int) -> Match? {
        var p = i
        for w in literal {
            guard let end = word(w, at: p) else { return nil }
            p = end
        }
        for w in words { p = optional(w, at: p) }
        guard let a = amount(at: p) else { return nil }
        return [i..<a.end, p..<a.number]
    }

    /// A line terminator, as ICU's `.` does not match it and `$` matches before it.
    static func endsLine(_ u: UInt16) -> Bool {
        switch u {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `(.*)$` from `p`: where the group ends (at a line terminator or the end),
    /// nil where the text goes on past a line terminator.
    func restOfLine(from p: Int) -> Int? {
        var e = p
        while e < units.count, !Self.endsLine(units[e]) { e += 1 }
        // `$` matches at the end, or before a line terminator that ends the text.
        if e == units.count || e + 1 == units.count { return e }
        if units[e] == 0x0D, units[e + 1] == 0x0A, e + 2 == units.count { return e }
        return nil
    }

    /// `[一二三四五六七八九十]`.
    static func isChineseNumeral(_ u: UInt16) -> Bool {
        switch u {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: true
        default: false
        }
    }

    // MARK: - Lines of 项目

    /// `^(?:[（(]\s*([一二三四五六七八九十]+)\s*[）)]|(\d+)\s*[.．、])\s*项目名称\s*[：:]\s*(.*)$`:
    /// groups the Chinese ordinal, the ordinal in digits, the name.
    func projectStart() -> Match? {
        var m: Match = [nil, nil, nil, nil]
        var p: Int
        if unit(0) == 0xFF08 || unit(0) == 0x28 {  // （ (
            let s = spaces(from: 1)
            var r = s
            while r < units.count, Self.isChineseNumeral(units[r]) { r += 1 }
            let c = spaces(from: r)
            guard r > s, unit(c) == 0xFF09 || unit(c) == 0x29 else { return nil }
            m[1] = s..<r
            p = c + 1
        } else {
            let d = decimals(from: 0)
            let c = spaces(from: d)
            guard d > 0, unit(c) == 0x2E || unit(c) == 0xFF0E || unit(c) == 0x3001 else { return nil }
            m[2] = 0..<d
            p = c + 1
        }
        guard let q = word(W.项目名称, at: spaces(from: p)) else { return nil }
        let c = spaces(from: q)
        guard unit(c) == 0xFF1A || unit(c) == 0x3A else { return nil }
        let name = spaces(from: c + 1)
        guard let end = restOfLine(from: name) else { return nil }
        m[0] = 0..<end
        m[3] = name..<end
        return m
    }

    // MARK: - Lines of 部门概况 and 落款

    /// `^\d+[、.．]\s*(\S.*)$`: the group is the unit's name.
    func listedUnit() -> Match? {
        let d = decimals(from: 0)
        guard d > 0, unit(d) == 0x3001 || unit(d) == 0x2E || unit(d) == 0xFF0E else { return nil }
        let s = spaces(from: d + 1)
        guard s < units.count, !Self.endsLine(units[s]), let end = restOfLine(from: s + 1) else { return nil }
        return [0..<end, s..<end]
    }

    /// `^([0-9〇零一二三四五六七八九十○]{4})年([0-9〇零一二三四五六七八九十]{1,3})月([0-9〇零一二三四五六七八九十]{1,3})日$`:
    /// groups the year, the month, the day.
    func date() -> Match? {
        func isNumeral(_ i: Int) -> Bool {
            let u = unit(i)
            return u &- 0x30 < 10 || u == 0x3007 || u == 0x96F6 || Self.isChineseNumeral(u)  // 〇 零
        }
        /// 1 to 3 numerals from `p`, then `mark`: where the numerals end.
        func part(from p: Int, then mark: UInt16) -> Int? {
            var e = p
            while e < p + 3, isNumeral(e) { e += 1 }
            return e > p && unit(e) == mark ? e : nil
        }
        for i in 0..<4 where !(isNumeral(i) || unit(i) == 0x25CB) { return nil }  // ○
        guard unit(4) == 0x5E74, let month = part(from: 5, then: 0x6708),  // 年 月
              let day = part(from: month + 1, then: 0x65E5)  // 日
        else { return nil }
        let end = day + 1
        // `$`: the end, or a line terminator that ends the text.
        guard end == units.count || (end + 1 == units.count && Self.endsLine(units[end]))
            || (end + 2 == units.count && units[end] == 0x0D && units[end + 1] == 0x0A)
        else { return nil }
        return [0..<end, 0..<4, 5..<month, (month + 1)..<day]
    }

    // MARK: - 机关运行经费

    /// `机关运行经费(?:财政拨款)?预算(?:数)?(?:为)?` amount, then optionally
    /// `[，,。]?` comparison `(?:预算)?` change word `\s*` amount, and optionally
    /// `\s*[，,]?\s*` rate word `\s*` percentage. Groups: the amount, the change's
    /// word and amount, the rate's word and number.
    func operatingCost(at i: Int) -> Match? {
        guard var p = word(W.机关运行经费, at: i) else { return nil }
        p = optional(W.财政拨款, at: p)
        guard let q = word(W.预算, at: p) else { return nil }
        p = optional(W.为, at: optional(W.数, at: q))
        guard let a = amount(at: p) else { return nil }
        var m: Match = [i..<a.end, p..<a.number, nil, nil, nil, nil]
        let c = optional(oneOf: [0xFF0C, 0x2C, 0x3002], at: a.end)
        guard isComparison(at: c) else { return m }
        let w = optional(W.预算, at: c + 3)
        guard isChangeWord(at: w) else { return m }
        let s = spaces(from: w + 2)
        guard let change = amount(at: s) else { return m }
        m[0] = i..<change.end
        m[2] = w..<(w + 2)
        m[3] = s..<change.number
        let r = spaces(from: optional(oneOf: [0xFF0C, 0x2C], at: spaces(from: change.end)))
        guard isChangeWord(at: r) else { return m }
        let t = spaces(from: r + 2)
        guard let rate = percent(at: t) else { return m }
        m[0] = i..<rate.end
        m[4] = r..<(r + 2)
        m[5] = t..<rate.number
        return m
    }

    // MARK: - 国有资产

    /// `截至(\d{4})年(?:底|末|12月31日)`.
    func asOf(at i: Int) -> Match? {
        guard let p = word(W.截至, at: i) else { return nil }
        var q = p
        for _ in 0..<4 {
            let width = decimal(at: q)
            guard width > 0 else { return nil }
            q += width
        }
        guard let y = word(W.年, at: q), let end = either([W.底, W.末, W.n12月31日], at: y) else { return nil }
        return [i..<end, p..<q]
    }

    /// `房屋(?:面积)?(number)平方米[，,]?价值` amount. Groups: the area, the value.
    func building(at i: Int) -> Match? {
        guard let p = word(W.房屋, at: i).map({ optional(W.面积, at: $0) }), let n = number(at: p),
              let q = word(W.平方米, at: n), let v = word(W.价值, at: optional(oneOf: [0xFF0C, 0x2C], at: q)),
              let a = amount(at: v)
        else { return nil }
        return [i..<a.end, p..<n, v..<a.number]
    }

    /// `车辆(?:共)?\d+辆[^。]*`.
    func vehicleStatement(at i: Int) -> Match? {
        guard let p = word(W.车辆, at: i).map({ optional(W.共, at: $0) }) else { return nil }
        let d = decimals(from: p)
        guard d > p, var end = word(W.辆, at: d) else { return nil }
        while end < units.count, units[end] != 0x3002 { end += 1 }  // 。
        return [i..<end]
    }

    /// `([\p{Han}]+?)(?:共)?(\d+)辆[，,]?价值` amount: the shortest run of Han
    /// characters that the rest follows. Groups: the kind, the count, the value.
    func vehicleKind(at i: Int) -> Match? {
        var p = i
        while case let width = han(at: p), width > 0 {
            p += width
            for q in [word(W.共, at: p), p].compactMap({ $0 }) {
                let d = decimals(from: q)
                guard d > q, let r = word(W.辆, at: d),
                      let v = word(W.价值, at: optional(oneOf: [0xFF0C, 0x2C], at: r)), let a = amount(at: v)
                else { continue }
                return [i..<a.end, i..<p, q..<d, v..<a.number]
            }
        }
        return nil
    }

    /// `(?<![\d.])50万元(?:以上|及以上)(?:的)?大型设备(\d+)台` (or 100万元): the
    /// look-behind sees nothing before `start`.
    func equipment(_ price: [UInt16], at i: Int, from start: Int) -> Match? {
        guard let p = word(price, at: i) else { return nil }
        if i > start {
            if unit(i - 1) == 0x2E { return nil }
            let before = UTF16.isTrailSurrogate(unit(i - 1)) && i - 2 >= start ? i - 2 : i - 1
            if decimal(at: before) == i - before { return nil }
        }
        guard let q = either([W.以上, W.及以上], at: p),
              let r = word(W.大型设备, at: optional(W.的, at: q))
        else { return nil }
        let d = decimals(from: r)
        guard d > r, let end = word(W.台, at: d) else { return nil }
        return [i..<end, r..<d]
    }

    /// `(?:未)?安排(?:购置)?(?:车辆|购置)`.
    func purchase(at i: Int) -> Match? {
        func rest(_ j: Int) -> Int? {
            guard let k = word(W.安排, at: j) else { return nil }
            if let b = word(W.购置, at: k), let end = either([W.车辆, W.购置], at: b) { return end }
            return either([W.车辆, W.购置], at: k)
        }
        if let p = word(W.未, at: i), let end = rest(p) { return [i..<end] }
        return rest(i).map { [i..<$0] }
    }

    /// `未安排(?:购置)?(?:公务)?车辆|未安排购置车辆` (the second is a case of the first).
    func noVehiclePurchase(at i: Int) -> Match? {
        guard let p = word(W.未安排, at: i),
              let end = word(W.车辆, at: optional(W.公务, at: optional(W.购置, at: p)))
        else { return nil }
        return [i..<end]
    }

    /// `购置(?:公务)?车辆(\d+)辆`.
    func vehiclePurchase(at i: Int) -> Match? {
        guard let p = word(W.购置, at: i).flatMap({ word(W.车辆, at: optional(W.公务, at: $0)) }) else { return nil }
        let d = decimals(from: p)
        guard d > p, let end = word(W.辆, at: d) else { return nil }
        return [i..<end, p..<d]
    }

    // MARK: - 预算绩效

    /// `预算绩效(?:管理)?情况`.
    func performanceHeading(at i: Int) -> Match? {
        guard let end = word(W.预算绩效, at: i).flatMap({ word(W.情况, at: optional(W.管理, at: $0)) }) else { return nil }
        return [i..<end]
    }

    /// `涉及(?:预算)?(?:金额|资金)` amount at `p`: the amount.
    func involving(at p: Int) -> (number: Range<Int>, end: Int)? {
        guard let q = word(W.涉及, at: p), let r = either([W.金额, W.资金], at: optional(W.预算, at: q)),
              let a = amount(at: r)
        else { return nil }
        return (r..<a.number, a.end)
    }

    /// `整体(?:预算)?绩效目标(\d+)个[，,]?涉及(?:预算)?(?:金额|资金)` amount.
    func overallTargets(at i: Int) -> Match? {
        guard let p = word(W.整体, at: i).flatMap({ word(W.绩效目标, at: optional(W.预算, at: $0)) }) else { return nil }
        let d = decimals(from: p)
        guard d > p, let q = word(W.个, at: d), let a = involving(at: optional(oneOf: [0xFF0C, 0x2C], at: q))
        else { return nil }
        return [i..<a.end, p..<d, a.number]
    }

    /// `项目共(?:计)?(\d+)个`.
    func projectTotal(at i: Int) -> Match? {
        guard let p = word(W.项目共, at: i).map({ optional(W.计, at: $0) }) else { return nil }
        let d = decimals(from: p)
        guard d > p, let end = word(W.个, at: d) else { return nil }
        return [i..<end, p..<d]
    }

    /// `财政拨款项目(?:共)?(?:(\d+)个)?[，,]?涉及(?:预算)?(?:金额|资金)` amount (or
    /// 非财政拨款项目). Groups: the count where printed, the amount.
    func projects(after literal: [UInt16], at i: Int) -> Match? {
        guard let p = word(literal, at: i).map({ optional(W.共, at: $0) }) else { return nil }
        var count: Range<Int>?
        var q = p
        let d = decimals(from: p)
        if d > p, let end = word(W.个, at: d) {
            count = p..<d
            q = end
        }
        guard let a = involving(at: optional(oneOf: [0xFF0C, 0x2C], at: q)) else { return nil }
        return [i..<a.end, count, a.number]
    }

    // MARK: - 部门概况

    /// `无下属(?:预算)?单位`.
    func noUnits(at i: Int) -> Match? {
        guard let end = word(W.无下属, at: i).flatMap({ word(W.单位, at: optional(W.预算, at: $0)) }) else { return nil }
        return [i..<end]
    }

    /// `下属(?:预算单位)?(\d+)[家个](?:预算)?单位`.
    func unitCount(at i: Int) -> Match? {
        guard let p = word(W.下属, at: i).map({ optional(W.预算单位, at: $0) }) else { return nil }
        let d = decimals(from: p)
        guard d > p, let q = either([W.家, W.个], at: d), let end = word(W.单位, at: optional(W.预算, at: q))
        else { return nil }
        return [i..<end, p..<d]
    }

    /// `预算单位(?:包括|有)[：:]`.
    func unitListIntro(at i: Int) -> Match? {
        guard let p = word(W.预算单位, at: i).flatMap({ either([W.包括, W.有], at: $0) }),
              p < units.count, units[p] == 0xFF1A || units[p] == 0x3A
        else { return nil }
        return [i..<(p + 1)]
    }

    /// `[下内]设(?:机构)?(\d+)个(科室|股室|处室|内设机构|职能科室|部门|科|股|处)[^。；]*?分别(?:是|为)[：:]([^。；]*)`.
    /// Groups: the count, the word, the names.
    func officeList(at i: Int) -> Match? {
        guard unit(i) == 0x4E0B || unit(i) == 0x5185, unit(i + 1) == 0x8BBE else { return nil }  // 下 内, 设
        let p = optional(W.机构, at: i + 2)
        let d = decimals(from: p)
        guard d > p, let q = word(W.个, at: d), let w = either(W.officeWords, at: q) else { return nil }
        func stops(_ u: UInt16) -> Bool { u == 0x3002 || u == 0xFF1B }  // 。 ；
        var k = w
        while k < units.count {
            if let r = word(W.分别, at: k).flatMap({ either([W.是, W.为], at: $0) }), r < units.count,
               units[r] == 0xFF1A || units[r] == 0x3A {
                var end = r + 1
                while end < units.count, !stops(units[end]) { end += 1 }
                return [i..<end, p..<d, q..<w, (r + 1)..<end]
            }
            if stops(units[k]) { return nil }
            k += 1
        }
        return nil
    }

    /// `编制(?:人)?数(?:为)?(\d+)(?:人|名)?`.
    func authorized(at i: Int) -> Match? {
        guard let p = word(W.编制, at: i).flatMap({ word(W.数, at: optional(W.人, at: $0)) }) else { return nil }
        return count(at: optional(W.为, at: p), from: i)
    }

    /// `实有(?:人数)?(?:为)?(\d+)(?:人|名)?`.
    func actual(at i: Int) -> Match? {
        guard let p = word(W.实有, at: i) else { return nil }
        return count(at: optional(W.为, at: optional(W.人数, at: p)), from: i)
    }

    /// `(\d+)(?:人|名)?` at `p`, for a match from `i`.
    func count(at p: Int, from i: Int) -> Match? {
        let d = decimals(from: p)
        guard d > p else { return nil }
        return [i..<(either([W.人, W.名], at: d) ?? d), p..<d]
    }

    /// `label(?:人员)?(\d+)(?:人|名)?(?:[，,、]?(?:比上年)?(增加|减少|減少)(\d+)(?:人|名)?)?`.
    /// Groups: the count, the change's word and number.
    func headCount(_ label: [UInt16], at i: Int) -> Match? {
        guard let p = word(label, at: i).map({ optional(W.人员, at: $0) }), var m = count(at: p, from: i) else { return nil }
        m += [nil, nil]
        let q = optional(W.比上年, at: optional(oneOf: [0xFF0C, 0x2C, 0x3001], at: m[0]!.upperBound))
        guard let w = either([W.增加, W.减少, W.減少], at: q) else { return m }
        let d = decimals(from: w)
        guard d > w else { return m }
        m[0] = i..<(either([W.人, W.名], at: d) ?? d)
        m[2] = q..<w
        m[3] = w..<d
        return m
    }
}

/// The words the facts are stated in, as UTF-16 units.
private enum W {
    static func w(_ s: String) -> [UInt16] { Array(s.utf16) }
    static let 为 = w("为"), 数 = w("数"), 金额 = w("金额"), 预算 = w("预算"), 共 = w("共"), 计 = w("计"), 个 = w("个")
    static let 政府采购预算 = w("政府采购预算"), 政府采购货物预算 = w("政府采购货物预算")
    static let 政府采购工程预算 = w("政府采购工程预算"), 政府采购服务预算 = w("政府采购服务预算")
    static let 中小企业预留政府采购项目预算 = w("中小企业预留政府采购项目预算")
    static let 小微企业预留政府采购项目预算 = w("小微企业预留政府采购项目预算")
    static let 机关运行经费 = w("机关运行经费"), 财政拨款 = w("财政拨款")
    static let 国有资产占用使用情况 = w("国有资产占用使用情况"), 截至 = w("截至"), 年 = w("年")
    static let 底 = w("底"), 末 = w("末"), n12月31日 = w("12月31日")
    static let 房屋 = w("房屋"), 面积 = w("面积"), 平方米 = w("平方米"), 价值 = w("价值")
    static let 车辆 = w("车辆"), 辆 = w("辆"), 办公家具价值 = w("办公家具价值"), 其他资产价值 = w("其他资产价值")
    static let n50万元 = w("50万元"), n100万元 = w("100万元"), 以上 = w("以上"), 及以上 = w("及以上"), 的 = w("的")
    static let 大型设备 = w("大型设备"), 台 = w("台"), 未 = w("未"), 安排 = w("安排"), 购置 = w("购置")
    static let 未安排 = w("未安排"), 公务 = w("公务")
    static let 预算绩效 = w("预算绩效"), 管理 = w("管理"), 情况 = w("情况"), 涉及 = w("涉及"), 资金 = w("资金")
    static let 整体 = w("整体"), 绩效目标 = w("绩效目标"), 项目共 = w("项目共")
    static let 财政拨款项目 = w("财政拨款项目"), 非财政拨款项目 = w("非财政拨款项目")
    static let 无下属 = w("无下属"), 单位 = w("单位"), 下属 = w("下属"), 预算单位 = w("预算单位"), 家 = w("家")
    static let 包括 = w("包括"), 有 = w("有"), 机构 = w("机构"), 分别 = w("分别"), 是 = w("是")
    static let officeWords = ["科室", "股室", "处室", "内设机构", "职能科室", "部门", "科", "股", "处"].map(w)
    static let 编制 = w("编制"), 人 = w("人"), 名 = w("名"), 实有 = w("实有"), 人数 = w("人数"), 人员 = w("人员")
    static let 项目名称 = w("项目名称")
    static let 比上年 = w("比上年"), 增加 = w("增加"), 减少 = w("减少"), 減少 = w("減少")
}

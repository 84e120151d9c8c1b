import Foundation
import YusuanModel

/// 情况说明 — reads 第三部分 into numbered sections and the facts they state.
///
/// Sections start at a line `一、关于…说明` numbered in sequence; a heading wrapped over
/// lines continues until it ends with 说明. The facts (机关运行经费, 政府采购, 国有资产,
/// 预算绩效, 项目) are read from the prose with the printed lines joined without
/// breaks and spaces taken out, so that a sentence or a number wrapped across lines
/// (`1，` / `297.28`) reads whole; each fact keeps the line its statement starts on.
/// They are found by `ProseScanner`, whose amounts, shares and changes are those of
/// `StatementGrammar`, the same that read each section's statements.
enum ExplanationReader {
    static func read(_ lines: [SourceLine]) -> ([ExplanationSection], ExplanationFacts) {
        let content = lines.filter { !Prose.isPageNumber($0.text) }
        let sections = self.sections(content, wrap: Prose.wrapWidth(content.map(\.text)))
        let text = JoinedText(content, compact: true)
        let scan = ProseScanner(text.units)
        let facts = ExplanationFacts(
            operatingCost: operatingCost(text, scan),
            procurement: procurement(text, scan),
            assets: assets(text, scan),
            performanceSummary: performanceSummary(text, scan),
            projects: projects(in: sections))
        return (sections, facts)
    }

    /// True for a line that starts a numbered paragraph inside a section:
    /// （一） (一) ( 五 ) and the like.
    static func isSubsectionHeading(_ text: String) -> Bool {
        // Scalars, spaces skipped: most lines are turned away on their first one.
        var scalars = text.unicodeScalars.lazy.filter { $0 != " " }.makeIterator()
        guard let first = scalars.next(), first == "(" || first == "（" else { return false }
        var numerals = 0
        while let c = scalars.next() {
            if c == ")" || c == "）" { return numerals > 0 }
            guard "一二三四五六七八九十".unicodeScalars.contains(c) else { return false }
            numerals += 1
        }
        return false
    }

    // MARK: Sections

    /// 情况说明 — the numbered sections in order. A line opens a section when it
    /// starts with the next number (or the one after, should one be skipped) and
    /// its heading reads as one (关于…, …说明, …事项).
    ///
    /// Each section is made once its body is complete, so that its statements are
    /// read once (`ExplanationSection.statements`).
    static func sections(_ lines: [SourceLine], wrap: Int?) -> [ExplanationSection] {
        var sections: [ExplanationSection] = []
        var open: (number: String, title: String, source: SourceLocation)?
        var body: [Located<String>] = []
        func close() {
            if let open {
                sections.append(ExplanationSection(
                    number: open.number, title: open.title, lines: body, source: open.source,
                    paragraphStarts: Prose.paragraphStarts(body.map(\.value), wrap: wrap)))
            }
            body = []
        }
        var next = 0
        var i = 0
        while i < lines.count {
            if let (number, title, used) = heading(at: i, in: lines, expecting: next) {
                close()
                open = (Prose.numerals[number], title, lines[i].location)
                next = number + 1
                i += used
                continue
            }
            if open != nil { body.append(Located(lines[i].text, at: lines[i].location)) }
            i += 1
        }
        close()
        return sections
    }

    /// The section heading starting at line `i`: its number (index into
    /// `Prose.numerals`), title and the number of lines it takes.
    static func heading(at i: Int, in lines: [SourceLine], expecting next: Int) -> (Int, String, Int)? {
        guard let (numeral, rest) = Prose.numberedPrefix(lines[i].text),
              let number = Prose.numerals.firstIndex(of: numeral),
              number == next || number == next + 1
        else { return nil }
        var title = rest
        var used = 1
        // A wrapped heading: join up to two more lines while the title does not yet end with 说明.
        if !title.ends(with: "说明") {
            var candidate = title
            for k in 1...2 where i + k < lines.count {
                let t = lines[i + k].text
                if Prose.numberedPrefix(t) != nil || isSubsectionHeading(t) { break }
                candidate += t
                if candidate.ends(with: "说明") {
                    title = candidate
                    used = k + 1
                    break
                }
            }
        }
        guard isTitle(title) else { return nil }
        return (number, title, used)
    }

    /// A heading's wording: 关于…, …说明, …事项.
    static func isTitle(_ title: String) -> Bool {
        title.begins(with: "关于") || title.ends(with: "说明") || title.includes("事项")
    }

    // MARK: 机关运行经费

    /// 机关运行经费 — the amount, then the signed change in 万元 and in percent (增加/增长 +, 减少/下降 −).
    static func operatingCost(_ text: JoinedText, _ scan: ProseScanner) -> OperatingCost? {
        guard let m = scan.firstMatch(.operatingCost), let amount = text.amount(m[1]) else { return nil }
        let change = text.amount(m[3]).map { $0.times(Prose.sign(text.string(m[2]))) }
        let rate = text.amount(m[5]).map { $0.times(Prose.sign(text.string(m[4]))) }
        return OperatingCost(amount: amount, change: change, rate: rate, source: text.location(of: m))
    }

    // MARK: 政府采购

    /// 政府采购 — the total, its split into 货物 / 工程 / 服务, and the amounts reserved
    /// for small and medium enterprises (面向中小企业预留) and, of that, small and micro
    /// ones (小微企业预留, with or without 其中：面向).
    static func procurement(_ text: JoinedText, _ scan: ProseScanner) -> Procurement? {
        guard let m = scan.firstMatch(.procurementTotal), let total = text.amount(m[1]) else { return nil }
        let from = m[0]!.lowerBound
        func value(_ fact: ProseScanner.Fact) -> Amount? {
            scan.firstMatch(fact, from: from).flatMap { text.amount($0[1]) }
        }
        return Procurement(total: total, goods: value(.procurementGoods), works: value(.procurementWorks),
                           services: value(.procurementServices), reservedForSMEs: value(.reservedSMEs),
                           reservedForSmallAndMicro: value(.reservedSmall), source: text.location(of: m))
    }

    // MARK: 国有资产

    /// 国有资产占用使用情况 — read between its heading and 预算绩效情况 (or from the first
    /// 截至 N 年底 where the heading is missing). The holdings come before the sentence
    /// on purchases (…安排购置…), the plans after it.
    static func assets(_ text: JoinedText, _ scan: ProseScanner) -> StateAssets? {
        guard let start = (scan.firstMatch(.assetsHeading) ?? scan.firstMatch(.asOf))?[0]?.lowerBound else { return nil }
        let end = scan.firstMatch(.performanceHeading, from: start)?[0]?.lowerBound ?? text.length
        // The section alone, and the holdings alone: a match must end by their ends.
        let section = scan.prefix(end)
        let held = section.firstMatch(.purchase, from: start)?[0]?.lowerBound ?? end
        let holdings = section.prefix(held)
        var assets = StateAssets(source: text.location(at: start))
        if let m = section.firstMatch(.asOf, from: start) {
            assets.asOfYear = text.int(m[1])
            assets.source = text.location(of: m)
        }
        if let m = section.firstMatch(.building, from: start) {
            assets.buildingArea = text.amount(m[1])
            assets.buildingValue = text.amount(m[2])
        }
        assets.vehicles = vehicles(text, holdings, from: start)
        assets.furnitureValue = section.firstMatch(.furniture, from: start).flatMap { text.amount($0[1]) }
        assets.otherAssetsValue = section.firstMatch(.otherAssets, from: start).flatMap { text.amount($0[1]) }
        assets.equipmentOver50 = holdings.firstMatch(.over50, from: start).flatMap { text.int($0[1]) }
        assets.equipmentOver100 = holdings.firstMatch(.over100, from: start).flatMap { text.int($0[1]) }
        if section.firstMatch(.noVehiclePurchase, from: held) == nil {
            assets.plannedVehicles = section.firstMatch(.vehiclePurchase, from: held).flatMap { text.int($0[1]) }
        }
        assets.plannedEquipmentOver50 = section.firstMatch(.over50, from: held).flatMap { text.int($0[1]) }
        assets.plannedEquipmentOver100 = section.firstMatch(.over100, from: held).flatMap { text.int($0[1]) }
        return assets
    }

    /// 车辆 N 辆，价值 X 万元；其中：一般公务用车 N 辆，价值 X 万元；… — all vehicles
    /// first (kind 车辆), then each kind in printed order.
    static func vehicles(_ text: JoinedText, _ scan: ProseScanner, from start: Int) -> [VehicleHolding] {
        guard let statement = scan.firstMatch(.vehicleStatement, from: start)?[0] else { return [] }
        return scan.prefix(statement.upperBound).matches(.vehicleKind, from: statement.lowerBound).compactMap { m in
            guard var kind = text.string(m[1]), let count = text.int(m[2]), let value = text.amount(m[3]) else {
                return nil
            }
            if kind.begins(with: "其中") { kind.removeFirst(2) }
            return kind.isEmpty ? nil : VehicleHolding(kind: kind, count: count, value: value)
        }
    }

    // MARK: 预算绩效

    /// 预算绩效情况 — 整体预算绩效目标 N 个，涉及预算金额 X 万元；项目共 N 个 (or
    /// 财政拨款项目 N 个)，涉及 X 万元；非财政拨款项目 N 个，涉及 X 万元.
    static func performanceSummary(_ text: JoinedText, _ scan: ProseScanner) -> PerformanceSummary? {
        guard let start = scan.firstMatch(.performanceHeading)?[0]?.lowerBound else { return nil }
        var summary = PerformanceSummary()
        var first: Int?
        if let m = scan.firstMatch(.overallTargets, from: start) {
            summary.overallTargets = text.int(m[1])
            summary.overallAmount = text.amount(m[2])
            first = m[0]!.lowerBound
        }
        if let m = scan.firstMatch(.fiscalProjects, from: start) {
            summary.projectCount = text.int(m[1])
            summary.fiscalProjectAmount = text.amount(m[2])
            first = first ?? m[0]!.lowerBound
        }
        if let m = scan.firstMatch(.projectTotal, from: start) {
            summary.projectCount = text.int(m[1])
        }
        if let m = scan.firstMatch(.nonFiscalProjects, from: start) {
            summary.nonFiscalProjectCount = text.int(m[1])
            summary.nonFiscalProjectAmount = text.amount(m[2])
            first = first ?? m[0]!.lowerBound
        }
        guard let first else { return nil }
        summary.source = text.location(at: first)
        return summary
    }

    // MARK: 项目

    /// The labels of section 七 that are always fields, wherever the line before ends.
    static let knownLabels: Set<String> = [
        "项目名称", "设立的政策依据", "预算安排规模", "项目承担单位", "资金分配情况", "资金执行时间",
        "资金来源", "补贴人数", "补贴标准", "补贴范围", "补贴方式", "发放程序", "受益人群和社会效益",
    ]

    /// 项目 — each project of the section on 项目支出 (七).
    static func projects(in sections: [ExplanationSection]) -> [ProjectDescription] {
        guard let section = sections.first(where: { $0.title.includes("项目支出") && !$0.title.includes("绩效") })
            ?? sections.first(where: { $0.number == "七" })
        else { return [] }
        return projects(section.lines)
    }

    /// Reads `（一）项目名称：…` and the labelled fields that follow, to the next project.
    static func projects(_ lines: [Located<String>]) -> [ProjectDescription] {
        let wrapped = Prose.wrapWidth(lines.map(\.value))
        var projects: [ProjectDescription] = []
        for (n, line) in lines.enumerated() {
            let text = line.value.trimmingSpaces()
            if let (ordinal, rest) = projectStart(text) {
                projects.append(ProjectDescription(ordinal: ordinal, name: "", source: line.source))
                projects[projects.count - 1].fields.append(LabelledText(label: "项目名称", text: rest, source: line.source))
                continue
            }
            guard !projects.isEmpty else { continue }
            let previous = n > 0 ? lines[n - 1].value : ""
            if let (label, rest) = field(text), !Prose.isWrapped(previous, width: wrapped) || knownLabels.contains(label) {
                projects[projects.count - 1].fields.append(LabelledText(label: label, text: rest, source: line.source))
            } else {
                let k = projects[projects.count - 1].fields.count - 1
                projects[projects.count - 1].fields[k].text += text
            }
        }
        return projects.map(fillNamedFields)
    }

    /// `（一）项目名称：X` / `(二) 项目名称：X` / `6. 项目名称：X` → ordinal and X.
    static func projectStart(_ text: String) -> (String, String)? {
        // Most lines are turned away by a byte search before the line is scanned.
        guard text.includes("项目名称") else { return nil }
        let line = ProseScanner(line: text)
        guard let m = line.projectStart() else { return nil }
        let ordinal = line.string(m[1]) ?? line.string(m[2]) ?? ""
        return (ordinal, (line.string(m[3]) ?? "").trimmingSpaces())
    }

    /// A `label：text` line with a label of 2 to 12 Chinese characters
    /// (`^([\p{Han}]{2,12})\s*[：:]\s*(.*)$`): the label and the trimmed text.
    /// Matched on the line's bytes, where it stands: the line is not decoded.
    static func field(_ text: String) -> (String, String)? {
        Spaces.withBytes(text) { b -> (String, String)? in
            func scalar(at i: Int) -> (value: UInt32, width: Int) {
                let (unit, low, width) = JoinedText.decode(b, at: i)
                return (low.map { 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32($0 - 0xDC00) } ?? UInt32(unit), width)
            }
            func skipSpaces(_ i: inout Int) {
                while i < b.count, case let (value, width) = scalar(at: i), value <= 0xFFFF, ProseScanner.isSpace(UInt16(value)) {
                    i += width
                }
            }
            // The bytes of a line terminator at `e` (`ProseScanner.endsLine`), 0 for none.
            func terminator(at e: Int) -> Int {
                switch b[e] {
                case 0x0A...0x0D: 1
                case 0xC2 where e + 1 < b.count && b[e + 1] == 0x85: 2
                case 0xE2 where e + 2 < b.count && b[e + 1] == 0x80 && (b[e + 2] == 0xA8 || b[e + 2] == 0xA9): 3
                default: 0
                }
            }
            var i = 0, count = 0
            while count < 12, i < b.count, case let (value, width) = scalar(at: i),
                  Unicode.Scalar(value).map(ProseScanner.isHan) == true {
                i += width
                count += 1
            }
            guard count >= 2 else { return nil }
            let label = 0..<i
            skipSpaces(&i)
            if i < b.count, b[i] == 0x3A {
                i += 1
            } else if i + 2 < b.count, b[i] == 0xEF, b[i + 1] == 0xBC, b[i + 2] == 0x9A {
                i += 3
            } else {
                return nil
            }
            skipSpaces(&i)
            // `(.*)$`: the text runs to a line terminator, which may only end the line
            // (with `\r\n`, as one).
            var end = i, width = 0
            while end < b.count {
                width = terminator(at: end)
                if width > 0 { break }
                end += 1
            }
            guard end == b.count || end + width == b.count || (b[end] == 0x0D && end + 2 == b.count && b[end + 1] == 0x0A)
            else { return nil }
            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
            return (string(label), string(i..<end).trimmingSpaces())
        }
    }

    /// The labels of the fields copied into their own properties, in the order
    /// `fillNamedFields` tells them apart.
    static let namedLabels = ["项目名称", "设立的政策依据", "预算安排规模", "项目承担单位", "资金分配情况", "资金执行时间"]

    /// Copies the named fields into their properties. Labels are told apart by their
    /// bytes (`String`'s `==` normalises Chinese text first, for every case).
    static func fillNamedFields(_ project: ProjectDescription) -> ProjectDescription {
        var p = project
        for f in p.fields {
            guard let k = namedLabels.firstIndex(where: { f.label.sameBytes(as: $0) }) else { continue }
            let value = f.text.trimmingSpaces()
            switch k {
            case 0: p.name = value
            case 1: p.policyBasis = value
            case 2: p.amount = StatementGrammar.firstAmount(in: value)
            case 3: p.undertakingUnit = value
            case 4: p.allocation = value
            default: p.period = value
            }
        }
        return p
    }
}

// MARK: - Prose helpers shared by the readers of the prose parts

extension JoinedText {
    /// The text of a scanned group, nil where it took no part.
    func string(_ range: Range<Int>?) -> String? { range.map(substring) }

    func int(_ range: Range<Int>?) -> Int? { string(range).flatMap { Int($0) } }

    func amount(_ range: Range<Int>?) -> Amount? { range.flatMap { amount($0) } }

    /// The location of the line a scanned match starts on.
    func location(of match: ProseScanner.Match) -> SourceLocation? { location(at: match[0]?.lowerBound ?? 0) }

    /// The source lines joined (`JoinedText` is the model's; the reader joins `SourceLine`s).
    init(_ lines: [SourceLine], compact: Bool) {
        self.init(lines.map { Located($0.text, at: $0.location) }, compact: compact)
    }
}

/// Small pieces shared by the prose readers.
enum Prose {
    /// The section numerals in order: 一 … 三十.
    static let numerals: [String] = {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        return (1...30).map { n in
            let tens = n / 10, ones = n % 10
            let prefix = tens == 0 ? "" : (tens == 1 ? "十" : digits[tens] + "十")
            return prefix + digits[ones]
        }
    }()

    /// A line that holds nothing but a page number (`30`): one to three ASCII digits.
    static func isPageNumber(_ text: String) -> Bool {
        let t = text.trimmingSpaces().utf8
        return (1...3).contains(t.count) && t.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// `一、 关于…` → (一, 关于…): a Chinese numeral followed by 、, and the rest trimmed.
    /// Up to three numerals, spaces between them allowed, and nothing else before the
    /// first 、, which must be a character of its own (not one joined to a mark).
    static func numberedPrefix(_ text: String) -> (String, String)? {
        Spaces.withBytes(text) { b -> (String, String)? in
            // Leading spaces, then a numeral: most lines are turned away on it.
            var i = 0
            while i < b.count {
                if b[i] == 0x20 || b[i] == 0x09 {
                    i += 1
                } else if b[i] == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x80 {  // U+3000
                    i += 3
                } else {
                    break
                }
            }
            /// Whether a numeral (three bytes, as every one is) starts at `p`.
            func isNumeral(_ p: Int) -> Bool {
                p + 2 < b.count && b[p] & 0xF0 == 0xE0 && ProseScanner.isChineseNumeral(JoinedText.decode(b, at: p).unit)
            }
            guard isNumeral(i) else { return nil }
            var numerals = 0
            var p = i
            while p < b.count {
                if b[p] == 0x20 {
                    p += 1
                } else if isNumeral(p) {
                    numerals += 1
                    p += 3
                } else {
                    break
                }
            }
            // 、 (E3 80 81) next; a mark joined to it makes it another character, which
            // only a character other than ASCII or a Han ideograph (E4–E9) can be.
            guard numerals <= 3, p + 2 < b.count, b[p] == 0xE3, b[p + 1] == 0x80, b[p + 2] == 0x81
            else { return nil }
            let rest = p + 3
            if rest < b.count, b[rest] >= 0x80, !(0xE4...0xE9).contains(b[rest]),
               String(decoding: UnsafeBufferPointer(rebasing: b[p...]), as: UTF8.self).first != "、" {
                return nil
            }
            let tail = UnsafeBufferPointer(rebasing: b[rest...])
            let trimmed = Spaces.trimmedRange(tail)
            let numeral = b[i..<p].filter { $0 != 0x20 }
            return (String(decoding: numeral, as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: tail[trimmed]), as: UTF8.self))
        }
    }

    /// Whether `c` is one of the characters of `marks` (`Character` equality), its
    /// first scalar asked first: a character that opens with a Han ideograph or an
    /// ASCII letter or digit, as most do, is none of them (no mark is, or is
    /// canonically equivalent to, such a character).
    static func isMark(_ c: Character, of marks: String) -> Bool {
        switch c.unicodeScalars.first?.value ?? 0 {
        case 0x4E00...0x9FFF, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return false
        default: return marks.contains(c)
        }
    }

    /// +1 for 增加 / 增长, −1 for 减少 / 減少 / 下降, +1 where no word is given.
    static func sign(_ word: String?) -> Int { word.map(StatementGrammar.isIncrease) == false ? -1 : 1 }

    /// Display width: 2 for a wide (CJK) character, 1 for ASCII. Counted on the
    /// UTF-8 bytes: an ASCII byte is 1, the first byte of any other scalar 2.
    static func width(_ text: String) -> Int { Spaces.withBytes(text, width) }

    /// The display width of UTF-8 bytes (`width(_:)`). Summed a byte a lane for 127
    /// bytes at a time (2 at most a byte: a lane cannot overflow), which the compiler
    /// turns into vector instructions.
    static func width(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0, i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + 127)
            var lane: UInt8 = 0
            while i < end {
                // A scalar's first byte is no continuation byte (10xxxxxx); a wide one's is 11xxxxxx.
                let b = bytes[i]
                lane &+= (b < 0x80 ? 1 : 0) &+ (b >= 0xC0 ? 2 : 0)
                i += 1
            }
            width += Int(lane)
        }
        return width
    }

    /// The width at which the printed lines wrap: the width most full lines reach
    /// (the fifth of the lines of 20 or more columns that are widest begins there),
    /// or nil where the lines are whole paragraphs (wider than a printed line could
    /// be). A percentile rather than the widest line, which may be a table's or a
    /// title's.
    static func wrapWidth(_ lines: [String]) -> Int? {
        // The widths counted from 20 to 120, and those beyond together: the one
        // wanted is found among the counts, or is beyond (nil), with no sorting.
        var counts = [Int](repeating: 0, count: 102)
        var total = 0
        for line in lines {
            let width = width(line)
            guard width >= 20 else { continue }
            counts[min(width, 121) - 20] += 1
            total += 1
        }
        guard total > 0 else { return nil }
        var rank = total * 4 / 5
        for (k, count) in counts.enumerated() where k < 101 {
            if rank < count { return k + 20 }
            rank -= count
        }
        return nil
    }

    /// True when `line` fills the printed width (within what the spaces and
    /// half-width digits of a printed line take) and, unless `inPoint`, does not end
    /// a sentence: the next line continues it. Inside a numbered point a full line
    /// ending in 。 or ； usually goes on (a point runs to the next point); in plain
    /// prose it usually closes a paragraph.
    static func isWrapped(_ line: String, width: Int?, inPoint: Bool = false) -> Bool {
        guard let width else { return false }
        return Spaces.withBytes(line) { b in
            let t = UnsafeBufferPointer(rebasing: b[Spaces.trimmedRange(b)])
            if var k = t.indices.last {
                // The last scalar starts at the last byte that is no continuation byte.
                while k > 0, t[k] & 0xC0 == 0x80 { k -= 1 }
                switch JoinedText.decode(t, at: k).unit {
                case 0xFF1A, 0x3A: return false  // ： :
                case 0x3002, 0xFF1B, 0x3B: if !inPoint { return false }  // 。 ； ;
                default: break
                }
            }
            return self.width(t) * 100 >= width * 85
        }
    }

    /// The known labels of section 七, and the characters they start with.
    private static let knownLabelList: [String] = ExplanationReader.knownLabels.sorted()
    private static let knownLabelStarts: [UInt16] = knownLabelList.compactMap(\.utf16.first)

    /// True when the line opens a field of section 七 by one of its known labels
    /// (`资金来源：…`), as `ExplanationReader.field` would read it: the text before
    /// its first colon (full-width or half-width), spaces taken out, is one of them.
    static func opensKnownField(_ line: String) -> Bool {
        Spaces.withBytes(line) { b in
            // Most lines are turned away on their first character but spaces.
            let start = Spaces.trimmedRange(b).lowerBound
            guard start < b.count else { return false }
            let first = JoinedText.decode(b, at: start).unit
            guard knownLabelStarts.contains(first) else { return false }
            // A label (no label holds a colon), then spaces, then `:` or `：` (EF BC 9A).
            for (label, initial) in zip(knownLabelList, knownLabelStarts) where initial == first {
                guard var k = Spaces.compactEnd(of: b, matching: label) else { continue }
                while k < b.count, case let width = Spaces.spaceWidth(b, at: k), width > 0 { k += width }
                if k < b.count, b[k] == 0x3A || (b[k] == 0xEF && k + 2 < b.count && b[k + 1] == 0xBC && b[k + 2] == 0x9A) {
                    return true
                }
            }
            return false
        }
    }

    /// 段落 — the indices of `lines` at which a printed paragraph begins: the first
    /// line; a line after one that does not fill the printed width or closes its
    /// paragraph (`isWrapped`); a numbered point (`ExplanationSection.startsPoint`);
    /// a labelled field of section 七 (`资金来源：…`). With no wrap width every line
    /// is a paragraph.
    static func paragraphStarts(_ lines: [String], wrap: Int?) -> [Int] {
        guard wrap != nil else { return Array(lines.indices) }
        var starts: [Int] = []
        var inPoint = false
        for (i, line) in lines.enumerated() {
            let point = ExplanationSection.startsPoint(line)
            if i == 0 || point || opensKnownField(line) || !isWrapped(lines[i - 1], width: wrap, inPoint: inPoint) {
                starts.append(i)
                inPoint = point
            }
        }
        return starts
    }
}

import YusuanModel

/// 绩效目标表 — reads the 部门整体 and 项目支出 performance-target tables.
///
/// Each table has a header (names, contact, funds, a goal) and indicator rows. The
/// header is read by its labels (预算单位, 项目名称, 年度预算总额 …), whatever the
/// lines they are wrapped over. The rows come in two forms:
///
/// - tabular: one row a line, cells by tab; an empty 一级/二级 cell repeats the row
///   above, and a row may continue on the next line (`2025 年 12 月 15` then `日`);
/// - flattened: each cell's wrapped lines in column order, neighbouring single-line
///   cells joined by spaces, empty cells and repeated labels left out. The reader
///   cuts the rows into fragments (the space-separated words of each line) and finds
///   the cells that can be recognised — 指标值 (a comparison, a date, a qualitative
///   phrase), 指标值设置依据 (计划标准 …), 分值权重 (a number), 指标赋分规则 (…赋分),
///   佐证资料 (工作资料 …) — and gives what lies between to the name and the labels.
enum PerformanceReader {
    static func readDepartment(_ lines: ArraySlice<SourceLine>) -> DepartmentPerformanceTable? {
        guard let heading = lines.first else { return nil }
        let body = lines.dropFirst()
        guard let header = IndicatorHeader.find(in: body, kind: .department) else { return nil }
        let fields = HeaderText(headerBytes(body[..<header.start]))
            .values(for: DepartmentLabel.searched)
        func field(_ label: DepartmentLabel) -> String? { fields[label.rawValue] }
        // `其他资金（万元） 其他 0`: the value follows the inner 其他 where it is printed.
        let other = field(.otherDetail) ?? field(.other)
        let rows = readRows(body, header: header, kind: .department)
        guard let department = field(.name), !department.isEmpty else { return nil }
        return DepartmentPerformanceTable(
            year: year(body), department: department, contact: field(.contact), phone: field(.phone),
            annualGoal: field(.goal) ?? "", superiorFunds: amount(field(.superior)),
            ownFunds: amount(field(.own)), otherFunds: amount(other),
            indicators: indicators(rows.rows), source: heading.location)
    }

    static func readProject(_ lines: ArraySlice<SourceLine>) -> ProjectPerformanceTable? {
        guard let heading = lines.first else { return nil }
        let body = lines.dropFirst()
        guard let header = IndicatorHeader.find(in: body, kind: .project) else { return nil }
        let fields = HeaderText(headerBytes(body[..<header.start]))
            .values(for: ProjectLabel.searched)
        func field(_ label: ProjectLabel) -> String? { fields[label.rawValue] }
        let rows = readRows(body, header: header, kind: .project)
        var goal = field(.goal) ?? ""
        if goal.isEmpty { goal = rows.leftover }
        guard let project = field(.project), !project.isEmpty else { return nil }
        return ProjectPerformanceTable(
            year: year(body), unit: field(.unit) ?? "", project: project, owner: field(.owner),
            totalFunds: amount(field(.total)), fiscalFunds: amount(field(.fiscal)),
            otherFunds: amount(field(.other)), overallGoal: goal,
            indicators: indicators(rows.rows), source: heading.location)
    }

    // MARK: Header

    /// The header lines' UTF-8 as one text: wrapped lines joined without a break.
    static func headerBytes(_ lines: ArraySlice<SourceLine>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count })
        for line in lines { bytes += line.text.utf8 }
        return bytes
    }

    /// The year printed under the heading: `（2025 年）`.
    static func year(_ body: ArraySlice<SourceLine>) -> Int? {
        for line in body.prefix(3) {
            guard let rest = line.text.compactRest(after: "(") ?? line.text.compactRest(after: "（"),
                  line.text.compactIncludes("年") else { continue }
            let digits = compact(rest).utf8.prefix(while: IndicatorVocabulary.isDigit)
            if digits.count == 4, let year = Int(String(decoding: digits, as: UTF8.self)) { return year }
        }
        return nil
    }

    /// The first number of a header value: `4.5`, `1,248.59`, `其他 0`.
    static func amount(_ value: String?) -> Amount? {
        guard let value else { return nil }
        let utf8 = value.utf8
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard let start = utf8.firstIndex(where: isDigit) else { return nil }
        let end = utf8[start...].firstIndex { !isDigit($0) && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ",") } ?? utf8.endIndex
        return Amount(value[start..<end])
    }

    // MARK: Rows

    /// 指标行 as read, before labels are carried down and targets parsed.
    struct RawRow: Equatable {
        var level1: String?
        var level2: String?
        var name: String
        var target: String
        var basis: String?
        var lastYear: String?
        var weight: String?
        var rule: String?
        var evidence: String?
        var location: SourceLocation?
    }

    static func readRows(_ body: ArraySlice<SourceLine>, header: IndicatorHeader, kind: TableKind)
        -> (rows: [RawRow], leftover: String) {
        let data = body[header.end...]
        if let columns = header.columns {
            return (TabularRows.read(data, columns: columns, width: header.width), "")
        }
        var reader = FlatRows(data)
        let rows = kind == .project ? reader.readProjectRows() : reader.readDepartmentRows()
        return (rows, reader.leftoverText())
    }

    /// Carries 一级/二级 labels down to the rows that leave them out and parses the
    /// targets and weights.
    static func indicators(_ rows: [RawRow]) -> [PerformanceIndicator] {
        var level1 = ""
        var level2 = ""
        return rows.map { row in
            if let l1 = row.level1, !l1.isEmpty {
                if l1 != level1 { level2 = "" }
                level1 = l1
            }
            if let l2 = row.level2, !l2.isEmpty { level2 = l2 }
            return PerformanceIndicator(
                level1: level1, level2: level2, name: tidy(row.name), target: IndicatorTarget(parsing: row.target),
                basis: nonEmpty(row.basis.map(tidy)), lastYear: nonEmpty(row.lastYear.map(tidy)),
                weight: row.weight.flatMap { Amount(compact($0)) }, scoringRule: nonEmpty(row.rule.map(compact)),
                evidence: nonEmpty(row.evidence.map(compact)), source: row.location)
        }
    }

    // MARK: Text helpers

    /// The text without any spaces.
    static func compact(_ text: some StringProtocol) -> String { Spaces.removed(text) }

    /// The text with the spaces between two Chinese characters taken out (a wrap
    /// inside a cell), other spaces kept: `经济 成本 指标` → `经济成本指标`, `DRG 付费`.
    static func tidy(_ text: String) -> String {
        var text = text.trimmingSpaces()
        // Written as bytes: appending scalars to a string one by one is slow. A byte of
        // 0x80 or more is part of a non-ASCII scalar.
        return text.withUTF8 { bytes -> String? in
            guard bytes.contains(UInt8(ascii: " ")) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for k in bytes.indices {
                    let byte = bytes[k]
                    if byte == UInt8(ascii: " "), n > 0 {
                        let before = out[n - 1]
                        if before == UInt8(ascii: " ") { continue }
                        let after = bytes[(k + 1)...].first { $0 != UInt8(ascii: " ") }
                        if let after, before >= 0x80, after >= 0x80 { continue }
                    }
                    out[n] = byte
                    n += 1
                }
                return n
            }
        } ?? text
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}

extension PerformanceReader {
    // MARK: - Table kinds and headers

    /// 部门整体 or 项目支出.
    enum TableKind {
        case department
        case project
    }

    /// 指标表头 — the 一级指标 … row, and the columns it names in the tabular form.
    struct IndicatorHeader {
        /// The first line of the header (an index of the body it was found in).
        var start: Int
        /// The first line after it.
        var end: Int
        /// The column of each field (tabular form only).
        var columns: [IndicatorColumn: Int]?
        /// The number of cells in the header row (tabular form only).
        var width: Int = 0

        static func find(in body: ArraySlice<SourceLine>, kind: TableKind) -> IndicatorHeader? {
            for i in body.indices {
                if let cells = body[i].cells {
                    guard let first = cells.first, first.compactEquals("一级指标") else { continue }
                    let names = cells.map { PerformanceReader.compact($0) }
                    var columns = [IndicatorColumn: Int](minimumCapacity: IndicatorColumn.allCases.count)
                    for (k, name) in names.enumerated() {
                        if let column = IndicatorColumn(header: name), columns[column] == nil { columns[column] = k }
                    }
                    return IndicatorHeader(start: i, end: i + 1, columns: columns, width: names.count)
                }
                guard body[i].text.compactBegins(with: "一级") else { continue }
                // The header's last word is looked for in what each line adds (it was not
                // in what came before).
                let last = kind == .project ? Self.evidence : Self.weight
                var joined: [UInt8] = []
                for j in i..<min(body.endIndex, i + 30) {
                    let before = joined.count
                    joined += PerformanceReader.compact(body[j].text).utf8
                    guard joined[...].begins(with: Self.levelOne) || Self.levelOne[...].begins(with: joined) else { break }
                    if joined[max(0, before - last.count + 1)...].includes(last) { return IndicatorHeader(start: i, end: j + 1) }
                }
            }
            return nil
        }

        /// 一级指标, which opens the header, and 佐证资料 and 分值权重, which end it.
        private static let levelOne = Array("一级指标".utf8), evidence = Array("佐证资料".utf8), weight = Array("分值权重".utf8)
    }

    /// 指标列 — the columns of an indicator row.
    enum IndicatorColumn: Int, Hashable, CaseIterable {
        case level1, level2, name, target, basis, lastYear, weight, rule, evidence

        /// The column a header cell names: 一级指标, 指标值设置依据, 指标分值权重 ….
        init?(header: String) {
            // Bytes, not `==`: comparing Chinese strings normalises them.
            let named: [(String, IndicatorColumn)] = [
                ("一级指标", .level1), ("二级指标", .level2), ("三级指标", .name), ("指标值", .target),
                ("上年完成值", .lastYear), ("佐证资料", .evidence),
            ]
            if let (_, column) = named.first(where: { header.sameBytes(as: $0.0) }) { self = column }
            else if header.ends(with: "依据") { self = .basis }
            else if header.ends(with: "权重") { self = .weight }
            else if header.ends(with: "规则") { self = .rule }
            else { return nil }
        }
    }

    /// 部门整体绩效目标表 header labels, in printed order (compact, ASCII brackets).
    enum DepartmentLabel: Int, CaseIterable {
        case name, contact, phone, goal, budget, source, total, fiscal, superior, own, other, otherDetail

        /// Every label's variants, as `HeaderText` searches them.
        static let searched = allCases.map { $0.variants.map(HeaderText.needle) }

        var variants: [String] {
            switch self {
            case .name: ["部门(单位)名称(盖章)", "部门名称(盖章)", "单位名称(盖章)", "部门(单位)名称", "部门名称", "单位名称"]
            case .contact: ["部门(单位)联系人", "部门联系人", "单位联系人", "联系人"]
            case .phone: ["联系电话"]
            case .goal: ["年度绩效目标"]
            case .budget: ["年度预算(万元)", "年度预算"]
            case .source: ["资金来源"]
            case .total: ["资金总额(万元)", "资金总额"]
            case .fiscal: ["财政资金(万元)", "财政资金"]
            case .superior: ["上级安排"]
            case .own: ["本级安排"]
            case .other: ["其他资金(万元)", "其他资金"]
            case .otherDetail: ["其他"]
            }
        }
    }

    /// 项目支出绩效目标表 header labels, in printed order.
    enum ProjectLabel: Int, CaseIterable {
        case unit, project, owner, funds, total, fiscal, other, goal

        /// Every label's variants, as `HeaderText` searches them.
        static let searched = allCases.map { $0.variants.map(HeaderText.needle) }

        var variants: [String] {
            switch self {
            case .unit: ["预算单位"]
            case .project: ["项目名称"]
            case .owner: ["项目负责人"]
            case .funds: ["项目资金(万元)", "项目资金"]
            case .total: ["年度预算总额"]
            case .fiscal: ["其中财政拨款", "财政拨款"]
            case .other: ["其他资金"]
            case .goal: ["项目总体目标"]
            }
        }
    }

    /// 标签文本 — a header text searched by its labels, ignoring spaces, colons and the
    /// width of brackets; a value is the text between its label and the next one found.
    struct HeaderText {
        // Bytes, not Characters or scalars: comparing Characters of Chinese text normalises
        // them, and decoding scalars costs more than the search. A needle starts with a
        // scalar's first byte, so it is only ever found where a scalar starts.
        /// The text's UTF-8.
        private let bytes: [UInt8]
        /// The text as searched (see `searched(_:at:width:)`), as UTF-8.
        private let compact: [UInt8]
        /// For each byte of `compact`, where its scalar starts in `bytes`.
        private let origin: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            let searched = Self.normalise(bytes)
            compact = searched.compact
            origin = searched.origin
        }

        /// The bytes as searched, and where each of their scalars starts in `bytes`.
        private static func normalise(_ bytes: [UInt8]) -> (compact: [UInt8], origin: [Int]) {
            // Written in place (neither is longer than `bytes`): appending byte by byte to
            // two arrays cost more than the search.
            var origin: [Int] = []
            let compact = [UInt8](unsafeUninitializedCapacity: bytes.count) { compact, n in
                origin = [Int](unsafeUninitializedCapacity: bytes.count) { origin, count in
                    bytes.withUnsafeBufferPointer { bytes in
                        func put(_ byte: UInt8, from offset: Int) {
                            compact[n] = byte
                            origin[n] = offset
                            n += 1
                        }
                        var offset = 0
                        while offset < bytes.count {
                            let width = min(scalarWidth(bytes[offset]), bytes.count - offset)
                            switch searched(bytes, at: offset, width: width) {
                            case .kept: for k in offset..<(offset + width) { put(bytes[k], from: offset) }
                            case .dropped: break
                            case .ascii(let byte): put(byte, from: offset)
                            }
                            offset += width
                        }
                    }
                    count = n
                }
            }
            return (compact, origin)
        }

        /// How a scalar is searched: brackets as ASCII; spaces and colons dropped.
        private enum Searched { case kept, dropped, ascii(UInt8) }

        /// How the scalar of `width` bytes at `i` is searched.
        private static func searched(_ s: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> Searched {
            switch (width, s[i]) {
            case (1, UInt8(ascii: " ")), (1, UInt8(ascii: "\t")), (1, UInt8(ascii: ":")): return .dropped
            case (2, 0xC2) where s[i + 1] == 0xA0: return .dropped  // U+00A0
            case (3, 0xE3) where s[i + 1] == 0x80 && s[i + 2] == 0x80: return .dropped  // U+3000
            case (3, 0xEF) where s[i + 1] == 0xBC:
                switch s[i + 2] {
                case 0x9A: return .dropped  // ：
                case 0x88: return .ascii(UInt8(ascii: "("))  // （
                case 0x89: return .ascii(UInt8(ascii: ")"))  // ）
                default: return .kept
                }
            default: return .kept
            }
        }

        /// A label as searched: normalised, spaces and colons left out.
        static func needle(_ label: String) -> [UInt8] { normalise(Array(label.utf8)).compact }

        /// The values of the labels (each with its variants, as `needle`s), searched in order.
        func values(for labels: [[[UInt8]]]) -> [String?] {
            var found: [(index: Int, range: Range<Int>)] = []
            var position = 0
            for (index, variants) in labels.enumerated() {
                if let best = find(variants, from: position) {
                    found.append((index, best))
                    position = best.upperBound
                }
            }
            var result = [String?](repeating: nil, count: labels.count)
            for (n, label) in found.enumerated() {
                let end = n + 1 < found.count ? found[n + 1].range.lowerBound : compact.count
                result[label.index] = text(from: label.range.upperBound, to: end)
            }
            return result
        }

        /// The first place from `start` where one of the variants is, the longest there.
        /// One scan for all of them: a variant that is not printed is not searched to the end.
        private func find(_ variants: [[UInt8]], from start: Int) -> Range<Int>? {
            compact.withUnsafeBufferPointer { compact in
                var k = start
                while k < compact.count {
                    var best: Range<Int>?
                    for needle in variants where needle.count > best?.count ?? 0 && needle.first == compact[k] {
                        let found = needle.withUnsafeBufferPointer { Spaces.equal(compact, $0, at: k) }
                        if found { best = k..<(k + needle.count) }
                    }
                    if let best { return best }
                    k += 1
                }
                return nil
            }
        }

        /// The original text between two compact positions, trimmed of spaces and colons.
        private func text(from a: Int, to b: Int) -> String {
            let start = a > 0 ? min(origin[a - 1] + scalarWidth(bytes[origin[a - 1]]), bytes.count) : 0
            let end = b < origin.count ? origin[b] : bytes.count
            guard start < end else { return "" }
            var value = bytes[start..<end]
            while let mark = Self.leadingMarks.first(where: { value.begins(with: $0) }) {
                value = value.dropFirst(mark.count)
            }
            return String(decoding: Spaces.trimmed(bytes: value), as: UTF8.self)
        }

        /// What a value may start with before its spaces are trimmed: colons, a space, U+3000.
        private static let leadingMarks = ["：", "\u{3000}", " ", ":"].map { Array($0.utf8) }
    }

    // MARK: - Vocabulary

    /// 词表 — a list of words, looked up by their UTF-8 bytes: the row grammar looks
    /// up runs of fragments many times a row, and a `Set<String>` would hash and
    /// compare Chinese text through Unicode normalisation.
    struct Words {
        let texts: [String]
        let bytes: [[UInt8]]

        init(_ texts: [String]) {
            self.texts = texts
            bytes = texts.map { Array($0.utf8) }
        }

        /// The index of the word that is exactly `s`.
        func index(of s: ArraySlice<UInt8>) -> Int? { bytes.firstIndex { s.same(as: $0) } }
        func contains(_ s: ArraySlice<UInt8>) -> Bool { index(of: s) != nil }
        func contains(_ s: String) -> Bool { contains(ArraySlice(s.utf8)) }
        /// Whether some word starts with `s`.
        func extends(_ s: ArraySlice<UInt8>) -> Bool { bytes.contains { $0[...].begins(with: s) } }
        /// Whether `s` starts with some word.
        func opens(_ s: ArraySlice<UInt8>) -> Bool { bytes.contains { s.begins(with: $0) } }
        /// Whether `s` ends with some word.
        func closes(_ s: ArraySlice<UInt8>) -> Bool { bytes.contains { s.ends(with: $0) } }
    }

    /// 指标词汇 — the words that name labels, bases, rules and evidence in these tables.
    enum IndicatorVocabulary {
        static let level1 = Words([
            "产出指标", "效益指标", "满意度指标", "成本指标", "履职效能", "管理效率", "社会效应", "效果指标",
        ])
        static let level2 = Words([
            "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
            "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "满意度指标", "服务对象满意度指标",
        ])
        /// Either level's labels: what may open a row.
        static let levels = Words(level1.texts + level2.texts.filter { !level1.contains($0) })
        /// 指标值设置依据 of project tables.
        static let basis = Words([
            "计划标准", "行业标准", "历史标准", "预算支出标准", "行业或国家标准", "国家或行业标准", "国家标准",
            "地方标准", "其他标准", "自定义", "其他",
        ])
        /// 佐证资料.
        static let evidence = Words([
            "工作资料", "原始凭证", "正式材料", "说明材料", "会议纪要", "财务资料", "相关资料", "其他资料",
            "台账资料", "统计资料", "证明材料", "验收资料",
        ])
        /// How an evidence item not in `evidence` may end (…资料, …凭证).
        static let evidenceEndings = Words(["资料", "材料", "凭证", "纪要", "文件", "报告", "台账"])
        /// Words a qualitative target starts with (有效减轻, 成效明显, 每季度结束后的 15 日内 …).
        static let qualitativeStarts = Words([
            "有效", "基本", "显著", "不断", "逐步", "明显", "持续", "进一步", "大幅", "稳步", "全面", "完全",
            "成效", "减轻", "提高", "提升", "降低", "增强", "改善", "每", "达到", "保持", "良好", "较好", "优良",
            "按时", "及时", "稳定",
        ])
        /// Qualitative targets that are a whole word.
        static let qualitativeWords = Words(["是", "否", "达标", "合格", "优", "良"])

        static func isLevel(_ s: String) -> Bool { levels.contains(s) }

        static func isQualitative(_ s: ArraySlice<UInt8>) -> Bool {
            qualitativeWords.contains(s) || qualitativeStarts.opens(s)
        }

        /// An evidence item: a known one, or a short word ending like one (…资料, …凭证).
        static func isEvidenceItem(_ s: ArraySlice<UInt8>) -> Bool {
            evidence.contains(s) || (s.scalarCount <= 6 && evidenceEndings.closes(s))
        }

        /// The length of the mark at `i` that separates evidence items (, ， 、 ; ；), or 0.
        @inline(__always)
        static func evidenceSeparator(_ s: ArraySlice<UInt8>, at i: Int) -> Int {
            switch s[i] {
            case UInt8(ascii: ","), UInt8(ascii: ";"): return 1
            case 0xEF where s.has("，".utf8, at: i - s.startIndex) || s.has("；".utf8, at: i - s.startIndex): return 3
            case 0xE3 where s.has("、".utf8, at: i - s.startIndex): return 3
            default: return 0
            }
        }

        /// Whether a run of evidence text is complete, still open (`工作资`, `正式材料,工作`)
        /// or not evidence at all. The run grows a line at a time and is looked at again
        /// each time.
        static func evidenceState(_ s: ArraySlice<UInt8>) -> EvidenceState {
            var start = s.startIndex
            var i = s.startIndex
            while i < s.endIndex {
                let width = evidenceSeparator(s, at: i)
                guard width > 0 else { i += 1; continue }
                if !isEvidenceItem(s[start..<i]) { return .invalid }
                i += width
                start = i
            }
            let last = s[start...]
            if isEvidenceItem(last) { return .complete }
            if last.isEmpty || evidence.extends(last) { return .open }
            return .invalid
        }

        enum EvidenceState { case complete, open, invalid }

        /// A 分值权重: a plain number up to 100 (`20`, `3.5`, `0.5`).
        static func isWeight(_ s: some Collection<UInt8>) -> Bool {
            guard let first = s.first, isDigit(first),
                  s.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
                  let value = Amount(String(decoding: s, as: UTF8.self)) else { return false }
            return value <= Amount(100)
        }

        static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

        /// The units a target's number may carry besides ASCII letters, `%`, `/` and brackets:
        /// 万人, 次, 元/人/年, 区（县、市）.
        static let unitScalars = Set("万千百亿元角人次个家天项％‰户所批辆条度方年月日周时分秒（）、县市区件份篇期场台套张本例名岗间座处册部组类吨里米升倍".unicodeScalars.map(\.value))

        /// A unit after a target's number: 万人, 次, 元/人/年, 区（县、市）, %.
        static func isUnitScalar(_ c: UInt32) -> Bool {
            if c < 0x80 {
                let b = UInt8(c)
                return (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || b == UInt8(ascii: "%") || b == UInt8(ascii: "/") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
            }
            return unitScalars.contains(c)
        }

        /// The operators a numeric target opens with: ＞ ＜ > < = ＝ ≥ ≤.
        static let operators = Words(["＞", "＜", ">", "<", "=", "＝", "≥", "≤"])

        /// The length of the operator at `i` (`＞`, `<=`'s `<` …), or 0.
        static func operatorWidth(_ s: ArraySlice<UInt8>, at i: Int) -> Int {
            guard s.indices.contains(i) else { return 0 }
            // Each operator starts with one of these bytes (＞＜＝ with 0xEF, ≥≤ with 0xE2);
            // most places a target is looked for start with none.
            switch s[i] {
            case 0xEF, 0xE2, UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "="):
                return operators.bytes.first { s.has($0, at: i - s.startIndex) }?.count ?? 0
            default: return 0
            }
        }

        /// The start of a numeric target, possibly cut by a wrap: `＞`, `＞=10.2`, `=7.37元/`.
        /// `s` is compact (no spaces).
        static func isNumericTargetPrefix(_ s: ArraySlice<UInt8>) -> Bool {
            var i = s.startIndex
            var ops = 0
            while i < s.endIndex, case let width = operatorWidth(s, at: i), width > 0 {
                i += width
                ops += 1
            }
            guard (1...2).contains(ops) else { return false }
            let digits = i
            while i < s.endIndex, isDigit(s[i]) || s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") { i += 1 }
            if i == digits { return i == s.endIndex }
            return s[i...].allScalars(isUnitScalar)
        }

        /// The start of a date target, possibly cut by a wrap: `2025`, `2025年12`, `2025年10月30日前`.
        /// `s` is compact (no spaces). The grammar, scanned by hand on bytes (a regex here
        /// was compiled on every call):
        /// `(19|20)dd(年((d{1,2}(月(d{1,2}(日(前|之前|以前)?)?)?)?)|底|末|第[一二三四1-4]季度)?)?`.
        static func isDatePrefix(_ s: ArraySlice<UInt8>) -> Bool {
            let t = s.startIndex
            let n = s.count
            /// Whether `word` is at offset `k`.
            func at(_ k: Int, _ word: String) -> Bool { s.has(word.utf8, at: k) }
            func digit(_ k: Int) -> Bool { k < n && isDigit(s[t + k]) }
            /// One or two digits at `i`, moving past them.
            func number(_ i: inout Int) -> Bool {
                guard digit(i) else { return false }
                i += digit(i + 1) ? 2 : 1
                return true
            }
            guard at(0, "19") || at(0, "20"), digit(2), digit(3) else { return false }
            var i = 4
            if i == n { return true }
            guard at(i, "年") else { return false }
            i += 3
            if i == n { return true }
            if at(i, "底") || at(i, "末") { return i + 3 == n }
            if at(i, "第") {
                i += 3
                guard let quarter = ["一", "二", "三", "四", "1", "2", "3", "4"].first(where: { at(i, $0) }) else { return false }
                i += quarter.utf8.count
                return at(i, "季度") && i + 6 == n
            }
            guard number(&i) else { return false }
            if i == n { return true }
            guard at(i, "月") else { return false }
            i += 3
            if i == n { return true }
            guard number(&i) else { return false }
            if i == n { return true }
            guard at(i, "日") else { return false }
            let rest = s[(t + i + 3)...]
            return ["", "前", "之前", "以前"].contains { rest.same(as: $0.utf8) }
        }
    }

    // MARK: - Tabular rows

    /// 表格行 — rows given as cells (the tabular form).
    enum TabularRows {
        /// A row's cells by column (an array: a dictionary per line hashed each column).
        struct Cells {
            private var cells = [String?](repeating: nil, count: IndicatorColumn.allCases.count)

            subscript(column: IndicatorColumn) -> String? {
                get { cells[column.rawValue] }
                set { cells[column.rawValue] = newValue }
            }

            subscript(column: IndicatorColumn, default value: String) -> String { self[column] ?? value }

            /// The columns that have a cell, in order.
            var filled: [(column: IndicatorColumn, text: String)] {
                IndicatorColumn.allCases.compactMap { column in self[column].map { (column, $0) } }
            }
        }

        static func read(_ lines: ArraySlice<SourceLine>, columns: [IndicatorColumn: Int], width: Int)
            -> [PerformanceReader.RawRow] {
            var rows: [PerformanceReader.RawRow] = []
            let columns = columns.map { (column: $0.key, index: $0.value) }
            for line in lines {
                guard let cells = line.cells else { continue }
                var row = aligned(cells, columns: columns, width: width)
                if row[.name, default: ""].isEmpty && row[.weight, default: ""].isEmpty {
                    if !rows.isEmpty { continueRow(&rows[rows.count - 1], with: row) }
                    continue
                }
                repairName(&row)
                rows.append(PerformanceReader.RawRow(
                    level1: PerformanceReader.compact(row[.level1, default: ""]),
                    level2: PerformanceReader.compact(row[.level2, default: ""]),
                    name: row[.name, default: ""], target: row[.target, default: ""],
                    basis: row[.basis], lastYear: row[.lastYear], weight: row[.weight],
                    rule: row[.rule], evidence: row[.evidence], location: line.location))
            }
            return rows
        }

        /// The cells by column; a row whose 权重 cell holds no number is tried aligned
        /// to the right instead (a row whose first cells slipped).
        static func aligned(_ cells: [String], columns: [(column: IndicatorColumn, index: Int)], width: Int) -> Cells {
            func map(_ cells: [String]) -> Cells {
                var row = Cells()
                for (column, k) in columns where k < cells.count { row[column] = cells[k].trimmingSpaces() }
                return row
            }
            let left = map(cells)
            if IndicatorVocabulary.isWeight(PerformanceReader.compact(left[.weight, default: ""]).utf8) { return left }
            var trimmed = cells
            while let last = trimmed.last, last.trimmingSpaces().isEmpty { trimmed.removeLast() }
            guard trimmed.count < width else { return left }
            let right = map([String](repeating: "", count: width - trimmed.count) + trimmed)
            return IndicatorVocabulary.isWeight(PerformanceReader.compact(right[.weight, default: ""]).utf8) ? right : left
        }

        /// A line that only carries the rest of a wrapped cell (`日`) adds it to the row above.
        static func continueRow(_ row: inout PerformanceReader.RawRow, with cells: Cells) {
            for (column, text) in cells.filled where !text.isEmpty {
                switch column {
                case .target: row.target += text
                case .basis: row.basis = (row.basis ?? "") + text
                case .lastYear: row.lastYear = (row.lastYear ?? "") + text
                case .rule: row.rule = (row.rule ?? "") + text
                case .evidence: row.evidence = (row.evidence ?? "") + text
                default: break
                }
            }
        }

        /// An empty name with a label cell that is no label: the name slipped left.
        static func repairName(_ row: inout Cells) {
            guard row[.name, default: ""].isEmpty else { return }
            for column in [IndicatorColumn.level2, .level1] {
                let text = row[column, default: ""]
                if !text.isEmpty && !IndicatorVocabulary.isLevel(PerformanceReader.compact(text)) {
                    row[.name] = text
                    row[column] = ""
                    return
                }
            }
        }
    }

    // MARK: - Flattened rows

    /// 碎片 — one space-separated word of a flattened line, as ranges of its reader's
    /// buffers: the grammar tests runs of fragments as bytes, without making strings.
    struct Fragment {
        /// Its UTF-8 in `FlatRows.text`.
        var text: Range<Int>
        /// Its UTF-8 without spaces, in `FlatRows.compact`: every test of the row grammar reads it.
        var compact: Range<Int>
        /// The index of its line in the region.
        var line: Int
        var startsLine: Bool
        var endsLine: Bool
    }

    /// 平铺行 — rows of the flattened form, found from the cells that can be recognised.
    struct FlatRows {
        typealias Row = PerformanceReader.RawRow
        var f: [Fragment] = []
        /// The fragments' texts back to back, in order, so that a run of fragments is
        /// one slice (unless a label cut off the start of one of them).
        var text: [UInt8] = []
        /// The same without spaces.
        var compact: [UInt8] = []
        /// The location of each line.
        var locations: [SourceLocation] = []
        /// The first fragment not taken by a row.
        var consumed = 0

        init(_ lines: ArraySlice<SourceLine>) {
            var size = 0
            for k in lines.indices { size += lines[k].text.utf8.count }
            var f: [Fragment] = [], locations: [SourceLocation] = [], compact: [UInt8] = []
            f.reserveCapacity(size / 8)
            locations.reserveCapacity(lines.count)
            // Both buffers written in place (neither is longer than the lines): appending
            // word by word costs more than the words' bytes.
            text = [UInt8](unsafeUninitializedCapacity: size) { text, textCount in
                compact = [UInt8](unsafeUninitializedCapacity: size) { compact, compactCount in
                    // By index: a copy of each line would retain all its parts.
                    for k in lines.indices {
                        let n = k - lines.startIndex
                        locations.append(lines[k].location)
                        var string = lines[k].text
                        string.withUTF8 { bytes in
                            // Split on bytes: a split on Characters breaks graphemes all along the line.
                            let first = f.count
                            var i = 0
                            while i < bytes.count {
                                guard bytes[i] != UInt8(ascii: " ") else { i += 1; continue }
                                let start = i
                                i = Spaces.offset(of: UInt8(ascii: " "), in: bytes, from: i) ?? bytes.count
                                let textStart = textCount, compactStart = compactCount
                                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                                let spaced = word.contains(where: Spaces.mayStartSpace)  // another kind of space
                                textCount = UnsafeMutableBufferPointer(rebasing: text[textCount...])
                                    .initialize(fromContentsOf: word) + textCount
                                if spaced {
                                    var k = 0
                                    while k < word.count {
                                        let width = Spaces.spaceWidth(word, at: k)
                                        if width == 0 {
                                            compact.initializeElement(at: compactCount, to: word[k])
                                            compactCount += 1
                                        }
                                        k += max(width, 1)
                                    }
                                } else {
                                    compactCount = UnsafeMutableBufferPointer(rebasing: compact[compactCount...])
                                        .initialize(fromContentsOf: word) + compactCount
                                }
                                f.append(Fragment(text: textStart..<textCount, compact: compactStart..<compactCount,
                                                  line: n, startsLine: f.count == first, endsLine: false))
                            }
                            if f.count > first { f[f.count - 1].endsLine = true }
                        }
                    }
                }
            }
            self.f = f
            self.locations = locations
            self.compact = compact
        }

        // MARK: Fragment text

        /// The fragments' texts run together (no spaces between them).
        func textRun(_ range: Range<Int>) -> ArraySlice<UInt8> { run(range, of: text) { $0.text } }

        /// The fragments' compact texts run together.
        func compactRun(_ range: Range<Int>) -> ArraySlice<UInt8> { run(range, of: compact) { $0.compact } }

        /// The compact text of one fragment.
        func compactText(_ k: Int) -> ArraySlice<UInt8> { compact[f[k].compact] }

        /// One fragment's text as a string.
        func string(_ k: Int) -> String { String(decoding: text[f[k].text], as: UTF8.self) }

        /// One slice of `buffer` where the fragments' bytes follow each other there, a
        /// copy where a label cut one of them.
        @inline(__always)
        private func run(_ range: Range<Int>, of buffer: [UInt8], _ part: (Fragment) -> Range<Int>) -> ArraySlice<UInt8> {
            guard let first = range.first else { return [] }
            var end = part(f[first]).upperBound
            for k in range.dropFirst() {
                let bytes = part(f[k])
                guard bytes.lowerBound == end else { return ArraySlice(range.flatMap { buffer[part(f[$0])] }) }
                end = bytes.upperBound
            }
            return buffer[part(f[first]).lowerBound..<end]
        }

        // MARK: Project rows

        /// Rows of `[一级] [二级] 三级 指标值 依据 上年完成值 权重 规则 佐证资料`; a row
        /// ends with its 佐证资料, after the first 指标赋分规则 (…赋分) that follows its name.
        mutating func readProjectRows() -> [Row] {
            var rows: [Row] = []
            var i = 0
            while i < f.count {
                let labels = readLabels(at: i)
                guard labels.next < f.count, let (row, next) = projectRow(from: labels.next, labels: labels) else { break }
                rows.append(row)
                i = next
                consumed = next
            }
            return rows
        }

        /// The row whose name starts at `p`, and the fragment after it.
        private func projectRow(from p: Int, labels: Labels) -> (Row, Int)? {
            guard let r = ruleEnd(from: p + 1) else { return nil }
            var row = Row(level1: labels.level1, level2: labels.level2, name: "", target: "")
            let tail = readNameTargetBasis(&row, from: p, before: r)
            let w = (tail..<r).last { IndicatorVocabulary.isWeight(text[f[$0].text]) }
            // Bounds kept in order whatever the fragments are (an unexpected line must not trap).
            let ruleStart = min(w.map { $0 + 1 } ?? ruleFirst(end: r, floor: tail), r + 1)
            row.lastYear = join(tail..<max(tail, w ?? ruleStart))
            row.weight = w.map(string)
            // The rule and the evidence are kept without spaces (`indicators` takes them out):
            // read from the compact buffer, not joined and then copied again without them.
            row.rule = compactJoin(ruleStart..<(r + 1))
            let e = evidenceEnd(from: r + 1)
            row.evidence = compactJoin((r + 1)..<e)
            return (row, e)
        }

        /// Fills the name, target and basis of a row whose name starts at `p` and whose
        /// rule ends at `r`; returns the first fragment after the basis. The basis is
        /// the first known 依据 after the name; the target is what precedes it from the
        /// first comparison or date, or the qualitative phrase that closes the name.
        private func readNameTargetBasis(_ row: inout Row, from p: Int, before r: Int) -> Int {
            if let basis = basisRun(in: (p + 1)..<r) {
                let split = targetStart(in: (p + 1)..<basis.lowerBound) ?? qualitativeStart(in: p..<basis.lowerBound)
                row.name = join(p..<split)
                row.target = join(split..<basis.lowerBound)
                row.location = locations[f[min(split, basis.lowerBound - 1)].line]
                row.basis = join(basis)
                return basis.upperBound
            }
            // An unknown basis: the fragment after a target that reads as one.
            let t = targetStart(in: (p + 1)..<r) ?? qualitativeStart(in: p..<r)
            let end = targetEnd(from: t, limit: r)
            row.name = join(p..<t)
            row.target = join(t..<end)
            row.location = locations[f[min(t, r)].line]
            guard end < r, !IndicatorVocabulary.isWeight(text[f[end].text]) else { return end }
            row.basis = string(end)
            return end + 1
        }

        /// The last fragment of the first 指标赋分规则 (…赋分) at or after `start`.
        func ruleEnd(from start: Int) -> Int? {
            guard start < f.count else { return nil }
            for k in start..<f.count {
                let piece = compactText(k)
                if piece.ends(with: Self.scored) { return k }
                if k > start, piece.begins(with: Self.score), compactRun((k - 1)..<(k + 1)).ends(with: Self.scored) {
                    return k
                }
            }
            return nil
        }

        /// 赋分, the end of a rule, and its 分 (wrapped onto a line of its own).
        private static let scored = Array("赋分".utf8), score = Array("分".utf8)

        /// The first fragment of a rule ending at `end`, when no weight precedes it:
        /// the rule is that fragment, or the one before too where the rule is wrapped.
        func ruleFirst(end: Int, floor: Int) -> Int {
            if compactText(end).scalarCount > 2 || end <= floor { return end }
            return end - 1
        }

        /// The first run of one to three fragments that is a known 指标值设置依据.
        func basisRun(in range: Range<Int>) -> Range<Int>? {
            for k in range {
                for n in k..<min(range.upperBound, k + 3) where IndicatorVocabulary.basis.contains(compactRun(k..<(n + 1))) {
                    return k..<(n + 1)
                }
            }
            return nil
        }

        // MARK: Department rows

        /// Rows of `[一级] [二级] 三级 指标值 依据 权重`; a row ends with its weight, a
        /// number that ends its line.
        mutating func readDepartmentRows() -> [Row] {
            var rows: [Row] = []
            var i = 0
            while i < f.count {
                let labels = readLabels(at: i)
                let p = labels.next
                guard p < f.count, let (row, next) = departmentRow(from: p, labels: labels) else { break }
                rows.append(row)
                i = next
                consumed = next
            }
            return rows
        }

        private func departmentRow(from p: Int, labels: Labels) -> (Row, Int)? {
            for w in (p + 1)..<max(p + 1, f.count) where f[w].endsLine && IndicatorVocabulary.isWeight(text[f[w].text]) {
                var row = Row(level1: labels.level1, level2: labels.level2, name: "", target: "")
                let targetEnd: Int
                if let t = targetStart(in: (p + 1)..<w) {
                    targetEnd = self.targetEnd(from: t, limit: w + 1)
                    if targetEnd > w { continue }  // the number belongs to the target (a date's day)
                    row.name = join(p..<t)
                    row.target = join(t..<targetEnd)
                    row.location = locations[f[t].line]
                } else {
                    let t = qualitativeStart(in: p..<w)
                    targetEnd = t < w ? (t + 1..<w).first { f[$0].startsLine } ?? w : w
                    row.name = join(p..<t)
                    row.target = join(t..<targetEnd)
                    row.location = locations[f[min(t, w)].line]
                }
                row.basis = join(targetEnd..<w)
                row.weight = string(w)
                return (row, w + 1)
            }
            return nil
        }

        // MARK: Labels

        struct Labels {
            var level1: String?
            var level2: String?
            var next: Int
        }

        /// The 一级 and 二级 labels that open a row, if printed: `产出指` `标` `数量指标`,
        /// or `满意度指标` glued to the name that follows.
        mutating func readLabels(at i: Int) -> Labels {
            guard let first = matchLabel(at: i, IndicatorVocabulary.levels) else {
                return Labels(next: i)
            }
            if IndicatorVocabulary.level1.contains(first.label),
               let second = matchLabel(at: first.next, IndicatorVocabulary.level2) {
                return Labels(level1: first.label, level2: second.label, next: second.next)
            }
            if IndicatorVocabulary.level2.contains(first.label) {
                return Labels(level2: first.label, next: first.next)
            }
            return Labels(level1: first.label, next: first.next)
        }

        /// A label from `vocabulary` spelled over up to four fragments from `i`. A label
        /// that ends inside a fragment leaves the rest of it as a fragment of its own.
        mutating func matchLabel(at i: Int, _ vocabulary: Words) -> (label: String, next: Int)? {
            guard i < f.count else { return nil }
            var before = 0  // the bytes of the fragments before `k`
            for k in i..<min(f.count, i + 4) {
                let s = compactRun(i..<(k + 1))
                if let w = vocabulary.index(of: s) { return (vocabulary.texts[w], k + 1) }
                // The longest label the run starts with that ends inside this fragment.
                var longest: Int?
                for (w, label) in vocabulary.bytes.enumerated()
                where label.count > before && label.count > longest.map({ vocabulary.bytes[$0].count }) ?? 0 && s.begins(with: label) {
                    longest = w
                }
                if let w = longest {
                    cut(k, scalars: vocabulary.bytes[w][before...].scalarCount)
                    return (vocabulary.texts[w], k)
                }
                if !vocabulary.extends(s) { return nil }
                before = s.count
            }
            return nil
        }

        /// Takes the first `scalars` scalars off a fragment's text (and their bytes off its
        /// compact text): what follows a label glued to it.
        private mutating func cut(_ k: Int, scalars: Int) {
            var i = f[k].text.lowerBound
            var kept = 0  // compact bytes cut
            for _ in 0..<scalars where i < f[k].text.upperBound {
                let width = scalarWidth(text[i])
                if text.withUnsafeBufferPointer({ Spaces.spaceWidth($0, at: i) }) == 0 { kept += width }
                i += width
            }
            f[k].text = i..<f[k].text.upperBound
            f[k].compact = (f[k].compact.lowerBound + kept)..<f[k].compact.upperBound
            f[k].startsLine = false
        }

        // MARK: Targets

        /// The first fragment that starts a comparison (`>=`, `＜`) or a date.
        func targetStart(in range: Range<Int>) -> Int? {
            for k in range {
                let piece = compactText(k)
                guard let c = piece.first else { continue }
                if IndicatorVocabulary.operatorWidth(piece, at: piece.startIndex) > 0
                    && IndicatorVocabulary.isNumericTargetPrefix(piece) { return k }
                if IndicatorVocabulary.isDigit(c) && IndicatorVocabulary.isDatePrefix(piece) {
                    let end = targetEnd(from: k, limit: range.upperBound)
                    let printed = joinedBytes(k..<end)[...]
                    if printed.includes(Self.month) || printed.includes(Self.quarter) { return k }
                }
            }
            return nil
        }

        /// 月 and 季度, which a date target names.
        private static let month = Array("月".utf8), quarter = Array("季度".utf8)

        /// The end of a comparison or date target starting at `t`: the fragments that
        /// still read as one.
        func targetEnd(from t: Int, limit: Int) -> Int {
            var end = t
            for k in t..<min(limit, f.count) {
                let candidate = compactRun(t..<(k + 1))
                guard IndicatorVocabulary.isNumericTargetPrefix(candidate) || IndicatorVocabulary.isDatePrefix(candidate)
                else { break }
                end = k + 1
            }
            return max(end, t + 1)
        }

        /// Where a qualitative target starts in `name + target`: the first fragment after
        /// the first that opens a short phrase such as 有效减轻 or 每季度…; failing that
        /// the last line (or the last fragment of a single line).
        func qualitativeStart(in range: Range<Int>) -> Int {
            guard range.count > 1 else { return range.upperBound }
            for k in (range.lowerBound + 1)..<range.upperBound {
                let rest = compactRun(k..<range.upperBound)
                if IndicatorVocabulary.isQualitative(rest) && rest.scalarCount <= 12 { return k }
                let lineEnd = (k..<range.upperBound).first { f[$0].line != f[k].line } ?? range.upperBound
                if IndicatorVocabulary.qualitativeWords.contains(textRun(k..<lineEnd)) { return k }
            }
            if let last = range.last, f[last].line != f[range.lowerBound].line,
               let start = range.first(where: { f[$0].line == f[last].line }) { return start }
            return range.upperBound - 1
        }

        // MARK: Evidence and leftovers

        /// The end of the 佐证资料 starting at `start` (`工作资` `料`, `正式材料,工作` `资料`).
        func evidenceEnd(from start: Int) -> Int {
            var end = start
            guard start < f.count else { return start }
            for k in start..<f.count {
                switch IndicatorVocabulary.evidenceState(compactRun(start..<(k + 1))) {
                case .complete: end = k + 1
                case .open: continue
                case .invalid: return end
                }
            }
            return end
        }

        /// Lines after the last row that belong to no row (a goal printed after the
        /// table, bottom line first), page numbers left out.
        func leftoverText() -> String {
            guard consumed < f.count else { return "" }
            var lines: [[String]] = []
            var last = -1
            for k in consumed..<f.count {
                if f[k].line != last { lines.append([]); last = f[k].line }
                lines[lines.count - 1].append(string(k))
            }
            let texts = lines.map { $0.joined(separator: " ") }.filter { !$0.allSatisfy { $0.isASCII && $0.isNumber } }
            return texts.reversed().joined()
        }

        /// The fragments joined: a space within a line, nothing across a wrap.
        func join(_ range: Range<Int>) -> String {
            let parts = range.clamped(to: f.indices)
            guard !parts.isEmpty else { return "" }
            let length = parts.reduce(0) { $0 + f[$1].text.count + ($1 > range.lowerBound && !f[$1].startsLine ? 1 : 0) }
            // Written in place: a string made from a byte array copies it once more.
            return String(unsafeUninitializedCapacity: length) { out in
                var n = 0
                for k in parts {
                    if k > range.lowerBound && !f[k].startsLine {
                        out[n] = UInt8(ascii: " ")
                        n += 1
                    }
                    n += UnsafeMutableBufferPointer(rebasing: out[n...]).initialize(fromContentsOf: text[f[k].text])
                }
                return n
            }
        }

        /// `join` without spaces.
        func compactJoin(_ range: Range<Int>) -> String {
            String(decoding: compactRun(range.clamped(to: f.indices)), as: UTF8.self)
        }

        /// The UTF-8 of `join`.
        func joinedBytes(_ range: Range<Int>) -> [UInt8] {
            var out: [UInt8] = []
            for k in range where k < f.count {
                if k > range.lowerBound && !f[k].startsLine { out.append(UInt8(ascii: " ")) }
                out += text[f[k].text]
            }
            return out
        }
    }
}

// MARK: - Bytes

/// The length of the UTF-8 sequence that `lead` starts.
private func scalarWidth(_ lead: UInt8) -> Int {
    switch lead {
    case ..<0xC0: 1
    case ..<0xE0: 2
    case ..<0xF0: 3
    default: 4
    }
}

extension ArraySlice<UInt8> {
    /// Whether `piece` is at `offset` (counted from the start), compared in place: the row
    /// grammar asks this many times a row, and `starts(with:)` walks two iterators.
    fileprivate func has(_ piece: some Collection<UInt8>, at offset: Int) -> Bool {
        withUnsafeBufferPointer { bytes in
            piece.withContiguousStorageIfAvailable { Spaces.equal(bytes, $0, at: offset) }
                ?? (offset >= 0 && count - offset >= piece.count && self[(startIndex + offset)...].starts(with: piece))
        }
    }

    /// Whether the bytes start with `prefix`.
    fileprivate func begins(with prefix: some Collection<UInt8>) -> Bool { has(prefix, at: 0) }

    /// Whether the bytes are those of `other`.
    fileprivate func same(as other: some Collection<UInt8>) -> Bool {
        count == other.count && has(other, at: 0)
    }

    /// Whether the bytes end with `suffix`.
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && has(suffix, at: count - suffix.count)
    }

    /// Whether `pin` occurs in the bytes.
    fileprivate func includes(_ pin: [UInt8]) -> Bool {
        guard count >= pin.count else { return false }
        return (0...(count - pin.count)).contains { has(pin, at: $0) }
    }

    /// The number of Unicode scalars (the bytes that start one).
    fileprivate var scalarCount: Int {
        reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    /// Whether every scalar of the (valid UTF-8) bytes passes `test`.
    fileprivate func allScalars(_ test: (UInt32) -> Bool) -> Bool {
        var i = startIndex
        while i < endIndex {
            let width = scalarWidth(self[i])
            var value = width == 1 ? UInt32(self[i]) : UInt32(self[i]) & (0x7F >> width)
            for j in (i + 1)..<Swift.min(i + width, endIndex) { value = value << 6 | UInt32(self[j] & 0x3F) }
            if !test(value) { return false }
            i += width
        }
        return true
    }
}

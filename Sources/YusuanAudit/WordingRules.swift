import YusuanModel

/// 表述矛盾 — wording that contradicts itself or the tables.
public enum WordingRules: RuleSet {
    static let reason = Rule(
        "wording.reason-direction", .wording, .error,
        zh: "增减原因与增减方向一致：减少不能只用增加的事项解释，增加不能只用减少的事项解释",
        en: "The reason given for a change points the same way: a decrease is not explained by increases alone, nor an increase by decreases alone")
    static let notArranged = Rule(
        "wording.not-arranged", .wording, .error,
        zh: "说明称“未安排”的资金或经费在表中没有金额",
        en: "Whatever the text says is not arranged (未安排) has no amount in the tables")
    static let emptyTable = Rule(
        "wording.empty-table", .wording, .error,
        zh: "说明称“为空表”或没有相应支出的表确实没有数据",
        en: "A table the text calls empty (为空表, 没有…安排的支出) has no values")
    static let noCarryOver = Rule(
        "wording.no-carry-over", .wording, .error,
        zh: "说明称没有上年结转结余时，表11 与表1 均无结转结余",
        en: "Where the text says there is no carry-over, tables 11 and 1 carry none")

    static let unchanged = Rule(
        "wording.unchanged", .wording, .warning,
        zh: "增减额与增减率均为零时写作“与上年持平”，不写“增加 0.00 万元，增长 0.00%”",
        en: "No change is said as 持平 (与上年持平), not as “增加 0.00 万元，增长 0.00%”")

    static let vagueReason = Rule(
        "wording.reason-vague", .wording, .warning,
        zh: "增减原因须指明具体事项：“主要原因是”后为空，或只说年度、项目“存在差异”“有所不同”而未说明何事，为警告",
        en: "A reason names what changed: an empty reason, or one that only says the years or projects differ (存在差异, 有所不同) without saying what, is a warning")

    static let repeatedUse = Rule(
        "wording.repeated-use", .wording, .warning,
        zh: "“主要用于”“主要包括”所列用途或科目不重复列出",
        en: "A list of uses or items (主要用于, 主要包括) names each only once")

    public static let rules = [reason, vagueReason, notArranged, emptyTable, noCarryOver, unchanged, repeatedUse,
                               operatingCostReason]

    public static func check(_ context: AuditContext) -> [Finding] {
        let d = context.disclosure
        var findings: [Finding] = []
        for s in context.sections {
            findings += reasons(s)
            findings += vagueReasons(s)
            findings += repeatedUses(s)
            findings += unchangedSaidAsChange(s)
            findings += notArranged(s, d)
            findings += emptyClaims(s, d)
        }
        findings += emptyStatements(d)
        findings += operatingCostReasons(d, context.sections)
        return findings
    }

    // MARK: - 持平

    /// "增加 0.00 万元，增长 0.00%": nothing changed, which is said as 持平. One finding
    /// per section (a 三公 paragraph says it of every item), the other places its consequences.
    static func unchangedSaidAsChange(_ s: AuditSection) -> [Finding] {
        let said = s.statements.changes.filter { $0.amount.isZero && $0.rate.isZero }
        let findings = said.map { c in
            Finding(rule: unchanged, message: "\(c.subject.isEmpty ? "" : c.subject + "：")写作\(c.changeWord) 0 万元、\(c.rateWord) 0%，没有变化，应写作“与上年持平”",
                    section: s.number, at: s.at(c.source), stated: c.amount, expected: .zero, computation: "增减额 0，增减率 0")
        }
        let subjects = said.map(\.subject).filter { !$0.isEmpty }
        return Causes.one(findings) { n in
            "第\(s.number)节 \(n) 处没有变化却写作增减 0 万元、0%"
                + (subjects.isEmpty ? "" : "（\(subjects.joined(separator: "、"))）") + "，应写作“与上年持平”"
        }
    }

    // MARK: - Reasons

    /// Words that speak of more.
    static let increaseWords = ["增加", "增长", "提高", "上升", "上涨", "新增"]
    /// Anything that can speak of less, or of a change without direction: a decrease is
    /// only judged when its reason holds none of these.
    static let decreaseOrNeutral = ["减", "降", "少", "低", "停", "无", "没有", "不再", "取消", "未", "退休", "拍卖",
                                    "调整", "变动", "差异", "不同", "转", "撤", "节约", "控制", "完成", "改变"]
    /// Words that speak of less.
    static let decreaseWords = ["减少", "下降", "降低", "压减", "缩减", "调减", "核减"]
    /// Anything that can speak of more: an increase is only judged when its reason holds none.
    static let increaseOrNeutral = ["增", "提高", "上升", "上涨", "新", "晋升", "调标", "调整", "变动", "差异", "不同",
                                    "改变", "纳入", "结转"]
    /// A character every word of less (`decreaseWords`), and of more (`increaseWords`),
    /// holds: `reasons` searches only a reason that holds one.
    static let decreaseMarks: [Unicode.Scalar] = ["减", "降"]
    static let increaseMarks: [Unicode.Scalar] = ["增", "提", "升", "涨"]

    static func reasons(_ s: AuditSection) -> [Finding] {
        var findings: [Finding] = []
        for c in s.statements.changes where !c.amount.isZero && c.isIncrease == c.rateIsIncrease {
            guard let text = c.reason, !text.isEmpty else { continue }
            // A reason holding no mark of the contradicting kind (most) contradicts nothing,
            // and is not searched.
            let marks = c.isIncrease ? decreaseMarks : increaseMarks
            guard text.unicodeScalars.contains(where: marks.contains) else { continue }
            let contradicts = c.isIncrease
                ? decreaseWords.contains { text.includes($0) } && !increaseOrNeutral.contains { text.includes($0) }
                : increaseWords.contains { text.includes($0) } && !decreaseOrNeutral.contains { text.includes($0) }
            guard contradicts else { continue }
            let words = (c.isIncrease ? decreaseWords : increaseWords).filter { text.includes($0) }
            findings.append(Finding(
                rule: reason,
                message: c.isIncrease
                    ? "\(c.changeWord) \(c.amount) 万元，而原因只讲减少（\(words.joined(separator: "、"))）"
                    : "\(c.changeWord) \(c.amount) 万元，而原因只讲增加（\(words.joined(separator: "、"))）",
                section: s.number, at: s.at(c.source), stated: c.amount, expected: nil,
                computation: "原因：\(text.prefix(60))"))
        }
        return findings
    }

    // MARK: - Reasons that name nothing

    /// Words that say only that two years differ.
    static let differenceWords = ["存在差异", "有所不同", "有所变化", "有所变动", "发生变化", "不一致"]
    /// Words that name a cause: people, pay, contributions, a standard, a code, a named
    /// project (quoted, after normalising) or an amount, funds given or cut. A reason holding one is not judged vague.
    static let causeWords = ["人", "工资", "津贴", "社保", "保险", "公积金", "退休", "标准", "基数", "科目", "调整为",
                             "新增", "增加", "减少", "压减", "节约", "结转", "下达", "政策", "完成", "取消", "停",
                             "《", "\"", "万元", "%"]

    /// A reason that names nothing: empty, or the years or projects said to differ with no cause named.
    static func isVague(_ reason: String) -> Bool {
        // Every difference word holds 差, 同, 变 or 致: a reason without one (most) is vague
        // only where it holds nothing but spaces and marks.
        let mayDiffer = reason.unicodeScalars.contains { c in c == "差" || c == "同" || c == "变" || c == "致" }
        if !mayDiffer {
            return reason.unicodeScalars.allSatisfy { c in
                switch c {
                case "，", "。", "；", "、", "：", ",", ".", ";", ":": true
                default: Spaces.isWhitespace(c)
                }
            }
        }
        // `StatementGrammar.normalize` and the marks taken out in one pass, scalars into
        // bytes: appending scalars one by one is slow.
        var kept: [UInt8] = []
        kept.reserveCapacity(reason.utf8.count)
        for c in reason.unicodeScalars where !Spaces.isWhitespace(c) {
            switch c {
            case "，", "。", "；", "、", "：", ",", ".", ";", ":": continue
            case "（", "〔", "[", "【", "［", "｛", "{": kept.append(UInt8(ascii: "("))
            case "）", "〕", "]", "】", "］", "｝", "}": kept.append(UInt8(ascii: ")"))
            case "“", "”", "\"", "‘", "’": kept.append(UInt8(ascii: "\""))
            default: UTF8.encode(c) { kept.append($0) }
            }
        }
        if kept.isEmpty { return true }
        let text = String(decoding: kept, as: UTF8.self)
        return differenceWords.contains { text.includes($0) } && !causeWords.contains { text.includes($0) }
    }

    static func vagueReasons(_ s: AuditSection) -> [Finding] {
        s.statements.changes.compactMap { c in
            guard !c.amount.isZero, let text = c.reason, isVague(text) else { return nil }
            let said = StatementGrammar.normalize(text)
            return Finding(
                rule: vagueReason,
                message: said.isEmpty
                    ? "\(c.changeWord) \(c.amount) 万元，“主要原因是”之后没有写原因"
                    : "\(c.changeWord) \(c.amount) 万元，原因“\(said.prefix(40))”只说存在差异，没有指明是哪些事项",
                section: s.number, at: s.at(c.source), stated: c.amount, computation: "原因：\(said.prefix(60))")
        }
    }

    // MARK: - A use listed twice

    /// The separator of a list's items (、); commas and semicolons separate clauses, which
    /// may well repeat a word (标准 32 元/人…；标准 40 元/人…).
    static let listSeparator: UInt16 = 0x3001

    /// An item's name: the words before its amount, without a trailing 等.
    static func useName(_ item: String) -> String {
        // Up to the first ASCII digit, found by scalar (walking Characters of Chinese text is slow).
        let digit = item.unicodeScalars.firstIndex { $0.value &- 0x30 < 10 } ?? item.endIndex
        var name = StatementGrammar.normalize(item[..<digit])
        while name.ends(with: "等") || name.ends(with: "约") || name.ends(with: "共") { name.removeLast() }
        return name
    }

    /// One finding per list that names a use with an amount twice, at the line of its second mention.
    static func repeatedUses(_ s: AuditSection) -> [Finding] {
        let text = s.joined
        var findings: [Finding] = []
        for (listStart, list) in PatternScanner(units: s.units).useLists() {
            let units = s.units[list]
            var seen = Set<ByteKey>(), repeated: [String] = []
            var at: SourceLocation?
            var start = list.lowerBound
            for k in list.lowerBound...list.upperBound where k == list.upperBound || units[k] == listSeparator {
                defer { start = k + 1 }
                // Only an item with an amount (元) counts.
                guard units[start..<k].contains(0x5143) else { continue }
                let item = s.string(start..<k)
                let name = useName(item)
                if name.count >= 2, !seen.insert(ByteKey(name)).inserted, !repeated.contains(where: { $0.sameBytes(as: name) }) {
                    repeated.append(name)
                    at = at ?? s.location(at: start)
                }
            }
            guard !repeated.isEmpty else { continue }
            findings.append(Finding(
                rule: repeatedUse,
                message: "同一列举中" + repeated.map { "“\($0)”" }.joined(separator: "、") + "列出不止一次",
                section: s.number, at: at ?? s.location(at: listStart),
                computation: "列举：\(StatementGrammar.normalize(text.substring(list)).prefix(60))"))
        }
        return findings
    }

    // MARK: - 未安排

    static func subject(of clause: String) -> (table: StandardTable, row: RowKey, column: ColumnKey)? {
        if clause.includes("上级政府性基金") { return (.overall, .governmentFundTransfer, .budgeted) }
        if clause.includes("上级国有资本") { return (.overall, .stateCapitalTransfer, .budgeted) }
        if clause.includes("政府性基金") {
            return (.overall, clause.includes("拨款") ? .governmentFundIncome : .governmentFundOwn, .budgeted)
        }
        if clause.includes("国有资本经营") {
            return (.overall, clause.includes("拨款") ? .stateCapitalIncome : .stateCapitalOwn, .budgeted)
        }
        if clause.includes("因公出国") { return (.threePublicCosts, .travelAbroad, .total) }
        if clause.includes("公务用车购置") || clause.includes("购置车辆") { return (.threePublicCosts, .vehiclePurchase, .total) }
        if clause.includes("公务用车运行") { return (.threePublicCosts, .vehicleOperation, .total) }
        if clause.includes("公务接待") { return (.threePublicCosts, .reception, .total) }
        return nil
    }

    static func notArranged(_ s: AuditSection, _ d: Disclosure) -> [Finding] {
        var findings: [Finding] = []
        let text = s.joined
        let units = s.units
        // 未安排, found on the UTF-16 units.
        for lower in units.indices where units[lower] == 0x672A && lower + 2 < units.count
            && units[lower + 1] == 0x5B89 && units[lower + 2] == 0x6392 {
            let upper = lower + 3
            let start = text.clauseStart(before: lower)
            let clause = StatementGrammar.normalize(text.substring(start..<text.clauseEnd(from: upper)))
            // What last year lacked, or 此项 pointing elsewhere, says nothing about this year's tables.
            let before = StatementGrammar.normalize(text.substring(start..<lower))
            if before.includes("上年") || clause.includes("此项") { continue }
            guard let (kind, row, column) = subject(of: clause),
                  let (value, _) = Text.cell(d.table(kind), row, column), !value.isZero else { continue }
            findings.append(Finding(
                rule: notArranged, message: "说明称“\(clause)”，而表\(kind.rawValue) \(row) 为 \(value) 万元",
                table: kind.rawValue, row: row, column: column, section: s.number, at: s.location(at: start),
                stated: .zero, expected: value, computation: "表\(kind.rawValue) \(row)"))
        }
        return findings
    }

    // MARK: - Empty tables and carry-over

    static func referencedTable(_ clause: String) -> StandardTable? {
        if clause.includes("三公") { return .threePublicCosts }
        if clause.includes("上年结转结余") { return .carryOver }
        if clause.includes("政府性基金") { return .governmentFund }
        if clause.includes("国有资本经营") { return .stateCapital }
        return nil
    }

    static func hasValues(_ t: BudgetTable?) -> Amount? {
        guard let t, !t.isEmpty else { return nil }
        return t.row(.grandTotal)?.cells.first??.value ?? t.row(.total)?.cells.first??.value
            ?? t.rows.lazy.compactMap { $0.values.first }.first
    }

    static func emptyClaims(_ s: AuditSection, _ d: Disclosure) -> [Finding] {
        var findings: [Finding] = []
        let text = s.joined
        // Each claim names one of these; most sections name none, and are not split into sentences.
        // None can be printed without 空, 没 or 余 (spaces cannot split a character).
        guard s.units.contains(where: { $0 == 0x7A7A || $0 == 0x6CA1 || $0 == 0x4F59 }) else { return [] }
        // Matched as if the spaces were out, without copying the section to take them out.
        guard ["为空表", "没有使用", "上年结转结余"].contains(where: { text.compactIncludes($0) }) else { return [] }
        // Sentences found on the UTF-16 units; one is normalised only where it holds a
        // character that every claim needs (表, 没 or 结; spaces cannot split one).
        let units = s.units
        var start = 0
        while start < units.count {
            var end = start
            while end < units.count, units[end] != 0x3002 { end += 1 }  // 。
            defer { start = end < units.count ? end + 1 : end }
            guard units[start..<end].contains(where: { $0 == 0x8868 || $0 == 0x6CA1 || $0 == 0x7ED3 }) else { continue }
            let sentence = StatementGrammar.normalize(s.string(start..<end))
            let at = s.location(at: start)
            // 为空表 / 没有使用…安排的支出.
            if sentence.includes("为空表") || sentence.includes("没有使用") {
                // The clause before 为空表, split on scalars: walking Characters of Chinese text is slow.
                let part = Substring(sentence).byteRange(of: "为空表")
                    .map { String(sentence[..<$0.lowerBound].unicodeScalars.split(separator: "，").last.map(Substring.init) ?? "") }
                    ?? sentence
                if let kind = referencedTable(part), let total = hasValues(d.table(kind)) {
                    findings.append(Finding(
                        rule: emptyTable, message: "说明称表\(kind.rawValue)（\(kind.standardTitle)）为空表或没有相应支出，而该表有数据",
                        table: kind.rawValue, section: s.number, at: at, stated: .zero, expected: total,
                        computation: "表\(kind.rawValue) 合计"))
                }
            }
            // 没有上年结转结余.
            if sentence.includes("上年结转结余"), sentence.includes("没有") || sentence.includes("无上年结转") {
                let t11 = hasValues(d.table(.carryOver))
                let t1 = d.table(.overall)?[.carryOver, .budgeted].flatMap { $0.isZero ? nil : $0 }
                if let amount = t11 ?? t1 {
                    findings.append(Finding(
                        rule: noCarryOver, message: "说明称没有上年结转结余，而表\(t11 != nil ? 11 : 1) 有结转结余 \(amount) 万元",
                        table: t11 != nil ? 11 : 1, row: t11 != nil ? .grandTotal : .carryOver,
                        column: t11 != nil ? .total : .budgeted, section: s.number, at: at, stated: .zero, expected: amount,
                        computation: t11 != nil ? "表11 总计" : "表1 上年结转结余"))
                }
            }
        }
        return findings
    }

    /// A table printed with a 为空表 statement in place of rows, yet holding values.
    static func emptyStatements(_ d: Disclosure) -> [Finding] {
        d.tables.compactMap { t in
            guard let statement = t.emptyStatement, let total = hasValues(t) else { return nil }
            return Finding(rule: emptyTable, message: "表\(t.kind.rawValue) 印有空表说明，却有数据",
                           table: t.kind.rawValue, at: statement.source, stated: .zero, expected: total,
                           computation: "表\(t.kind.rawValue) 合计")
        }
    }
}

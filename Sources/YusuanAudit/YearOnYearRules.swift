import Foundation
import YusuanModel

/// 同比增减 — the arithmetic of every "比上年增加/减少 X 万元，增长/下降 y%" the
/// explanation states.
public enum YearOnYearRules: RuleSet {
    static let direction = Rule(
        "year-on-year.direction", .yearOnYear, .error,
        zh: "同一句中增减额与增减率的方向一致：增加对应增长，减少对应下降",
        en: "The amount's direction and the rate's direction agree: 增加 goes with 增长, 减少 with 下降")
    static let rate = Rule(
        "year-on-year.rate", .yearOnYear, .error,
        zh: "增减率等于增减额除以上年数（本年数减增加额或加减少额）乘 100，四舍五入保留两位小数；差 0.01 为舍入警告",
        en: "The rate equals the change divided by last year's amount (this year minus an increase, plus a decrease) × 100, rounded half-up to two decimals; a difference of exactly 0.01 is a rounding warning")
    static let change = Rule(
        "year-on-year.change", .yearOnYear, .error,
        zh: "增减额与本年数、上年数相符：同时写明上年数时增减额等于两者之差，增加额不超过本年数",
        en: "The change agrees with the amounts: where last year's amount is stated it is the difference, and an increase never exceeds this year's amount")
    static let fromZero = Rule(
        "year-on-year.from-zero", .yearOnYear, .warning,
        zh: "上年为零的新增支出没有增长率：写作“增长 100%”不妥，应写明为新增（上年无此项预算）",
        en: "Growth from nothing has no rate: “增长 100%” is questioned; the text should say it is new (no budget last year)")

    static let parts = Rule(
        "year-on-year.parts", .yearOnYear, .error,
        zh: "“其中：”所列各项的增减额（增加为正、减少为负）之和等于总的增减额；差额在舍入范围内（n × 0.005）为警告",
        en: "The changes listed after 其中 (increases plus, decreases minus) add up to the change they belong to; a gap within rounding (n × 0.005) is a warning")

    public static let rules = [direction, rate, change, fromZero, parts, newItem, sumOfChanges]

    public static func check(_ context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        for s in context.sections {
            for c in s.statements.changes { findings += judge(c, section: s.number, at: s.at(c.source)) }
            findings += listedParts(s)
        }
        return findings + newItems(context.sections) + sumsOfChanges(context.sections)
    }

    /// Judges one change; `at` is its line (or the section's heading where it has none).
    static func judge(_ c: StatedChange, section: String, at: SourceLocation?) -> [Finding] {
        var findings: [Finding] = []
        let x = c.amount, y = c.rate
        // The rate is judged to the decimals printed, at most two.
        let places = min(c.ratePlaces, 2)
        var printed: String { "\(c.changeWord) \(x) 万元，\(c.rateWord) \(y)%" }
        if c.isIncrease != c.rateIsIncrease {
            findings.append(Finding(
                rule: direction, message: "增减方向不一致：\(printed)（\(c.changeWord)应配\(c.isIncrease ? "增长" : "下降")）",
                section: section, at: at, stated: y, expected: nil, computation: "\(c.changeWord) ↔ \(c.rateWord)"))
        }
        // Nothing changed: the rate is zero whatever the amount.
        if x.isZero {
            if !y.isZero {
                findings.append(Finding(rule: rate, message: "增减额为 0 而增减率为 \(y)%", section: section, at: at,
                                        stated: y, expected: .zero, computation: "0 / 上年数 × 100"))
            }
            return findings
        }
        guard let current = c.current else { return findings }
        let previous = c.isIncrease ? current - x : current + x
        var formula: String { c.isIncrease ? "\(x) / (\(current) − \(x)) × 100" : "\(x) / (\(current) + \(x)) × 100" }
        if let stated = c.previous, (current - stated).magnitude != x || (current >= stated) != c.isIncrease {
            findings.append(Finding(
                rule: change, message: "增减额与本年数、上年数不符：本年 \(current)，上年 \(stated)，写作\(c.changeWord) \(x)",
                section: section, at: at, stated: x, expected: (current - stated).magnitude,
                computation: "\(current) − \(stated)"))
            return findings
        }
        if previous < .zero {
            findings.append(Finding(
                rule: change, message: "增加额 \(x) 大于本年数 \(current)，上年数将为负",
                section: section, at: at, stated: x, expected: current, computation: "\(current) − \(x) = \(previous)"))
            return findings
        }
        if previous.isZero {
            let hundred = Amount(100)
            if y == hundred {
                findings.append(Finding(rule: fromZero, message: "上年为零，\(printed)：从零增长没有增长率，应写明为新增（上年无此项预算）",
                                        section: section, at: at, stated: y, expected: hundred,
                                        computation: "\(current) − \(x) = 0"))
            } else {
                findings.append(Finding(rule: rate, message: "上年为零的新增应写作增长 100%，写作 \(y)%", section: section,
                                        at: at, stated: y, expected: hundred, computation: "\(current) − \(x) = 0"))
            }
            return findings
        }
        guard let expected = Text.rate(x, of: previous, places: places) else { return findings }
        let difference = (y - expected).magnitude
        guard !difference.isZero else { return findings }
        let severity: Severity = difference <= Amount.step(places: places) ? .warning : .error
        findings.append(Finding(
            rule: rate, message: "增减率与增减额不符：\(printed)，按上年数 \(previous) 计算应为 \(expected)%",
            severity: severity, section: section, at: at, stated: y, expected: expected, computation: formula))
        return findings
    }

    // MARK: - 其中

    /// A change as printed, with the comparison that opens it. Groups: the word, the
    /// amount, the rate's word, the rate. Scanned by hand (`PatternScanner.changes`, as
    /// `anyChange` by `.anyChanges`), held to these patterns by its test.
    static let changePattern = StatementGrammarText.regex(
        "(?:\(StatementGrammar.comparison)[^0-9，。；,;]{0,8}?)?\(StatementGrammar.change)")
    /// 增加 X 万元 with or without a rate: every change a list can hold.
    static let anyChange = StatementGrammarText.regex(StatementGrammar.changeWord + "\\s*" + StatementGrammar.amount)

    /// `比上年减少 0.42 万元，下降 100%，其中：A 增加 0 万元，…；B 减少 0.42 万元，…。`: the
    /// changes after 其中, to the end of the sentence (。), are the parts of the change
    /// before it. Judged only where 其中 follows the change directly (no reason between)
    /// and every 增加/减少 X 万元 of the list is a change with its rate, so that no
    /// part is missed.
    static func listedParts(_ s: AuditSection) -> [Finding] {
        let text = s.joined
        // Only a section naming 其中 can list parts.
        guard s.joined.includes("其中") else { return [] }
        let scanner = PatternScanner(units: s.units)
        let found = scanner.changes()
        let among = Array("其中".utf16), reason = Array("原因".utf16)
        var findings: [Finding] = []
        for (i, heading) in found.enumerated() where i + 1 < found.count {
            let end = heading[0].upperBound
            let next = found[i + 1][0].lowerBound
            // The units between the change and the next, searched in place.
            guard text.offset(of: among, from: end, to: next) != nil, text.offset(of: reason, from: end, to: next) == nil,
                  !s.units[end..<max(end, next)].contains(0x3002) else { continue }  // 。
            let stop = s.units[end...].firstIndex(of: 0x3002) ?? s.units.count  // 。
            let listed = found[(i + 1)...].filter { $0[0].lowerBound < stop }
            let all = scanner.anyChanges(from: next, to: stop)
            guard all.count == listed.count else { continue }
            func signed(_ m: PatternScanner.Match) -> Amount? {
                guard let amount = s.amount(m[2]) else { return nil }
                return StatementGrammar.isIncrease(s.string(m[1])) ? amount : -amount
            }
            guard let total = signed(heading) else { continue }
            let values = listed.compactMap(signed)
            guard values.count == listed.count,
                  let (difference, severity) = SumCheck.judge(total: total, parts: values) else { continue }
            let sum = values.reduce(Amount.zero, +)
            findings.append(Finding(
                rule: parts,
                message: "其中所列 \(values.count) 项增减额合计 \(sum) 万元，与总的增减额 \(total) 万元相差 \(difference) 万元",
                severity: severity, section: s.number, at: s.location(at: heading[0].lowerBound), stated: total, expected: sum,
                computation: SumCheck.describe(values) + " = \(sum)（增加为正、减少为负）"))
        }
        return findings
    }
}

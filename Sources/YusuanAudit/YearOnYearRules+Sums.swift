import Foundation
import YusuanModel

/// 增减合计 — the changes of the parts add up to the change of the whole, where the text
/// states both: the 项 of 五（三） to the 基本支出 and 项目支出 of 五（一）, and the sources of
/// income of 二 to the 基本支出 and 项目支出 of 三 (a budget balances, this year and last).
///
/// Judged only where the parts are complete: their amounts this year add up to the
/// whole's (within the rounding of the printed amounts). A gap within that rounding
/// (n × 0.005 for n parts) is no finding: it is the rounding of one year's printed parts
/// against their printed total, which this year's table arithmetic reports and last
/// year's document printed; a larger one is an error.
extension YearOnYearRules {
    static let sumOfChanges = Rule(
        "year-on-year.sum-of-changes", .yearOnYear, .error,
        zh: "各部分的增减额之和等于整体的增减额：五（三）各项之和等于五（一）基本支出与项目支出之和，二各收入来源之和等于三基本支出与项目支出之和；只在各部分本年数合计等于整体时判断，差额在舍入范围内（n × 0.005）不报",
        en: "The parts' changes add up to the whole's: the items of 五（三） to 五（一）'s basic and project spending, the sources of 二 to 三's; judged where the parts' amounts make up the whole, a gap within rounding (n × 0.005) not reported")

    /// A stated amount with its change, signed (a decrease negative).
    struct Changed {
        var current: Amount
        var change: Amount
        var at: SourceLocation?
    }

    static func sumsOfChanges(_ sections: [AuditSection]) -> [Finding] {
        var findings: [Finding] = []
        for s in sections where s.kind == .generalPublic {
            let whole = basicAndProject(s)
            let items = itemChanges(s)
            guard whole.count == 2, !items.isEmpty,
                  items.count == s.items.count else { continue }
            findings += judge(whole: whole, parts: items, wholeName: "第\(s.number)节基本支出与项目支出",
                              partsName: "所列 \(items.count) 项", section: s)
        }
        if let income = sections.first(where: { $0.kind == .income }),
           let spending = sections.first(where: { $0.kind == .expenditure }) {
            let sources = income.statements.changes.compactMap { c in
                c.current.map { Changed(current: $0, change: signed(c), at: income.at(c.source)) }
            }
            let whole = basicAndProject(spending)
            if whole.count == 2, !sources.isEmpty {
                findings += judge(whole: whole, parts: sources, wholeName: "第\(spending.number)节基本支出与项目支出",
                                  partsName: "第\(income.number)节 \(sources.count) 个收入来源", section: income)
            }
        }
        return findings
    }

    static func signed(_ c: StatedChange) -> Amount { c.isIncrease ? c.amount : -c.amount }

    /// The parts against the whole: nothing where the parts do not make up the whole this
    /// year, or where their changes agree within rounding.
    static func judge(whole: [Changed], parts: [Changed], wholeName: String, partsName: String,
                      section s: AuditSection) -> [Finding] {
        guard let total = Amount.checkedSum(whole.map(\.current)), let change = Amount.checkedSum(whole.map(\.change)),
              SumCheck.judge(total: total, parts: parts.map(\.current))?.severity != .error,
              let (difference, severity) = SumCheck.judge(total: change, parts: parts.map(\.change)),
              severity == .error, let sum = Amount.checkedSum(parts.map(\.change)) else { return [] }
        return [Finding(
            rule: sumOfChanges,
            message: "\(partsName)的增减额合计 \(sum) 万元，与\(wholeName)的增减额合计 \(change) 万元相差 \(difference) 万元",
            section: s.number, at: parts.first?.at ?? s.section.source, stated: change, expected: sum,
            computation: SumCheck.describe(parts.map(\.change)) + " = \(sum)（增加为正、减少为负）")]
    }

    /// 基本支出 and 项目支出 with their changes, as a section states them (the first of each).
    static func basicAndProject(_ s: AuditSection) -> [Changed] {
        let plain = s.plainAmounts
        var found: [String: Changed] = [:]
        for c in s.statements.changes {
            guard let current = c.current else { continue }
            let line = c.source?.line ?? .max
            let label = c.subject.isEmpty
                ? plain.last { $0.amount == current && ($0.source?.line ?? 0) <= line }?.label ?? ""
                : c.subject
            guard label.sameBytes(as: "基本支出") || label.sameBytes(as: "项目支出"), found[label] == nil else { continue }
            found[label] = Changed(current: current, change: signed(c), at: s.at(c.source))
        }
        return ["基本支出", "项目支出"].compactMap { found[$0] }
    }

    /// The 项 of 五（三） with their changes.
    static func itemChanges(_ s: AuditSection) -> [Changed] {
        s.itemChanges.compactMap { m in
            let word = s.string(m[5])
            guard let current = s.amount(m[4]), let change = s.amount(m[6]) else {
                return nil
            }
            return Changed(current: current, change: StatementGrammar.isIncrease(word) ? change : -change,
                           at: s.location(at: m[4].lowerBound))
        }
    }
}

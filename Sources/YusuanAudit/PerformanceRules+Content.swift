import YusuanModel

/// 绩效目标内容 — what a reviewer reads in a project's performance-target table beyond
/// its sums: a 满意度 indicator at its usual weight, cost indicators stated as figures,
/// and targets not set below what the table says was achieved last year.
///
/// The department table (部门整体, framed by 履职效能) has no 满意度 or 成本 level of
/// its own and no 上年完成值 column, so these rules read the project tables only.
extension PerformanceRules {
    static let satisfaction = Rule(
        "performance.satisfaction", .performance, .warning,
        zh: "项目支出绩效目标表设有满意度指标（一级或二级指标为满意度指标）",
        en: "Each project performance table has a satisfaction indicator (满意度指标)")
    static let satisfactionWeight = Rule(
        "performance.satisfaction-weight", .performance, .info,
        zh: "项目支出绩效目标表满意度指标的分值权重合计为通常的 10 分",
        en: "A project table's satisfaction indicators weigh the usual 10 points together")
    static let costQualitative = Rule(
        "performance.cost-qualitative", .performance, .warning,
        zh: "成本指标须量化：指标值为数值和单位（如 <=2.50 万元、=180 元/人），不能只写文字",
        en: "A cost indicator is quantified: its target is a figure with a unit (<=2.50 万元, =180 元/人), not words")
    static let belowLastYear = Rule(
        "performance.below-last-year", .performance, .info,
        zh: "“不低于”型指标（>=、>）的指标值不低于同表所列上年完成值（同一单位）",
        en: "An at-least target (>=, >) is not set below the previous year's result the table states (in the same unit)")

    /// The rules of this file, in the order they are reported.
    static let contentRules = [satisfaction, satisfactionWeight, costQualitative, belowLastYear]

    /// The usual weight of the 满意度 indicators of a project table.
    static let usualSatisfactionWeight = Amount(10)

    static func content(_ projects: [ProjectPerformanceTable], _ d: Disclosure) -> [Finding] {
        var findings = missingSatisfaction(projects, d)
        for p in projects {
            findings += satisfactionWeights(p, d)
            findings += qualitativeCosts(p, d)
            findings += belowLastYear(p, d)
        }
        return findings
    }

    /// Whether an indicator is a 满意度 indicator (满意度指标, or an indicator of 满意率 under it).
    static func isSatisfaction(_ i: PerformanceIndicator) -> Bool {
        i.level1.contains("满意度") || i.level2.contains("满意度")
    }

    /// Whether an indicator is a 成本 indicator (成本指标 at either level).
    static func isCost(_ i: PerformanceIndicator) -> Bool {
        i.level1.contains("成本") || i.level2.contains("成本")
    }

    // MARK: 满意度

    /// One finding for the document: the first table without a 满意度 indicator, the
    /// others as its consequences (a reviewer writes it once, naming the tables).
    static func missingSatisfaction(_ projects: [ProjectPerformanceTable], _ d: Disclosure) -> [Finding] {
        let missing = projects.filter { !$0.indicators.isEmpty && !$0.indicators.contains(where: isSatisfaction) }
        let findings = missing.map { p in
            Finding(rule: satisfaction, message: "绩效目标表“\(p.project)”没有满意度指标",
                    row: p.project, column: "满意度指标", section: section(containing: p.source?.line, in: d),
                    at: p.source, computation: "一级、二级指标中无“满意度”")
        }
        guard var first = findings.first else { return [] }
        if findings.count > 1 {
            first.message = "\(findings.count) 张项目支出绩效目标表没有满意度指标："
                + missing.map { "“\($0.project)”" }.joined(separator: "、")
            first.consequences = Array(findings.dropFirst())
        }
        return [first]
    }

    static func satisfactionWeights(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        let indicators = p.indicators.filter(isSatisfaction)
        let weights = indicators.compactMap(\.weight)
        guard !weights.isEmpty, weights.count == indicators.count else { return [] }
        let total = weights.reduce(Amount.zero, +)
        guard total != usualSatisfactionWeight else { return [] }
        return [Finding(
            rule: satisfactionWeight,
            message: "绩效目标表“\(p.project)”满意度指标分值权重合计 \(total)，通常为 \(usualSatisfactionWeight)",
            row: p.project, column: "满意度指标", section: section(containing: indicators[0].source?.line ?? p.source?.line, in: d),
            at: indicators[0].source ?? p.source, stated: total, expected: usualSatisfactionWeight,
            computation: "满意度指标权重 " + SumCheck.describe(weights))]
    }

    // MARK: 成本指标

    /// A cost indicator whose target has no figure: words (成效明显) where a cost belongs.
    static func qualitativeCosts(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        p.indicators.filter { isCost($0) && $0.target.number == nil && $0.target.date == nil }.map { i in
            Finding(rule: costQualitative,
                    message: "绩效目标表“\(p.project)”成本指标“\(i.name)”的指标值写作“\(i.target.printed)”，没有量化",
                    row: p.project, column: "成本指标/\(i.name)", section: section(containing: i.source?.line ?? p.source?.line, in: d),
                    at: i.source ?? p.source, computation: "指标值应为数值和计量单位")
        }
    }

    // MARK: 上年完成值

    /// 上年完成值 as a figure: `50438 人`, `=1.25万人`, `98%`; nil for words (无, -, 上年该项目未实施).
    static func lastYearValue(_ printed: String?) -> IndicatorTarget? {
        guard let printed = printed?.trimmingCharacters(in: .whitespaces), let first = printed.first else { return nil }
        let target = IndicatorTarget(parsing: first.isASCII && first.isNumber ? "=" + printed : printed)
        return target.number == nil ? nil : target
    }

    /// A unit for comparison: no spaces, `%` and `％` alike.
    static func unitKey(_ unit: String?) -> String {
        String((unit ?? "").compactMap { $0.isWhitespace ? nil : $0 == "％" ? "%" : $0 })
    }

    /// One finding per table: the first indicator set below last year's result, the
    /// others as its consequences. Cost indicators are left out (a lower cost is no
    /// lower target), and so are `=` targets, which may fix a count on purpose.
    static func belowLastYear(_ p: ProjectPerformanceTable, _ d: Disclosure) -> [Finding] {
        var findings: [Finding] = []
        var named: [String] = []
        for i in p.indicators where !isCost(i) {
            guard let c = i.target.comparison, c == .atLeast || c == .greater, let target = i.target.number,
                  let last = lastYearValue(i.lastYear), let achieved = last.number,
                  unitKey(last.unit) == unitKey(i.target.unit), target < achieved else { continue }
            findings.append(Finding(
                rule: belowLastYear,
                message: "绩效目标表“\(p.project)”指标“\(i.name)”的指标值 \(i.target.printed) 低于上年完成值 \(i.lastYear ?? "")",
                row: p.project, column: "\(i.level2)/\(i.name)", section: section(containing: i.source?.line ?? p.source?.line, in: d),
                at: i.source ?? p.source, stated: target, expected: achieved,
                computation: "上年完成值 \(achieved)\(last.unit ?? "")"))
            named.append("\(i.name) \(i.target.printed)（上年 \(i.lastYear ?? "")）")
        }
        guard var first = findings.first else { return [] }
        if findings.count > 1 {
            first.message = "绩效目标表“\(p.project)”有 \(findings.count) 项指标值低于上年完成值："
                + named.joined(separator: "、")
            first.consequences = Array(findings.dropFirst())
        }
        return [first]
    }
}

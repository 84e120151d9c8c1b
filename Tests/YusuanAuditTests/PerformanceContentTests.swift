import Testing
@testable import YusuanAudit
import YusuanModel

/// The content of the project performance tables (满意度, quantified costs, targets
/// against last year's result): silent where the table is sound, firing once one word
/// or figure of an indicator is changed.
@Suite(.auditSeeds) struct PerformanceContentTests {
    typealias P = PerformanceRulesTests

    @Test func aTableWithoutSatisfactionIsAWarning() throws {
        var d = try AuditSeeds.context("000").disclosure
        #expect(P.findings(d, "performance.satisfaction").isEmpty)
        #expect(P.findings(try AuditExample.disclosure(), "performance.satisfaction").isEmpty)
        let p = try P.project(d, "人身意外伤害保险补助")
        let i = try #require(d.performance.projects[p].indicators.firstIndex(where: PerformanceRules.isSatisfaction))
        d.performance.projects[p].indicators[i].level1 = "效益指标"
        d.performance.projects[p].indicators[i].level2 = "社会效益指标"
        let f = try #require(P.findings(d, "performance.satisfaction").first)
        #expect(f.severity == .warning && f.row == "2025 年自治区财政人身意外伤害保险补助" && f.column == "满意度指标")
        #expect(f.line == d.performance.projects[p].source?.line && f.section == "十二" && f.consequences == nil)
    }

    /// 002: six tables without 满意度 are one finding naming the six, at the first table.
    @Test func missingSatisfactionIsOneFinding() throws {
        let found = P.findings(try AuditSeeds.context("002"), "performance.satisfaction")
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.everyPlace.map(\.line) == [1557, 1791, 2467, 2664, 2912, 3306])
        #expect(f.row == "2025年稽核费" && f.message.hasPrefix("6 张项目支出绩效目标表没有满意度指标"))
    }

    /// Ten points together or more is silent (001 splits them 5 + 5; the example gives 20);
    /// a hundredth less is a note.
    @Test func satisfactionWeightAtItsBoundary() throws {
        #expect(P.findings(try AuditSeeds.context("001"), "performance.satisfaction-weight").isEmpty)
        let base = try AuditSeeds.context("000").disclosure
        let p = try P.project(base, "人身意外伤害保险补助")
        let i = try #require(base.performance.projects[p].indicators.firstIndex(where: PerformanceRules.isSatisfaction))
        for (weight, fires) in [("10", false), ("10.01", false), ("9.99", true), ("20", false)] {
            var d = base
            d.performance.projects[p].indicators[i].weight = Amount(weight)
            let found = P.findings(d, "performance.satisfaction-weight")
            #expect(found.isEmpty == !fires, "\(weight)")
            if let f = found.first {
                #expect(f.severity == .info && f.stated == Amount(weight) && f.expected == Amount(10))
                #expect(f.line == d.performance.projects[p].indicators[i].source?.line)
            }
        }
    }

    @Test func aCostInWordsIsAWarning() throws {
        var d = try AuditSeeds.context("000").disclosure
        #expect(P.findings(d, "performance.cost-qualitative").isEmpty)
        let p = try P.project(d, "全民参保及医疗服务经费补助")
        let i = try P.indicator(d, p, "医保惠民政策宣传工作成本")
        d.performance.projects[p].indicators[i].target = IndicatorTarget(parsing: "有效控制")
        let f = try #require(P.findings(d, "performance.cost-qualitative").first)
        #expect(f.severity == .warning && f.column == "成本指标/医保惠民政策宣传工作成本")
        #expect(f.line == d.performance.projects[p].indicators[i].source?.line)
        // 004 prints 人均财政筹资标准 as 成效明显 in three tables: one finding naming the three.
        let copied = P.findings(try AuditSeeds.context("004"), "performance.cost-qualitative")
        #expect(copied.count == 1)
        #expect(copied.first?.everyPlace.map(\.line) == [1511, 1939, 2522])
        #expect(copied.first?.message.hasPrefix("3 张绩效目标表的成本指标“人均财政筹资标准”都写作“成效明显”") == true)
        // A figure in any unit is quantified.
        d.performance.projects[p].indicators[i].target = IndicatorTarget(parsing: "<=2.50 万元")
        #expect(P.findings(d, "performance.cost-qualitative").isEmpty)
    }

    /// At-least rates against 上年完成值 (003: 城乡民居参保缴费率 >=95%, last year 98%, set
    /// by 历史标准): equal is silent, a hundredth below fires; a count, a satisfaction
    /// rate, an `=` target or one set by a policy requirement is not compared.
    @Test func targetBelowLastYearAtItsBoundary() throws {
        let base = try AuditSeeds.context("003").disclosure
        let p = try P.project(base, "城乡居民医疗保险财政补助资金")
        let i = try P.indicator(base, p, "城乡民居参保缴费率")
        for (target, fires) in [(">=98%", false), (">=97.99%", true), ("=95%", false), (">=95 万人", false)] {
            var d = base
            d.performance.projects[p].indicators[i].target = IndicatorTarget(parsing: target)
            let found = P.findings(d, "performance.below-last-year")
            #expect(found.isEmpty == !fires, "\(target)")
            if let f = found.first {
                #expect(f.severity == .info && f.stated == Amount("97.99") && f.expected == Amount(98))
                #expect(f.line == 1471 && f.column == "质量指标/城乡民居参保缴费率")
            }
        }
        #expect(P.findings(base, "performance.below-last-year").map(\.line).contains(1471))
        var policy = base
        policy.performance.projects[p].indicators[i].basis = "政策要求"
        #expect(!P.findings(policy, "performance.below-last-year").map(\.line).contains(1471))
        // 参保人员满意度 >=95% after 96% is a threshold, not judged; nor is a count below last year's.
        let satisfaction = try P.indicator(base, p, "参保人员满意度")
        #expect(base.performance.projects[p].indicators[satisfaction].lastYear == "96%")
        let z = try AuditSeeds.context("000").disclosure
        let q = try P.project(z, "城乡居民基本医疗保险县级财政补助")
        #expect(z.performance.projects[q].indicators[try P.indicator(z, q, "参保补助人数")].lastYear == "50438 人")
        #expect(P.findings(z, "performance.below-last-year").isEmpty)
    }

    /// Several lowered rates of one table are one finding.
    @Test func loweredTargetsOfATableAreOneFinding() throws {
        let found = P.findings(try AuditSeeds.context("002"), "performance.below-last-year")
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.row == "困难人群长护险资助缴费" && f.everyPlace.map(\.line) == [3216, 3229])
        #expect(f.everyPlace.map(\.stated) == [Amount(50), Amount(45)])
    }

    /// The goal's figures against the table's own indicators: 000's department goal says
    /// 检查次数少于 45 次 where the indicator is >=45 次; in a project, a changed count fires.
    @Test func goalAgainstItsIndicators() throws {
        let base = try AuditSeeds.context("000").disclosure
        let dept = try #require(P.findings(base, "performance.goal-indicator").first)
        #expect(dept.row == "部门整体" && dept.line == 1299 && dept.stated == Amount(45) && dept.expected == Amount(45))
        #expect(dept.severity == .warning && dept.message.contains("（方向相反）"))
        var d = base
        d.performance.department!.annualGoal = d.performance.department!.annualGoal.replacingOccurrences(of: "少于 45 次", with: "不少于 45 次")
        #expect(P.findings(d, "performance.goal-indicator").isEmpty)
        // 参保补助人数达到 50300 人 in the goal of the 921.93 project, >=50300 人 its indicator.
        let p = try P.project(d, "城乡居民基本医疗保险县级财政补助")
        let goal = d.performance.projects[p].overallGoal
        #expect(goal.contains("50300 人"))
        d.performance.projects[p].overallGoal = goal.replacingOccurrences(of: "50300 人", with: "50301 人")
        let f = try #require(P.findings(d, "performance.goal-indicator").first)
        #expect(f.row == "城乡居民基本医疗保险县级财政补助" && f.column == "数量指标/参保补助人数")
        #expect(f.stated == Amount(50301) && f.expected == Amount(50300) && f.line == 1685)
        // The same figure in 人次, or under words that share fewer than four characters, is not compared.
        d.performance.projects[p].overallGoal = goal.replacingOccurrences(of: "50300 人", with: "50301 人次")
        #expect(P.findings(d, "performance.goal-indicator").isEmpty)
        d.performance.projects[p].overallGoal = goal.replacingOccurrences(of: "参保补助人数达到 50300 人", with: "补助达到 50301 人")
        #expect(P.findings(d, "performance.goal-indicator").isEmpty)
    }

    @Test func goalFigures() {
        let figures = PerformanceRules.goalFigures("开展业务培训 1 次，检查不少于 45 次，参保人数达到 6.2 万人以上", units: ["次", "万人"])
        #expect(figures.map(\.label) == ["开展业务培训", "检查", "参保人数"])
        #expect(figures.map(\.number) == [Amount(1), Amount(45), Amount("6.2")])
        #expect(figures.map(\.atLeast) == [nil, true, true])
        #expect(PerformanceRules.sharedRun("开展业务培训", "业务培训次数") == 4)
    }

    /// 004 项目（5）computes 14.54 万人 × 6.18 元/人; its table asks =14.54 万人 and 人均缴费金额
    /// <=6.18 元. A standard set below the rate, or a count other than the one computed, fires.
    @Test func descriptionFiguresAgainstIndicators() throws {
        let base = try AuditSeeds.context("004").disclosure
        #expect(P.findings(base, "performance.description-figures").isEmpty)
        let p = try P.project(base, "全县居民人身意外伤害保险（本级）")
        let fee = try P.indicator(base, p, "人均缴费金额")
        for (target, fires) in [("<=6.18 元", false), ("<=6.17 元", true), ("<=6.19 元", false), ("=6.18 元", false)] {
            var d = base
            d.performance.projects[p].indicators[fee].target = IndicatorTarget(parsing: target)
            let found = P.findings(d, "performance.description-figures")
            #expect(found.isEmpty == !fires, "\(target)")
            if let f = found.first {
                #expect(f.severity == .warning && f.column == "经济成本指标/人均缴费金额" && f.line == d.performance.projects[p].indicators[fee].source?.line)
                #expect(f.stated == Amount("6.17") && f.expected == Amount("6.18"))
            }
        }
        let insured = try P.indicator(base, p, "人身意外伤害保险保障人数")
        for (target, fires) in [("=14.54 万人", false), ("=14.53 万人", true), (">=14.53 万人", false), (">=145401 人", true)] {
            var d = base
            d.performance.projects[p].indicators[insured].target = IndicatorTarget(parsing: target)
            #expect(P.findings(d, "performance.description-figures").isEmpty == !fires, "\(target)")
        }
    }

    /// Figures too large for an `Amount` once added or scaled (only damaged input prints
    /// them) are skipped, never a trap: weights, counts in 万人, cost sums and pairs.
    @Test func hugeFiguresDoNotTrap() throws {
        var d = try AuditSeeds.context("000").disclosure
        let huge = Amount(units: Int64.max - 10)
        for p in d.performance.projects.indices {
            for i in d.performance.projects[p].indicators.indices {
                d.performance.projects[p].indicators[i].weight = huge
                d.performance.projects[p].indicators[i].target = IndicatorTarget(parsing: "<=9000000000000 万元")
            }
        }
        let p = try P.project(d, "人身意外伤害保险补助")
        d.performance.projects[p].indicators[0].target = IndicatorTarget(parsing: "=9000000000000 万人")
        let t6 = try #require(d.tables.firstIndex { $0.kind == .basicByEconomicClass })
        for code in ["30110", "30111"] {
            let r = try #require(d.tables[t6].rows.firstIndex { $0.key == .code(code) })
            d.tables[t6].rows[r].cells[0] = Cell(huge)
        }
        let report = Auditor.audit(d, document: "huge")
        #expect(!report.findings.contains { $0.rule == "reconciliation.function-economic" && $0.row == "30110" })
        #expect(SumCheck.judge(total: Amount(units: Int64.max), parts: [Amount(units: -5)]) == nil)
        #expect(SumCheck.judge(total: .zero, parts: [huge, huge]) == nil)
        #expect(PerformanceRules.inOnes(Amount("9000000000000")!) == nil)
    }

    /// The example's tables: no finding.
    @Test func theExampleHasNoFinding() throws {
        let found = P.findings(AuditContext(disclosure: try AuditExample.disclosure()))
        #expect(found.isEmpty, "\(found.map(\.message))")
    }
}

import Testing
@testable import YusuanAudit
import YusuanModel

/// The performance-target rules: each stays silent on a consistent seed and fires
/// at the right place with the right figures when one number is changed; on the
/// five seeds exactly the findings checked by hand are reported.
@Suite(.auditSeeds) struct PerformanceRulesTests {
    static func findings(_ context: AuditContext, _ rule: String? = nil) -> [Finding] {
        PerformanceRules.check(context).filter { rule == nil || $0.rule == rule }
    }

    static func findings(_ d: Disclosure, _ rule: String) -> [Finding] {
        findings(AuditContext(disclosure: d), rule)
    }

    static func project(_ d: Disclosure, _ name: String) throws -> Int {
        try #require(d.performance.projects.firstIndex { $0.project.contains(name) })
    }

    static func indicator(_ d: Disclosure, _ p: Int, _ name: String) throws -> Int {
        try #require(d.performance.projects[p].indicators.firstIndex { $0.name == name })
    }

    static func setCell(_ d: inout Disclosure, _ kind: StandardTable, _ row: RowKey, _ value: String) throws {
        let t = try #require(d.tables.firstIndex { $0.kind == kind })
        let r = try #require(d.tables[t].rows.firstIndex { $0.key == row })
        d.tables[t].rows[r].cells[0] = Cell(Amount(value)!)
    }

    @Test func weights() throws {
        var d = try AuditSeeds.context("000").disclosure
        #expect(Self.findings(d, "performance.weights").isEmpty)
        let p = try Self.project(d, "人身意外伤害保险补助")
        d.performance.projects[p].indicators[0].weight = d.performance.projects[p].indicators[0].weight! + Amount(1)
        d.performance.department!.indicators[0].weight = d.performance.department!.indicators[0].weight! - Amount(2)
        let found = Self.findings(d, "performance.weights")
        #expect(found.count == 2)
        let project = try #require(found.first { $0.row == "2025 年自治区财政人身意外伤害保险补助" })
        #expect(project.stated == Amount(91) && project.expected == Amount(90) && project.column == "指标分值权重")
        #expect(project.line == 1471 && project.section == "十二")
        let dept = try #require(found.first { $0.row == "部门整体" })
        #expect(dept.stated == Amount(88) && dept.expected == Amount(90) && dept.line == 1216)
    }

    @Test func weightsOfOneHundredAreAccepted() throws {
        var d = try AuditSeeds.context("000").disclosure
        let p = try Self.project(d, "人身意外伤害保险补助")
        d.performance.projects[p].indicators[0].weight = d.performance.projects[p].indicators[0].weight! + Amount(10)
        #expect(Self.findings(d, "performance.weights").isEmpty)
    }

    /// Weights and cost ceilings allow no tolerance: one hundredth off 90, or above the
    /// funds, fires; exactly at them is silent.
    @Test func weightsAndCeilingsAtTheirBoundary() throws {
        let base = try AuditSeeds.context("000").disclosure
        let p = try Self.project(base, "人身意外伤害保险补助")
        for (delta, fires) in [("0.01", true), ("-0.01", true), ("0", false)] {
            var d = base
            d.performance.projects[p].indicators[0].weight = d.performance.projects[p].indicators[0].weight! + Amount(delta)!
            #expect(Self.findings(d, "performance.weights").isEmpty == !fires, "\(delta)")
        }
        let q = try Self.project(base, "全民参保及医疗服务经费补助")
        let publicity = try Self.indicator(base, q, "医保惠民政策宣传工作成本")
        for (value, fires) in [("4.50", false), ("4.51", true)] {
            var d = base
            d.performance.projects[q].indicators[publicity].target.number = Amount(value)
            #expect(Self.findings(d, "performance.cost-ceiling").isEmpty == !fires, "\(value)")
        }
    }

    @Test func fundSplit() throws {
        var d = try AuditSeeds.context("000").disclosure
        #expect(Self.findings(d, "performance.fund-split").isEmpty)
        let p = try Self.project(d, "全民参保及医疗服务经费补助")
        d.performance.projects[p].otherFunds = Amount("1.00")
        let f = try #require(Self.findings(d, "performance.fund-split").first)
        #expect(f.row == "2025 年自治区财政全民参保及医疗服务经费补助" && f.column == "年度预算总额")
        #expect(f.stated == Amount("4.50") && f.expected == Amount("5.50") && f.computation == "4.50 + 1.00")
    }

    @Test func projectFundsByName() throws {
        let context = try AuditSeeds.context("001")
        var d = context.disclosure
        #expect(Self.findings(d, "performance.project-funds").isEmpty)
        let project = RowKey.project(code: "2101502", name: "2025年医疗保障基金专项行动和全民参保征缴服务")
        try Self.setCell(&d, .projects, project.under(unit: "巴音郭楞蒙古自治州医疗保障局"), "70.00")
        let f = try #require(Self.findings(AuditContext(disclosure: d, lines: context.lines), "performance.project-funds").first)
        #expect(f.severity == .error && f.row == "2025 年医疗保障基金专项行动和全民参保征缴服务")
        #expect(f.stated == Amount("77.00") && f.expected == Amount("70.00") && f.line == 647)
        #expect(f.computation?.hasPrefix("表7 巴音郭楞蒙古自治州医疗保障局/2101502|") == true)
    }

    @Test func projectFundsCarriedOverAndByAmount() throws {
        // 001's carried-over project matches table 11 by its name (（上年结转） dropped).
        var d = try AuditSeeds.context("001").disclosure
        try Self.setCell(&d, .carryOver, .named("2024 年中央财政医疗服务与保障能力提升补助资金项目 (医疗保障服务能力建设部分)"), "14.46")
        let f = try #require(Self.findings(d, "performance.project-funds").first)
        #expect(f.stated == Amount("14.64") && f.expected == Amount("14.46"))
        // 000's names differ from table 7's: matched by amount; a changed amount matches nothing.
        var z = try AuditSeeds.context("000").disclosure
        let p = try Self.project(z, "全民参保及医疗服务经费补助")
        z.performance.projects[p].totalFunds = Amount("4.60")
        z.performance.projects[p].fiscalFunds = Amount("4.60")
        let missing = try #require(Self.findings(z, "performance.project-funds").first)
        #expect(missing.severity == .warning && missing.stated == Amount("4.60") && missing.expected == nil)
    }

    @Test func projectText() throws {
        var d = try AuditSeeds.context("001").disclosure
        #expect(Self.findings(d, "performance.project-text").isEmpty)
        let t = try #require(d.facts.projects.firstIndex { $0.ordinal == "一" })
        d.facts.projects[t].amount = Amount("70.00")
        let f = try #require(Self.findings(d, "performance.project-text").first)
        #expect(f.row == "2025 年医疗保障基金专项行动和全民参保征缴服务" && f.section == "七" && f.line == 509)
        #expect(f.stated == Amount("77.00") && f.expected == Amount("70.00"))
    }

    @Test func costCeilingAndTotal() throws {
        var d = try AuditSeeds.context("000").disclosure
        #expect(Self.findings(d, "performance.cost-ceiling").isEmpty)
        #expect(Self.findings(d, "performance.cost-total").isEmpty)
        let p = try Self.project(d, "全民参保及医疗服务经费补助")
        // Σ ceilings 2.50 + 0.80 + 1.20 = 4.50 = the funds; 0.80 → 1.00 makes 4.70.
        let training = try Self.indicator(d, p, "职工队伍建设培训开展成本")
        d.performance.projects[p].indicators[training].target.number = Amount("1.00")
        let total = try #require(Self.findings(d, "performance.cost-total").first)
        #expect(total.severity == .warning && total.stated == Amount("4.70") && total.expected == Amount("4.50"))
        #expect(Self.findings(d, "performance.cost-ceiling").isEmpty)
        // One ceiling above the funds: a warning, and no separate total.
        let publicity = try Self.indicator(d, p, "医保惠民政策宣传工作成本")
        d.performance.projects[p].indicators[publicity].target.number = Amount("5.00")
        let ceiling = try #require(Self.findings(d, "performance.cost-ceiling").first)
        #expect(ceiling.column == "成本指标/医保惠民政策宣传工作成本" && ceiling.severity == .warning)
        #expect(ceiling.stated == Amount("5.00") && ceiling.expected == Amount("4.50"))
        #expect(Self.findings(d, "performance.cost-total").isEmpty)
    }

    /// Σ cost ceilings exactly at the funds (2.50 + 0.80 + 1.20 = 4.50) is silent, one fen above a warning.
    @Test func costTotalAtItsBoundary() throws {
        let base = try AuditSeeds.context("000").disclosure
        let p = try Self.project(base, "全民参保及医疗服务经费补助")
        let training = try Self.indicator(base, p, "职工队伍建设培训开展成本")
        for (value, fires) in [("0.80", false), ("0.81", true), ("0.79", false)] {
            var d = base
            d.performance.projects[p].indicators[training].target.number = Amount(value)
            let found = Self.findings(d, "performance.cost-total")
            #expect(found.isEmpty == !fires, "\(value)")
            #expect(found.allSatisfy { $0.severity == .warning && $0.stated == Amount("4.51") })
        }
    }

    @Test func perPersonCostsAreNotCeilings() throws {
        // 元/人 standards and 人均 amounts are rates, not parts of the funds.
        var d = try AuditSeeds.context("004").disclosure
        let p = try Self.project(d, "离休人员医疗保障")
        let rate = try Self.indicator(d, p, "离休人员人均周转金发放标准")
        d.performance.projects[p].indicators[rate].target.number = Amount("30")
        #expect(Self.findings(d, "performance.cost-ceiling").isEmpty)
        let bill = try Self.indicator(d, p, "离休人员医疗费用")
        d.performance.projects[p].indicators[bill].target.number = Amount("21")
        #expect(Self.findings(d, "performance.cost-ceiling").map(\.stated) == [Amount("21")])
    }

    @Test func departmentFunds() throws {
        let context = try AuditSeeds.context("000")
        var d = context.disclosure
        #expect(Self.findings(d, "performance.department-funds").isEmpty)
        d.performance.department!.otherFunds = Amount("1.00")
        let f = try #require(Self.findings(AuditContext(disclosure: d, lines: context.lines), "performance.department-funds").first)
        #expect(f.row == "部门整体" && f.stated == Amount("1298.28") && f.expected == Amount("1297.28") && f.line == 1261)
    }

    @Test func departmentSources() throws {
        // 000 has no carry-over, 001 and 003 count it under 上级安排, 002 under 其他资金.
        for seed in ["000", "001", "002", "003"] {
            let d = try AuditSeeds.context(seed).disclosure
            #expect(Self.findings(d, "performance.department-sources").isEmpty, "\(seed)")
            #expect(Self.findings(d, "performance.department-funds").isEmpty, "\(seed)")
        }
        let context = try AuditSeeds.context("000")
        var d = context.disclosure
        d.performance.department!.superiorFunds = Amount("40.00")
        d.performance.department!.ownFunds = Amount("1257.28")
        let found = Self.findings(AuditContext(disclosure: d, lines: context.lines), "performance.department-sources")
        let own = try #require(found.first { $0.column == "本级安排" })
        #expect(own.stated == Amount("1257.28") && own.expected == Amount("1248.59") && own.line == 1263)
        let superior = try #require(found.first { $0.column == "上级安排" })
        #expect(superior.stated == Amount("40.00") && superior.expected == Amount("48.69") && superior.line == 1261)
        #expect(Self.findings(d, "performance.department-funds").isEmpty)   // the total still agrees
    }

    /// Every finding of the family on the seeds, each checked against the document.
    @Test func seeds() throws {
        typealias Expected = (rule: String, severity: Severity, row: String, line: Int, stated: Amount?, expected: Amount?)
        let expected: [String: [Expected]] = [
            // The goal says 开展业务培训 1 次, its indicator 业务培训次数 ≥2 次.
            "001": [("performance.goal-indicator", .warning, "2025 年医疗保障基金专项行动和全民参保征缴服务", 652, Amount(1), Amount(2))],
            // The department's goal says 定点医药机构检查次数少于 45 次, its indicator >=45 次.
            "000": [("performance.goal-indicator", .warning, "部门整体", 1299, Amount(45), Amount(45))],
            "002": [
                // 租赁公务用车成本 ≤9 万元 + 租赁公务用车加油成本 ≤4.68 万元 = 13.68 > 年度预算总额 13.28.
                ("performance.cost-total", .warning, "2025年综合业务费", 2602, Amount("13.68"), Amount("13.28")),
                // Six tables without 满意度, the first 2025年稽核费 (the others its consequences).
                ("performance.satisfaction", .warning, "2025年稽核费", 1557, nil, nil),
                // 全日制居家护理补偿率 >=50% after 60% (定点机构 >=45% after 55% its consequence).
                ("performance.below-last-year", .info, "困难人群长护险资助缴费", 3216, Amount(50), Amount(60)),
            ],
            "003": [
                // 城乡民居参保缴费率 >=95% after 98%, set by 历史标准.
                ("performance.below-last-year", .info, "部门专项-2021、2022、2023 年度城乡居民医疗保险财政补助资金", 1471,
                 Amount(95), Amount(98)),
            ],
            "004": [
                // Table 7 prints 151.58 for the same-named project (61.58 + the 本级 90.00 merged into one row).
                ("performance.project-funds", .error, "2023 年自治区财政人身意外伤害保险补助资金", 1829, Amount("61.58"), Amount("151.58")),
                // The 本级 project (90.00) has no row of its own in table 7.
                ("performance.project-funds", .warning, "全县居民人身意外伤害保险（本级）", 2411, Amount("90"), nil),
                // 人均财政筹资标准 printed as 成效明显 in three tables: one finding at the first.
                ("performance.cost-qualitative", .warning, "2022 年人身意外伤害保险补助资金", 1511, nil, nil),
            ],
        ]
        for (seed, list) in expected {
            let found = Self.findings(try AuditSeeds.context(seed))
            #expect(found.count == list.count, "\(seed): \(found.map(\.message))")
            for e in list {
                #expect(found.contains { $0.rule == e.rule && $0.severity == e.severity && $0.row == e.row && $0.line == e.line
                    && $0.stated == e.stated && $0.expected == e.expected }, "\(seed): \(e)")
            }
        }
    }
}

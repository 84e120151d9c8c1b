import Testing
@testable import YusuanAudit
@testable import YusuanCompose
import YusuanModel

/// A small fictional budget, composed: the tables must agree with each other by
/// construction, which the audit's table rules confirm.
@Suite struct ComposerTests {
    static func item(_ f: String, _ e: String, _ s: FundingSource, _ k: SpendingKind, _ a: String, _ p: String? = nil) -> LineItem {
        LineItem(function: f, economic: e, source: s, kind: k, project: p, amount: Amount(a)!)
    }

    static let budget = Budget(
        department: BudgetDepartment(name: "示例县医疗保障局", year: 2025),
        income: IncomeSources([.general: Amount("389.10")!, .generalTransfer: Amount("5.00")!]),
        items: [
            item("2101501", "30101", .general, .personnel, "50.00"),
            item("2101501", "30102", .general, .personnel, "20.00"),
            item("2101501", "30201", .general, .publicUse, "3.00"),
            item("2101501", "30217", .general, .publicUse, "0.50"),
            item("2101501", "30231", .general, .publicUse, "1.20"),
            item("2080505", "30108", .general, .personnel, "8.00"),
            item("2210201", "30113", .general, .personnel, "6.00"),
            item("2101103", "30111", .general, .personnel, "0.40"),
            item("2101202", "31302", .general, .project, "300.00", "城乡居民医保县级补助"),
            item("2101506", "30202", .generalTransfer, .project, "4.00", "参保宣传服务"),
            item("2101506", "30216", .generalTransfer, .project, "1.00", "参保宣传服务"),
            item("2101505", "30227", .carryOverGeneral, .project, "10.00", "医疗保障能力提升（上年结转）"),
        ],
        names: ["2101501": "行政运行", "21015": "医疗保障管理事务", "2080505": "机关事业单位基本养老保险缴费支出",
                "20805": "行政事业单位养老支出", "2210201": "住房公积金", "22102": "住房改革支出",
                "2101103": "公务员医疗补助", "21011": "行政事业单位医疗", "2101202": "财政对城乡居民基本医疗保险基金的补助",
                "21012": "财政对基本医疗保险基金的补助", "2101506": "医疗保障经办事务", "2101505": "医疗保障政策管理",
                "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30108": "机关事业单位基本养老保险缴费",
                "30113": "住房公积金", "30111": "公务员医疗补助缴费", "302": "商品和服务支出", "30201": "办公费",
                "30217": "公务接待费", "30231": "公务用车运行维护费"])

    @Test func tablesAgreeByConstruction() throws {
        let d = try Composer.compose(Self.budget)
        #expect(d.tables.map(\.kind.rawValue) == Array(1...11))
        let t1 = try #require(d.table(.overall))
        #expect(t1[.incomeTotal, .budgeted] == Amount("404.10"))
        #expect(t1[.generalPublicCarryOver, .budgeted] == Amount("10.00"))
        #expect(t1[.code("210"), .budgeted] == Amount("390.10"))
        let t3 = try #require(d.table(.expenditure))
        #expect(t3[.grandTotal, .basic] == Amount("89.10"))
        #expect(t3[.grandTotal, .project] == Amount("315.00"))
        let t5 = try #require(d.table(.generalPublic))
        #expect(t5[.grandTotal, .total] == Amount("394.10"))
        #expect(t5[.code("2101505"), .total] == nil, "carried-over money is not this year's general-public money")
        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6[.grandTotal, .personnel] == Amount("84.40"))
        #expect(t6[.code("302"), .publicUse] == Amount("4.70"))
        let t7 = try #require(d.table(.projects))
        func project(_ code: String, _ name: String) -> RowKey { .project(code: code, name: name).under(unit: "示例县医疗保障局") }
        #expect(t7[project("2101202", "城乡居民医保县级补助"), .socialSecurityFund] == Amount("300.00"))
        #expect(t7[project("2101506", "参保宣传服务"), .goodsAndServices] == Amount("5.00"))
        let t10 = try #require(d.table(.threePublicCosts))
        #expect(t10[.total, .generalPublic] == Amount("1.70"))
        let t11 = try #require(d.table(.carryOver))
        #expect(t11[.named("医疗保障能力提升（上年结转）"), .appropriationCarryProject] == Amount("10.00"))
        #expect(d.table(.governmentFund)?.emptyStatement?.value == "示例县医疗保障局2025年未安排政府性基金预算拨款支出，本表为空表。")
    }

    @Test func theAuditFindsNothingInTheTables() throws {
        let d = try Composer.compose(Self.budget)
        let families: Set<RuleFamily> = [.arithmetic, .reconciliation]
        let findings = Auditor.audit(d, document: "composed").findings.filter { families.contains($0.family) }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func everyProblemOfABadBudgetIsReportedAtOnce() {
        var bad = Self.budget
        bad.items[0].function = "21015"
        bad.items[1].economic = "301"
        bad.items[9].project = nil
        bad.income = IncomeSources([.general: Amount("1.00")!])
        #expect(throws: Composer.Problems(messages: [
            "items[0]: function code 21015 is not a 7-digit 项 code",
            "items[1]: economic code 301 is not a 5-digit 款 code",
            "items[9]: a project item needs its project name",
            "income.general: stated 1.00 but the line items spend 389.10",
            "income.generalTransfer: stated 0 but the line items spend 5.00",
        ])) { try Composer.compose(bad) }
    }
}

import Testing
@testable import YusuanAudit
import YusuanModel

/// 新增 (`year-on-year.new-item`): what the text calls new had no budget last year, by the
/// previous year the text's own changes imply.
@Suite struct NewItemTests {
    typealias A = TextAudit
    static let rule = "year-on-year.new-item"

    static func statement(_ lines: [String]) -> Disclosure {
        A.document(section: "五", title: "关于测试局 2025 年一般公共预算当年拨款情况说明", lines)
    }

    /// `比上年新增 X 万元`: X is the whole of this year's amount, else last year had the rest.
    @Test func amountSaidNew() throws {
        #expect(A.findings(Self.statement(["培训支出 12.00 万元，比上年预算新增 12.00 万元（上年无此项预算）。"]), Self.rule).isEmpty)
        let part = Self.statement(["培训支出 12.00 万元，比上年预算新增 10.00 万元（上年无此项预算）。"])
        let f = try #require(A.findings(part, Self.rule).first)
        #expect(f.severity == .error && f.section == "五" && f.line == 10)
        #expect(f.stated == Amount("10.00") && f.expected == Amount("12.00") && f.computation == "12.00 − 10.00 = 2.00（上年）")
        // One fen of last year is enough: the statement is exact, not rounded.
        let fen = Self.statement(["培训支出 12.00 万元，比上年预算新增 11.99 万元（上年无此项预算）。"])
        #expect(A.findings(fen, Self.rule).map(\.computation) == ["12.00 − 11.99 = 0.01（上年）"])
        // 新增加 with a rate says the same.
        let rated = Self.statement(["培训支出 12.00 万元，比上年预算新增加 2.00 万元，增长 20.00%。"])
        #expect(A.findings(rated, Self.rule).map(\.expected) == [Amount("12.00")])
    }

    /// A reason calling new an item the text states with last year's budget.
    @Test func reasonNamingAnItemWithABudget() throws {
        let had = Self.statement([
            "行政运行 100.00 万元，比上年预算增加 20.00 万元，增长 25.00%。",
            "项目支出 50.00 万元，比上年预算增加 10.00 万元，增长 25.00%，主要原因是新增行政运行。",
        ])
        let f = try #require(A.findings(had, Self.rule).first)
        #expect(f.severity == .warning && f.line == 12 && f.expected == Amount("80.00"))
        // The item new this year: nothing to say.
        let new = Self.statement([
            "行政运行 100.00 万元，比上年预算增加 100.00 万元，增长 100.00%。",
            "项目支出 50.00 万元，比上年预算增加 10.00 万元，增长 25.00%，主要原因是新增行政运行。",
        ])
        #expect(A.findings(new, Self.rule).isEmpty)
        // New people, or a name no item has, name no item.
        let people = Self.statement([
            "行政运行 100.00 万元，比上年预算增加 20.00 万元，增长 25.00%，主要原因是新增在职人员 1 人。",
        ])
        #expect(A.findings(people, Self.rule).isEmpty)
    }

    /// The name is the item's characters in order, in one or two runs, four or more of them.
    @Test func namesWithinItems() {
        let item = "财政对城乡居民基本医疗保险基金的补助"
        #expect(YearOnYearRules.within("城乡居民医疗保险", item))
        #expect(YearOnYearRules.within("城乡居民基本医疗保险", item))
        #expect(!YearOnYearRules.within("城乡医疗保险补助", item))   // three runs
        #expect(!YearOnYearRules.within("居民医保", item))           // 医保 is not printed together
        #expect(!YearOnYearRules.within("医疗", item))               // too short to tell
        #expect(!YearOnYearRules.within("居基本医疗保险", item))      // 居 alone would be a run of one
        #expect(YearOnYearRules.within("城乡居民本医疗保险", item))    // runs of four and five
    }

    /// The example (no error or warning): a 项 said new with part of its amount fires, once.
    @Test func onTheExample() throws {
        var d = try AuditExample.disclosure()
        A.edit(&d, line: 745, "640.00 万元，为", "640.00 万元，比上年预算新增 640.00 万元（上年无此项预算），为")
        #expect(AuditExample.concerns(d).isEmpty)
        A.edit(&d, line: 745, "新增 640.00 万元", "新增 40.00 万元")
        let findings = AuditExample.concerns(d)
        #expect(findings.map(\.rule) == [Self.rule])
        let f = try #require(findings.first)
        #expect(f.severity == .error && f.section == "五" && f.line == 745)
        #expect(f.stated == Amount("40.00") && f.expected == Amount("640.00"))
    }

    /// 尉犁县 (000): 职业年金 is new this year; said 新增 with its whole amount it stays silent,
    /// with one figure changed it fires.
    @Test(.auditSeeds) func seed000() throws {
        var d = try A.base("000")
        #expect(A.findings(d, Self.rule).isEmpty)
        A.edit(&d, line: 912, "比上年预算增加", "比上年预算新增")
        #expect(A.findings(d, Self.rule).isEmpty)
        A.edit(&d, line: 914, "15.19 万元，增长", "5.19 万元，增长")
        let f = try #require(A.findings(d, Self.rule).first)
        #expect(f.severity == .error && f.section == "五" && f.line == 914)
        #expect(f.stated == Amount("5.19") && f.expected == Amount("15.19"))
    }

    /// 特克斯 (004): 项目支出's reason calls 城乡居民医疗保险 new, while 五（三） states its 项
    /// 644.71 万元, 27.14 more than last year's 617.57.
    @Test(.auditSeeds) func seed004() throws {
        let d = try A.base("004")
        let f = try #require(A.findings(d, Self.rule).first)
        #expect(f.severity == .warning && f.section == "三" && f.line == 969 && f.expected == Amount("617.57"))
        var said = d
        A.edit(&said, line: 969, "新增城乡", "城乡")
        #expect(A.findings(said, Self.rule).isEmpty)
        var new = d
        A.edit(&new, line: 1095, "增加 27.14 万元", "增加 644.71 万元")
        #expect(A.findings(new, Self.rule).isEmpty)
    }
}
